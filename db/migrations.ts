import type { Clock } from '../src/clock.js';
import type { Logger } from '../src/logger.js';
import { MigrationState } from './models/migration.js';

/**
 * A data migration run at start-up, in batches. `step` migrates the batch after `cursor` (null:
 * from the beginning) and returns where it stopped, or `cursor: null` when nothing is left;
 * `now` is the app's clock, for what the batch writes. Steps must be idempotent (upserts keyed
 * by the target's natural `_id`): two app instances starting together may both run a batch, and
 * a crash repeats the batch it was in.
 */
export type Migration = {
  id: string;
  step(cursor: string | null, now: Date): Promise<{ cursor: string | null; migrated: number }>;
};

/** Most a single start-up migration may run, so a bug cannot loop forever. */
const MAX_BATCHES = 100_000;

/** Runs each unfinished migration to the end, in order, resuming where a previous run stopped. */
export async function runMigrations(migrations: readonly Migration[], log: Logger, now: Clock) {
  for (const migration of migrations) {
    const state =
      (await MigrationState.findById(migration.id).lean()) ??
      (await MigrationState.findOneAndUpdate(
        { _id: migration.id },
        { $setOnInsert: { startedAt: now(), finishedAt: null, cursor: null, migrated: 0 } },
        { upsert: true, returnDocument: 'after' },
      ).lean());
    if (state?.finishedAt) continue;
    let cursor = state?.cursor ?? null;
    let migrated = state?.migrated ?? 0;
    const started = performance.now();
    if (cursor) log.info({ migration: migration.id, cursor }, 'migration resumes');
    for (let batch = 0; ; batch++) {
      if (batch >= MAX_BATCHES) throw new Error(`migration ${migration.id} did not finish`);
      const result = await migration.step(cursor, now());
      migrated += result.migrated;
      cursor = result.cursor;
      await MigrationState.updateOne(
        { _id: migration.id },
        { $set: { cursor, migrated, ...(cursor === null ? { finishedAt: now() } : {}) } },
      );
      if (cursor === null) break;
    }
    log.info(
      { migration: migration.id, migrated, ms: Math.round(performance.now() - started) },
      'migration done',
    );
  }
}
