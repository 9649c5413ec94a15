import { pruneChanges } from '../../db/change-feed.js';
import { pruneRevisionClaims } from '../../db/claims.js';
import { pendingStore } from '../../db/pending.js';
import { pruneProcessedEvents } from '../../db/processed-events.js';
import { PRUNE_MAX } from '../../db/prune.js';
import { pruneSignIns } from '../../db/web-sign-ins.js';
import type { JobSpec } from '../../src/bot/flow.js';

/**
 * Storage the core writes on every turn and nobody reads back after a day: handled event ids,
 * revision claims, the caches' change feed; and expired confirmations, questions and web sign-in links. At most PRUNE_MAX rows each per run, every 10
 * minutes: 720,000 a day per collection, well above what a busy company adds. Safe to run twice
 * at once: deleting is idempotent.
 */
export const housekeepingJobs: JobSpec[] = [
  {
    name: 'housekeeping.prune',
    every: '10 minutes',
    run: async ({ now }) => ({
      events: await pruneProcessedEvents(now, PRUNE_MAX),
      claims: await pruneRevisionClaims(now, PRUNE_MAX),
      changes: await pruneChanges(now, PRUNE_MAX),
      pending: await pendingStore.prune(now, PRUNE_MAX),
      signIns: await pruneSignIns(now, PRUNE_MAX),
    }),
  },
];
