import type { JobSpec } from '../../src/bot/flow.js';
import { remindContracts } from './reminders.js';

/** Idempotent by delivery keys: a second instance running it at once sends nothing twice. */
export const contractJobs: JobSpec[] = [
  {
    name: 'contracts.remindReceivables',
    every: '15 minutes',
    run: ({ now, reminders }) => remindContracts(now, reminders),
  },
];
