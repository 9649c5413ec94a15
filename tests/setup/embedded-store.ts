import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import type { TestProject } from 'vitest/node';
import { ensureFerretdb } from '../../db/embedded/build-ferretdb.js';
import { startFerretdb } from '../../db/embedded/start-ferretdb.js';
import { type Config, loadConfig } from '../../src/config.js';
import { AppError } from '../../src/errors.js';
import { buildDemoTemplate } from '../helpers/demo-template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server every test database lives on; may carry a path and options (TEST_MONGODB_URI). */
    storeUri: string;
    /** Prefix of this run's database names, so the run can drop what it created and nothing else. */
    dbPrefix: string;
    /** The FerretDB binary, for tests about the embedded store itself; '' when none could be had. */
    ferretdbBin: string;
    /** The database test apps copy the demo seed from (tests/helpers/demo-template.ts). */
    demoTemplate: string;
  }
}

/**
 * One store for the whole run; each test file uses its own database on it. By default that is an
 * embedded FerretDB in a temporary folder. TEST_MONGODB_URI points the run at any MongoDB instead
 * (a replica set, Atlas), so the suite can be verified there; the app's MONGODB_URI is never used,
 * so a shell set up for production does not send tests to it.
 */
export default async function setup(project: TestProject) {
  const config = loadConfig({ ...process.env, MONGODB_URI: process.env.TEST_MONGODB_URI });
  const dbPrefix = `t_${randomBytes(3).toString('hex')}_`;
  project.provide('dbPrefix', dbPrefix);
  const demoTemplate = `${dbPrefix}demo`;
  project.provide('demoTemplate', demoTemplate);
  // not awaited: the first test files run meanwhile, and an app waits for it only when it starts
  const buildTemplate = (uri: string) => buildDemoTemplate(uri, demoTemplate, loadConfig({}).currency);
  if (config.mongodbUri) {
    const uri = config.mongodbUri;
    project.provide('storeUri', uri);
    const built = buildTemplate(uri);
    project.provide('ferretdbBin', await ferretdbIfAvailable(config));
    return async () => {
      await built;
      await dropRunDatabases(uri, dbPrefix);
    };
  }
  const bin =
    config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, (line) => console.error(line)));
  const dataDir = await mkdtemp(join(tmpdir(), 'assistant-test-'));
  const store = await startFerretdb({ bin, dataDir });
  project.provide('storeUri', store.uri);
  project.provide('ferretdbBin', bin);
  const built = buildTemplate(store.uri);
  return async () => {
    await built;
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** On an external MongoDB the embedded store's own tests still run where Go is, and skip where it is not. */
async function ferretdbIfAvailable(config: Config): Promise<string> {
  try {
    return config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, (line) => console.error(line)));
  } catch (err) {
    if (!(err instanceof AppError && err.code === 'store.no_go')) throw err;
    console.error('No Go and no FERRETDB_BIN: the tests of the embedded store itself are skipped.');
    return '';
  }
}

/** Test apps leave their databases behind; on a shared server the run cleans up after itself. */
async function dropRunDatabases(uri: string, prefix: string): Promise<void> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    const { databases } = await client.db('admin').admin().listDatabases({ nameOnly: true });
    for (const { name } of databases) if (name.startsWith(prefix)) await client.db(name).dropDatabase();
  } catch (err) {
    // a cleanup failure must not fail a run whose tests passed; say what is left behind
    console.error(`Could not drop this run's databases (${prefix}*): ${(err as Error).message}`);
  } finally {
    await client.close();
  }
}
