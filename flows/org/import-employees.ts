import mongoose from 'mongoose';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { Employee } from '../../db/models/employee.js';
import { byLine, type LineProblem, readCsvRows } from '../../src/csv-import.js';
import { directoryWrites } from './directory.js';
import { type EmployeeInput, employeeInput } from './schemas.js';

export const CSV_COLUMNS = [
  'name',
  'email',
  'department',
  'manager_email',
  'roles',
  'locale',
  'timezone',
  'currency',
] as const;

export type ImportReport =
  | { ok: true; created: number; updated: number }
  | { ok: false; errors: LineProblem[] };

type Row = { line: number; input: EmployeeInput };

/**
 * CSV with the header `name,email,department,manager_email,roles,locale,timezone,currency` (roles
 * separated by `;`; an empty currency = the company's). All or nothing: every row is checked first, and one bad row means nothing is written.
 */
export async function importEmployeesCsv(csv: string, now: Date): Promise<ImportReport> {
  const read = readCsvRows(csv, {
    noun: 'employee',
    columns: CSV_COLUMNS,
    required: ['name', 'email'],
    schema: employeeInput,
    columnOf: { managerEmail: 'manager_email' },
    toInput: (cell) => ({
      name: cell('name') ?? '',
      email: cell('email') ?? '',
      department: cell('department'),
      managerEmail: cell('manager_email'),
      roles: cell('roles')
        ?.split(/[;|]/)
        .map((r) => r.trim())
        .filter(Boolean),
      locale: cell('locale'),
      timezone: cell('timezone'),
      currency: cell('currency') ?? null,
    }),
  });
  if (read.errors.length > 0) return { ok: false, errors: read.errors };
  return upsertEmployees(
    read.rows.map(({ line, value }) => ({ line, input: value })),
    now,
  );
}

/**
 * Creates or updates employees by e-mail after checking the whole batch: no e-mail twice, every
 * manager known (in the batch or already employed), no reporting loops. Each write is an upsert
 * keyed by e-mail, so re-running a batch that was interrupted finishes it without duplicates.
 */
export async function upsertEmployees(rows: Row[], now: Date): Promise<ImportReport> {
  const errors: LineProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, input } of rows) {
    const first = seen.get(input.email);
    if (first !== undefined)
      errors.push({ line, message: `email ${input.email} already appears on line ${first}` });
    else seen.set(input.email, line);
  }

  // The whole org's reporting lines, to catch loops that run through people not in the batch.
  const existing = await Employee.find({}, { email: 1, managerId: 1 }).lean();
  const idOf = new Map(existing.map((e) => [e.email, e._id]));
  const managerOf = new Map(existing.map((e) => [String(e._id), e.managerId ? String(e.managerId) : null]));
  for (const { input } of rows)
    if (!idOf.has(input.email)) idOf.set(input.email, new mongoose.Types.ObjectId());

  for (const { line, input } of rows) {
    const id = String(idOf.get(input.email));
    const manager = input.managerEmail ? idOf.get(input.managerEmail) : null;
    if (input.managerEmail && !manager) {
      errors.push({
        line,
        message: `manager_email ${input.managerEmail} is not an employee nor in this file`,
      });
    } else if (input.managerEmail === input.email) {
      errors.push({ line, message: 'an employee cannot be their own manager' });
    }
    managerOf.set(id, manager ? String(manager) : null);
  }
  for (const { line, input } of rows) {
    if (hasLoop(String(idOf.get(input.email)), managerOf)) {
      errors.push({ line, message: `manager_email ${input.managerEmail} makes a reporting loop` });
    }
  }
  if (errors.length > 0) return { ok: false, errors: byLine(errors) };

  const result = await bulkWriteInSlices(
    Employee,
    rows.map(({ input }) => {
      const { managerEmail, ...fields } = input;
      return {
        updateOne: {
          filter: { email: input.email },
          update: {
            $set: {
              ...fields,
              active: true,
              managerId: managerEmail ? idOf.get(managerEmail) : null,
              updatedAt: now,
            },
            $setOnInsert: { _id: idOf.get(input.email), createdAt: now },
          },
          upsert: true,
          // createdAt is the day they joined: the caller's clock, not the driver's
          timestamps: false,
        },
      };
    }),
    { ordered: true },
  );
  await directoryWrites.employeesSaved(
    rows.map(({ input }) => idOf.get(input.email) as mongoose.Types.ObjectId),
    now,
  );
  return { ok: true, created: result.upsertedCount, updated: result.matchedCount };
}

function hasLoop(start: string, managerOf: Map<string, string | null>): boolean {
  const visited = new Set<string>();
  for (let cursor: string | null | undefined = start; cursor; cursor = managerOf.get(cursor)) {
    if (visited.has(cursor)) return true;
    visited.add(cursor);
  }
  return false;
}
