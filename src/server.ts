import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { routePath } from 'hono/route';
import { importRoutes } from './admin/imports.js';
import { adminRoutes } from './admin/routes.js';
import type { DirectorySync } from './bot/directory-source.js';
import type { Flow, Reminders } from './bot/flow.js';
import type { Message, MessageRef } from './bot/types.js';
import type { Clock } from './clock.js';
import { isStoreUnavailable } from './errors.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { withRequestId } from './request-context.js';

export type ServerDeps = {
  log: Logger;
  adminToken?: string;
  /** True when the database answers. */
  ready(): Promise<boolean>;
  /** Sub-apps of the chat adapters, by mount path (`/web`, `/slack`, `/lark`). */
  adapters: Record<string, Hono>;
  /** Whose admin endpoints the admin API mounts (`Flow.adminRoutes`). */
  flows: readonly Flow[];
  /** Admin endpoints that are not a flow's (the web chat's invite links). */
  adminExtras?: Hono[];
  /** For admin endpoints that message people ("send the digest now"). */
  reminders: Reminders;
  /** Tells an import's starter in chat that it ended. */
  notify(employeeId: string, message: Message): Promise<MessageRef[]>;
  /** The connected platforms' directories, for `POST /api/directory/sync`. */
  directorySync?: DirectorySync;
  now: Clock;
  metrics: Metrics;
};

/** The HTTP surface: health, admin API and each adapter's routes. Thin wiring only. */
export function createHttpApp(deps: ServerDeps): Hono {
  const app = new Hono();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    const started = performance.now();
    await withRequestId(c.get('requestId'), next);
    const ms = performance.now() - started;
    // the pattern, not the path: paths carry ids, and each distinct label is a new series
    const route = c.res.status === 404 ? 'unmatched' : routePath(c, c.req.routeIndex);
    deps.metrics.request(c.req.method, route, c.res.status, ms / 1000);
    // method, path and status only: bodies carry message text and personal data
    deps.log.debug(
      {
        reqId: c.get('requestId'),
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round(ms),
      },
      'http',
    );
  });

  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/readyz', async (c) =>
    (await deps.ready()) ? c.json({ ok: true }) : c.json({ ok: false, error: 'database unavailable' }, 503),
  );
  // no personal data in it (see src/metrics.ts); keep it off the public internet like /readyz
  app.get('/metrics', async (c) => {
    const { body, contentType } = await deps.metrics.render();
    return c.body(body, 200, { 'content-type': contentType });
  });
  app.get('/', (c) => c.redirect(deps.adapters['/web'] ? '/web' : '/healthz'));
  for (const [path, routes] of Object.entries(deps.adapters)) app.route(path, routes);
  const imports = importRoutes(
    deps.flows.flatMap((f) => f.imports ?? []),
    { now: deps.now, log: deps.log, notify: deps.notify },
  );
  app.route(
    '/api',
    adminRoutes(
      deps.adminToken,
      deps.flows,
      {
        now: deps.now,
        reminders: deps.reminders,
        ...(deps.directorySync ? { directorySync: deps.directorySync } : {}),
      },
      [imports, ...(deps.adminExtras ?? [])],
    ),
  );

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((err, c) => {
    if (isStoreUnavailable(err)) return c.json({ error: 'database unavailable, try again in a moment' }, 503);
    deps.log.error({ err, reqId: c.get('requestId') }, 'request failed');
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
