import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { DateTime } from 'luxon';
import { scan } from '../dates/scan.js';
import { normalizeText } from '../normalize.js';

const require = createRequire(import.meta.url);
// the dictionary ships inside the package: nothing is downloaded at run time
const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
const { StemmerEn } = require('@nlpjs/lang-en-min') as {
  StemmerEn: new () => { stemWord(w: string): string };
};

let jieba: Jieba | undefined;
const stemmer = new StemmerEn();

/** Bump when features change: cached models trained on the old ones are then retrained. */
export const FEATURES_VERSION = 3;

/**
 * Things whose exact value says nothing about the intent, replaced by a word for their kind, so
 * "同意 AP-1001" and "approve AP-2050" share a feature and a date is a date however written.
 */
const MASKS: [RegExp, string][] = [
  [/https?:\/\/\S+/giu, ' xurl '],
  [/[^\s@]+@[^\s@]+\.[^\s@]+/gu, ' xemail '],
  [/\bAP-?\d+\b/giu, ' xapno '],
  [/\bSO-?\d+\b/giu, ' xsono '],
  [/\bPO-?\d+\b/giu, ' xpono '],
  [/\bTK-?\d+\b/giu, ' xtkno '],
  [/\bHT-\d{4}-\d+\b/giu, ' xhtno '],
  [/\b[A-Z][A-Z0-9]*-\d+[A-Z0-9-]*\b/giu, ' xsku '],
  [
    /[¥$€£]\s*\d[\d,]*(?:\.\d+)?|\d[\d,]*(?:\.\d+)?\s*(?:元|块钱?|美元|美金|欧元|dollars?|bucks|usd|cny|rmb|eur)/giu,
    ' xmoney ',
  ],
];

/**
 * A message as classifier features: masked values, Chinese words (jieba), Chinese characters and
 * character bigrams (robust to words jieba splits oddly, like 打/车费), English stems. Same input,
 * same features. Measured on the development corpus, characters plus bigrams beat words alone.
 */
export function featuresOf(text: string): string[] {
  jieba ??= Jieba.withDict(dict);
  let t = normalizeText(text).toLowerCase();
  for (const [re, word] of MASKS) t = t.replace(re, word);
  t = maskDates(t);
  t = t.replace(/\d+(?:\.\d+)?/gu, ' xnum ');
  const out: string[] = [];
  for (const piece of jieba.cut(t, false)) {
    const w = piece.trim();
    if (!w) continue;
    if (/^[a-z']+$/u.test(w)) out.push(w.startsWith('x') && MASK_WORDS.has(w) ? w : stemmer.stemWord(w));
    else if (/\p{Script=Han}/u.test(w)) out.push(w);
  }
  for (const run of t.match(/\p{Script=Han}+/gu) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    for (const ch of run) out.push(`u${ch}`);
  }
  return out;
}

const MASK_WORDS = new Set([
  'xurl',
  'xemail',
  'xapno',
  'xsono',
  'xpono',
  'xtkno',
  'xsku',
  'xmoney',
  'xnum',
  'xdate',
  'xtime',
  'xmonth',
]);

/** Which kind a piece is does not depend on the day; any fixed reference reads the same kinds. */
const REFERENCE = DateTime.fromISO('2026-01-07T12:00:00Z', { zone: 'utc' });

/** Dates, times and months found by the date module become one word each. */
function maskDates(text: string): string {
  let out = text;
  const found = scan(text, REFERENCE).filter((p) => ['day', 'range', 'time', 'month'].includes(p.kind));
  for (const p of found.reverse()) {
    const word = p.kind === 'time' ? ' xtime ' : p.kind === 'month' ? ' xmonth ' : ' xdate ';
    out = `${out.slice(0, p.index)}${word}${out.slice(p.index + p.length)}`;
  }
  return out;
}
