import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';

/** Pieces cut out of free text one by one; what is left over becomes the reason or note. */

export type Half = 'am' | 'pm';
export type DateRange = { from: string; to: string; fromHalf?: Half; toHalf?: Half };

const HALF_WORDS: [RegExp, Half][] = [
  [/上午|早上|\bam\b|\bmorning\b/i, 'am'],
  [/下午|\bpm\b|\bafternoon\b/i, 'pm'],
];

/**
 * A date or date range in the person's own calendar ("明天", "下周一到周三", "Dec 3 to Dec 5"),
 * plus a half-day marker for one-day ranges. chrono reads both languages; the reference is the
 * person's local now, so "tomorrow" is their tomorrow.
 */
export function takeDateRange(text: string, now: DateTime): { range: DateRange; rest: string } | null {
  let half: Half | undefined;
  let rest = text;
  for (const [pattern, value] of HALF_WORDS) {
    if (pattern.test(rest)) {
      half = value;
      rest = rest.replace(pattern, ' ');
    }
  }
  const found = parseDates(rest, now, true);
  if (!found) return null;
  const from = iso(found.start);
  // forwardDate pushes an implied year ahead, so "Dec 5 to Dec 3" would read as a year-long range;
  // keep the start's year and let the date-order check say what is wrong
  let to = found.end ? iso(found.end) : from;
  const span = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;
  if (found.end && !found.end.isCertain('year') && span > 300) to = `${from.slice(0, 4)}${to.slice(4)}`;

  const range: DateRange = { from, to };
  if (half && from === to) {
    range.fromHalf = half;
    range.toHalf = half;
  }
  return { range, rest: cut(rest, found.index, found.text.length) };
}

/** A single date and, when written, a time ("昨天 09:05", "yesterday 9:05"). */
export function takeDateTime(
  text: string,
  now: DateTime,
): { date: string; time?: string; rest: string } | null {
  const found = parseDates(text, now, false);
  if (!found) return null;
  const time = found.start.isCertain('hour')
    ? `${pad(found.start.get('hour') ?? 0)}:${pad(found.start.get('minute') ?? 0)}`
    : undefined;
  return { date: iso(found.start), time, rest: cut(text, found.index, found.text.length) };
}

/** `forward`: "Friday" means the coming one (requests ahead) rather than the last (make-up punches). */
function parseDates(text: string, now: DateTime, forward: boolean) {
  const ref = { instant: now.toJSDate(), timezone: now.offset };
  const options = { forwardDate: forward };
  const results = [...chrono.zh.hans.parse(text, ref, options), ...chrono.en.parse(text, ref, options)];
  return results.sort((a, b) => a.index - b.index)[0] ?? null;
}

/** The first word from a vocabulary (any language), and the text without it. */
export function takeWord<T extends string>(
  text: string,
  vocabulary: Record<string, T>,
): { value: T; rest: string } | null {
  const lower = text.toLowerCase();
  let best: { word: string; index: number } | null = null;
  for (const word of Object.keys(vocabulary)) {
    const index = findWord(lower, word.toLowerCase());
    if (
      index >= 0 &&
      (!best || index < best.index || (index === best.index && word.length > best.word.length))
    ) {
      best = { word, index };
    }
  }
  if (!best) return null;
  return { value: vocabulary[best.word] as T, rest: cut(text, best.index, best.word.length) };
}

function findWord(text: string, word: string): number {
  if (/\p{Script=Han}/u.test(word)) return text.indexOf(word);
  const match = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}(?=$|[^\\p{L}\\p{N}])`, 'u').exec(text);
  return match ? match.index + (match[1]?.length ?? 0) : -1;
}

/** An amount with an optional currency ("320", "45.50 USD", "¥88", "1,200元"). */
export function takeAmount(text: string): { amount: number; currency?: string; rest: string } | null {
  const match = /(?:([¥$€])\s*)?(-?\d[\d,]*(?:\.\d+)?)\s*(元|块|美元|欧元|[A-Za-z]{3}\b)?/u.exec(text);
  if (!match || match[2] === undefined) return null;
  const amount = Number(match[2].replace(/,/g, ''));

  const currency = currencyOf(match[1] ?? match[3]);
  const consumed = currency || !match[3] ? match[0].length : match[0].length - match[3].length;
  return { amount, currency, rest: cut(text, match.index, consumed) };
}

function currencyOf(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const map: Record<string, string> = {
    '¥': 'CNY',
    元: 'CNY',
    块: 'CNY',
    $: 'USD',
    美元: 'USD',
    '€': 'EUR',
    欧元: 'EUR',
  };
  if (map[token]) return map[token];
  const upper = token.toUpperCase();
  return ['CNY', 'RMB', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD'].includes(upper)
    ? upper === 'RMB'
      ? 'CNY'
      : upper
    : undefined;
}

export function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`.replace(/\s+/g, ' ').trim();
}

const iso = (c: chrono.ParsedComponents) =>
  `${c.get('year')}-${pad(c.get('month') ?? 1)}-${pad(c.get('day') ?? 1)}`;
const pad = (n: number) => String(n).padStart(2, '0');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
