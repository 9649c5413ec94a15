import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AdminDeps, Flow } from '../bot/flow.js';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/**
 * Admin REST under /api: bearer ADMIN_TOKEN; unset token = the API is off (503), never open.
 * The endpoints are the flows' own (`Flow.adminRoutes`), mounted behind the token and size limit.
 */
export function adminRoutes(
  adminToken: string | undefined,
  flows: readonly Flow[],
  deps: AdminDeps,
  /** The wiring's own admin endpoints (the import jobs). */
  more: readonly Hono[] = [],
): Hono {
  const api = new Hono();

  api.use('*', async (c, next) => {
    if (!adminToken) return c.json({ error: 'admin API is off: set ADMIN_TOKEN' }, 503);
    const given = c.req.header('authorization')?.replace(/^Bearer\s+/i, '') ?? '';
    if (!sameSecret(given, adminToken)) return c.json({ error: 'bearer token required' }, 401);
    await next();
  });

  api.use(
    '*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'body larger than 5 MB' }, 413) }),
  );

  for (const flow of flows) if (flow.adminRoutes) api.route('/', flow.adminRoutes(deps));
  for (const routes of more) api.route('/', routes);
  return api;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
