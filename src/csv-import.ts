import type { z } from 'zod';
import { type CsvRow, CsvSyntaxError, parseCsv } from './csv.js';

/** A problem with one line of an imported file (line 1 is the header). */
export type LineProblem = { line: number; message: string };

/**
 * The rows that read well and the problems of those that did not. An import writes all of its
 * rows or none: nothing unless `errors` is empty (after its own checks of the good rows).
 */
export type CsvRead<T> = { rows: { line: number; value: T }[]; errors: LineProblem[] };

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
 * to fix.
 */
export function readCsvRows<S extends z.ZodType>(csv: string, spec: CsvSpec<S>): CsvRead<z.output<S>> {
  let parsed: CsvRow[];
  try {
    parsed = parseCsv(csv);
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
  for (const { line, fields } of data) {
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
