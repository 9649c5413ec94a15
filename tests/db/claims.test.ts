import { describe, expect, it } from 'vitest';
import { claim, nextNumber, releaseIfStale } from '../../db/claims.js';
import { TEST_START } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

// A guarded update (`{_id, version: 0}` with `$inc`) may report several winners on FerretDB 1.x;
// claims exist because a unique insert is the only step it makes atomic. That is FerretDB's
// behaviour, not ours, so it is not asserted here: these tests are about db/claims.ts.
describe('claims on the embedded store', () => {
  it('lets exactly one of many concurrent callers claim a key', async () => {
    const now = TEST_START;
    for (let round = 0; round < 5; round++) {
      const wins = await Promise.all(Array.from({ length: 12 }, () => claim(`k${round}`, now)));
      expect(wins.filter(Boolean)).toHaveLength(1);
    }
  });

  it('frees only stale claims', async () => {
    const then = new Date('2026-11-28T00:00:00Z');
    await claim('stuck', then);
    await releaseIfStale('stuck', new Date(then.getTime() + 5_000));
    expect(await claim('stuck', then)).toBe(false);
    await releaseIfStale('stuck', new Date(then.getTime() + 11_000));
    expect(await claim('stuck', then)).toBe(true);
  });

  it('hands out unique numbers to concurrent callers', async () => {
    const numbers = await Promise.all(Array.from({ length: 25 }, () => nextNumber('seq', 1000, TEST_START)));
    expect(new Set(numbers).size).toBe(25);
    expect(Math.min(...numbers)).toBe(1001);
    expect(await nextNumber('seq', 1000, TEST_START)).toBe(1026);
  });
});
