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

const HAN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * A whole number written in Chinese with units, as amounts are said: 三百 300, 一千二百五十
 * 1250, 两千五 2500 (the unit after 千 left unsaid), 三万 30000. Null when not one.
 * @example readHanNumber('两千五') // 2500
 */
export function readHanNumber(token: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百千万]+$/u.test(token)) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  let lastUnit = 0;
  let afterUnit = false;
  for (const ch of token) {
    if (ch in HAN_DIGITS) {
      digit = HAN_DIGITS[ch] ?? 0;
      afterUnit = afterUnit && lastUnit > 0 && ch !== '零' && ch !== '〇';
      continue;
    }
    if (ch === '万') {
      total += (section + digit) * 10_000;
      section = 0;
      lastUnit = 10_000;
    } else {
      const unit = HAN_UNITS[ch] ?? 1;
      section += (digit || 1) * unit;
      lastUnit = unit;
    }
    digit = 0;
    afterUnit = true;
  }
  // "两千五": a digit right after a unit means the next unit down
  const tail = afterUnit && digit > 0 && lastUnit >= 100 ? (digit * lastUnit) / 10 : digit;
  return total + section + tail;
}
