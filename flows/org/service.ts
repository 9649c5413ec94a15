import type mongoose from 'mongoose';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import type { Address } from '../../src/bot/deliveries.js';
import type { Locale, Person, Platform } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import { type Account, directoryWrites, readDirectory } from './directory.js';
import type { EmployeeInput, EmployeePatch } from './schemas.js';

type Id = mongoose.Types.ObjectId;

export function toPerson(doc: EmployeeDoc): Person {
  return {
    id: String(doc._id),
    name: doc.name,
    email: doc.email,
    locale: doc.locale as Locale,
    timezone: doc.timezone,
    roles: doc.roles,
    ...(doc.currency ? { currency: doc.currency } : {}),
  };
}

/**
 * The active employee behind a platform account, or null; from the directory, as every message
 * asks. The local web chat has no accounts of its own: its user id is the e-mail.
 */
export async function resolvePerson(
  platform: Platform,
  tenant: string,
  userId: string,
): Promise<Person | null> {
  const org = await readDirectory();
  const doc =
    platform === 'web' ? org.activeByEmail(userId) : org.byAccount({ platform, teamId: tenant, userId });
  return doc ? toPerson(doc) : null;
}

/** Binds a first-seen platform account to the active employee with that e-mail; null if none. */
export async function bindByEmail(
  platform: Platform,
  tenant: string,
  userId: string,
  email: string,
  at: Date,
): Promise<Person | null> {
  const doc = (await readDirectory()).activeByEmail(email);
  if (!doc) return null;
  const account: Account = { platform, teamId: tenant, userId };
  try {
    await Identity.create({ ...account, employeeId: doc._id });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // a concurrent first message bound it already, maybe on an instance whose change has not
    // reached this one yet: the record says to whom (a rare read, so it may scan)
    const row = await Identity.findOne(account, { employeeId: 1 }).lean();
    const holder = (await readDirectory()).active(row?.employeeId);
    return holder ? toPerson(holder) : null;
  }
  await directoryWrites.accountBound(account, String(doc._id), at);
  return toPerson(doc);
}

export async function findActiveByEmail(email: string): Promise<Person | null> {
  const doc = (await readDirectory()).activeByEmail(email);
  return doc ? toPerson(doc) : null;
}

/** Platform accounts of an employee, for proactive messages. */
export async function accountsOf(employeeId: string): Promise<Account[]> {
  return (await readDirectory()).accountsOf(employeeId);
}

/** Where proactive messages to an employee go, the language to write them in, their roles. */
export async function addressOf(employeeId: string): Promise<Address> {
  const org = await readDirectory();
  const row = org.byId(employeeId);
  return {
    accounts: org.accountsOf(employeeId),
    ...(row ? { locale: row.locale as Locale, timezone: row.timezone, roles: row.roles } : {}),
  };
}

export async function listEmployees(filter: {
  department?: string;
  active?: boolean;
}): Promise<EmployeeDoc[]> {
  const query: Record<string, unknown> = {};
  if (filter.department !== undefined) query.department = filter.department;
  if (filter.active !== undefined) query.active = filter.active;
  return Employee.find(query).sort({ email: 1 }).lean<EmployeeDoc[]>();
}

export async function getEmployee(email: string): Promise<EmployeeDoc> {
  const doc = await Employee.findOne({ email: email.trim().toLowerCase() }).lean<EmployeeDoc>();
  if (!doc) throw new AppError('org.not_found', `no employee ${email}`, `No employee with e-mail ${email}.`);
  return doc;
}

export async function createEmployee(
  input: EmployeeInput,
  now: Date,
  options: { active?: boolean } = {},
): Promise<EmployeeDoc> {
  const managerId = input.managerEmail ? (await getEmployee(input.managerEmail))._id : null;
  let doc: EmployeeDoc;
  try {
    const created = await Employee.create({
      ...withoutManagerEmail(input),
      managerId,
      active: options.active ?? true,
      // the day they joined (absences, team digests): the injected clock, not the driver's
      createdAt: now,
    });
    doc = created.toObject() as EmployeeDoc;
  } catch (err) {
    if (isDuplicateKey(err)) {
      throw new AppError(
        'org.duplicate',
        'duplicate email',
        `An employee with e-mail ${input.email} already exists.`,
      );
    }
    throw err;
  }
  await directoryWrites.employeeSaved(doc, now);
  return doc;
}

