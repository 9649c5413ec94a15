/**
 * Full-width forms (Ｈｅｌｐ，１２３) become half-width, runs of spaces (including the ideographic
 * space) become one, and the ends are trimmed, so "帮助　请假" and "help  leave" parse alike.
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

/**
 * Length of `keyword` when `text` starts with it as a whole word, else 0. Chinese is written
 * without spaces ("请假明天"), so a keyword ending in a Han character needs no boundary.
 */
export function keywordPrefix(text: string, keyword: string): number {
  if (!text.toLowerCase().startsWith(keyword.toLowerCase())) return 0;
  const next = text.charAt(keyword.length);
  const last = keyword.charAt(keyword.length - 1);
  if (next === '' || HAN.test(last) || !WORD_CHAR.test(next)) return keyword.length;
  return 0;
}
