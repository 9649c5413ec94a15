import mongoose from 'mongoose';
import { nextNumber, withLock } from '../../db/claims.js';
import {
  ApprovalRequest,
  type ApprovalRequestDoc,
  type ApprovalStep,
  type ApprovalType,
  type AttachmentRef,
  type CardCopy,
} from '../../db/models/approval-request.js';
import { markUploadsUsed } from '../../db/uploads.js';
import { changeVersioned } from '../../db/versioned.js';
import type { MessageRef, Person } from '../../src/bot/types.js';
import { managesUp, readDirectory } from '../org/api.js';
import { deadlineOf } from './deadline.js';
import { applyResubmission, onFiled } from './effects.js';
import { syncLists } from './lists.js';
import { POLICY, type Policy, ruleFor } from './policy.js';
import { requestType } from './requests/index.js';
import type { RequestType, Resubmitting } from './requests/request-type.js';
import { nextRevision, type Resubmission, refuseResubmit, resubmit, returnedBy } from './reroute.js';
import { routeRequest } from './routing.js';
import type { Change, Refusal } from './workflow.js';

type Id = mongoose.Types.ObjectId;
const oid = (id: string) => new mongoose.Types.ObjectId(id);

type Submission = {
  requester: Person;
  /** A built-in type or an admin-defined one (filed with its latest version). */
  type: string;
  data: Record<string, unknown>;
  today: string;
  policy?: Policy;
  /** Set when the data are edits of a request sent back (planResubmission). */
  resubmitting?: Resubmitting;
};

/**
 * What filing would do, without writing: the data as filed (leave gets its working days) and the
 * route. The confirmation card shows it; `submitRequest` files it.
 */
export async function planRequest(input: Submission) {
  const requesterId = oid(input.requester.id);
  const type = requestType(input.type);
  const data = (await type.complete?.(
    { ...input.data },
    input.requester.id,
    input.today,
    input.resubmitting,
  )) ?? { ...input.data };
  const base =
    type.route?.(data) ?? ruleFor(input.policy ?? POLICY, input.type as ApprovalType, type.measure(data));
  const extra = type.extraSteps?.(data) ?? [];
  const rule = extra.length > 0 ? { ...base, steps: [...base.steps, ...extra] } : base;
  const { steps, cc } = await routeRequest({ requesterId, rule, data, today: input.today });
  return { requesterId, data, steps, cc, rule, typeVersion: type.version ?? null };
}

/**
 * A returned request with the requester's edits: routed again (an amount may now need finance),
 * starting where its rule's `resubmitFrom` says. Steps before that one keep the decisions they
 * had, where the old route had a step of the same name.
 */
async function planResubmission(
  doc: ApprovalRequestDoc,
  input: Omit<Submission, 'type' | 'resubmitting'>,
): Promise<Resubmission> {
  const resubmitting = { no: doc.no, revision: nextRevision(doc) };
  const plan = await planRequest({ ...input, type: doc.type, resubmitting });
  const from = plan.rule.resubmitFrom === 'returned' ? returnedBy(doc) : undefined;
  const startAt = Math.max(
    0,
    plan.steps.findIndex((s) => s.name === from),
  );
  const fresh = (s: (typeof plan.steps)[number]): ApprovalStep => ({
    ...s,
    approvers: s.approvers.map((a) => ({ ...a, decision: null, at: null })),
  });
  const steps = plan.steps.map((s, i) =>
    i < startAt ? (doc.steps.find((o) => o.name === s.name) ?? fresh(s)) : fresh(s),
  );
  return { data: plan.data, steps, startAt };
}

type Filing = Submission & { now: Date; attachments?: AttachmentRef[] };

/**
 * Files a request: routes it by policy and numbers it (the number is its `_id`), and puts it on
 * its approvers' and requester's lists. No steps left (nobody above) = approved at once. A type
 * with a `filingLock` files one request per key at a time (a claim: the store has no transactions).
 */
export async function submitRequest(input: Filing): Promise<ApprovalRequestDoc> {
  return underFilingLock(requestType(input.type), input.requester.id, input.now, () => file(input));
}

/** Runs `fn` holding the type's filing lock for the requester, if the type has one. */
function underFilingLock<T>(type: RequestType, requesterId: string, now: Date, fn: () => Promise<T>) {
  const lock = type.filingLock?.(requesterId);
  return lock ? withLock(lock, now, fn) : fn();
}

/**
 * Resubmits a request sent back, with the requester's edits: planned again (as a filing would be,
 * less what the request itself holds), changed, and the type told (`onResubmitted`), all under the
 * type's filing lock, so that a filing at the same moment cannot pass on a balance this one uses.
 */
export async function resubmitRequest(
  no: string,
  input: Omit<Submission, 'type' | 'resubmitting'> & { now: Date },
): Promise<Changed | Refused> {
  const filed = await ApprovalRequest.findById(no).lean<ApprovalRequestDoc>();
  if (!filed) return { ok: false, refusal: 'not_found' };
  const by = oid(input.requester.id);
  const type = requestType(filed.type, filed.typeVersion);
  return underFilingLock(type, String(filed.requesterId), input.now, async (): Promise<Changed | Refused> => {
    // read again inside the lock: a resubmission that got here first has moved it on
    const doc = await ApprovalRequest.findById(no).lean<ApprovalRequestDoc>();
    if (!doc) return { ok: false, refusal: 'not_found' };
    const refused = refuseResubmit(doc, by);
    if (refused) return { ok: false, refusal: refused, doc };
    const plan = await planResubmission(doc, input);
    const result = await changeRequest(
      no,
      (current) => resubmit(current, by, plan, '', input.now),
      input.now,
    );
    if (result.ok) await applyResubmission(result.before, result.doc, input.today);
    return result;
  });
}

