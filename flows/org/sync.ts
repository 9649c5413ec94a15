import type { DirectorySync, SourcePerson } from '../../src/bot/directory-source.js';
import { asAppError } from '../../src/errors.js';
import { readDirectory } from './directory.js';
import { bindIdentity, createEmployee, updateEmployee } from './service.js';
import { type Known, planSync, type SyncPlan } from './sync-plan.js';

/**
 * A sync that would deactivate more than this share of the active company refuses unless forced:
 * a broken token or a half-answered listing must not empty the company.
 */
export const MAX_LEAVING_SHARE = 0.2;

export type SyncOptions = { dryRun: boolean; force: boolean; now: Date };

export type SyncReport = {
  plan: SyncPlan;
  applied: boolean;
  /** Set when the sync was refused (too many would leave); nothing was written. */
  refused?: { leaving: number; active: number };
  /** Lines that could not be written (a manager loop, an account taken meanwhile), with why. */
  failed: { email: string; step: string; error: string }[];
};

/** Reads every source, plans, and (unless a dry run or refused) applies the plan. */
export async function syncDirectory(sync: DirectorySync, options: SyncOptions): Promise<SyncReport> {
  const people: SourcePerson[] = [];
  for (const source of sync.sources) people.push(...(await source.list()));
  const plan = planSync(await knownPeople(), people);
  const active = (await readDirectory()).everyone().length;
  const leaving = plan.deactivate.length;
  if (!options.force && leaving > Math.max(1, active * MAX_LEAVING_SHARE))
    return { plan, applied: false, refused: { leaving, active }, failed: [] };
  if (options.dryRun) return { plan, applied: false, failed: [] };
  return { plan, applied: true, failed: await applyPlan(plan, sync, options.now) };
}

async function knownPeople(): Promise<Known[]> {
  const org = await readDirectory();
  return org.all().map((e) => ({
    id: String(e._id),
    name: e.name,
    email: e.email,
    department: e.department,
    managerEmail: org.byId(e.managerId)?.email ?? null,
    active: e.active,
    accounts: org.accountsOf(e._id),
  }));
}

/**
 * Creates first (without managers, who may be created in the same run), then details, managers,
 * accounts, and last the leavers, each handed to every flow's `onEmployeeLeft`. Each line is
 * written on its own: one that fails is reported and the rest go on.
 */
async function applyPlan(plan: SyncPlan, sync: DirectorySync, now: Date): Promise<SyncReport['failed']> {
  const failed: SyncReport['failed'] = [];
  const attempt = async (email: string, step: string, write: () => Promise<unknown>) => {
    try {
      await write();
    } catch (err) {
      const e = asAppError(err);
      const told = e.userMessage;
      failed.push({ email, step, error: typeof told === 'string' ? told : (told?.en ?? e.code) });
    }
  };
  for (const c of plan.create) {
    const { managerEmail: _, timezone, ...fields } = c;
    await attempt(c.email, 'create', () =>
      createEmployee(
        { ...fields, roles: ['employee'], locale: 'zh-CN', timezone: timezone ?? 'Asia/Shanghai' },
        now,
      ),
    );
  }
  for (const u of plan.update) {
    const { managerEmail: _, ...fields } = u.changes;
    if (Object.keys(fields).length > 0)
      await attempt(u.email, 'update', () => updateEmployee(u.email, fields, now));
  }
  const managers = [
    ...plan.create.flatMap((c) => (c.managerEmail ? [{ email: c.email, managerEmail: c.managerEmail }] : [])),
    ...plan.update.flatMap((u) =>
      u.changes.managerEmail ? [{ email: u.email, managerEmail: u.changes.managerEmail }] : [],
    ),
  ];
  for (const m of managers)
    await attempt(m.email, 'manager', () => updateEmployee(m.email, { managerEmail: m.managerEmail }, now));
  for (const b of plan.bind) await attempt(b.email, 'bind', () => bindIdentity(b, now));

  const leaving = new Set(plan.deactivate.map((d) => d.id));
  for (const d of plan.deactivate) {
    await attempt(d.email, 'deactivate', async () => {
      await updateEmployee(d.email, { active: false }, now);
      await sync.employeeLeft(d.id, await successorOf(d.id, leaving), now);
    });
  }
  return failed;
}

/** Their manager, or the first one up the line who stays. */
async function successorOf(employeeId: string, leaving: Set<string>): Promise<string | null> {
  const org = await readDirectory();
  let cursor = org.byId(employeeId)?.managerId;
  for (let hops = 0; cursor && hops < 20; hops++) {
    const id = String(cursor);
    const manager = org.byId(id);
    if (manager?.active && !leaving.has(id)) return id;
    cursor = manager?.managerId;
  }
  return null;
}
