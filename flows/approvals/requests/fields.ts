import type { DateTime } from 'luxon';
import { z } from 'zod';
import { type DateProblem, dateProblemText } from '../../../src/bot/dates/index.js';
import type { Locale } from '../../../src/bot/types.js';
import { MAX_PAST_DAYS, type TextRead } from './request-type.js';

/** Schema pieces the request types share, with problem codes as messages. */

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const text = (max = 500) => z.string('required').trim().min(1, 'required').max(max);
export const optionalText = (max = 500) => z.string().trim().max(max).default('');

/** A calendar date no more than MAX_PAST_DAYS before today and within a year ahead. */
export function requestDate(now: DateTime, opts: { pastDays?: number; future?: boolean } = {}) {
  const today = now.toISODate() ?? '';
  const earliest = now.minus({ days: opts.pastDays ?? MAX_PAST_DAYS }).toISODate() ?? '';
  const latest = now.plus({ years: 1 }).toISODate() ?? '';
  return z
    .string('required')
    .regex(ISO_DATE, 'required')
    .refine((d) => d >= earliest, 'tooFarPast')
    .refine((d) => d <= latest, 'tooFarAhead')
    .refine((d) => opts.future !== false || d <= today, 'future');
}

export const money = z.coerce
  .number('amount')
  .refine((n) => n > 0 && n <= 1_000_000 && Math.abs(Math.round(n * 100) - n * 100) < 1e-6, 'amount');

/** A currency code; unset = the asker's default (their own, else the company's). */
export const currency = (fallback: string) =>
  z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'required')
    .default(fallback);

export const half = z.enum(['am', 'pm']).optional();

export function dateOrder<T extends { from: string; to: string }>(schema: z.ZodType<T>) {
  return schema.refine((d) => d.to >= d.from, { message: 'dateOrder', path: ['to'] });
}

/** A date that could not be read, as the answer to the whole text; "上午还是下午？" is a question. */
export const dateRefused = (p: DateProblem, locale: Locale): TextRead => ({
  fields: {},
  problem: dateProblemText(p, locale),
  ...(p.problem === 'whichHalf' ? { ask: 'half' } : {}),
});