async function file(input: Filing): Promise<ApprovalRequestDoc> {
  const { requesterId, data, steps, cc, typeVersion } = await planRequest(input);
  const me = (await readDirectory()).byId(requesterId);
  const history = [{ at: input.now, by: requesterId, action: 'submitted', step: 0, comment: '' }];
  if (steps.length === 0)
    history.push({ at: input.now, by: null as unknown as Id, action: 'auto-approved', step: 0, comment: '' });
  const no = `AP-${await nextNumber('approval', 1000, input.now)}`;
  const status = steps.length === 0 ? 'approved' : 'pending';
  const waitingFor = steps[0]?.approvers.map((a) => a.employeeId) ?? [];
  const deadline = await deadlineOf({
    status,
    steps,
    stepIndex: 0,
    waitingFor,
    history,
    createdAt: input.now,
  });
  const created = await ApprovalRequest.create({
    _id: no,
    no,
    type: input.type,
    typeVersion,
    requesterId,
    department: me?.department ?? '',
    data,
    status,
    steps,
    stepIndex: 0,
    waitingFor,
    cc,
    history,
    deadline,
    attachments: input.attachments ?? [],
    // waiting times and digests read it (and updatedAt follows it): the injected clock, not the driver's
    createdAt: input.now,
  });
  const doc = created.toObject() as unknown as ApprovalRequestDoc;
  await markUploadsUsed(doc.attachments ?? [], no);
  await syncLists(null, doc, input.now);
  await onFiled(doc, input.today);
  return doc;
}

export type Changed = { ok: true; doc: ApprovalRequestDoc; before: ApprovalRequestDoc; change: Change };
export type Refused = { ok: false; refusal: Refusal | 'not_found'; doc?: ApprovalRequestDoc };

/**
 * Applies a workflow change with optimistic concurrency (db/versioned.ts): two approvers clicking
 * at once — one moves the request to the next version; the other re-reads and is refused or
 * recorded as the rules say. The lists of whoever it waited for or waits for now follow.
 */
export async function changeRequest(
  no: string,
  change: (doc: ApprovalRequestDoc) => Change | Refusal,
  now: Date,
): Promise<Changed | Refused> {
  let applied: Change | undefined;
  const result = await changeVersioned<ApprovalRequestDoc, Refusal>(
    ApprovalRequest,
    'approval',
    no,
    async (doc) => {
      const next = change(doc);
      if (typeof next === 'string') return next;
      applied = next;
      // a whole-array $set is safe: only the claimed writer of this version writes
      const history = [...doc.history, next.history];
      return { ...next.set, history, deadline: await deadlineOf({ ...doc, ...next.set, history }) };
    },
    now,
  );
  if (!result.ok) return result;
  if (waitingChanged(result.before, result.doc)) await syncLists(result.before, result.doc, now);
  return { ok: true, doc: result.doc, before: result.before, change: applied as Change };
}

const waitingChanged = (a: ApprovalRequestDoc, b: ApprovalRequestDoc) =>
  a.status !== b.status || a.waitingFor.map(String).join() !== b.waitingFor.map(String).join();

/**
 * Remembers where cards about the request were sent, to update every copy later. A change of
 * the request like any other (under its version claim): on the embedded store two updates of
 * one document at once can lose one of them, whichever fields they touch.
 */
export async function recordCards(no: string, copies: CardCopy[], at: Date): Promise<void> {
  if (copies.length === 0) return;
  await changeVersioned<ApprovalRequestDoc, never>(
    ApprovalRequest,
    'approval',
    no,
    (doc) => ({ cards: [...(doc.cards ?? []), ...copies] }),
    at,
  );
}

/** Where `refs` went, as a request keeps it. */
export const copiesOf = (employeeId: Id, refs: MessageRef[]): CardCopy[] =>
  refs.map((r) => ({ employeeId, platform: r.platform, channelId: r.channelId, messageId: r.messageId }));

/**
 * A request as `viewer` may see it: its requester, anyone asked or copied, HR and admins, and
 * managers up the requester's line.
 */
export async function findVisible(
  no: string,
  viewer: Pick<Person, 'id' | 'roles'>,
): Promise<ApprovalRequestDoc | Refused> {
  const doc = await ApprovalRequest.findById(no.toUpperCase()).lean<ApprovalRequestDoc>();
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

/** Web uploads attached to a request may be downloaded by its readers. */
export const noteUploads = markUploadsUsed;

export async function findEmployeeId(emailOrName: string): Promise<Id | null> {
  const org = await readDirectory();
  const key = emailOrName.trim();
  return (key.includes('@') ? org.activeByEmail(key) : org.activeByName(key))?._id ?? null;
}
