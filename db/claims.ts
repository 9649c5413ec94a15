import { setTimeout as sleep } from 'node:timers/promises';
import { Claim } from './models/claim.js';
import { Counter } from './models/counter.js';
import { isDuplicateKey } from './processed-events.js';

const STALE_MS = 10_000;

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
  const hint = await Counter.findById(name).lean();
  for (let n = Math.max(hint?.seq ?? start, start) + 1; ; n++) {
    if (await claim(`${name}#${n}`, now)) {
      await Counter.updateOne({ _id: name }, { $max: { seq: n } }, { upsert: true }).catch((err: unknown) => {
        if (!isDuplicateKey(err)) throw err; // a concurrent first upsert; the hint is best effort
      });
      return n;
    }
  }
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
