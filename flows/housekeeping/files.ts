import { pruneEndedImports } from '../../db/import-jobs.js';
import { PRUNE_MAX } from '../../db/prune.js';
import { uploadStore } from '../../db/uploads.js';
import type { JobSpec } from '../../src/bot/flow.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Files nobody needs after `retentionDays`: CSV import jobs that ended (with any file a crash
 * left), and web uploads never attached to a request. What is on a request stays with it.
 * @example pruneOldFiles({ uploadsDir, retentionDays: 30, now })
 */
export async function pruneOldFiles(input: {
  uploadsDir: string;
  retentionDays: number;
  now: Date;
  max?: number;
}) {
  const before = new Date(input.now.getTime() - input.retentionDays * DAY_MS);
  const max = input.max ?? PRUNE_MAX;
  return {
    imports: await pruneEndedImports(before, max),
    uploads: await uploadStore(input.uploadsDir).prune(before, max),
  };
}

/** Hourly: old files go within an hour of their retention; deleting twice at once is harmless. */
export function pruneFilesJob(uploadsDir: string, retentionDays: number): JobSpec {
  return {
    name: 'housekeeping.files',
    every: '1 hour',
    run: ({ now }) => pruneOldFiles({ uploadsDir, retentionDays, now }),
  };
}
