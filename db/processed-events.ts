import { ProcessedEvent } from './models/processed-event.js';

const KEEP_MS = 24 * 60 * 60 * 1000;
const PRUNE_EVERY_MS = 10 * 60 * 1000;
let lastPrune = 0;

/**
 * Records a platform event id; false when it was already recorded (a retry or a duplicate
 * delivery). Platforms retry for minutes, not days, so a day of history is plenty.
 */
export async function claimEvent(platform: string, eventId: string, now: Date): Promise<boolean> {
  if (now.getTime() - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = now.getTime();
    await ProcessedEvent.deleteMany({ at: { $lt: new Date(now.getTime() - KEEP_MS) } });
  }
  try {
    await ProcessedEvent.create({ platform, eventId, at: now });
    return true;
  } catch (err) {
    if (isDuplicateKey(err)) return false;
    throw err;
  }
}

export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}