export async function updateEmployee(email: string, patch: EmployeePatch, at: Date): Promise<EmployeeDoc> {
  const current = await getEmployee(email);
  const set: Record<string, unknown> = withoutManagerEmail(patch);
  if (patch.managerEmail !== undefined) {
    const manager = patch.managerEmail ? await getEmployee(patch.managerEmail) : null;
    if (manager) await refuseCycle(current._id, manager._id);
    set.managerId = manager?._id ?? null;
  }
  const doc = await Employee.findOneAndUpdate(
    { _id: current._id },
    { $set: set },
    { returnDocument: 'after' },
  ).lean<EmployeeDoc>();
  if (!doc) throw new AppError('org.not_found', `no employee ${email}`, `No employee with e-mail ${email}.`);
  await directoryWrites.employeeSaved(doc, at);
  return doc;
}

/** Walks up from the new manager; meeting the employee means the change would make a loop. */
async function refuseCycle(
  employeeId: mongoose.Types.ObjectId,
  managerId: mongoose.Types.ObjectId,
): Promise<void> {
  let cursor: mongoose.Types.ObjectId | null = managerId;
  for (let depth = 0; cursor && depth < 100; depth++) {
    if (cursor.equals(employeeId)) {
      throw new AppError('org.cycle', 'manager cycle', 'That manager change would make a reporting loop.');
    }
    const up: { managerId?: mongoose.Types.ObjectId | null } | null = await Employee.findById(cursor, {
      managerId: 1,
    }).lean();
    cursor = up?.managerId ?? null;
  }
}

export async function bindIdentity(
  input: {
    platform: Platform;
    teamId: string;
    userId: string;
    email: string;
  },
  at: Date,
) {
  const employee = await getEmployee(input.email);
  const key: Account = { platform: input.platform, teamId: input.teamId, userId: input.userId };
  try {
    await Identity.create({ ...key, employeeId: employee._id });
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const existing = await Identity.findOne(key).lean();
    if (!existing?.employeeId.equals(employee._id)) {
      throw new AppError(
        'org.identity_taken',
        'identity bound elsewhere',
        'That account is bound to another employee; unbind it first.',
      );
    }
    return { ...key, email: employee.email };
  }
  await directoryWrites.accountBound(key, String(employee._id), at);
  return { ...key, email: employee.email };
}

export async function unbindIdentity(key: Account, at: Date): Promise<boolean> {
  const { deletedCount } = await Identity.deleteOne(key);
  if (deletedCount !== 1) return false;
  await directoryWrites.accountUnbound(key, at);
  return true;
}

function withoutManagerEmail<T extends { managerEmail?: string | null }>(input: T): Omit<T, 'managerEmail'> {
  const { managerEmail: _, ...rest } = input;
  return rest;
}

export type Profile = {
  name: string;
  email: string;
  department: string;
  managerName: string | null;
  roles: string[];
  timezone: string;
  /** Their own default currency; null = the company's. */
  currency: string | null;
  accounts: { platform: Platform; userId: string }[];
};

export async function profileOf(employeeId: string): Promise<Profile> {
  const org = await readDirectory();
  const doc = org.byId(employeeId);
  if (!doc) throw new AppError('org.not_found', `no employee ${employeeId}`);
  return {
    name: doc.name,
    email: doc.email,
    department: doc.department,
    managerName: org.byId(doc.managerId)?.name ?? null,
    roles: doc.roles,
    timezone: doc.timezone,
    currency: doc.currency ?? null,
    accounts: org.accountsOf(employeeId).map(({ platform, userId }) => ({ platform, userId })),
  };
}

/** True when `managerId` is somewhere up `employeeId`'s reporting line. */
export async function managesUp(employeeId: Id, managerId: Id): Promise<boolean> {
  const org = await readDirectory();
  let cursor = org.byId(employeeId)?.managerId ?? null;
  for (let hops = 0; cursor && hops < 20; hops++) {
    if (cursor.equals(managerId)) return true;
    cursor = org.byId(cursor)?.managerId ?? null;
  }
  return false;
}

/** Display names of people, from the directory. */
export async function namesOf(ids: (Id | null | undefined)[]): Promise<Map<string, string>> {
  const org = await readDirectory();
  const names = new Map<string, string>();
  for (const id of ids) {
    const name = org.byId(id)?.name;
    if (id && name !== undefined) names.set(String(id), name);
  }
  return names;
}
