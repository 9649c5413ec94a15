import { Hono } from 'hono';
import { z } from 'zod';
import type { AdminDeps } from '../../src/bot/flow.js';
import { describeIssue, isStoreUnavailable } from '../../src/errors.js';
import { documented, type RouteDoc } from '../../src/http/route-doc.js';
import { MAX_LEAVING_SHARE, syncDirectory } from './sync.js';

const flag = z.enum(['0', '1', 'true', 'false']).optional();
const syncQuery = z.object({ dry_run: flag, force: flag });
const on = (value: string | undefined) => value === '1' || value === 'true';

const doc: RouteDoc = {
  tag: 'org',
  summary: 'Sync employees from Slack and Lark',
  description: `Reads Slack users.list and Lark contacts, matches people by e-mail, creates, updates, binds and deactivates. \`dry_run=1\` returns the plan only. A sync that would deactivate more than ${MAX_LEAVING_SHARE * 100} % of active employees is refused unless \`force=1\`.`,
  query: syncQuery,
  responses: {
    200: { description: '`{plan: {create, update, bind, deactivate, skipped}, applied, failed}`' },
    400: { description: 'a bad query parameter' },
    409: { description: 'refused (too many would leave, or no platform connected): `{error, plan?}`' },
    502: {
      description:
        'a platform’s directory could not be read (a revoked token, a missing scope): nothing written',
    },
  },
};

/** `POST /directory/sync`: the scheduled sync, now (or as a dry run). */
export function syncRoutes({ now, directorySync }: AdminDeps): Hono {
  const api = new Hono();
  api.post('/directory/sync', documented(doc), async (c) => {
    const query = syncQuery.safeParse(c.req.query());
    if (!query.success) return c.json({ error: describeIssue(query.error) }, 400);
    if (!directorySync)
      return c.json({ error: 'no Slack or Lark connected: import employees from CSV' }, 409);
    const report = await syncDirectory(directorySync, {
      dryRun: on(query.data.dry_run),
      force: on(query.data.force),
      now: now(),
    }).catch((err: unknown) => {
      // the platform's own words (invalid_auth, missing_scope) tell the admin what to fix
      if (isStoreUnavailable(err)) throw err;
      return { unreadable: err instanceof Error ? err.message.slice(0, 200) : 'unknown error' };
    });
    if ('unreadable' in report)
      return c.json({ error: `a platform's directory could not be read: ${report.unreadable}` }, 502);
    const { refused } = report;
    if (refused) {
      const error = `would deactivate ${refused.leaving} of ${refused.active} active employees (more than ${MAX_LEAVING_SHARE * 100} %): check the plan, then force=1`;
      return c.json({ error, plan: report.plan }, 409);
    }
    return c.json(report);
  });
  return api;
}
