import { Hono } from 'hono';
import { z } from 'zod';
import type { AdminDeps } from '../../../src/bot/flow.js';
import { documented } from '../../../src/http/route-doc.js';
import { customTypeReport, MAX_REPORT_ROWS } from './report.js';
import { latestType, listTypes, readDefinition, saveDefinition } from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_REPORT_DAYS = 366;
const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Request types defined without code: upload (JSON; the next version when it differs from the
 * latest), list, read one back, and a type's requests as CSV (UTC days, `to` inclusive). A definition with problems is refused with all of them,
 * each with its path, and nothing is stored.
 */
export function customTypeRoutes({ now, commands }: AdminDeps): Hono {
  const keywords = commands.flatMap((c) => [...c.keywords['zh-CN'], ...c.keywords.en]);
  const tag = 'approvals';
  return new Hono()
    .post(
      '/approvals/types',
      documented({
        tag,
        summary: 'Upload a request type defined as data (its next version when it differs)',
        description:
          'A JSON definition: labels and keywords in both languages, `fields`, `route`, `cc` — see the README. Every problem is named with its path; nothing is stored until there are none.',
        body: { json: z.object({}).loose() },
        responses: {
          200: { description: 'unchanged: the same as the latest version' },
          201: { description: 'stored as the next version' },
          400: { description: '`{error, problems: [{path, message}]}`' },
        },
      }),
      async (c) => {
        const body = await c.req.json().catch(() => undefined);
        if (body === undefined) return c.json({ error: 'body must be JSON' }, 400);
        const saved = await saveDefinition(body, keywords, now());
        if (!saved.ok) return c.json({ error: 'invalid definition', problems: saved.problems }, 400);
        return c.json(saved, saved.unchanged ? 200 : 201);
      },
    )
    .get(
      '/approvals/types',
      documented({
        tag,
        summary: 'The request types defined as data, latest versions',
        responses: { 200: { description: '`{types}`' } },
      }),
      async (c) => c.json({ types: await listTypes() }),
    )
    .get(
      '/approvals/types/:type',
      documented({
        tag,
        summary: 'One request type’s definition (the latest, or `?version=`)',
        query: z.object({ version: z.string().optional() }),
        responses: {
          200: { description: 'the definition' },
          400: { description: 'a bad version' },
          404: { description: 'no such type or version' },
        },
      }),
      async (c) => {
        const version = c.req.query('version');
        if (version !== undefined && !/^[1-9]\d{0,5}$/.test(version))
          return c.json({ error: 'version must be a whole number from 1' }, 400);
        const found = await readDefinition(c.req.param('type'), version ? Number(version) : undefined);
        return found ? c.json(found) : c.json({ error: 'no such type or version' }, 404);
      },
    )
    .get(
      '/approvals/types/:type/requests',
      documented({
        tag,
        summary: 'A request type’s requests between two UTC days (inclusive) as CSV, one column per field',
        query: z.object({ from: z.string(), to: z.string(), lang: z.enum(['zh-CN', 'en']).optional() }),
        responses: {
          200: { description: 'the rows', contentType: 'text/csv' },
          400: { description: 'a day missing or reversed, more than 366 days, or too many requests' },
          404: { description: 'no such type' },
        },
      }),
      async (c) => {
        const { from, to, lang = 'zh-CN' } = c.req.query();
        const start = isoDay.test(from ?? '') ? new Date(`${from}T00:00:00Z`) : null;
        const end = isoDay.test(to ?? '') ? new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY_MS) : null;
        if (!start || !end || Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()))
          return c.json({ error: 'from and to are required, as YYYY-MM-DD' }, 400);
        if (end <= start) return c.json({ error: 'to is before from' }, 400);
        if (end.getTime() - start.getTime() > MAX_REPORT_DAYS * DAY_MS)
          return c.json({ error: `at most ${MAX_REPORT_DAYS} days per report` }, 400);
        if (lang !== 'zh-CN' && lang !== 'en') return c.json({ error: 'lang is zh-CN or en' }, 400);
        const type = c.req.param('type');
        if (!(await latestType(type))) return c.json({ error: 'no such type' }, 404);
        const csv = await customTypeReport(type, start, end, lang);
        if (csv === null)
          return c.json({ error: `more than ${MAX_REPORT_ROWS} requests: ask for fewer days` }, 400);
        return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8' });
      },
    );
}
