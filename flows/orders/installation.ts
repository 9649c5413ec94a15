import mongoose from 'mongoose';
import type { EmployeeDoc } from '../../db/models/employee.js';
import { Installation, type InstallationDoc } from '../../db/models/installation.js';
import type { SalesOrderDoc } from '../../db/models/sales-order.js';
import { changeVersioned } from '../../db/versioned.js';
import type { Person } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';
import { advanceOrder, findOrder } from './service.js';

/** Days from assigning to the job's due date when the assigner names none. */
export const INSTALL_POLICY = { days: 3 };

/** The field service: a department of this name (any language) holds the installers. */
const SERVICE_DEPARTMENT = /service|install|售后|服务|安装/i;

export const installIdOf = (no: string) => `${no}:install`;

type Actor = Pick<Person, 'id' | 'roles'>;

const isServiceStaff = (e: { department?: string | null }) => SERVICE_DEPARTMENT.test(e.department ?? '');

/** A warehouse manager or a manager in the service department. */
export const isAssigner = (e: { roles: string[]; department?: string | null }) =>
  e.roles.includes('manager') && (e.roles.includes('warehouse') || isServiceStaff(e));

/** Warehouse managers, service-department managers and admins send installers out. */
export async function mayAssign(actor: Actor): Promise<boolean> {
  if (actor.roles.includes('admin')) return true;
  const me = (await readDirectory()).active(actor.id);
  return !!me && isAssigner(me);
}

/** Who hears that an order was delivered, to send someone: warehouse and service managers. */
export async function assigners(): Promise<mongoose.Types.ObjectId[]> {
  const org = await readDirectory();
  return org
    .withRole('manager')
    .filter(isAssigner)
    .map((e) => e._id);
}

/** Who can be sent: everyone active in the service department, else the warehouse staff. */
export async function installers(): Promise<EmployeeDoc[]> {
  const org = await readDirectory();
  const service = org.everyone().filter(isServiceStaff);
  return service.length > 0 ? service : org.withRole('warehouse');
}

export type AssignRefusal = 'forbidden' | 'not_found' | 'not_delivered' | 'closed' | 'done' | 'same';
export type Assigned =
  | { ok: true; job: InstallationDoc; order: SalesOrderDoc; previous: InstallationDoc | null }
  | { ok: false; refusal: AssignRefusal; job?: InstallationDoc; order?: SalesOrderDoc };

/**
 * Sends an installer to a delivered order, or sends another one while the job is open. The same
 * installer and due date again (a double click) changes nothing, so nobody is told twice.
 */
export async function assignInstallation(input: {
  no: string;
  actor: Actor;
  assigneeId: string;
  due: string;
  at: Date;
}): Promise<Assigned> {
  if (!(await mayAssign(input.actor))) return { ok: false, refusal: 'forbidden' };
  const order = await findOrder(input.no);
  if (!order) return { ok: false, refusal: 'not_found' };
  if (order.status === 'installed' || order.status === 'completed' || order.status === 'cancelled')
    return { ok: false, refusal: 'closed', order };
  if (order.status !== 'delivered') return { ok: false, refusal: 'not_delivered', order };
  const assigneeId = new mongoose.Types.ObjectId(input.assigneeId);
  // not yet assigned: no assignee, no createdAt
  const fresh = { version: 0, _id: installIdOf(order.no) } as InstallationDoc;
  const changed = await changeVersioned<InstallationDoc, AssignRefusal>(
    Installation,
    'install',
    installIdOf(order.no),
    (job) => {
      if (job.status === 'done') return 'done';
      if (job.assigneeId?.equals(assigneeId) && job.due === input.due) return 'same';
      return {
        no: order.no,
        orderId: order._id,
        customerId: order.customerId ?? null,
        customerName: order.customerName,
        ownerId: order.ownerId,
        assigneeId,
        assignedBy: new mongoose.Types.ObjectId(input.actor.id),
        due: input.due,
        status: 'assigned',
        ...(job.createdAt ? {} : { createdAt: input.at }),
      };
    },
    input.at,
    { initial: () => fresh },
  );
  if (!changed.ok) return { ok: false, refusal: changed.refusal, job: changed.doc, order };
  const previous = changed.before.assigneeId ? changed.before : null;
  return { ok: true, job: changed.doc, order, previous };
}

export type DoneRefusal = 'not_assigned' | 'forbidden' | 'done';
export type Installed =
  | { ok: true; job: InstallationDoc; order: SalesOrderDoc | null }
  | { ok: false; refusal: DoneRefusal; job?: InstallationDoc };

/**
 * The installer (or whoever may assign) reports the job done, once: the job closes and the order
 * moves to installed, recorded as the reporter's step.
 */
export async function reportInstalled(input: {
  no: string;
  actor: Actor;
  note: string;
  photo: string;
  at: Date;
}): Promise<Installed> {
  const manager = await mayAssign(input.actor);
  const changed = await changeVersioned<InstallationDoc, DoneRefusal>(
    Installation,
    'install',
    installIdOf(input.no),
    (job) => {
      if (job.status === 'done') return 'done';
      if (!manager && String(job.assigneeId) !== input.actor.id) return 'forbidden';
      return {
        status: 'done',
        note: input.note,
        photo: input.photo,
        doneBy: new mongoose.Types.ObjectId(input.actor.id),
        doneAt: input.at,
      };
    },
    input.at,
  );
  if (!changed.ok) {
    // a report that closed the job and crashed before the order moved: the next report moves it
    // (an order already installed refuses the step as a skip)
    if (changed.refusal === 'done' && changed.doc) await installStep(changed.doc, input.actor, input.at);
    return {
      ok: false,
      refusal: changed.refusal === 'not_found' ? 'not_assigned' : changed.refusal,
      job: changed.doc,
    };
  }
  return { ok: true, job: changed.doc, order: await installStep(changed.doc, input.actor, input.at) };
}

/** The order's install step, in the reporter's name, with the job's note and photo link. */
async function installStep(job: InstallationDoc, actor: Actor, at: Date): Promise<SalesOrderDoc | null> {
  const note = [job.note, job.photo].filter(Boolean).join(' ');
  const advanced = await advanceOrder({ no: job.no, actor, action: 'install', note, at, checked: true });
  return advanced.ok ? advanced.order : null;
}

export const findInstallation = (no: string) =>
  Installation.findById(installIdOf(no)).lean<InstallationDoc>();

/**
 * Open jobs due before `today` (yyyy-mm-dd), oldest due first. For the digest: a bounded
 * scheduled read, not a chat turn.
 */
export const overdueInstallations = (today: string, limit = 200) =>
  Installation.find({ status: 'assigned', due: { $lt: today } })
    .sort({ due: 1 })
    .limit(limit)
    .lean<InstallationDoc[]>();
