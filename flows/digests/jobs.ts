import { DELIVERY_KINDS, Delivery } from '../../db/models/delivery.js';
import { PRUNE_MAX, pruneOldest } from '../../db/prune.js';
import type { DigestSectionSpec } from '../../src/bot/digest.js';
import type { JobSpec } from '../../src/bot/flow.js';
import { runDigests } from './run.js';
import { pruneZoneMarks } from './zone-marks.js';

/**
 * Delivery rows are kept this long, then pruned: "since the last digest" looks back a week, every
 * other key is about a day or a period that has passed; and on the embedded store every read
 * scans the whole collection, so it is kept small.
 */
const KEEP_DAYS = 8;

/** Both are safe to run twice at once: every send is claimed by its delivery key first. */
export const digestJobs = (sections: readonly DigestSectionSpec[]): JobSpec[] => [
  // every few minutes, so each zone's digest time is met within minutes and a restart catches up
  {
    name: 'digests.morning',
    every: '5 minutes',
    run: ({ now, reminders }) => runDigests({ reminders, sections }, now),
  },
  {
    name: 'reminders.prune',
    // hourly and bounded per run (120,000 rows a day): a company adds a few per person a day
    every: '1 hour',
    run: async ({ now }) => {
      const before = new Date(now.getTime() - KEEP_DAYS * 86_400_000);
      return {
        deliveries: await pruneOldest(Delivery, { kind: { $in: DELIVERY_KINDS } }, 'at', before, PRUNE_MAX),
        zones: await pruneZoneMarks(before, PRUNE_MAX),
      };
    },
  },
];
