import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { takeDate, takeDateRange, takeDateTime, takeMonth, takeTimes } from '../../src/bot/dates/index.js';
import type { ParseContext } from '../../src/bot/flow.js';
import { TEST_START } from '../helpers/clock.js';

// Every command parser, every flow's sentence reader and the date module alone, on generated
// text: each returns (arguments, a problem, or nothing), never throws, and takes little time.

const BUDGET_MS = 250;
const SEED = 20261202;
const pieces = [
  ...flows.flatMap((f) => f.commands.flatMap((c) => [...c.keywords['zh-CN'], ...c.keywords.en])),
  '明天',
  '下周一',
  '11月',
  '2026-13-40',
  'next Friday',
  '3天',
  '1e17',
  '-5',
  '¥1,000.5.5',
  'SKU-1001',
  '\u0000',
  '\u202e',
  '😀',
  '{"$gt":""}',
  '"',
  ',',
  '\n',
  ' ',
  '0',
  '9'.repeat(40),
];
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((p) => p.join(' ')),
  fc.tuple(fc.constantFrom(...pieces), fc.json()).map(([a, b]) => `${a} ${b}`),
);

const contexts = fc.record({
  locale: fc.constantFrom('zh-CN' as const, 'en' as const),
  tz: fc.constantFrom('Asia/Shanghai', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'),
  currency: fc.constantFrom('CNY', 'USD'),
});
const ctxOf = (c: { locale: 'zh-CN' | 'en'; tz: string; currency: string }): ParseContext => ({
  ...c,
  now: DateTime.fromJSDate(TEST_START, { zone: c.tz }),
});

/** Runs `fn`, and says how long it took; a throw fails the property. */
function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe('parsers alone, on generated text', () => {
  const commands = flows.flatMap((f) => f.commands);
  it.each(commands.map((c) => [c.intent, c] as const))(
    '%s parse never throws and answers in time',
    (_, command) => {
      fc.assert(
        fc.property(text, contexts, (rest, c) => {
          expect(timed(() => command.parse(rest, ctxOf(c)))).toBeLessThan(BUDGET_MS);
        }),
        { numRuns: 60, seed: SEED },
      );
    },
  );

  const readers = flows.flatMap((f) => Object.entries(f.readers ?? {}));
  it.each(readers)('the sentence reader of %s never throws and answers in time', (_, read) => {
    fc.assert(
      fc.property(text, contexts, (sentence, c) => {
        expect(timed(() => read(sentence, ctxOf(c)))).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 60, seed: SEED },
    );
  });

  it('the date module never throws, and every date it reads is a real one', () => {
    fc.assert(
      fc.property(text, contexts, (t, c) => {
        const ctx = { now: ctxOf(c).now };
        const ms = timed(() => {
          for (const taken of [
            takeDate(t, ctx),
            takeDateTime(t, ctx),
            takeMonth(t, ctx),
            takeDateRange(t, ctx),
          ]) {
            if (taken && 'date' in taken) expect(DateTime.fromISO(taken.date).isValid).toBe(true);
            if (taken && 'month' in taken) expect(DateTime.fromISO(`${taken.month}-01`).isValid).toBe(true);
          }
          takeTimes(t, ctx);
        });
        expect(ms).toBeLessThan(BUDGET_MS * 2);
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
