import mongoose from 'mongoose';
import { nextNumber } from '../../db/claims.js';
import { ApprovalCard } from '../../db/models/approval-card.js';
import {
  ApprovalRequest,
  type ApprovalRequestDoc,
  type ApprovalType,
} from '../../db/models/approval-request.js';
import { changeVersioned } from '../../db/versioned.js';
import type { Half } from '../../src/bot/dates/index.js';
import type { MessageRef, Person } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import { countWorkdays } from '../attendance/hooks.js';
import { readDirectory } from '../org/index.js';
import { managesUp } from '../org/service.js';
import { POLICY, type Policy, ruleFor } from './policy.js';
import { requestType } from './requests/index.js';
import { routeRequest } from './routing.js';
import type { Change, Refusal } from './workflow.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

type Submission = {
  requester: Person;
  type: ApprovalType;
  data: Record<string, unknown>;
  today: string;
  policy?: Policy;
};

/**
 * What filing would do, without writing: the data as filed (leave gets its working days) and the
 * route. The confirmation card shows it; `submitRequest` files it.
 */
export async function planRequest(input: Submission) {
  const requesterId = oid(input.requester.id);
  const data = { ...input.data };
  if (input.type === 'leave') {
    // counted with the requester's own calendar: holidays and make-up workdays (调休) included
    data.days = await countWorkdays(
      input.requester.id,
      String(data.from),
      String(data.to),
      data.fromHalf as Half,
      data.toHalf as Half,
    );
    if (data.days === 0) {
      throw new AppError('approvals.no_workdays', 'leave covers no workday', {
        'zh-CN': '这段时间没有工作日，无需请假。',
        en: 'Those dates have no working day; no leave is needed.',
      });
    }
  }
  const rule = ruleFor(input.policy ?? POLICY, input.type, requestType(input.type).measure(data));
  const { steps, cc } = await routeRequest({ requesterId, rule, data, today: input.today });
  return { requesterId, data, steps, cc };
}

/** Files a request: routes it by policy and numbers it. No steps left (nobody above) = approved at once. */
export async function submitRequest(input: Submission & { now: Date }): Promise<ApprovalRequestDoc> {
  const { requesterId, data, steps, cc } = await planRequest(input);
  const me = (await readDirectory()).byId(requesterId);
  const history = [{ at: input.now, by: requesterId, action: 'submitted', step: 0, comment: '' }];
  if (steps.length === 0)
    history.push({ at: input.now, by: null as unknown as Id, action: 'auto-approved', step: 0, comment: '' });
  const doc = await ApprovalRequest.create({
    no: `AP-${await nextNumber('approval', 1000, input.now)}`,
    type: input.type,
    requesterId,
    department: me?.department ?? '',
    data,
    status: steps.length === 0 ? 'approved' : 'pending',
    steps,
    stepIndex: 0,
    waitingFor: steps[0]?.approvers.map((a) => a.employeeId) ?? [],
    cc,
    history,
    // waiting times and digests read it: the injected clock, not the database driver's
    createdAt: input.now,
  });
  return doc.toObject() as unknown as ApprovalRequestDoc;
}

export type Changed = { ok: true; doc: ApprovalRequestDoc; before: ApprovalRequestDoc; change: Change };
export type Refused = { ok: false; refusal: Refusal | 'not_found'; doc?: ApprovalRequestDoc };

/**
 * Applies a workflow change with optimistic concurrency (db/versioned.ts): two approvers clicking
 * at once — one moves the request to the next version; the other re-reads and is refused or
 * recorded as the rules say.
 */
export async function changeRequest(
  no: string,
  change: (doc: ApprovalRequestDoc) => Change | Refusal,
  now: Date,
): Promise<Changed | Refused> {
  const found = await ApprovalRequest.findOne({ no }, { _id: 1 }).lean();
  if (!found) return { ok: false, refusal: 'not_found' };
  let applied: Change | undefined;
  const result = await changeVersioned<ApprovalRequestDoc, Refusal>(
    ApprovalRequest,
    'approval',
    found._id,
    (doc) => {
      const next = change(doc);
      if (typeof next === 'string') return next;
      applied = next;
      // a whole-array $set is safe: only the claimed writer of this version writes
      return { ...next.set, history: [...doc.history, next.history] };
    },
    now,
  );
  if (!result.ok) return result;
  return { ok: true, doc: result.doc, before: result.before, change: applied as Change };
}

/** Remembers where a card about the request was sent, to update every copy later. */
export async function recordCards(requestId: Id, employeeId: string, refs: MessageRef[]): Promise<void> {
  if (refs.length === 0) return;
  await ApprovalCard.insertMany(refs.map((r) => ({ requestId, employeeId: oid(employeeId), ...r })));
}

export async function cardsOf(requestId: Id) {
  return ApprovalCard.find({ requestId }, { employeeId: 1, platform: 1, channelId: 1, messageId: 1 }).lean();
}

export async function listMine(employeeId: string, limit = 10): Promise<ApprovalRequestDoc[]> {
  return ApprovalRequest.find({ requesterId: oid(employeeId) })
    .sort({ createdAt: -1 })
    .limit(limit)
    .lean<ApprovalRequestDoc[]>();
}

export async function listPending(employeeId: string, limit = 20): Promise<ApprovalRequestDoc[]> {
  return ApprovalRequest.find({ waitingFor: oid(employeeId), status: 'pending' })
    .sort({ createdAt: 1 })
    .limit(limit)
    .lean<ApprovalRequestDoc[]>();
}

/**
 * A request as `viewer` may see it: its requester, anyone asked or copied, HR and admins, and
 * managers up the requester's line.
 */
export async function findVisible(no: string, viewer: Person): Promise<ApprovalRequestDoc | Refused> {
  const doc = await ApprovalRequest.findOne({ no: no.toUpperCase() }).lean<ApprovalRequestDoc>();
  if (!doc) return { ok: false, refusal: 'not_found' };
  const me = oid(viewer.id);
  const involved =
    doc.requesterId.equals(me) ||
    doc.cc.some((id) => id.equals(me)) ||
    doc.steps.some((s) => s.approvers.some((a) => a.employeeId.equals(me))) ||
    viewer.roles.includes('admin') ||
    viewer.roles.includes('hr');
  if (involved || (await managesUp(doc.requesterId, me))) return doc;
  return { ok: false, refusal: 'not_visible' };
}

export async function findEmployeeId(emailOrName: string): Promise<Id | null> {
  const org = await readDirectory();
  const key = emailOrName.trim();
  return (key.includes('@') ? org.activeByEmail(key) : org.activeByName(key))?._id ?? null;
}
