import type { JobSpec } from '../../src/bot/flow.js';
import { escalateOverdue } from './escalations.js';
import { remindWaitingApprovals } from './reminders.js';

export const approvalJobs: JobSpec[] = [
  {
    name: 'approvals.remindWaiting',
    every: '5 minutes',
    run: ({ now, reminders }) => remindWaitingApprovals(now, reminders),
  },
  {
    name: 'approvals.escalateOverdue',
    every: '5 minutes',
    run: ({ now, notify, update, reminders }) => escalateOverdue(now, { notify, update, reminders }),
  },
];
