import type { CommandSpec } from '../flow.js';
import { normalizeText } from '../normalize.js';

/**
 * The words around a request that carry no argument: politeness, "I want to", particles. What is
 * left is read by the command's own grammar parser, so none of these become part of a note.
 */
const LEADING = [
  '请问',
  '请帮我',
  '请帮忙',
  '帮我',
  '帮忙',
  '麻烦你',
  '麻烦',
  '劳驾',
  '我想要',
  '我想',
  '我要',
  '我需要',
  '我得',
  '我准备',
  '我打算',
  '想要',
  '能不能',
  '可不可以',
  '可以',
  '能否',
  '给我',
  '替我',
  '我',
  'please',
  'pls',
  'hey',
  'hi',
  'ok',
  'okay',
  'can you',
  'could you',
  'would you',
  'can i',
  'could i',
  'may i',
  "i'd like to",
  'i would like to',
  'i want to',
  'i wanna',
  'i need to',
  'i have to',
  'i gotta',
  "i'm going to",
  'i am going to',
  'let me',
  'help me',
  "i'd like",
  'i want',
  'i need',
  'go ahead and',
  'just',
];
const TRAILING = [
  '一下',
  '谢谢',
  '谢啦',
  '好吗',
  '行吗',
  '可以吗',
  '吧',
  '呢',
  '吗',
  '啊',
  '呀',
  '哦',
  '哈',
  '了',
  'please',
  'pls',
  'thanks',
  'thank you',
  'for me',
];
const PUNCTUATION = /^[\s?？。!！~～,，.、:：;；]+|[\s?？。!！~～,，.、:：;；]+$/gu;

const HAN = /\p{Script=Han}/u;
const startsWithWord = (text: string, word: string) =>
  text.toLowerCase().startsWith(word) && (HAN.test(word) || !/[\p{L}\p{N}]/u.test(text.charAt(word.length)));
const endsWithWord = (text: string, word: string) =>
  text.toLowerCase().endsWith(word) &&
  (HAN.test(word) || !/[\p{L}\p{N}]/u.test(text.charAt(text.length - word.length - 1)));

/** Courtesy and particles taken off both ends, repeatedly ("麻烦帮我…一下吧"). */
export function withoutCourtesy(raw: string): string {
  let text = normalizeText(raw).replace(PUNCTUATION, '');
  for (let changed = true, guard = 0; changed && guard < 20; guard++) {
    changed = false;
    const lead = LEADING.find((w) => startsWithWord(text, w));
    if (lead) {
      text = text.slice(lead.length).replace(PUNCTUATION, '');
      changed = true;
    }
    const trail = TRAILING.find((w) => endsWithWord(text, w));
    if (trail && text.length > trail.length) {
      text = text.slice(0, text.length - trail.length).replace(PUNCTUATION, '');
      changed = true;
    }
  }
  return text;
}

/** A sentence as its command's grammar would take it: courtesy and the command's own keywords removed. */
export function plainRequest(text: string, command: CommandSpec, extraWords: string[] = []): string {
  let out = withoutCourtesy(text);
  const words = [...command.keywords['zh-CN'], ...command.keywords.en, ...extraWords].sort(
    (a, b) => b.length - a.length,
  );
  for (const w of words) out = removeWord(out, w);
  return withoutCourtesy(out);
}

/** Every occurrence of a word (whole words for Latin script), leaving one space where it was. */
export function removeWord(text: string, word: string): string {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = HAN.test(word)
    ? new RegExp(escaped, 'gu')
    : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu');
  return text.replace(re, ' ').replace(/\s+/g, ' ').trim();
}

/** "我不想请假", "don't check me in": a request turned down in the same breath. */
export function isNegated(text: string): boolean {
  return /不想|不要|不用|不需要|没必要|别给|别帮|不打算|(?<![\p{L}])(don'?t|do not|no need to|not going to|never mind|won'?t)(?![\p{L}])/iu.test(
    text,
  );
}

/**
 * The small words at the edges of a left-over clause, once its pieces have been read out: a
 * dangling "给", "了", "说", "with", "to the" say nothing on their own ("给 打了电话" → "打了电话").
 */
const EDGE_HAN = /^[给跟和与了的吧呢啊呀哦嘛说把]+|[给跟和与的吧呢啊呀哦嘛把]+$/u;
const EDGE_WORDS = 'with|to|at|by|and|so|then|also|just|the|a|an|of|it|is|are|was';
const EDGE_LATIN = new RegExp(`^(?:(?:${EDGE_WORDS})(?:\\s+|$))+|(?:(?:^|\\s+)(?:${EDGE_WORDS}))+$`, 'iu');

/** A left-over clause tidied: spaces between Chinese characters closed, edge words and punctuation dropped. */
export function leftover(text: string): string {
  let out = text;
  for (let before = ''; before !== out; ) {
    before = out;
    out = out
      .replace(/(?<=\p{Script=Han})\s+(?=\p{Script=Han})/gu, '')
      .replace(/\s+/g, ' ')
      .replace(PUNCTUATION, '')
      .replace(EDGE_HAN, '')
      .replace(EDGE_LATIN, '')
      .trim();
  }
  return out;
}

const EMPTY_LATIN = new Set(
  'the and for are was you they them its that this with from have has had got did done will can now yes not all out off put get'.split(
    ' ',
  ),
);

/** Says something: two Chinese characters, or an English word of three letters that is not a small word. */
export function hasContent(text: string): boolean {
  if ((text.match(/\p{Script=Han}/gu) ?? []).length >= 2) return true;
  return (text.match(/[A-Za-z]{3,}/g) ?? []).some((w) => !EMPTY_LATIN.has(w.toLowerCase()));
}
