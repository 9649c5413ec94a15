import { setTimeout as sleep } from 'node:timers/promises';
import { claim } from './claims.js';
import { isDuplicateKey } from './duplicate-key.js';
import { ProcessedEvent } from './models/processed-event.js';
import { pruneOldest } from './prune.js';

/**
 * How long a handled event id is remembered. It must outlast every way the same event can come
 * back: Lark pushes a failed delivery again after 15 s, 5 min, 1 h and 6 h, and its adapter
 * accepts an event up to 7 h old (LARK_MAX_EVENT_AGE_MS), a signed request within 5 min of its
 * stamp (Slack's window too); a replay older than that is refused there, a younger one is
 * answered "duplicate" here (tests/adapters/lark/verify.test.ts checks the order).
 */
export const EVENT_KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * An attempt still running after this long is taken to have died (the app was killed, the store
 * went away and the failure could not be recorded): a retry may run the event again. A turn
 * takes well under a second, and each database call gives up after DB_TIMEOUT_MS.
 */
export const EVENT_STALE_MS = 60_000;

/** Background retries of the record of how an attempt ended, while the store comes back. */
const SETTLE_RETRIES_MS = [250, 500, 1000, 2000, 4000];

export type EventClaim = {
  /**
   * Records how the attempt ended: `done` makes a retry a duplicate, `failed` lets it run. Never
   * throws; false when the store did not take it at once (it is retried in the background).
   */
  settle(state: 'done' | 'failed'): Promise<boolean>;
};

/**
 * Claims a platform event for one handling: the handle to record its end, or null when it was
 * handled already or is being handled right now (a retry or a duplicate delivery). An event whose
 * last attempt failed, or has been running for longer than EVENT_STALE_MS, is claimed again:
 * the unique claim `event:<id>:v<attempt>` picks one taker even on the embedded store. Old ids
 * are pruned by a job (`pruneProcessedEvents`), never on a turn.
 */
export async function claimEvent(platform: string, eventId: string, now: Date): Promise<EventClaim | null> {
  const _id = `${platform}:${eventId}`;
  try {
    await ProcessedEvent.create({ _id, platform, eventId, at: now, state: 'running', attempt: 1 });
    return settler(_id);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
  }
  const seen = await ProcessedEvent.findById(_id).lean();
  // a row kept before attempts were (an ObjectId `_id`) stands for a handled event
  if (!seen || seen.state === 'done') return null;
  if (seen.state === 'running' && now.getTime() - seen.at.getTime() < EVENT_STALE_MS) return null;
  const attempt = seen.attempt + 1;
  if (!(await claim(`event:${_id}:v${attempt}`, now))) return null;
  await ProcessedEvent.updateOne({ _id }, { $set: { state: 'running', attempt, at: now } });
  return settler(_id);
}

/**
 * Updates by `_id` alone, the filter the embedded store looks up by index. An attempt taken over
 * as stale that still ends later can mark the row once more; that costs at most one more run.
 */
function settler(_id: string): EventClaim {
  const write = async (state: 'done' | 'failed') => {
    await ProcessedEvent.updateOne({ _id }, { $set: { state } });
  };
  return {
    async settle(state) {
      try {
        await write(state);
        return true;
      } catch {
        void retry(() => write(state));
        return false;
      }
    },
  };
}

async function retry(write: () => Promise<void>): Promise<void> {
  for (const ms of SETTLE_RETRIES_MS) {
    await sleep(ms, undefined, { ref: false });
    try {
      await write();
      return;
    } catch {
      // the store is still away: the next delay, else the attempt goes stale
    }
  }
}

/** Forgets event ids older than EVENT_KEEP_MS, at most `max` of them. */
export function pruneProcessedEvents(now: Date, max: number): Promise<number> {
  return pruneOldest(ProcessedEvent, {}, 'at', new Date(now.getTime() - EVENT_KEEP_MS), max);
}
