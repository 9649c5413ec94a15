// Requests filed before their number became their `_id` (collection `approvalrequests`, cards in
// `approvalcards` found by a query per request) move to `approvals` with their cards inside, and
// the per-person lists are built from them.
import mongoose from 'mongoose';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { insertNew } from '../../db/insert-new.js';
import { moveLegacy } from '../../db/legacy.js';
import { ApprovalRequest, type CardCopy } from '../../db/models/approval-request.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { rebuildLists } from './lists.js';

const BATCH = 500;

/** First, each card row goes into its (old) request; the next step carries them along. */
const cardsIntoRequests = moveLegacy({
  id: 'approvals.cards-into-requests',
  from: 'approvalcards',
  batch: BATCH,
  async move(rows) {
    const byRequest = new Map<string, { requestId: mongoose.Types.ObjectId; copies: CardCopy[] }>();
    for (const r of rows) {
      const requestId = r.requestId as mongoose.Types.ObjectId;
      const entry = byRequest.get(String(requestId)) ?? { requestId, copies: [] };
      entry.copies.push({
        employeeId: r.employeeId as mongoose.Types.ObjectId,
        platform: String(r.platform),
        channelId: String(r.channelId),
        messageId: String(r.messageId),
      });
      byRequest.set(String(requestId), entry);
    }
    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    const requests = db.collection<{ _id: mongoose.Types.ObjectId; cards?: CardCopy[] }>('approvalrequests');
    // a batch repeated after a crash pushes some copies twice: the next step keeps one of each
    await bulkWriteInSlices(
      requests,
      [...byRequest.values()].map(({ requestId, copies }) => ({
        updateOne: { filter: { _id: requestId }, update: { $push: { cards: { $each: copies } } } },
      })),
      { ordered: false },
    );
  },
});

const copyKey = (c: CardCopy) => `${c.platform}|${c.channelId}|${c.messageId}`;

/** Then each request is re-inserted under its number. */
const requestsByNumber = moveLegacy({
  id: 'approvals.requests-by-number',
  from: 'approvalrequests',
  batch: BATCH,
  async move(rows) {
    await insertNew(
      ApprovalRequest,
      rows.map(({ _id, cards, ...rest }) => ({
        ...rest,
        _id: String(rest.no),
        cards: [...new Map(((cards ?? []) as CardCopy[]).map((c) => [copyKey(c), c])).values()],
      })),
      { asStored: true },
    );
  },
});

/** Last, "待我审批" and "我的申请" lists for everyone, from all requests (one pass). */
const lists: MigrationSpec = {
  id: 'approvals.lists',
  async step(_cursor, now) {
    const { lists: written } = await rebuildLists(now);
    return { cursor: null, migrated: written };
  },
};

export const approvalMigrations: MigrationSpec[] = [cardsIntoRequests, requestsByNumber, lists];
