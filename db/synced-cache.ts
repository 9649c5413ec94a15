import type { Logger } from '../src/logger.js';
import { appendChange, changeAt, type FeedChange, feedHead, RELOAD } from './change-feed.js';

/** How often a running instance looks for other instances' writes: the staleness bound. */
export const REFRESH_EVERY_MS = 2_000;
/** A full re-read now and then repairs what no change announced (a crash between write and append). */
const FULL_RELOAD_EVERY_MS = 60 * 60_000;
/** Further behind than this, one full read is cheaper than reading the changes one by one. */
const CATCH_UP_MAX = 500;

export type SyncedCacheOptions<S> = {
  /** Names the change feed (db/change-feed.ts) this cache reads and writes. */
  feed: string;
  /** Reads everything: once at start, and when a change says `reload`. */
  load(): Promise<S>;
  /** Applies one change from any instance to the state, re-reading what it names by `_id`. */
  apply(state: S, change: FeedChange): Promise<void>;
  everyMs?: number;
};

export type SyncedCache<S> = {
  /** The current state. Loaded on first use; a started app has it loaded before it serves. */
  read(): Promise<S>;
  /**
   * Write-through, after the database write: this instance's state changes now (`local`, or
   * `apply` when omitted), others learn of it from the feed within `everyMs`.
   */
  publish(change: FeedChange, at: Date, local?: (state: S) => void): Promise<void>;
  /** Loads the state and looks for other instances' writes every `everyMs`, in the background. */
  start(log: Logger): Promise<void>;
  /** Stops looking and forgets the state (a later start reloads it, maybe from another database). */
  stop(): Promise<void>;
  /** Catches up with the feed now; the timer does the same every `everyMs`. */
  refresh(): Promise<void>;
};

/**
 * Slow-changing data kept in memory by each app instance, so a chat turn never waits on a
 * collection read. Requests only ever read the current state; a full reload happens in the
 * background and swaps in whole. Instances agree within `everyMs` (plus one reload after a
 * bulk write): each looks at the feed's next change by `_id` — two point reads when nothing
 * changed — and applies what it finds.
 */
export function createSyncedCache<S>(options: SyncedCacheOptions<S>): SyncedCache<S> {
  const { feed } = options;
  const everyMs = options.everyMs ?? REFRESH_EVERY_MS;
  let state: S | undefined;
  /** The last change number reflected in `state`. */
  let seen = 0;
  let loadedAt = 0;
  /** Changes this instance appended and already applied: the feed need not apply them again. */
  const mine = new Set<number>();
  /** Local writes made while a reload reads: re-applied to what it read before it is swapped in. */
  let during: FeedChange[] | null = null;
  let timer: NodeJS.Timeout | undefined;
  let log: Logger | undefined;

  // reloads and catch-ups run one at a time, so neither applies changes to a state being replaced
  let queue: Promise<unknown> = Promise.resolve();
  function serially<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => {});
    return run;
  }

  /** `through`: the change that asked for it, seen even if the counter has not caught up. */
  async function reload(through = 0): Promise<void> {
    const pending: FeedChange[] = [];
    during = pending;
    try {
      // read before the load: whatever is written meanwhile is numbered after it and caught up
      const head = await feedHead(feed);
      const next = await options.load();
      for (let c = pending.shift(); c; c = pending.shift()) await options.apply(next, c);
      state = next;
      seen = Math.max(head, through);
      mine.clear();
      loadedAt = Date.now();
    } finally {
      during = null;
    }
  }

  async function catchUp(): Promise<void> {
    if (state === undefined) return;
    if (Date.now() - loadedAt > FULL_RELOAD_EVERY_MS) return reload(seen);
    const head = await feedHead(feed);
    if (head - seen > CATCH_UP_MAX) return reload();
    for (let read = 0; read < CATCH_UP_MAX; read++) {
      const n = seen + 1;
      const change = await changeAt(feed, n);
      // the counter moves after the insert: a missing change at or under it was pruned unread
      if (!change) return n <= head ? reload() : undefined;
      if (change.kind === RELOAD.kind && !mine.has(n)) return reload(n);
      // applied before it counts as seen: a failed read is tried again on the next tick
      if (!mine.delete(n)) await options.apply(state, change);
      seen = n;
    }
  }

  async function read(): Promise<S> {
    if (state === undefined) await serially(() => (state === undefined ? reload() : Promise.resolve()));
    return state as S;
  }

  async function publish(change: FeedChange, at: Date, local?: (state: S) => void): Promise<void> {
    if (change.kind === RELOAD.kind) {
      if (state !== undefined) await serially(reload);
    } else {
      if (state !== undefined) {
        if (local) local(state);
        else await options.apply(state, change);
      }
      during?.push(change);
    }
    mine.add(await appendChange(feed, change, at));
  }

  let ticking = false;
  function tick(): void {
    if (ticking) return;
    ticking = true;
    serially(catchUp)
      .catch((err: unknown) => log?.warn({ err, feed }, 'cache refresh failed'))
      .finally(() => {
        ticking = false;
      });
  }

  return {
    read,
    publish,
    refresh: () => serially(catchUp),
    async start(logger) {
      log = logger;
      await read();
      timer = setInterval(tick, everyMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await queue;
      state = undefined;
      seen = 0;
      mine.clear();
    },
  };
}
