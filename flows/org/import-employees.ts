import type mongoose from 'mongoose';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { derivedId } from '../../db/derived-id.js';
import { Employee } from '../../db/models/employee.js';
import {
  type ImportContext,
  type ImportRow,
  type ImportSpec,
  type LineProblem,
  readCsvRows,
} from '../../src/csv-import.js';
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

/**
 * CSV with the header `name,email,department,manager_email,roles,locale,timezone,currency` (roles
 * separated by `;`; an empty currency = the company's). Every row is checked before anything is
 * written: no e-mail twice, every manager known (in the file or already employed), no reporting
 * loops. Each write is an upsert keyed by e-mail, and a new employee's id derives from the job and
 * the e-mail, so a slice written again after a crash finishes it without duplicates and managers
 * in a later slice are referred to by the id they will get.
 */
export const employeesImport: ImportSpec<EmployeeInput> = {
  kind: 'employees',
  read: (csv) =>
    readCsvRows(csv, {
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
    }),
  check,
  write,
};

type Rows = ImportRow<EmployeeInput>[];

/** Everyone's id by e-mail: those employed already, and the rows' new ones derived from the job. */
async function idsOf(rows: Rows, jobId: string) {
  const existing = await Employee.find({}, { email: 1, managerId: 1 }).lean();
  const idOf = new Map(existing.map((e) => [e.email, e._id]));
  for (const { value } of rows)
    if (!idOf.has(value.email)) idOf.set(value.email, derivedId(jobId, value.email));
  return { existing, idOf };
}

async function check(rows: Rows, { jobId }: ImportContext): Promise<LineProblem[]> {
  const errors: LineProblem[] = [];
  const seen = new Map<string, number>();
  for (const { line, value } of rows) {
    const first = seen.get(value.email);
    if (first !== undefined)
      errors.push({ line, message: `email ${value.email} already appears on line ${first}` });
    else seen.set(value.email, line);
  }

  // The whole org's reporting lines, to catch loops that run through people not in the file.
  const { existing, idOf } = await idsOf(rows, jobId);
  const managerOf = new Map(existing.map((e) => [String(e._id), e.managerId ? String(e.managerId) : null]));
  for (const { line, value } of rows) {
    const manager = value.managerEmail ? idOf.get(value.managerEmail) : null;
    if (value.managerEmail && !manager) {
      errors.push({
        line,
        message: `manager_email ${value.managerEmail} is not an employee nor in this file`,
      });
    } else if (value.managerEmail === value.email) {
      errors.push({ line, message: 'an employee cannot be their own manager' });
    }
    managerOf.set(String(idOf.get(value.email)), manager ? String(manager) : null);
  }
  for (const { line, value } of rows) {
    if (hasLoop(String(idOf.get(value.email)), managerOf)) {
      errors.push({ line, message: `manager_email ${value.managerEmail} makes a reporting loop` });
    }
  }
  return errors;
}

async function write(rows: Rows, { jobId, now }: ImportContext) {
  const { idOf } = await idsOf(rows, jobId);
  // a manager further down the file is not written yet: the id it will get
  const idFor = (email: string) => idOf.get(email) ?? derivedId(jobId, email);
  const result = await bulkWriteInSlices(
    Employee,
    rows.map(({ value }) => {
      const { managerEmail, ...fields } = value;
      return {
        updateOne: {
          filter: { email: value.email },
          update: {
            $set: {
              ...fields,
              active: true,
              managerId: managerEmail ? idFor(managerEmail) : null,
              updatedAt: now,
            },
            $setOnInsert: { _id: idFor(value.email), createdAt: now },
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
    rows.map(({ value }) => idFor(value.email) as mongoose.Types.ObjectId),
    now,
  );
  return { created: result.upsertedCount, updated: result.matchedCount, errors: [] };
}

function hasLoop(start: string, managerOf: Map<string, string | null>): boolean {
  const visited = new Set<string>();
  for (let cursor: string | null | undefined = start; cursor; cursor = managerOf.get(cursor)) {
    if (visited.has(cursor)) return true;
    visited.add(cursor);
  }
  return false;
}
