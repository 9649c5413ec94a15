import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../helpers/db.js';

useTestDb();

// db/embedded/patches/0002: unpatched, the 100th statement of one `update` command waits forever
describe('the embedded store answers an update command of many statements', () => {
  it('applies 250 updates in one command and 250 upserts in one bulkWrite', async () => {
    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    const keys = Array.from({ length: 250 }, (_, i) => `k${i}`);
    await db.collection<{ _id: string }>('batch').insertMany(keys.map((_id) => ({ _id })));
    const res = await db.command({
      update: 'batch',
      updates: keys.map((_id, i) => ({ q: { _id }, u: { $set: { n: i } } })),
    });
    expect(res).toMatchObject({ n: 250, nModified: 250 });
    const upserts = await db.collection<{ _id: string; n: number }>('fresh').bulkWrite(
      keys.map((_id, i) => ({ updateOne: { filter: { _id }, update: { $set: { n: i } }, upsert: true } })),
      { ordered: false },
    );
    expect(upserts.upsertedCount).toBe(250);
    expect(await db.collection('batch').findOne({ _id: 'k249' as never })).toEqual({ _id: 'k249', n: 249 });
  }, 20_000);
});
