import { Hono } from 'hono';
import { rebuildLists } from '../../flows/approvals/api.js';
import type { Clock } from '../clock.js';

/**
 * The approvals repair: every "待我审批" / "我的申请" list rebuilt from the requests, for after a
 * crash between a request's change and its lists' update (shown lists already skip such entries).
 */
export function approvalRoutes(now: Clock): Hono {
  return new Hono().post('/approvals/lists/rebuild', async (c) => c.json(await rebuildLists(now())));
}
