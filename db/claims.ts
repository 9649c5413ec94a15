import { setTimeout as sleep } from 'node:timers/promises';
import { isDuplicateKey } from './duplicate-key.js';
import { Claim } from './models/claim.js';
import { Counter } from './models/counter.js';
import { pruneOldest } from './prune.js';

const STALE_MS = 10_000;
/** A writer holds a version read for seconds; a day-old revision claim can guard nothing more. */
const REVISION_KEEP_MS = 24 * 60 * 60 * 1000;

/** True for the one caller that claims `key`; everyone else gets false. */
export async function claim(key: string, at: Date): Promise<boolean> {
  try {
    await Claim.create({ _id: key, at });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

/**
 * Frees a claim whose holder must have died before finishing (older than 10 s), so the work it
 * guarded can be retried instead of staying stuck.
 */
export async function releaseIfStale(key: string, now: Date): Promise<void> {
  await Claim.deleteOne({ _id: key, at: { $lt: new Date(now.getTime() - STALE_MS) } });
}

/**
 * The next number of a sequence, unique even under concurrent callers: each number is claimed by
 * a unique insert; the counter document is only a hint of where to start looking.
 * @example await nextNumber('approval', 1000, now) // 1001, 1002, …
 */
export async function nextNumber(name: string, start: number, now: Date): Promise<number> {
  return takeNextNumber(name, start, (n) => claim(`${name}#${n}`, now));
}

/**
 * The lowest number above the counter's hint for which `take` succeeds (a unique insert keyed by
 * the number), then moves the hint up. Numbers are taken densely: `take(n)` is only tried after
 * `n - 1` exists, so a reader walking 1, 2, 3 … meets no gaps it did not make itself (by deleting).
 */
export async function takeNextNumber(
  counter: string,
  start: number,
  take: (n: number) => Promise<boolean>,
): Promise<number> {
  const hint = await Counter.findById(counter).lean();
  for (let n = Math.max(hint?.seq ?? start, start) + 1; ; n++) {
    if (await take(n)) {
      await Counter.updateOne({ _id: counter }, { $max: { seq: n } }, { upsert: true }).catch(
        (err: unknown) => {
          if (!isDuplicateKey(err)) throw err; // a concurrent first upsert; the hint is best effort
        },
      );
      return n;
    }
  }
}

/**
 * Forgets revision claims (`<kind>:<id>:v<n>`, db/versioned.ts and its kin) older than a day, at
 * most `max`. Once the document has moved past version n nobody can claim v<n> usefully: a
 * writer that read v<n-1> is refused by the version guard. Every other claim stays, as it is what
 * keeps its effect once-only for ever: sequence numbers (`approval#1042`, the counter may lag),
 * a line's stock effect (`order:SO-1:ship:0`), a low-stock alert per epoch.
 */
export function pruneRevisionClaims(now: Date, max: number): Promise<number> {
  const before = new Date(now.getTime() - REVISION_KEEP_MS);
  return pruneOldest(Claim, { _id: { $regex: /:v\d+$/ } }, 'at', before, max);
}

/**
 * Runs `fn` while holding `key` as a lock (a claim deleted afterwards), so a read-check-write
 * across documents (count an owner's customers, then add one) cannot interleave with another.
 * Waits for a busy lock; one left by a crashed holder is freed after 10 s.
 */
export async function withLock<T>(key: string, now: Date, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 400; attempt++) {
    if (await claim(key, now)) {
      try {
        return await fn();
      } finally {
        await Claim.deleteOne({ _id: key });
      }
    }
    await releaseIfStale(key, new Date(now.getTime() + attempt * 25));
    await sleep(5 + Math.random() * 20);
  }
  throw new Error(`lock ${key} stayed busy`);
}
