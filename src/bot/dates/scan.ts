import type { DateTime } from 'luxon';
import { EN_RULES } from './en-rules.js';
import { SHARED_RULES } from './numeric-rules.js';
import type { Placed } from './tokens.js';
import { ZH_RULES } from './zh-rules.js';

const RULES = [...SHARED_RULES, ...ZH_RULES, ...EN_RULES];

/**
 * Every date-ish piece of the text, left to right, none overlapping: where two rules match at
 * the same place the longer wins ("下周一" over "下周", "3天后" over "3天").
 */
export function scan(text: string, now: DateTime): Placed[] {
  const found: Placed[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      if (m[0] === '') {
        rule.re.lastIndex++;
        continue;
      }
      const token = rule.read(m, now);
      if (token) found.push({ ...token, index: m.index, length: m[0].length, text: m[0] });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  const chosen: Placed[] = [];
  let end = 0;
  for (const token of found) {
    if (token.index < end) continue;
    chosen.push(token);
    end = token.index + token.length;
  }
  return chosen;
}

/** Nothing but spaces, commas or small linking words between two pieces. */
export function adjacent(text: string, a: Placed, b: Placed): boolean {
  return /^[\s,，、的请休了]*$/u.test(text.slice(a.index + a.length, b.index));
}
