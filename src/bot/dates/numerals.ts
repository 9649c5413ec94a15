/** Numbers as people type them in dates: 3, 03, 三, 十二, 二十三, 两, three, twelve. */

const HAN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const EN_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
};

/** Regex source for a number written any of these ways (up to 99 in Chinese). */
export const NUMBER = String.raw`\d{1,4}|[零〇一二两三四五六七八九十]{1,3}|${Object.keys(EN_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')}`;

/**
 * The value of a number token, or null. Chinese up to 99 (十一, 二十, 二十三); a year written
 * digit by digit (二〇二六) also reads.
 * @example readNumber('二十三') // 23
 */
export function readNumber(token: string): number | null {
  const t = token.toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  if (t in EN_WORDS) return EN_WORDS[t] ?? null;
  if (!/^[零〇一二两三四五六七八九十]+$/.test(t)) return null;
  if (!t.includes('十')) {
    let n = 0;
    for (const ch of t) n = n * 10 + (HAN_DIGITS[ch] ?? 0);
    return n;
  }
  const [tens = '', ones = ''] = t.split('十');
  if (ones.includes('十') || tens.length > 1 || ones.length > 1) return null;
  return (tens === '' ? 1 : (HAN_DIGITS[tens] ?? 0)) * 10 + (ones === '' ? 0 : (HAN_DIGITS[ones] ?? 0));
}
