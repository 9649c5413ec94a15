/**
 * The contracts flow's settings. `approvalOver`: a contract above this amount (in its own
 * currency) waits for approval before it is active; a currency not listed always goes to approval,
 * as there is no exchange rate to compare it with (fail closed).
 */
export const CONTRACT_CONFIG = {
  approvalOver: {
    CNY: 100_000,
    USD: 15_000,
    EUR: 14_000,
    GBP: 12_000,
    HKD: 110_000,
    JPY: 2_000_000,
    SGD: 20_000,
  } as Record<string, number>,
  /** The largest contract typed in chat; larger ones are a typo more often than a deal. */
  maxAmount: 100_000_000,
  maxInstalments: 24,
  /** The owner is reminded this many days before an instalment falls due, on the day, and after. */
  remindDaysBefore: 3,
  /** An overdue instalment is reminded once, up to this many days late (older ones are the digest's). */
  overdueWindowDays: 30,
  /** An expiring contract is announced once, this many days before its end date. */
  expiryNoticeDays: 30,
};

/** Whether a contract of this size needs approval before it is active. */
export function needsApproval(amount: number, currency: string): boolean {
  const line = CONTRACT_CONFIG.approvalOver[currency];
  return line === undefined || amount > line;
}
