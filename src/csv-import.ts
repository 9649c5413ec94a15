import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { z } from 'zod';
import { type CsvRow, CsvSyntaxError, parseCsv } from './csv.js';

/** Rows checked by their schema between two yields to the event loop. */
const ROWS_PER_TURN = 1000;

/** A problem with one line of an imported file (line 1 is the header). */
export type LineProblem = { line: number; message: string };

/**
 * The rows that read well and the problems of those that did not. An import writes all of its
 * rows or none: nothing unless `errors` is empty (after its own checks of the good rows).
 */
export type CsvRead<T> = { rows: ImportRow<T>[]; errors: LineProblem[] };

export type ImportRow<T> = { line: number; value: T };

export type CsvSpec<S extends z.ZodType> = {
  /** What a row is, for messages: "no employee rows after the header". */
  noun: string;
  /** The columns the header may name, in the order the usage shows them. */
  columns: readonly string[];
  required: readonly string[];
  /** A row's cells (trimmed; empty = undefined) shaped as `schema` expects. */
  toInput(cell: (column: string) => string | undefined): unknown;
  schema: S;
  /** The schema's field names that differ from their column's (`reorderLevel` → `reorder_level`). */
  columnOf?: Record<string, string>;
  /** The key no two rows may share (case as the caller decides), named in the message. */
  unique?: { column: string; key(value: z.output<S>): string };
};

/**
 * Reads an import file: the header checked against the spec, each row through its schema, keys
 * unique within the file. Problems are collected for every line, so one answer names everything
 * to fix. It yields to the event loop every thousand rows: a long file must not stall other requests.
 */
export async function readCsvRows<S extends z.ZodType>(
  csv: string,
  spec: CsvSpec<S>,
): Promise<CsvRead<z.output<S>>> {
  let parsed: CsvRow[];
  try {
    parsed = await parseCsv(csv);
  } catch (err) {
    if (err instanceof CsvSyntaxError)
      return { rows: [], errors: [{ line: err.line, message: err.message }] };
    throw err;
  }
  const [header, ...data] = parsed;
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const usage = `header must use ${spec.columns.join(',')} (${spec.required.join(' and ')} required)`;
  if (
    !header ||
    !columns.every((c) => spec.columns.includes(c)) ||
    !spec.required.every((c) => columns.includes(c))
  )
    return { rows: [], errors: [{ line: header?.line ?? 1, message: usage }] };
  if (data.length === 0)
    return { rows: [], errors: [{ line: header.line, message: `no ${spec.noun} rows after the header` }] };

  const rows: { line: number; value: z.output<S> }[] = [];
  const errors: LineProblem[] = [];
  const seen = new Map<string, number>();
  for (const [index, { line, fields }] of data.entries()) {
    if (index > 0 && index % ROWS_PER_TURN === 0) await yieldToEventLoop();
    const cell = (column: string) => {
      const at = columns.indexOf(column);
      return at < 0 ? undefined : fields[at]?.trim() || undefined;
    };
    const parsed = spec.schema.safeParse(spec.toInput(cell));
    if (!parsed.success) {
      errors.push({ line, message: problemOf(parsed.error, spec.columnOf ?? {}) });
      continue;
    }
    if (spec.unique) {
      const key = spec.unique.key(parsed.data);
      const first = seen.get(key);
      if (first !== undefined) {
        errors.push({ line, message: `${spec.unique.column} ${key} already appears on line ${first}` });
        continue;
      }
      seen.set(key, line);
    }
    rows.push({ line, value: parsed.data });
  }
  return { rows, errors };
}

/** The first issue as "column message", in the file's own column names. */
function problemOf(error: z.ZodError, columnOf: Record<string, string>): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid row';
  const [field, ...rest] = issue.path.map(String);
  if (field === undefined) return issue.message;
  return `${[columnOf[field] ?? field, ...rest].join('.')} ${issue.message}`;
}

/** All problems of a file, in line order. */
export const byLine = (errors: LineProblem[]) => errors.toSorted((a, b) => a.line - b.line);

export type ImportContext = {
  /** The import job's id: rows derive their new ids from it, so a repeated slice writes the same documents. */
  jobId: string;
  now: Date;
};

/** What writing a slice did; `errors`: rows a concurrent write made invalid after the check (skipped). */
export type SliceWritten = { created: number; updated: number; errors: LineProblem[] };

/**
 * One kind of CSV import (`POST /api/import/<kind>`), in the phases a background job runs: the
 * file read alone, the rows checked against the store, then written slice by slice. A job that
 * died is resumed from its last committed slice, so `write` must be idempotent by each row's
 * natural key, and `read` must not depend on the store.
 */
export type ImportSpec<T = unknown> = {
  kind: string;
  read(csv: string): Promise<CsvRead<T>>;
  /** Every row against the store (names taken, owners known); nothing written. */
  check(rows: ImportRow<T>[], ctx: ImportContext): Promise<LineProblem[]>;
  write(rows: ImportRow<T>[], ctx: ImportContext): Promise<SliceWritten>;
  /** After the last slice; `resumed`: part of it was written by a run that died (repair what that may have left). */
  finish?(ctx: ImportContext & { resumed: boolean }): Promise<void>;
};

export type ImportReport =
  | { ok: true; created: number; updated: number; errors?: LineProblem[] }
  | { ok: false; errors: LineProblem[] };

/** The rows written per slice by `importNow` and the import jobs. */
export const IMPORT_SLICE = 500;

/**
 * A whole import here and now (small files, tests, the demo seed), all or nothing up to the
 * check: read, check, every slice, finish.
 * @example await importNow(productsImport, csv, now) // { ok: true, created: 2, updated: 0 }
 */
export async function importNow<T>(spec: ImportSpec<T>, csv: string, now: Date): Promise<ImportReport> {
  const read = await spec.read(csv);
  if (read.errors.length > 0) return { ok: false, errors: byLine(read.errors) };
  return importRows(spec, read.rows, now);
}

/** `importNow` for rows already read. */
export async function importRows<T>(
  spec: ImportSpec<T>,
  rows: ImportRow<T>[],
  now: Date,
): Promise<ImportReport> {
  const ctx = { jobId: `${spec.kind}-${now.toISOString()}-${randomBytes(4).toString('hex')}`, now };
  const problems = await spec.check(rows, ctx);
  if (problems.length > 0) return { ok: false, errors: byLine(problems) };
  let created = 0;
  let updated = 0;
  const errors: LineProblem[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_SLICE) {
    const written = await spec.write(rows.slice(i, i + IMPORT_SLICE), ctx);
    created += written.created;
    updated += written.updated;
    errors.push(...written.errors);
  }
  await spec.finish?.({ ...ctx, resumed: false });
  return errors.length > 0 ? { ok: true, created, updated, errors } : { ok: true, created, updated };
}
