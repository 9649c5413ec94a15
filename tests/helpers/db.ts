import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectDb, ensureIndexes } from '../../db/connect.js';

/** A fresh database name on the run's embedded store. */
export function testDbUri(): string {
  return `${inject('storeUri')}/t_${randomBytes(6).toString('hex')}`;
}

/** Connects mongoose to a database of this file's own, dropped afterwards. */
export function useTestDb(): void {
  beforeAll(async () => {
    await connectDb(testDbUri(), { timeoutMs: 5000 });
    await ensureIndexes();
  });
  afterAll(async () => {
    await mongoose.connection.dropDatabase();
    await mongoose.disconnect();
  });
}
