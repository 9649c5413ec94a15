import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { updateAtVersion } from '../../db/at-version.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

const Thing = mongoose.model(
  'AtVersionThing',
  new mongoose.Schema({ _id: String, n: Number, version: Number }, { versionKey: false }),
);

describe('updateAtVersion', () => {
  it('updates a document still at the version read, and refuses one that moved on', async () => {
    await Thing.create({ _id: 'a', n: 1, version: 3 });
    const moved = await updateAtVersion<{ n: number; version: number }>(Thing, 'a', 3, {
      $set: { n: 2 },
      $inc: { version: 1 },
    });
    expect(moved).toMatchObject({ n: 2, version: 4 });
    expect(await updateAtVersion(Thing, 'a', 3, { $set: { n: 9 }, $inc: { version: 1 } })).toBeNull();
    expect(await updateAtVersion(Thing, 'missing', 0, { $set: { n: 9 } })).toBeNull();
    expect(await Thing.findById('a').lean()).toMatchObject({ n: 2, version: 4 });
  });
});
