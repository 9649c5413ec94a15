import mongoose from 'mongoose';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import { isDuplicateKey } from '../../db/processed-events.js';
import type { Address } from '../../src/bot/deliveries.js';
import type { Locale, Person, Platform } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import type { EmployeeInput, EmployeePatch } from './schemas.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

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
 * The active employee behind a platform account, or null. The local web chat has no accounts
 * of its own: its user id is the e-mail.
 */
export async function resolvePerson(
  platform: Platform,
  tenant: string,
  userId: string,
): Promise<Person | null> {
  if (platform === 'web') return findActiveByEmail(userId);
  const identity = await Identity.findOne({ platform, teamId: tenant, userId }, { employeeId: 1 }).lean();
  if (!identity) return null;
  const doc = await Employee.findOne({ _id: identity.employeeId, active: true }).lean<EmployeeDoc>();
  return doc ? toPerson(doc) : null;
}

/** Binds a first-seen platform account to the active employee with that e-mail; null if none. */
export async function bindByEmail(
  platform: Platform,
  tenant: string,
  userId: string,
  email: string,
): Promise<Person | null> {
  const person = await findActiveByEmail(email);
  if (!person) return null;
  try {
    await Identity.create({ platform, teamId: tenant, userId, employeeId: person.id });
  } catch (err) {
    // a concurrent first message bound it already; the account resolves the same way
    if (!isDuplicateKey(err)) throw err;
    return resolvePerson(platform, tenant, userId);
  }
  return person;
}

export async function findActiveByEmail(email: string): Promise<Person | null> {
  const doc = await Employee.findOne({ email: email.trim().toLowerCase(), active: true }).lean<EmployeeDoc>();
  return doc ? toPerson(doc) : null;
}

/** Platform accounts of an employee, for proactive messages. */
export async function accountsOf(
  employeeId: string,
): Promise<{ platform: Platform; teamId: string; userId: string }[]> {
  const rows = await Identity.find({ employeeId }, { platform: 1, teamId: 1, userId: 1 }).lean();
  return rows.map((r) => ({ platform: r.platform as Platform, teamId: r.teamId, userId: r.userId }));
}

/** Where proactive messages to an employee go, and the language to write them in. */
export async function addressOf(employeeId: string): Promise<Address> {
  const [accounts, row] = await Promise.all([
    accountsOf(employeeId),
    Employee.findById(employeeId, { locale: 1 }).lean(),
  ]);
  return { accounts, ...(row ? { locale: row.locale as Locale } : {}) };
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
  try {
    const doc = await Employee.create({
      ...withoutManagerEmail(input),
      managerId,
      active: options.active ?? true,
      // the day they joined (absences, team digests): the injected clock, not the driver's
      createdAt: now,
    });

    return doc.toObject() as EmployeeDoc;
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
}

export async function updateEmployee(email: string, patch: EmployeePatch): Promise<EmployeeDoc> {
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

export async function bindIdentity(input: {
  platform: Platform;
  teamId: string;
  userId: string;
  email: string;
}) {
  const employee = await getEmployee(input.email);
  const key = { platform: input.platform, teamId: input.teamId, userId: input.userId };
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
  }
  return { ...key, email: employee.email };
}

export async function unbindIdentity(key: {
  platform: Platform;
  teamId: string;
  userId: string;
}): Promise<boolean> {
  const { deletedCount } = await Identity.deleteOne(key);
  return deletedCount === 1;
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
  const doc = await Employee.findById(employeeId).lean<EmployeeDoc>();
  if (!doc) throw new AppError('org.not_found', `no employee ${employeeId}`);
  const [manager, accounts] = await Promise.all([
    doc.managerId ? Employee.findById(doc.managerId, { name: 1 }).lean() : null,
    accountsOf(employeeId),
  ]);
  return {
    name: doc.name,
    email: doc.email,
    department: doc.department,
    managerName: manager?.name ?? null,
    roles: doc.roles,
    timezone: doc.timezone,
    currency: doc.currency ?? null,
    accounts: accounts.map(({ platform, userId }) => ({ platform, userId })),
  };
}

/** True when `managerId` is somewhere up `employeeId`'s reporting line. */
export async function managesUp(employeeId: Id, managerId: Id): Promise<boolean> {
  let cursor: Id | null = employeeId;
  for (let hops = 0; cursor && hops < 20; hops++) {
    const row: { managerId?: Id | null } | null = await Employee.findById(cursor, { managerId: 1 }).lean();
    cursor = row?.managerId ?? null;
    if (cursor?.equals(managerId)) return true;
  }
  return false;
}

/** Display names for many people in one query. */
export async function namesOf(ids: (Id | null | undefined)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is Id => !!id).map(String))].map(oid);
  const rows = await Employee.find({ _id: { $in: wanted } }, { name: 1 }).lean();
  return new Map(rows.map((r) => [String(r._id), r.name]));
}
