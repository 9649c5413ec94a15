import { DateTime } from 'luxon';

/**
 * Working days a leave covers, half days as 0.5. Monday to Friday until the attendance calendar
 * (holidays, make-up workdays) is available to count with.
 */
export async function countLeaveDays(_employeeId: string, data: Record<string, unknown>): Promise<number> {
  const from = DateTime.fromISO(String(data.from));
  const to = DateTime.fromISO(String(data.to));
  let days = 0;
  for (let d = from; d <= to; d = d.plus({ days: 1 })) if (d.weekday <= 5) days++;
  if (days > 0 && data.fromHalf) days -= 0.5;
  if (days > 0 && data.toHalf && !(from.equals(to) && data.fromHalf)) days -= 0.5;
  return Math.max(days, 0);
}
