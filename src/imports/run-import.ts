import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { endImportJob, readImportFile, readImportJob, saveImportProgress } from '../../db/import-jobs.js';
import type { ImportJobDoc } from '../../db/models/import-job.js';
import type { Message, MessageRef } from '../bot/types.js';
import type { Clock } from '../clock.js';
import { byLine, IMPORT_SLICE, type ImportSpec, type LineProblem } from '../csv-import.js';
import type { Logger } from '../logger.js';
import { importEnded } from './messages.js';

export type ImportRunDeps = {
  now: Clock;
  log: Logger;
  notify(employeeId: string, message: Message): Promise<MessageRef[]>;
};

/**
 * Runs a job from where it stands: a job still `checking` reads and checks its file (nothing is
 * written when a row is wrong); a `writing` one (resumed after its process died) reads the file
 * again and writes on from its last committed slice without checking again — its own rows
 * would now look taken. Each slice is committed with its progress, then the event loop gets a
 * turn, so a long import never holds up requests. Stops quietly when another run took it over.
 */
export async function runImport(
  spec: ImportSpec,
  job: ImportJobDoc,
  deps: ImportRunDeps,
): Promise<ImportJobDoc | null> {
  const ctx = () => ({ jobId: job._id, now: deps.now() });
  const csv = await readImportFile(job._id);
  if (csv === null)
    return end(job, 'failed', [{ line: 0, message: 'the file of this import is gone' }], deps);
  const read = await spec.read(csv);
  const resumed = job.state === 'writing';
  if (!resumed) {
    // the file's problems and the store's together: one answer names everything to fix
    const problems = [...read.errors, ...(await spec.check(read.rows, ctx()))];
    if (problems.length > 0) return end(job, 'failed', byLine(problems), deps);
    if (!(await saveImportProgress(job, { state: 'writing', total: read.rows.length, done: 0 }, deps.now())))
      return null;
  }
  for (let done = resumed ? job.done : 0; done < read.rows.length; ) {
    const slice = read.rows.slice(done, done + IMPORT_SLICE);
    const written = await spec.write(slice, ctx());
    done += slice.length;
    if (!(await saveImportProgress(job, { done, ...written }, deps.now()))) return null;
    await yieldToEventLoop();
  }
  await spec.finish?.({ ...ctx(), resumed });
  return end(job, 'done', [], deps);
}

async function end(job: ImportJobDoc, state: 'done' | 'failed', errors: LineProblem[], deps: ImportRunDeps) {
  const ended = await endImportJob(job, state, errors, deps.now());
  if (ended?.notify) {
    await deps
      .notify(ended.notify, (to) => ({ text: importEnded(ended, to.locale) }))
      .catch((err: unknown) => {
        deps.log.warn({ err, job: job._id }, 'import ended; its starter could not be told');
      });
  }
  return ended;
}

/** Starts a job in the background; a failure is logged, and the sweep resumes the job later. */
export function runImportInBackground(
  spec: ImportSpec,
  job: ImportJobDoc,
  deps: ImportRunDeps,
): Promise<ImportJobDoc | null> {
  return runImport(spec, job, deps).catch((err: unknown) => {
    deps.log.error({ err, job: job._id }, 'import stopped; the sweep resumes it');
    return readImportJob(job._id);
  });
}
