import { setTimeout as sleep } from 'node:timers/promises';
import { type Db, MongoClient } from 'mongodb';
import { connectDb, disconnectDb, ensureIndexes } from '../../db/connect.js';
import { runMigrations } from '../../db/migrations.js';
import { seedDemo } from '../../flows/demo.js';
import { flows } from '../../flows/index.js';
import { createLogger } from '../../src/logger.js';
import { TEST_START } from './clock.js';

/** The template's own note of how its build went (`currency` null: it failed); never copied. */
const STATE = 'demo_template_state';
type State = { _id: string; currency: string | null };
/** Longer than any build takes on a busy machine; past it an app seeds itself. */
const WAIT_MS = 120_000;

/**
 * What every test app's start writes before it serves (indexes, migrations, the demo seed), done
 * once per run at the tests' start time: an app then copies ~900 documents instead of seeding
 * through the services (seconds each). Runs in globalSetup, not awaited: it never rejects, and
 * notes a failure so that apps seed themselves instead of waiting.
 */
export async function buildDemoTemplate(uri: string, dbName: string, currency: string): Promise<void> {
  const built = await seed(uri, dbName, currency).then(
    () => true,
    (err: unknown) => {
      console.error(`The demo template could not be built; test apps seed themselves: ${err}`);
      return false;
    },
  );
  await disconnectDb().catch(() => {});
  const state: State = { _id: 'build', currency: built ? currency : null };
  await withClient(uri, (client) => client.db(dbName).collection<State>(STATE).insertOne(state)).catch(
    (err: unknown) => console.error(`The demo template's state could not be written: ${err}`),
  );
}

async function seed(uri: string, dbName: string, currency: string): Promise<void> {
  await connectDb(uri, { dbName, timeoutMs: 5_000 });
  await ensureIndexes();
  const migrations = flows.flatMap((f) => f.migrations ?? []);
  await runMigrations(migrations, createLogger('silent'), () => TEST_START);
  await seedDemo(TEST_START, { currency });
}

/**
 * Copies the run's demo template into the empty database `target`: true when it did, false when
 * the template is not for this `currency` or was not built (the app then seeds as usual).
 */
export async function copyDemoTemplate(
  uri: string,
  template: string,
  target: string,
  currency: string,
): Promise<boolean> {
  return withClient(uri, async (client) => {
    const from = client.db(template);
    const state = await builtState(from);
    if (state?.currency !== currency) return false;
    const to = client.db(target);
    for (const { name } of await from.listCollections({}, { nameOnly: true }).toArray()) {
      if (name === STATE || name.startsWith('system.')) continue;
      const docs = await from.collection(name).find().toArray();
      if (docs.length > 0) await to.collection(name).insertMany(docs);
    }
    return true;
  });
}

/** The build's note, waited for: the build runs alongside the first test files. */
async function builtState(db: Db): Promise<State | null> {
  for (const deadline = performance.now() + WAIT_MS; performance.now() < deadline; await sleep(100)) {
    const state = await db.collection<State>(STATE).findOne({});
    if (state) return state;
  }
  return null;
}

async function withClient<T>(uri: string, work: (client: MongoClient) => Promise<T>): Promise<T> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    return await work(client);
  } finally {
    await client.close();
  }
}
