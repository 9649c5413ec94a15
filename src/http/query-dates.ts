import { DateTime } from 'luxon';
import { z } from 'zod';
import { withinYearSpan, YEAR_SPAN } from '../bot/dates/index.js';
import type { Clock } from '../clock.js';

const utc = { zone: 'utc' } as const;
const near = (d: DateTime, now: Clock) => withinYearSpan(d, DateTime.fromJSDate(now(), utc));
const tooFar = `must be within ${YEAR_SPAN} years of today`;

/** A query's 'YYYY-MM': a real month, near enough to now to be meant (the chat's own rule). */
export function monthParam(now: Clock) {
  return z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month must be YYYY-MM')
    .refine((m) => near(DateTime.fromFormat(m, 'yyyy-MM', utc), now), `month ${tooFar}`);
}

/** A query's 'YYYY-MM-DD': a day that exists (no 2026-02-30), near enough to now to be meant. */
export function dayParam(now: Clock) {
  return z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'use YYYY-MM-DD')
    .refine((d) => DateTime.fromISO(d, utc).isValid, 'no such day')
    .refine((d) => near(DateTime.fromISO(d, utc), now), `the date ${tooFar}`);
}

const DAY_MS = 86_400_000;

/** An export's `from`/`to` days, as a query schema (what `readDayRange` checks; the API description). */
export function dayRangeQuery(now: Clock) {
  const day = dayParam(now);
  return z.object({ from: day, to: day });
}

/**
 * An export's `from`/`to` query (UTC days, `to` inclusive) as the instants [from, to), at most
 * `maxDays` apart; or the one-line reason it cannot be read.
 */
export function readDayRange(
  query: Record<string, string>,
  now: Clock,
  maxDays: number,
): { from: Date; to: Date } | { error: string } {
  const parsed = dayRangeQuery(now).safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // a date of the right shape that is no day, or too far off, is named; anything else gets the usage
    return {
      error:
        issue?.code === 'custom'
          ? `${issue.path.join('.')}: ${issue.message}`
          : 'from and to are required, as YYYY-MM-DD',
    };
  }
  const from = new Date(`${parsed.data.from}T00:00:00Z`);
  const to = new Date(new Date(`${parsed.data.to}T00:00:00Z`).getTime() + DAY_MS);
  if (to <= from) return { error: 'to is before from' };
  if (to.getTime() - from.getTime() > maxDays * DAY_MS)
    return { error: `at most ${maxDays} days per export` };
  return { from, to };
}
