import { Hono } from 'hono';
import { z } from 'zod';
import { CONTRACT_STATUSES } from '../../db/models/contract.js';
import type { AdminDeps } from '../../src/bot/flow.js';
import { documented } from '../../src/http/route-doc.js';
import { exportContractsCsv } from './export.js';

/** Contracts admin REST, mounted under /api behind the bearer token. */
export function contractAdminRoutes(_deps: AdminDeps): Hono {
  const api = new Hono();
  const exportQuery = z.object({ status: z.enum(CONTRACT_STATUSES).optional() });
  const exportDoc = documented({
    tag: 'contracts',
    summary: 'Contracts as CSV, one line per instalment',
    query: exportQuery,
    responses: {
      200: { description: 'the lines', contentType: 'text/csv' },
      400: { description: 'an unknown status' },
    },
  });
  api.get('/export/contracts', exportDoc, async (c) => {
    const query = exportQuery.safeParse(c.req.query());
    if (!query.success)
      return c.json({ error: `status must be one of ${CONTRACT_STATUSES.join(', ')}` }, 400);
    const csv = await exportContractsCsv(query.data.status);
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
  });
  return api;
}
