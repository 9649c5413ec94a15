import type mongoose from 'mongoose';
import { type FeedChange, RELOAD } from '../../db/change-feed.js';
import { Employee, type EmployeeDoc } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import { createSyncedCache } from '../../db/synced-cache.js';
import type { CacheSpec } from '../../src/bot/flow.js';
import type { Platform } from '../../src/bot/types.js';

type Id = mongoose.Types.ObjectId;
export type Account = { platform: Platform; teamId: string; userId: string };

/**
 * The whole company in memory: every chat turn resolves its sender here, and approvals route
 * here. On the embedded store a query on anything but `_id` reads the whole collection (10k
 * employees: "help" 692 ms, a new request 5 s), so turns never query employees or identities.
 * Several app instances agree within REFRESH_EVERY_MS (db/synced-cache.ts).
 */
type State = {
  /** Everyone, active or not: names on old requests outlive people. */
  employees: Map<string, EmployeeDoc>;
  byEmail: Map<string, EmployeeDoc>;
  /** Platform account (`accountKey`) → employee id. */
  accounts: Map<string, string>;
  accountsOf: Map<string, Account[]>;
  /** Built on first use after employees changed (a change clears it). */
  groups?: Groups;
};

/** Active people grouped the ways approvals and views look them up. */
type Groups = {
  active: EmployeeDoc[];
  reports: Map<string, EmployeeDoc[]>;
  roles: Map<string, EmployeeDoc[]>;
  departments: Map<string, EmployeeDoc[]>;
};

export type Directory = {
  /** Anyone, active or not. */
  byId(id: string | Id | null | undefined): EmployeeDoc | undefined;
  byEmail(email: string): EmployeeDoc | undefined;
  /** The rest answer with active people only. */
  active(id: string | Id | null | undefined): EmployeeDoc | undefined;
  activeByEmail(email: string): EmployeeDoc | undefined;
  activeByName(name: string): EmployeeDoc | undefined;
  byAccount(account: Account): EmployeeDoc | undefined;
  accountsOf(id: string | Id): Account[];
  reportsOf(managerId: string | Id): EmployeeDoc[];
  withRole(role: string): EmployeeDoc[];
  inDepartment(department: string): EmployeeDoc[];
  everyone(): EmployeeDoc[];
  /** Everyone ever employed, active or not (reports of past months). */
  all(): EmployeeDoc[];
};

const EMPLOYEE = 'employee';
const ACCOUNT = 'account';
/** Up to this many employees written at once are announced one by one; more = everyone reloads. */
const ONE_BY_ONE_MAX = 100;

const accountKey = (a: Account) => JSON.stringify([a.platform, a.teamId, a.userId]);
const normalEmail = (email: string) => email.trim().toLowerCase();

async function load(): Promise<State> {
  const [employees, identities] = await Promise.all([
    Employee.find({}).lean<EmployeeDoc[]>(),
    Identity.find({}, { platform: 1, teamId: 1, userId: 1, employeeId: 1 }).lean(),
  ]);
  const state: State = {
    employees: new Map(),
    byEmail: new Map(),
    accounts: new Map(),
    accountsOf: new Map(),
  };
  for (const doc of employees) putEmployee(state, doc);
  for (const i of identities) {
    const account = { platform: i.platform as Platform, teamId: i.teamId, userId: i.userId };
    bind(state, account, String(i.employeeId));
  }
  return state;
}

function putEmployee(state: State, doc: EmployeeDoc): void {
  const id = String(doc._id);
  const before = state.employees.get(id);
  if (before && before.email !== doc.email) state.byEmail.delete(before.email);
  state.employees.set(id, doc);
  state.byEmail.set(doc.email, doc);
  state.groups = undefined;
}

function dropEmployee(state: State, id: string): void {
  const before = state.employees.get(id);
  if (!before) return;
  state.employees.delete(id);
  state.byEmail.delete(before.email);
  state.groups = undefined;
}

function bind(state: State, account: Account, employeeId: string): void {
  unbind(state, account);
  state.accounts.set(accountKey(account), employeeId);
  state.accountsOf.set(employeeId, [...(state.accountsOf.get(employeeId) ?? []), account]);
}

function unbind(state: State, account: Account): void {
  const key = accountKey(account);
  const holder = state.accounts.get(key);
  if (holder === undefined) return;
  state.accounts.delete(key);
  const rest = (state.accountsOf.get(holder) ?? []).filter((a) => accountKey(a) !== key);
  if (rest.length > 0) state.accountsOf.set(holder, rest);
  else state.accountsOf.delete(holder);
}

