import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AdminDeps, Flow } from '../bot/flow.js';
import { DOCS_ASSETS, DOCS_HTML, type DocsAsset, docsAsset } from './docs-page.js';
import { openApiDocument } from './openapi.js';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Every flow's admin endpoints (`Flow.adminRoutes`) in one app, paths relative to /api. */
export function flowAdminRoutes(flows: readonly Flow[], deps: Omit<AdminDeps, 'commands'>): Hono {
  const api = new Hono();
  // every flow's fixed commands: an uploaded request type must not take one's keyword
  const commands = flows.flatMap((f) => f.commands);
  for (const flow of flows) if (flow.adminRoutes) api.route('/', flow.adminRoutes({ ...deps, commands }));
  return api;
}

/**
 * Admin REST under /api: bearer ADMIN_TOKEN; unset token = the API is off (503), never open.
 * The endpoints are the flows' own, mounted behind the token and size limit. Their description
 * (`/api/openapi.json`) and its browsable reference (`/api/docs`) are public: they hold no data.
 */
export function adminRoutes(
  adminToken: string | undefined,
  flows: readonly Flow[],
  deps: Omit<AdminDeps, 'commands'>,
  /** The wiring's own admin endpoints (import jobs, web invites), described and guarded like the flows'. */
  extras: readonly Hono[] = [],
): Hono {
  const api = new Hono();
  const endpoints = flowAdminRoutes(flows, deps);
  for (const routes of extras) endpoints.route('/', routes);
  const document = openApiDocument(endpoints);

  // registered before the token check, which therefore never runs for them
  api.get('/openapi.json', (c) => c.json(document));
  api.get('/docs', (c) => c.html(DOCS_HTML));
  api.get('/docs/:asset', async (c) => {
    const asset = c.req.param('asset');
    if (!(asset in DOCS_ASSETS)) return c.json({ error: 'not found' }, 404);
    const name = asset as DocsAsset;
    return c.body(await docsAsset(name), 200, {
      'content-type': DOCS_ASSETS[name],
      'cache-control': 'public, max-age=86400',
    });
  });

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

  api.route('/', endpoints);
  return api;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
