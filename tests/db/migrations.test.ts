import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { type Migration, runMigrations } from '../../db/migrations.js';
import { MigrationState } from '../../db/models/migration.js';
import { createLogger } from '../../src/logger.js';
import { useTestDb } from '../helpers/db.js';

useTestDb();

const log = createLogger('silent');
const at = () => new Date('2026-03-04T05:06:07Z');

/** Copies numbered source rows to a target keyed by the same id, three per batch. */
function copyMigration(id: string, failAfter = Number.POSITIVE_INFINITY) {
  const source = () => mongoose.connection.collection<{ _id: string; n: number }>(`${id}_source`);
  const target = () => mongoose.connection.collection<{ _id: string; n: number }>(`${id}_target`);
  let batches = 0;
  const migration: Migration = {
    id,
    async step(cursor) {
      if (batches++ >= failAfter) throw new Error('killed mid-migration');
      const rows = await source()
        .find(cursor ? { _id: { $gt: cursor } } : {})
        .sort({ _id: 1 })
        .limit(3)
        .toArray();
      for (const row of rows)
        await target().updateOne({ _id: String(row._id) }, { $set: { n: row.n } }, { upsert: true });
      return { cursor: rows.length === 3 ? String(rows.at(-1)?._id) : null, migrated: rows.length };
    },
  };
  return { migration, source, target };
}

describe('start-up migrations', () => {
  it('resumes after a crash from its cursor, then never runs again', async () => {
    const first = copyMigration('m1', 2);
    await first.source().insertMany(Array.from({ length: 10 }, (_, i) => ({ _id: `r${i}`, n: i })));

    await expect(runMigrations([first.migration], log, at)).rejects.toThrow('killed');
    expect(await first.target().countDocuments()).toBe(6);
    const stopped = await MigrationState.findById('m1').lean();
    expect(stopped?.cursor).toBe('r5');
    expect(stopped?.finishedAt ?? null).toBeNull();

    const second = copyMigration('m1');
    const seen: (string | null)[] = [];
    const step = second.migration.step;
    second.migration.step = (cursor, now) => {
      seen.push(cursor);
      return step(cursor, now);
    };
    await runMigrations([second.migration], log, at);
    expect(seen[0]).toBe('r5');
    expect((await second.target().find().sort({ _id: 1 }).toArray()).map((r) => r.n)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(await MigrationState.findById('m1').lean()).toMatchObject({ migrated: 10, finishedAt: at() });

    seen.length = 0;
    await runMigrations([second.migration], log, at);
    expect(seen).toEqual([]);
  });
});
