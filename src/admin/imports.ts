import { Hono } from 'hono';
import { z } from 'zod';
import { createImportJob, readImportJob } from '../../db/import-jobs.js';
import type { ImportJobDoc } from '../../db/models/import-job.js';
import { readDirectory } from '../../flows/org/api.js';
import type { ImportSpec } from '../csv-import.js';
import { documented } from '../http/route-doc.js';
import { type ImportRunDeps, runImportInBackground } from '../imports/run-import.js';

/**
 * A file this small is answered when its import ends, as before jobs (200 with the counts, 400
 * with every bad line) unless the caller sends `Prefer: respond-async`; a larger one at once.
 */
const ANSWER_WHEN_DONE_MAX_CHARS = 100_000;

/** The columns each import reads, for the API's description (the flows' readers are the truth). */
const COLUMNS: Record<string, string> = {
  employees: 'name,email,department,manager_email,roles,locale,timezone,currency (roles `;`-separated)',
  customers:
    'any of name,city,industry,contact,phone,email,age,age_band,source,stage,owner_email,tags (name required; empty owner = pool)',
  products: 'sku,name,name_en,spec,unit,price,reorder_level (sku and name required)',
};

/**
 * `POST /import/<kind>[?notify=<email>]`: the CSV becomes an import job that runs in this process
 * right away, in slices that yield to the event loop; 202 `{id, state, …}` with `Location:
 * /api/imports/<id>`. `notify` names the employee told in chat when it ends. `GET /imports/<id>`:
 * its progress (state, rows done of total, problems so far).
 */
export function importRoutes(specs: readonly ImportSpec[], deps: ImportRunDeps): Hono {
  const api = new Hono();

  const kinds = specs.map((s) => s.kind);
  const importDoc = documented({
    tag: 'imports',
    summary: `Import a CSV as a background job: ${kinds.join(', ')}`,
    description:
      'All or nothing: every bad line is named and nothing is written. A file under 100,000 characters is answered when it ends (200 / 400) unless `Prefer: respond-async`; a larger one at once with 202 and `Location: /api/imports/<id>`.',
    query: z.object({ notify: z.email().optional() }),
    body: { csv: kinds.map((k) => `${k}: ${COLUMNS[k] ?? 'see the README'}`).join('; ') },
    responses: {
      200: { description: '`{ok, created, updated, errors?}`: done' },
      202: { description: 'the job, still running: `{id, kind, state, total, done, …}`' },
      400: {
        description:
          '`{error, rows: [{line, problem}]}`: nothing imported; or `notify` is no active employee',
      },
      404: { description: 'no import of that kind' },
    },
  });
  const progressDoc = documented({
    tag: 'imports',
    summary: 'An import job’s progress: state, rows done of total, problems so far',
    responses: {
      200: { description: '`{id, kind, state, total, done, created, updated, errorCount, errors}`' },
      404: { description: 'no such import' },
    },
  });

  api.post('/import/:kind', importDoc, async (c) => {
    const spec = specs.find((s) => s.kind === c.req.param('kind'));
    if (!spec)
      return c.json({ error: `no import of that kind: ${specs.map((s) => s.kind).join(', ')}` }, 404);
    const notifyEmail = c.req.query('notify');
    const notify = notifyEmail ? (await readDirectory()).activeByEmail(notifyEmail) : undefined;
    if (notifyEmail && !notify)
      return c.json({ error: `notify ${notifyEmail} is not an active employee` }, 400);

    const csv = await c.req.text();
    const { job, created } = await createImportJob(
      spec.kind,
      csv,
      notify ? String(notify._id) : null,
      deps.now(),
    );
    const running = created ? runImportInBackground(spec, job, deps) : null;
    const waits =
      csv.length <= ANSWER_WHEN_DONE_MAX_CHARS && !/respond-async/i.test(c.req.header('prefer') ?? '');
    const ended = waits && running ? await running : null;
    if (ended?.state === 'done') {
      const { created, updated, errors } = ended;
      return c.json({ ok: true, created, updated, ...(errors.length > 0 && { errors }) });
    }
    if (ended?.state === 'failed') return c.json({ error: 'nothing imported', rows: ended.errors }, 400);
    const current = (await readImportJob(job._id)) ?? job;
    return c.json(view(current), 202, { location: `/api/imports/${job._id}` });
  });

  api.get('/imports/:id', progressDoc, async (c) => {
    const job = await readImportJob(c.req.param('id'));
    return job ? c.json(view(job)) : c.json({ error: 'no such import' }, 404);
  });

  return api;
}

function view(job: ImportJobDoc) {
  return {
    id: job._id,
    kind: job.kind,
    state: job.state,
    total: job.total,
    done: job.done,
    created: job.created,
    updated: job.updated,
    errorCount: job.errorCount,
    errors: job.errors,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}
