import { claim } from './claims.js';
import { PendingAction } from './models/pending-action.js';
import { pruneOldest } from './prune.js';

type Locale = 'zh-CN' | 'en';

/** A stored confirmation or question, as the router's `PendingStore` sees it. */
export type StoredPending = {
  id: string;
  employeeId: string;
  intent: string;
  args?: unknown;
  text?: string;
  locale: Locale;
  card?: unknown;
  files?: {
    platform: 'web' | 'slack' | 'lark';
    id: string;
    name: string;
    url?: string;
    size?: number;
    mimeType?: string;
  }[];
  expiresAt: Date;
};

function toStored(doc: {
  _id: string;
  employeeId: string;
  intent: string;
  args?: string | null;
  text?: string | null;
  locale: string;
  card?: string | null;
  files?: string | null;
  expiresAt: Date;
}): StoredPending {
  return {
    id: doc._id,
    employeeId: doc.employeeId,
    intent: doc.intent,
    ...(doc.args ? { args: JSON.parse(doc.args) as unknown } : {}),
    ...(doc.text !== null && doc.text !== undefined ? { text: doc.text } : {}),
    locale: doc.locale as Locale,
    ...(doc.card ? { card: JSON.parse(doc.card) as unknown } : {}),
    ...(doc.files ? { files: JSON.parse(doc.files) as StoredPending['files'] } : {}),
    expiresAt: doc.expiresAt,
  };
}

/** Confirmations and open questions, each read and removed by `_id` (a point lookup). */
export const pendingStore = {
  async put(p: StoredPending): Promise<void> {
    const fields = {
      employeeId: p.employeeId,
      intent: p.intent,
      args: p.args === undefined ? null : JSON.stringify(p.args),
      text: p.text ?? null,
      locale: p.locale,
      card: p.card === undefined ? null : JSON.stringify(p.card),
      files: p.files?.length ? JSON.stringify(p.files) : null,
      expiresAt: p.expiresAt,
    };
    await PendingAction.replaceOne({ _id: p.id }, fields, { upsert: true });
  },

  /** The live row, without taking it (a question still open in this chat). */
  async peek(id: string, now: Date): Promise<StoredPending | null> {
    const doc = await PendingAction.findById(id).lean();
    return doc && doc.expiresAt > now ? toStored(doc) : null;
  },

  /**
   * Takes a row for the one caller that wins: two clicks on the same Submit (or a platform
   * retry) race for a unique claim, so the command runs once. Null when gone or expired.
   */
  async take(id: string, now: Date): Promise<StoredPending | null> {
    const doc = await PendingAction.findById(id).lean();
    if (!doc || doc.expiresAt <= now) return null;
    if (!(await claim(`pending:${id}:${doc.expiresAt.getTime()}`, now))) return null;
    await PendingAction.deleteOne({ _id: id });
    return toStored(doc);
  },

  async drop(id: string): Promise<void> {
    await PendingAction.deleteOne({ _id: id });
  },

  /** Removes up to `limit` expired rows, oldest first; returns how many. */
  prune(now: Date, limit: number): Promise<number> {
    return pruneOldest(PendingAction, {}, 'expiresAt', now, limit);
  },
};
