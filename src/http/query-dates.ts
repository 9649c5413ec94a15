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
