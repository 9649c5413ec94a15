import { withoutCourtesy } from '../../../src/bot/nlu/fillers.js';

/**
 * What is left of a sentence once its pieces (dates, amounts, numbers, names) are cut out is read
 * clause by clause: a clause that still says something is kept, without the words that only ask
 * ("帮我", "I'd like to", "一下") and the command's own trigger words ("请假", "reimburse"); a
 * clause of nothing but those is dropped. So a reason or comment holds content words only.
 */

const CLAUSE_BREAK = /[,，。;；!！?？:：\n]+|\s+-\s+/u;
const HAN = /\p{Script=Han}/u;

/** Words that open a request in any command, beyond the shared courtesy list. */
const OPENERS = new RegExp(
  [
    // Chinese is written without spaces: no word boundary to look for
    '^(?:想|要|需要|打算|准备|麻烦|帮忙|一下|能不能|可不可以|可以|就|先|那个|这个|请问)\\s*',
    "^(?:so|and|but|also|then|well|um|oh|hey|hi|ok|okay|yes|yeah|i\\s+would\\s+like|would\\s+like|i'?d\\s+like|need|want|for|to|on|at|about|because|since|as|cause|cuz|due to|that|with|a|an|some|it'?s|this is)(?![\\p{L}\\p{N}'])\\s*",
  ].join('|'),
  'iu',
);
const CLOSERS = /\s*(?:啦|呗|嘛|吧|呢|吗|啊|呀|哈|哦|一下|please|pls|thanks|thank you|for me|too|then|at)$/iu;

/**
 * A final 了 says something happened (预算超了, 发烧了, 不去了): kept, though the shared courtesy
 * list drops it as a particle. It is held aside as a private-use character while courtesy goes.
 */
const PERFECT = '\uE000';

/** Leftovers that say nothing on their own. */
const EMPTY =
  /^(?:[我你他她它们的了个吧呢吗啊呀哦嘛么这那就也都还再又给把被让在是有和跟与及并且能、\s]|\b(?:i|i'm|i am|me|my|you|it|this|that|these|those|is|are|was|be|do|does|did|so|and|or|the|a|an|of|to|for|on|in|at|by|with|from|up|can|could|would|will|should|just|now|ok|okay|please|pls|thanks|one|some|any)\b)*$/iu;

export const clauses = (text: string) =>
  text
    .split(CLAUSE_BREAK)
    .map((c) => c.trim())
    .filter(Boolean);

/** A clause without the noise given and without courtesy at its ends; '' when nothing is said. */
export function tidyClause(clause: string, noise: readonly RegExp[] = []): string {
  // courtesy first, so that "I need to" goes whole before "need to" is taken as a trigger
  let out = trimmed(clause);
  for (const re of noise) out = out.replace(re, ' ');
  out = trimmed(squash(out));
  return EMPTY.test(out) ? '' : out;
}

function trimmed(clause: string): string {
  let out = clause;
  for (let changed = true, guard = 0; changed && guard < 10; guard++) {
    const before = out;
    out = withoutCourtesy(out.replace(/了$/u, PERFECT)).replace(OPENERS, '').replace(CLOSERS, '').trim();
    changed = out !== before;
  }
  return out.replaceAll(PERFECT, '了');
}

/** The clauses of `text` that still say something, joined back in the sentence's own script. */
export function contentOf(text: string, noise: readonly RegExp[] = []): string {
  return joinClauses(
    clauses(text)
      .map((c) => tidyClause(c, noise))
      .filter(Boolean),
  );
}

export const joinClauses = (kept: string[]) => kept.join(HAN.test(kept.join('')) ? '，' : ', ');

export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
