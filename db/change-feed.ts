import { takeNextNumber } from './claims.js';
import { isDuplicateKey } from './duplicate-key.js';
import { CacheChange } from './models/cache-change.js';
import { Counter } from './models/counter.js';
import { pruneOldest } from './prune.js';

/**
 * A running instance reads the feed every few seconds; a day covers any pause short of a stopped
 * process, and an instance that still finds a gap reloads everything (db/synced-cache.ts).
 */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** What changed; the feed's owner decides what a kind means. `reload` = re-read everything. */
export type FeedChange = { kind: string; key: string; value?: string | null };

export const RELOAD: FeedChange = { kind: 'reload', key: '' };

const counterOf = (feed: string) => `feed:${feed}`;

/**
 * Appends a change after the write it describes; returns its number. The insert of
 * `<feed>:<n>` is the claim, so numbers have no gaps even with several instances writing.
 */
export async function appendChange(feed: string, change: FeedChange, at: Date): Promise<number> {
  return takeNextNumber(counterOf(feed), 0, async (n) => {
    try {
      await CacheChange.create({ _id: `${feed}:${n}`, ...change, at });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  });
}

/** Change `n` of the feed, or null: not written yet, or pruned. */
export async function changeAt(feed: string, n: number): Promise<FeedChange | null> {
  const row = await CacheChange.findById(`${feed}:${n}`, { kind: 1, key: 1, value: 1 }).lean();
  return row ? { kind: row.kind, key: row.key, value: row.value } : null;
}

/**
 * The feed's last number as far as its counter knows. It can lag behind (the counter moves after
 * the insert, and on the embedded store two moves can race), never run ahead.
 */
export async function feedHead(feed: string): Promise<number> {
  return (await Counter.findById(counterOf(feed)).lean())?.seq ?? 0;
}

/** Forgets changes older than a day, at most `max`. */
export function pruneChanges(now: Date, max: number): Promise<number> {
  return pruneOldest(CacheChange, {}, 'at', new Date(now.getTime() - KEEP_MS), max);
}
