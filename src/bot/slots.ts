import { readHanNumber } from './dates/numerals.js';
import { type Text, tr } from './i18n.js';
import type { Locale } from './types.js';

/**
 * Pieces cut out of free text one by one; what is left over becomes the reason or note — unless
 * it tried to say something that could not be read, which is refused with `unread`.
 */

const unreadText: Text = {
  'zh-CN': '看不懂“{text}”，什么也没有记录。',
  en: 'I could not read "{text}"; nothing was recorded.',
};
export const unread = (text: string, locale: Locale) =>
  tr(locale, unreadText, { text: text.length > 30 ? `${text.slice(0, 30)}…` : text });

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

/**
 * An amount with an optional currency ("320", "45.50 USD", "¥88", "1,200元", "120 dollars").
 * A number that runs on ("1e3", "1500.5.5") is no amount: `amount` is NaN, for the caller to
 * refuse quoting `written`, never a misread 1 or 1500.5.
 */
export function takeAmount(
  text: string,
): { amount: number; currency?: string; index: number; rest: string; written: string } | null {
  const match =
    /(?:([¥$€£])\s*)?(-?\d[\d,]*(?:\.\d+)?)((?:[.eE][+-]?\d[\w.]*)?)\s*(块钱|元钱|元|块|美元|美金|欧元|英镑|港币|dollars?\b|bucks\b|yuan\b|euros?\b|[A-Za-z]{3}\b)?/iu.exec(
      text,
    );
  if (!match || match[2] === undefined) return takeHanAmount(text);
  const written = `${match[1] ?? ''}${match[2]}${match[3]}`;
  const amount = match[3] ? Number.NaN : Number(match[2].replace(/,/g, ''));
  const currency = currencyOf(match[1] ?? match[4]);
  const consumed = currency || !match[4] ? match[0].length : match[0].length - match[4].length;
  return { amount, currency, index: match.index, rest: cut(text, match.index, consumed), written };
}

/** "三百块", "两千五百元", "一万二": an amount said in Chinese numerals. */
function takeHanAmount(
  text: string,
): { amount: number; currency?: string; index: number; rest: string; written: string } | null {
  const match = /([零〇一二两三四五六七八九十百千万]+)\s*(块钱|元钱|元|块)?/u.exec(text);
  const amount = match?.[1] ? readHanNumber(match[1]) : null;
  // a lone 一 or 两 is a word ("一下", "两个"), not an amount: need a unit or a currency
  if (!match || amount === null || amount === 0 || (!match[2] && !/[十百千万]/u.test(match[1] ?? '')))
    return null;
  return {
    amount,
    currency: currencyOf(match[2]),
    index: match.index,
    rest: cut(text, match.index, match[0].length),
    written: match[0],
  };
}

const CURRENCY_WORDS: Record<string, string> = {
  '¥': 'CNY',
  元: 'CNY',
  块: 'CNY',
  块钱: 'CNY',
  元钱: 'CNY',
  yuan: 'CNY',
  rmb: 'CNY',
  $: 'USD',
  美元: 'USD',
  美金: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  bucks: 'USD',
  '€': 'EUR',
  欧元: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  英镑: 'GBP',
  港币: 'HKD',
};
const CODES = ['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP', 'SGD'];

function currencyOf(token: string | undefined): string | undefined {
  if (!token) return undefined;
  const word = CURRENCY_WORDS[token.toLowerCase()];
  if (word) return word;
  const upper = token.toUpperCase();
  return CODES.includes(upper) ? upper : undefined;
}

export function cut(text: string, index: number, length: number): string {
  return `${text.slice(0, index)} ${text.slice(index + length)}`.replace(/\s+/g, ' ').trim();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The clauses of a sentence, split at its punctuation: "打了电话，对方要报价；周五再联系" → three. */
export function clausesOf(text: string): string[] {
  return text
    .split(/\s*(?:[,，;；。!！?？]|(?<!\d)[:：]|[:：](?!\d)|\s[-–—]+\s|[–—]+)\s*/u)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** Clauses back into one line: Chinese with "，", anything else with ", ". */
export function joinClauses(clauses: string[]): string {
  return clauses.reduce(
    (out, c) => (out === '' ? c : `${out}${/\p{Script=Han}$/u.test(out) ? '，' : ', '}${c}`),
    '',
  );
}
