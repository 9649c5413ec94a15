import { DELIVERY_KINDS, Delivery } from '../../db/models/delivery.js';
import type { JobSpec } from '../../src/bot/flow.js';
import { runDigests } from './run.js';

/** Delivery rows are kept this long (what was sent, for whoever asks), then pruned. */
const KEEP_DAYS = 60;

/** Both are safe to run twice at once: every send is claimed by its delivery key first. */
export const digestJobs: JobSpec[] = [
  // every few minutes, so each zone's digest time is met within minutes and a restart catches up
  { name: 'digests.morning', every: '5 minutes', run: ({ now, reminders }) => runDigests(reminders, now) },
  {
    name: 'reminders.prune',
    every: '1 day',
    run: ({ now }) =>
      Delivery.deleteMany({
        kind: { $in: DELIVERY_KINDS },
        at: { $lt: new Date(now.getTime() - KEEP_DAYS * 86_400_000) },
      }),
  },
];
