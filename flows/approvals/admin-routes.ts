import { Hono } from 'hono';
import type { AdminDeps } from '../../src/bot/flow.js';
import { documented } from '../../src/http/route-doc.js';
import { analyticsRoute } from './analytics-route.js';
import { customTypeRoutes } from './custom-types/admin-routes.js';
import { rebuildLists } from './lists.js';

/**
 * Approval analytics (analytics-route.ts), request types defined as data (custom-types/), and the
 * approvals repair: every "待我审批" / "我的申请" list rebuilt from the requests, for after a crash
 * between a request's change and its lists' update (shown lists already skip such entries).
 */
export function approvalAdminRoutes(deps: AdminDeps): Hono {
  const analytics = analyticsRoute(deps.now);
  return new Hono()
    .get('/approvals/analytics', analytics.doc, analytics.handler)
    .post(
      '/approvals/lists/rebuild',
      documented({
        tag: 'approvals',
        summary: 'Rebuild everyone’s pending and own-request lists from the requests',
        description: 'Reads the whole requests collection; for after a crash between a change and its lists.',
        responses: { 200: { description: '`{lists}`: how many lists were written' } },
      }),
      async (c) => c.json(await rebuildLists(deps.now())),
    )
    .route('/', customTypeRoutes(deps));
}
