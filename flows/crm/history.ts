import type { HistoryLine } from '../../db/models/customer.js';

/** How many history lines a customer keeps for its profile (the full log is the FollowUp collection). */
export const RECENT_LINES = 5;

/** The customer's recent history with `line` as its newest entry. */
export const withLine = (recent: HistoryLine[], line: HistoryLine): HistoryLine[] =>
  [line, ...recent].slice(0, RECENT_LINES);
