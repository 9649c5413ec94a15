import { Hono } from 'hono';
import type { AdminDeps } from '../../../src/bot/flow.js';
import { listTypes, readDefinition, saveDefinition } from './store.js';

/**
 * Request types defined without code: upload (JSON; the next version when it differs from the
 * latest), list, and read one back. A definition with problems is refused with all of them,
 * each with its path, and nothing is stored.
 */
export function customTypeRoutes({ now, commands }: AdminDeps): Hono {
  const keywords = commands.flatMap((c) => [...c.keywords['zh-CN'], ...c.keywords.en]);
  return new Hono()
    .post('/approvals/types', async (c) => {
      const body = await c.req.json().catch(() => undefined);
      if (body === undefined) return c.json({ error: 'body must be JSON' }, 400);
      const saved = await saveDefinition(body, keywords, now());
      if (!saved.ok) return c.json({ error: 'invalid definition', problems: saved.problems }, 400);
      return c.json(saved, saved.unchanged ? 200 : 201);
    })
    .get('/approvals/types', async (c) => c.json({ types: await listTypes() }))
    .get('/approvals/types/:type', async (c) => {
      const version = c.req.query('version');
      if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version))
        return c.json({ error: 'version must be a whole number from 1' }, 400);
      const found = await readDefinition(c.req.param('type'), version ? Number(version) : undefined);
      return found ? c.json(found) : c.json({ error: 'no such type or version' }, 404);
    });
}
