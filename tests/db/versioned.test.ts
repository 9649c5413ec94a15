import mongoose, { Schema } from 'mongoose';
import { describe, expect, it } from 'vitest';
import { changeVersioned } from '../../db/versioned.js';
import { TEST_START } from '../helpers/clock.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

type Tally = { _id: string; version: number; seen: string[] };
const Tally = mongoose.model(
  'VersionedTally',
  new Schema({ _id: String, version: { type: Number, default: 0 }, seen: [String] }),
);
const add = (id: string, item: string) =>
  changeVersioned<Tally, never>(Tally, 'tally', id, (doc) => ({ seen: [...doc.seen, item] }), TEST_START, {
    initial: () => ({ _id: id, version: 0, seen: [] }),
  });

describe('changeVersioned', () => {
  it('applies every one of many parallel changes to one document, creating it on first use', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => add('t1', `x${i}`)));
    const doc = await Tally.findById('t1').lean<Tally>();
    expect(doc?.seen.toSorted()).toEqual(Array.from({ length: 20 }, (_, i) => `x${i}`).toSorted());
    expect(doc?.version).toBe(19); // created at 0 by the first, then 19 changes
  });

  it('writes by `_id` alone, after checking the version did not move since it was read', async () => {
    await add('t2', 'a');
    let moved = false;
    const result = await changeVersioned<Tally, never>(
      Tally,
      'tally',
      't2',
      async (doc) => {
        if (!moved) {
          // another writer slips in between this read and the write (one whose claim went stale)
          moved = true;
          await Tally.updateOne({ _id: 't2' }, { $push: { seen: 'b' }, $inc: { version: 1 } });
        }
        return { seen: [...doc.seen, 'c'] };
      },
      TEST_START,
    );
    expect(result.ok).toBe(true);
    expect((await Tally.findById('t2').lean<Tally>())?.seen).toEqual(['a', 'b', 'c']);
  });

  it('refuses as the change says, and reports a missing document without `initial`', async () => {
    await add('t3', 'a');
    const refused = await changeVersioned<Tally, 'full'>(Tally, 'tally', 't3', () => 'full', TEST_START);
    expect(refused).toMatchObject({ ok: false, refusal: 'full', doc: { seen: ['a'] } });
    const missing = await changeVersioned<Tally, never>(Tally, 'tally', 'none', () => ({}), TEST_START);
    expect(missing).toEqual({ ok: false, refusal: 'not_found' });
  });
});
