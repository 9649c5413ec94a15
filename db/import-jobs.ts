import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { claim } from './claims.js';
import { isDuplicateKey } from './duplicate-key.js';
import { ImportFile, ImportJob, type ImportJobDoc, type ImportProblem } from './models/import-job.js';
import { findByIds } from './point-reads.js';
import { pruneOldest } from './prune.js';

/** A job's problems kept on it (and shown); the count covers all of them. */
export const ERRORS_KEPT = 100;
/** A running job saves progress at least this often; one silent for longer is taken over. */
export const IMPORT_STALE_MS = 120_000;
/** Runs a job may take (crashes included) before it is marked failed instead of resumed again. */
const MAX_RUNS = 3;

/**
 * The job for `csv`, created with its file. The same file posted again while its job runs gets
 * that job (`created: false`); after it ended, a new one (`…-2`, `…-3` within the same second).
 */
export async function createImportJob(
  kind: string,
  csv: string,
  notify: string | null,
  now: Date,
): Promise<{ job: ImportJobDoc; created: boolean }> {
  const second = DateTime.fromJSDate(now, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss");
  const base = `${kind}-${second}-${createHash('sha256').update(csv).digest('hex').slice(0, 8)}`;
  for (let n = 1; ; n++) {
    const _id = n === 1 ? base : `${base}-${n}`;
    const existing = await readImportJob(_id);
    if (existing && !isEnded(existing)) return { job: existing, created: false };
    if (existing) continue;
    // the file first: a job never exists without its file
    await ImportFile.create({ _id, csv }).catch((err: unknown) => {
      if (!isDuplicateKey(err)) throw err; // a concurrent post of the same file
    });
    try {
      await ImportJob.create({ _id, kind, state: 'checking', notify, startedAt: now, heartbeatAt: now });
      return { job: (await readImportJob(_id)) as ImportJobDoc, created: true };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const raced = await readImportJob(_id);
      if (raced && !isEnded(raced)) return { job: raced, created: false };
    }
  }
}

export const readImportJob = (id: string) => ImportJob.findById(id).lean<ImportJobDoc>();
export const readImportFile = async (id: string) => (await ImportFile.findById(id).lean())?.csv ?? null;

type Progress = { created: number; updated: number; errors: ImportProblem[] };

/** Saves a committed slice's progress (and the heartbeat), unless another run has taken the job over. */
export async function saveImportProgress(
  job: ImportJobDoc,
  fields: { state?: 'writing'; total?: number; done?: number } & Partial<Progress>,
  now: Date,
): Promise<boolean> {
  const current = await readImportJob(job._id);
  if (!current || current.run !== job.run || isEnded(current)) return false;
  const errors = [...current.errors, ...(fields.errors ?? [])].slice(0, ERRORS_KEPT);
  await ImportJob.updateOne(
    { _id: job._id },
    {
      $set: {
        ...(fields.state && { state: fields.state }),
        ...(fields.total !== undefined && { total: fields.total }),
        ...(fields.done !== undefined && { done: fields.done }),
        errors,
        heartbeatAt: now,
      },
      $inc: {
        created: fields.created ?? 0,
        updated: fields.updated ?? 0,
        errorCount: fields.errors?.length ?? 0,
      },
    },
  );
  return true;
}

/** Ends a job (`done`, or `failed` with what stopped it) and drops its file. */
export async function endImportJob(
  job: ImportJobDoc,
  state: 'done' | 'failed',
  errors: ImportProblem[],
  now: Date,
): Promise<ImportJobDoc | null> {
  if (!(await saveImportProgress(job, { errors }, now))) return null;
  await ImportJob.updateOne({ _id: job._id }, { $set: { state, finishedAt: now } });
  await ImportFile.deleteOne({ _id: job._id });
  return readImportJob(job._id);
}

const isEnded = (job: ImportJobDoc) => job.state === 'done' || job.state === 'failed';

/**
 * Jobs whose run went silent (the process that ran them died), each taken over by one caller: the
 * next run is claimed by a unique insert. A job past its last run is marked failed instead.
 * Reads the unfinished jobs by the state index (few at any time).
 */
export async function takeOverStaleImports(now: Date, max = 10): Promise<ImportJobDoc[]> {
  const stale = await ImportJob.find({
    state: { $in: ['checking', 'writing'] },
    heartbeatAt: { $lt: new Date(now.getTime() - IMPORT_STALE_MS) },
  })
    .limit(max)
    .lean<ImportJobDoc[]>();
  const taken: ImportJobDoc[] = [];
  for (const job of stale) {
    if (!(await claim(`import-job:${job._id}:run${job.run + 1}`, now))) continue;
    if (job.run >= MAX_RUNS) {
      const gaveUp = { line: 0, message: `stopped after ${MAX_RUNS} attempts; ${job.done} rows written` };
      await endImportJob(job, 'failed', [gaveUp], now);
      continue;
    }
    await ImportJob.updateOne({ _id: job._id }, { $set: { run: job.run + 1, heartbeatAt: now } });
    taken.push({ ...job, run: job.run + 1, heartbeatAt: now });
  }
  return taken;
}

/**
 * Deletes jobs that ended before `before` (at most `max`), and files of ended jobs that a crash
 * between ending a job and dropping its file left behind. Running jobs keep theirs, and so does a
 * file with no job yet: `createImportJob` writes the file first. The files collection holds about
 * as many rows as jobs running, so reading its ids is cheap.
 */
export async function pruneEndedImports(before: Date, max: number): Promise<{ jobs: number; files: number }> {
  const ids = (await ImportFile.find({}, { _id: 1 }).limit(max).lean<{ _id: string }[]>()).map((f) => f._id);
  const owners = await findByIds<ImportJobDoc>(ImportJob, ids, { state: 1 });
  let files = 0;
  for (const [id, job] of owners)
    if (isEnded(job)) files += (await ImportFile.deleteOne({ _id: id })).deletedCount;
  // after the files: a leftover file of a job pruned now would have no job to be judged by
  const jobs = await pruneOldest(
    ImportJob,
    { state: { $in: ['done', 'failed'] } },
    'finishedAt',
    before,
    max,
  );
  return { jobs, files };
}
