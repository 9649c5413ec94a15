import type { SentenceReader } from '../../../src/bot/flow.js';
import { decisionReaders } from './decisions.js';
import { readExpense } from './expense.js';
import { readGeneral } from './general.js';
import { readLeave } from './leave.js';
import { readMakeup } from './makeup.js';
import { readOnboarding } from './onboarding.js';
import { readTransfer } from './transfer.js';
import { readTrip } from './trip.js';

/** Free sentences read into this flow's command arguments (the grammar's parse stays the exact path). */
export const readers: Record<string, SentenceReader> = {
  'approvals.leave': readLeave,
  'approvals.expense': readExpense,
  'approvals.trip': readTrip,
  'approvals.transfer': readTransfer,
  'approvals.onboarding': readOnboarding,
  'approvals.makeup': readMakeup,
  'approvals.general': readGeneral,
  ...decisionReaders,
};
