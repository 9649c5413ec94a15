import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

describe('bulkWriteInSlices', () => {
  // one `update` command of 100+ statements never returns from the embedded store
  it('applies 260 updates and upserts, in order, and sums what the slices report', async () => {
    const shelf = mongoose.connection.collection<{ _id: string; n: number }>('shelf');
    await shelf.insertMany(Array.from({ length: 200 }, (_, i) => ({ _id: `k${i}`, n: 0 })));
    const ops = Array.from({ length: 260 }, (_, i) => ({
      updateOne: { filter: { _id: `k${i}` }, update: { $set: { n: i } }, upsert: true },
    }));
    const counts = await bulkWriteInSlices(shelf, ops);
    expect(counts).toEqual({ matchedCount: 200, upsertedCount: 60 });
    expect(await shelf.countDocuments({})).toBe(260);
    expect(await shelf.findOne({ _id: 'k259' })).toEqual({ _id: 'k259', n: 259 });
    expect(await shelf.findOne({ _id: 'k150' })).toEqual({ _id: 'k150', n: 150 });
  }, 20_000);
});
