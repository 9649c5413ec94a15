import { Hono } from 'hono';
import { z } from 'zod';
import { CONTRACT_STATUSES } from '../../db/models/contract.js';
import type { AdminDeps } from '../../src/bot/flow.js';
import { exportContractsCsv } from './export.js';

/** Contracts admin REST, mounted under /api behind the bearer token. */
export function contractAdminRoutes(_deps: AdminDeps): Hono {
  const api = new Hono();
  api.get('/export/contracts', async (c) => {
    const query = z.object({ status: z.enum(CONTRACT_STATUSES).optional() }).safeParse(c.req.query());
    if (!query.success)
      return c.json({ error: `status must be one of ${CONTRACT_STATUSES.join(', ')}` }, 400);
    const csv = await exportContractsCsv(query.data.status);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });
  return api;
}
