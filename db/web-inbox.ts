import { WebConversation } from './models/web-conversation.js';
import { changeVersioned } from './versioned.js';

/** The conversation keeps its latest entries; older ones drop off as new ones come. */
export const KEEP_ENTRIES = 200;

export type WebSender = 'me' | 'bot' | 'notice';

/** One line of a person's web chat. `R` is whatever the caller stores (the bot's `Reply`). */
export type WebEntry<R> = { id: number; rev: number; at: Date; from: WebSender; reply: R };

type StoredEntry = { id: number; rev: number; at: Date; from: WebSender; reply: string };
type ConversationDoc = { _id: string; version: number; seq: number; entries: StoredEntry[] };

const empty = (employeeId: string): ConversationDoc => ({ _id: employeeId, version: 0, seq: 0, entries: [] });

const parsed = <R>(e: StoredEntry): WebEntry<R> => ({
  id: e.id,
  rev: e.rev,
  at: e.at,
  from: e.from,
  reply: JSON.parse(e.reply) as R,
});

/**
 * Storage behind the web chat: one document per person holding the last entries, each with the
 * event number (`rev`) of its last write, so "what changed since event n" is one read by `_id`.
 * Every write bumps the document's `seq`; entry ids and revs only grow.
 */
export function webInboxOf<R>() {
  return {
    /** Adds entries in order, as one write; returns them with their ids. */
    async append(
      employeeId: string,
      items: { from: WebSender; reply: R }[],
      at: Date,
    ): Promise<WebEntry<R>[]> {
      let added: StoredEntry[] = [];
      await changeVersioned<ConversationDoc, never>(
        WebConversation,
        'web',
        employeeId,
        (doc) => {
          // a new entry's id is the event number that added it: unique, and growing with time
          added = items.map((item, i) => ({
            id: doc.seq + i + 1,
            rev: doc.seq + i + 1,
            at,
            from: item.from,
            reply: JSON.stringify(item.reply),
          }));
          return { seq: doc.seq + items.length, entries: [...doc.entries, ...added].slice(-KEEP_ENTRIES) };
        },
        at,
        { initial: () => empty(employeeId) },
      );
      return added.map((e) => parsed<R>(e));
    },

    /** Replaces entry `id` where it stands; null when it is no longer kept (or never was). */
    async replace(employeeId: string, id: number, reply: R, at: Date): Promise<WebEntry<R> | null> {
      let replaced: StoredEntry | null = null;
      const result = await changeVersioned<ConversationDoc, 'gone'>(
        WebConversation,
        'web',
        employeeId,
        (doc) => {
          const old = doc.entries.find((e) => e.id === id);
          if (!old) return 'gone';
          const entry: StoredEntry = { ...old, rev: doc.seq + 1, reply: JSON.stringify(reply) };
          replaced = entry;
          return { seq: doc.seq + 1, entries: doc.entries.map((e) => (e.id === id ? entry : e)) };
        },
        at,
      );
      return result.ok && replaced ? parsed<R>(replaced) : null;
    },

    /** The kept entries, oldest first, and the last event number. */
    async read(employeeId: string): Promise<{ seq: number; entries: WebEntry<R>[] }> {
      const doc = await WebConversation.findById(employeeId).lean<ConversationDoc>();
      return doc ? { seq: doc.seq, entries: doc.entries.map((e) => parsed<R>(e)) } : { seq: 0, entries: [] };
    },
  };
}
