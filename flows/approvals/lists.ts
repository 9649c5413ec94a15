// "待我审批" and "我的申请" from small per-person lists (db/models/approval-list.ts) instead of a
// query over every request: on the embedded store that query reads the whole collection.
import { ApprovalList, type ApprovalListDoc, type ListItem } from '../../db/models/approval-list.js';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { findByIds, inParallel } from '../../db/point-reads.js';
import { changeVersioned } from '../../db/versioned.js';

/** How many of someone's latest requests "我的申请" can show. */
const MINE_KEPT = 20;

const pendingKey = (approverId: unknown) => `pending:${String(approverId)}`;
const mineKey = (requesterId: unknown) => `mine:${String(requesterId)}`;
const byFiled = (a: ListItem, b: ListItem) => a.at.getTime() - b.at.getTime() || (a.no < b.no ? -1 : 1);
const waitsFor = (doc: ApprovalRequestDoc, id: string) =>
  doc.status === 'pending' && doc.waitingFor.some((w) => String(w) === id);

/** Replaces a list's items with what `next` makes of them (null: nothing to change). */
function editList(key: string, next: (items: ListItem[]) => ListItem[] | null, at: Date) {
  return changeVersioned<ApprovalListDoc, 'unchanged'>(
    ApprovalList,
    'approval-list',
    key,
    (list) => {
      const items = next(list.items);
      return items ? { items } : 'unchanged';
    },
    at,
    { initial: () => ({ _id: key, items: [], version: 0, updatedAt: null }) },
  );
}

/** Puts a request on a list or takes it off; `keep` bounds the list to its newest entries. */
function setOnList(key: string, item: ListItem, on: boolean, at: Date, keep = Number.POSITIVE_INFINITY) {
  return editList(
    key,
    (items) => {
      const has = items.some((i) => i.no === item.no);
      if (has === on) return null;
      return on ? [...items, item].sort(byFiled).slice(-keep) : items.filter((i) => i.no !== item.no);
    },
    at,
  );
}

/**
 * After a request was filed (`before` null) or changed: everyone it waited for or waits for now
 * has it on their pending list exactly when it waits for them, and a new one goes on the
 * requester's list. Membership is decided from the request as written, not by adding and
 * removing, so lists converge whatever order two changes' updates land in.
 */
export async function syncLists(
  before: ApprovalRequestDoc | null,
  after: ApprovalRequestDoc,
  at: Date,
): Promise<void> {
  const item = { no: after._id, at: after.createdAt };
  const people = [...new Set([...(before?.waitingFor ?? []), ...after.waitingFor].map(String))];
  await Promise.all(people.map((id) => setOnList(pendingKey(id), item, waitsFor(after, id), at)));
  if (!before) await setOnList(mineKey(after.requesterId), item, true, at, MINE_KEPT);
}

/**
 * What waits for `approverId`, oldest first. Each entry is checked against its request (a point
 * read); any that no longer waits for them is dropped from the list, after checking again.
 */
export async function listPending(approverId: string, at: Date, limit = 20): Promise<ApprovalRequestDoc[]> {
  const list = await ApprovalList.findById(pendingKey(approverId)).lean<ApprovalListDoc>();
  const items = (list?.items ?? []).toSorted(byFiled);
  const shown: ApprovalRequestDoc[] = [];
  const stale: string[] = [];
  for (let i = 0; i < items.length && shown.length < limit; i += limit) {
    const chunk = items.slice(i, i + limit).map((x) => x.no);
    const docs = await findByIds<ApprovalRequestDoc>(ApprovalRequest, chunk);
    for (const no of chunk) {
      const doc = docs.get(no);
      if (doc && waitsFor(doc, approverId)) shown.push(doc);
      else stale.push(no);
    }
  }
  if (stale.length > 0) await dropStale(approverId, stale, at);
  return shown.slice(0, limit);
}

/** Takes requests that no longer wait for the approver off their list, re-reading each first. */
async function dropStale(approverId: string, nos: string[], at: Date): Promise<void> {
  await editList(
    pendingKey(approverId),
    (items) => {
      const gone = new Set(nos);
      const kept = items.filter((i) => !gone.has(i.no));
      return kept.length === items.length ? null : kept;
    },
    at,
  );
  // a request that came back to them in the meantime goes back on
  const docs = await findByIds<ApprovalRequestDoc>(ApprovalRequest, nos);
  for (const doc of docs.values()) {
    if (waitsFor(doc, approverId))
      await setOnList(pendingKey(approverId), { no: doc._id, at: doc.createdAt }, true, at);
  }
}

/** The requester's latest requests, newest first, as they stand now. */
export async function listMine(requesterId: string, limit = 10): Promise<ApprovalRequestDoc[]> {
  const list = await ApprovalList.findById(mineKey(requesterId)).lean<ApprovalListDoc>();
  const nos = (list?.items ?? [])
    .toSorted(byFiled)
    .slice(-limit)
    .reverse()
    .map((i) => i.no);
  const docs = await findByIds<ApprovalRequestDoc>(ApprovalRequest, nos);
  return nos.flatMap((no) => docs.get(no) ?? []);
}

/**
 * Every list rebuilt from the requests (one pass over them): the repair after a crash between a
 * request's change and its lists' update. Returns how many lists it wrote.
 */
export async function rebuildLists(at: Date): Promise<{ lists: number }> {
  const lists = new Map<string, ListItem[]>();
  const put = (key: string, item: ListItem) => lists.set(key, [...(lists.get(key) ?? []), item]);
  const requests = ApprovalRequest.find({}, { requesterId: 1, status: 1, waitingFor: 1, createdAt: 1 })
    .lean<ApprovalRequestDoc[]>()
    .cursor();
  for await (const r of requests) {
    const item = { no: r._id, at: r.createdAt };
    put(mineKey(r.requesterId), item);
    if (r.status === 'pending') for (const id of r.waitingFor) put(pendingKey(id), item);
  }
  for (const old of await ApprovalList.find({}, { _id: 1 }).lean<ApprovalListDoc[]>()) {
    if (!lists.has(old._id)) lists.set(old._id, []);
  }
  const same = (a: ListItem[], b: ListItem[]) =>
    a.length === b.length && a.every((x, i) => x.no === b[i]?.no && x.at.getTime() === b[i]?.at.getTime());
  await inParallel([...lists.entries()], async ([key, items]) => {
    const want = items.toSorted(byFiled).slice(key.startsWith('mine:') ? -MINE_KEPT : 0);
    await editList(key, (have) => (same(have, want) ? null : want), at);
  });
  return { lists: lists.size };
}
