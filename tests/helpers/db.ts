import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { afterAll, beforeAll, inject } from 'vitest';
import { connectDb, ensureIndexes } from '../../db/connect.js';

/** A fresh database on the run's store (the embedded one, or TEST_MONGODB_URI's server). */
export function testDbUri(name = testDbName()): string {
  return withDatabase(inject('storeUri'), name);
}

/** A name for a fresh database of this run. */
export const testDbName = () => `${inject('dbPrefix')}${randomBytes(6).toString('hex')}`;

/**
 * The same server and options with `name` as the database. The driver authenticates against the
 * URI's database (admin when it names none), so a URI with credentials gets that pinned as
 * authSource before its database changes.
 * @example withDatabase('mongodb://u:p@h1,h2/app?replicaSet=rs0', 't_1') // mongodb://u:p@h1,h2/t_1?replicaSet=rs0&authSource=app
 */
export function withDatabase(uri: string, name: string): string {
  const parts = uri.match(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/([^?]*))?(?:\?(.*))?$/);
  if (!parts?.[1]) throw new Error(`Not a MongoDB URI: ${uri}`);
  const [, server, database, query] = parts;
  const options = query ? [query] : [];
  if (server.includes('@') && !/(^|&)authSource=/i.test(query ?? ''))
    options.push(`authSource=${database || 'admin'}`);
  return `${server}/${name}${options.length > 0 ? `?${options.join('&')}` : ''}`;
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
