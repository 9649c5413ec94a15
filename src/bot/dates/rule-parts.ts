import type { DateTime } from 'luxon';
import { NUMBER, readNumber } from './numerals.js';
import type { Token } from './tokens.js';

/** A pattern and what its match means; `now` is the person's, in their zone. */
export type Rule = { re: RegExp; read(m: RegExpExecArray, now: DateTime): Token | null };

/** A number in digits or Chinese numerals, captured. */
export const N = `(${NUMBER})`;
export const n = (s: string | undefined) => (s === undefined ? null : readNumber(s));

/** A whole-word, case-blind pattern (English words must not match inside other words). */
export const word = (source: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
/** A pattern over Chinese text, which has no word boundaries to respect. */
export const han = (source: string) => new RegExp(source, 'gu');

const day = (d: Token & { kind: 'day' }) => d;
export const dayOf = (spec: Extract<Token, { kind: 'day' }>['day']): Token => day({ kind: 'day', day: spec });

/** Month, day and optional year, each checked for range; null when not a calendar value. */
export function date(dayText?: string, monthText?: string, yearText?: string): Token | null {
  const d = n(dayText);
  const m = monthText === undefined ? undefined : n(monthText);
  const y = yearText === undefined ? undefined : n(yearText);
  if (d === null || m === null || y === null || (y !== undefined && y < 1000)) return null;
  if (d < 1 || d > 31 || (m !== undefined && (m < 1 || m > 12))) return dayOf({ kind: 'none' });
  return dayOf({ kind: 'date', day: d, month: m, year: y });
}

/** A month-offset word (下个月) pinned to a month and year. */
export function monthFrom(now: DateTime, months: number) {
  const m = now.startOf('month').plus({ months });
  return { month: m.month, year: m.year };
}

export function clock(hourText: string | undefined, minute: number, shift?: string): Token | null {
  let hour = n(hourText);
  if (hour === null || hour > 24 || minute > 59) return null;
  if (shift && /下午|晚上|傍晚|pm|p\.m\./i.test(shift) && hour < 12) hour += 12;
  if (shift && /^(am|a\.m\.)$/i.test(shift) && hour === 12) hour = 0;
  if (shift === '中午' && hour < 6) hour += 12;
  if (hour === 24) hour = 0;
  return { kind: 'time', time: { hour, minute } };
}

export function month(monthText: string | undefined, yearText?: string): Token | null {
  const m = n(monthText);
  const y = yearText === undefined ? undefined : n(yearText);
  if (m === null || m < 1 || m > 12 || y === null) return null;
  return { kind: 'month', month: { month: m, year: y } };
}

export function range(from: Token | null, to: Token | null): Token | null {
  if (from?.kind !== 'day' || to?.kind !== 'day') return null;
  return { kind: 'range', from: from.day, to: to.day };
}
