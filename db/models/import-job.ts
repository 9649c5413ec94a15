import mongoose, { Schema } from 'mongoose';

/** A line of the file and what is wrong with it (line 0: the whole job). */
export type ImportProblem = { line: number; message: string };

export const IMPORT_STATES = ['checking', 'writing', 'done', 'failed'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

/**
 * A CSV import run as a background job. `_id` is natural: `<kind>-<UTC start second>-<file hash>`,
 * so the same file posted twice in one second is one job. Progress is saved after each committed
 * slice (`done` rows); `run` is which attempt holds it (1 = the process that accepted it; a sweep
 * takes over a job whose `heartbeatAt` went stale and bumps it).
 */
const importJobSchema = new Schema(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    state: { type: String, enum: IMPORT_STATES, required: true },
    /** Data rows in the file; known once it has been read. */
    total: { type: Number, default: null },
    done: { type: Number, default: 0 },
    created: { type: Number, default: 0 },
    updated: { type: Number, default: 0 },
    /** How many rows had problems; `errors` keeps the first ERRORS_KEPT of them. */
    errorCount: { type: Number, default: 0 },
    errors: { type: [{ _id: false, line: Number, message: String }], default: [] },
    run: { type: Number, default: 1 },
    /** Who is told in chat when it ends (an employee id), if anyone. */
    notify: { type: String, default: null },
    startedAt: { type: Date, required: true },
    heartbeatAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
  },
  // `errors` is a field here, not mongoose's validation errors
  { suppressReservedKeysWarning: true },
);
importJobSchema.index({ state: 1, heartbeatAt: 1 });

export const ImportJob = mongoose.model('ImportJob', importJobSchema);
export type ImportJobDoc = {
  _id: string;
  kind: string;
  state: ImportState;
  total: number | null;
  done: number;
  created: number;
  updated: number;
  errorCount: number;
  errors: ImportProblem[];
  run: number;
  notify: string | null;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
};

/**
 * The file of an import job, apart from the job so that saving progress does not rewrite up to
 * 5 MB each time; deleted when the job ends.
 */
export const ImportFile = mongoose.model(
  'ImportFile',
  // not `required`: mongoose would refuse an empty file, which the import answers with its usage
  new Schema({ _id: { type: String, required: true }, csv: { type: String, default: '' } }),
);
