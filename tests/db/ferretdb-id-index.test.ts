import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type EmbeddedStore, startFerretdb } from '../../db/embedded/start-ferretdb.js';

// db/embedded/patches/0001: `_id` filters must use the `_id` index. This file starts its own
// FerretDB from the run's binary, so it checks the binary even when the run uses TEST_MONGODB_URI.
const bin = inject('ferretdbBin');

let dataDir: string;
let store: EmbeddedStore;
let client: MongoClient;
let db: Db;

beforeAll(async () => {
  if (!bin) return;
  dataDir = await mkdtemp(join(tmpdir(), 'assistant-id-index-'));
  store = await startFerretdb({ bin, dataDir });
  client = await new MongoClient(store.uri).connect();
  db = client.db('id_index');
});

afterAll(async () => {
  await client?.close();
  await store?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

type Doc = { _id: string; employeeId: string; note: string; version: number };

async function fill(name: string, size: number): Promise<void> {
  const docs = db.collection<Doc>(name);
  for (let start = 0; start < size; start += 2_000) {
    await docs.insertMany(
      Array.from({ length: Math.min(2_000, size - start) }, (_, i) => ({
        _id: `e${start + i}:2026-01-05`,
        employeeId: `e${start + i}`,
        note: 'checked in at the front desk; '.repeat(12),
        version: 0,
      })),
    );
  }
}

/** The plan SQLite chose for FerretDB's own query, as its explain command reports it. */
async function findPlan(collection: string, id: unknown): Promise<string> {
  const res = await db.command({ explain: { find: collection, filter: { _id: id } } });
  return (res.queryPlanner.Plan as string[]).join('\n');
}

// skipped only on a run against TEST_MONGODB_URI without Go: there is no FerretDB binary to start
// or restart (CI always has one; `.ci/run` builds it)
describe.skipIf(!bin)('FerretDB `_id` lookups (patch 0001)', () => {
  it('finds by a string or ObjectId `_id` through the index, not a scan', async () => {
    const oid = new ObjectId('6650c0ffee0000000000c0de');
    await db
      .collection<{ _id: string | ObjectId }>('plans')
      .insertMany([{ _id: 'a:2026-01-05' }, { _id: oid }]);
    for (const id of ['a:2026-01-05', oid]) {
      const plan = await findPlan('plans', id);
      expect(plan).toMatch(/SEARCH plans_\w+ USING INDEX plans_\w+__id_ \(<expr>=\?\)/);
      expect(plan).not.toMatch(/SCAN/);
    }
  });

  it('matches exactly the document asked for, by every kind of `_id`', async () => {
    const oid = new ObjectId('6650c0ffee0000000000beef');
    const docs = db.collection<{ _id: string | number | ObjectId; n: number }>('kinds');
    await docs.insertMany([
      { _id: '1', n: 1 },
      { _id: 1, n: 2 },
      { _id: oid, n: 3 },
      { _id: 'a:2026-01-05', n: 4 },
    ]);
    expect((await docs.findOne({ _id: '1' }))?.n).toBe(1);
    expect((await docs.findOne({ _id: 1 }))?.n).toBe(2);
    expect((await docs.findOne({ _id: oid }))?.n).toBe(3);
    expect((await docs.findOne({ _id: 'a:2026-01-05' }))?.n).toBe(4);
    // stored JSON does not tell an ObjectId from its hex string; FerretDB's own filter still does
    expect(await docs.findOne({ _id: oid.toHexString() })).toBeNull();
    expect(await docs.findOne({ _id: 'missing' })).toBeNull();

    await docs.updateOne({ _id: oid }, { $set: { n: 30 } });
    await docs.findOneAndUpdate({ _id: '1' }, { $inc: { n: 10 } });
    expect((await docs.find({}, { sort: { n: 1 } }).toArray()).map((d) => d.n)).toEqual([2, 4, 11, 30]);

    await docs.deleteOne({ _id: 'a:2026-01-05' });
    await docs.deleteMany({ _id: { $in: [1, 'missing'] } });
    expect((await docs.find({}, { sort: { n: 1 } }).toArray()).map((d) => d.n)).toEqual([11, 30]);
  });

  it('reads, updates and deletes by `_id` as fast at 20k documents as at 1k', async () => {
    const sizes = { small: 1_000, large: 20_000 };
    await fill('small', sizes.small);
    await fill('large', sizes.large);
    // keys spread over the whole collection: a scan with LIMIT 1 stops early on the first rows
    const key = (name: keyof typeof sizes, i: number) => `e${(i * 7_919 + 13) % sizes[name]}:2026-01-05`;
    const ops: Record<string, (name: keyof typeof sizes, i: number) => Promise<unknown>> = {
      findOne: (name, i) => db.collection<Doc>(name).findOne({ _id: key(name, i) }),
      updateOne: (name, i) =>
        db.collection<Doc>(name).updateOne({ _id: key(name, i) }, { $inc: { version: 1 } }),
      findOneAndUpdate: (name, i) =>
        db.collection<Doc>(name).findOneAndUpdate({ _id: key(name, i) }, { $inc: { version: 1 } }),
      deleteOne: (name, i) => db.collection<Doc>(name).deleteOne({ _id: key(name, i) }),
    };
    const ratios: Record<string, number> = {};
    for (const [op, run] of Object.entries(ops)) {
      // interleaved, so a busy machine slows both sizes alike; medians shrug off the odd pause
      const small: number[] = [];
      const large: number[] = [];
      for (let i = 0; i < 15; i++) {
        small.push(await timed(() => run('small', i)));
        large.push(await timed(() => run('large', i)));
      }
      ratios[op] = median(large) / median(small);
    }
    // unpatched, a scan makes these 5-20× slower at 20k documents; an index lookup stays ~1×
    expect(Object.entries(ratios).filter(([, ratio]) => ratio >= 3)).toEqual([]);
  });
});

async function timed(op: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await op();
  return performance.now() - started;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
}