/**
 * An employee change is re-read by `_id` (whatever its order in the feed, the latest write wins);
 * an account change carries its binding, as identities are not keyed by `_id`.
 */
async function apply(state: State, change: FeedChange): Promise<void> {
  if (change.kind === EMPLOYEE) {
    const doc = await Employee.findById(change.key).lean<EmployeeDoc>();
    if (doc) putEmployee(state, doc);
    else dropEmployee(state, change.key);
  } else if (change.kind === ACCOUNT) {
    const [platform, teamId, userId] = JSON.parse(change.key) as [Platform, string, string];
    if (change.value) bind(state, { platform, teamId, userId }, change.value);
    else unbind(state, { platform, teamId, userId });
  }
}

function groupsOf(state: State): Groups {
  if (state.groups) return state.groups;
  const groups: Groups = { active: [], reports: new Map(), roles: new Map(), departments: new Map() };
  const add = (map: Map<string, EmployeeDoc[]>, key: string, doc: EmployeeDoc) => {
    const list = map.get(key);
    if (list) list.push(doc);
    else map.set(key, [doc]);
  };
  for (const doc of state.employees.values()) {
    if (!doc.active) continue;
    groups.active.push(doc);
    if (doc.managerId) add(groups.reports, String(doc.managerId), doc);
    for (const role of doc.roles) add(groups.roles, role, doc);
    add(groups.departments, doc.department, doc);
  }
  state.groups = groups;
  return groups;
}

function viewOf(state: State): Directory {
  const byId = (id: string | Id | null | undefined) => (id ? state.employees.get(String(id)) : undefined);
  const ifActive = (doc: EmployeeDoc | undefined) => (doc?.active ? doc : undefined);
  return {
    byId,
    byEmail: (email) => state.byEmail.get(normalEmail(email)),
    active: (id) => ifActive(byId(id)),
    activeByEmail: (email) => ifActive(state.byEmail.get(normalEmail(email))),
    activeByName: (name) => groupsOf(state).active.find((e) => e.name === name.trim()),
    byAccount: (account) => ifActive(byId(state.accounts.get(accountKey(account)))),
    accountsOf: (id) => state.accountsOf.get(String(id)) ?? [],
    reportsOf: (managerId) => groupsOf(state).reports.get(String(managerId)) ?? [],
    withRole: (role) => groupsOf(state).roles.get(role) ?? [],
    inDepartment: (department) => groupsOf(state).departments.get(department) ?? [],
    everyone: () => groupsOf(state).active,
    all: () => [...state.employees.values()],
  };
}

/** A directory of its own: the app uses the one below; tests make a second "instance". */
export function createDirectory() {
  const cache = createSyncedCache<State>({ feed: 'directory', load, apply });
  const announce = (change: FeedChange, at: Date, local?: (state: State) => void) =>
    cache.publish(change, at, local);
  return {
    read: async (): Promise<Directory> => viewOf(await cache.read()),
    /** Every write to employees or identities calls one of these after it, on every path. */
    writes: {
      employeeSaved: (doc: EmployeeDoc, at: Date) =>
        announce({ kind: EMPLOYEE, key: String(doc._id) }, at, (s) => putEmployee(s, doc)),
      /** After a batch write (an import): a few are re-read one by one, many by reloading all. */
      employeesSaved: async (ids: Id[], at: Date) => {
        if (ids.length > ONE_BY_ONE_MAX) return announce(RELOAD, at);
        for (const id of ids) await announce({ kind: EMPLOYEE, key: String(id) }, at);
      },
      accountBound: (account: Account, employeeId: string, at: Date) =>
        announce({ kind: ACCOUNT, key: accountKey(account), value: employeeId }, at, (s) =>
          bind(s, account, employeeId),
        ),
      accountUnbound: (account: Account, at: Date) =>
        announce({ kind: ACCOUNT, key: accountKey(account), value: null }, at, (s) => unbind(s, account)),
    },
    refresh: cache.refresh,
    lifecycle: { name: 'directory', start: cache.start, stop: cache.stop } satisfies CacheSpec,
  };
}

const directory = createDirectory();

/** The app's directory (loaded before it serves; in a bare test, on first use). */
export const readDirectory = directory.read;
export const directoryWrites = directory.writes;
export const directoryCache = directory.lifecycle;
/** Catches up with other instances' writes now (tests; the app does it every few seconds). */
export const refreshDirectory = directory.refresh;
