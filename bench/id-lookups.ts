// Times FerretDB's point operations by `_id` as a collection grows: the evidence behind
// patches/0001 (see its .md). Compare binaries side by side:
//   npx tsx bench/id-lookups.ts [ferretdb-binary …]
// With no argument it measures the binary the app would use.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Collection, MongoClient } from 'mongodb';
import { ensureFerretdb } from '../db/embedded/build-ferretdb.js';
import { startFerretdb } from '../db/embedded/start-ferretdb.js';
import { loadConfig } from '../src/config.js';

const SIZES = [1_000, 20_000, 100_000];
const SAMPLES = 25;

type Doc = { _id: string; employeeId: string; date: string; note: string; version: number };

const config = loadConfig();
const bins = process.argv.slice(2);
if (bins.length === 0)
  bins.push(config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, console.error)));

for (const bin of bins) {
  const dataDir = await mkdtemp(join(tmpdir(), 'measure-id-'));
  const store = await startFerretdb({ bin, dataDir });
  const client = await new MongoClient(store.uri).connect();
  try {
    console.log(`\n${bin}`);
    console.log('documents | findOne p50 | updateOne p50 | deleteOne p50 | find plan');
    for (const size of SIZES) {
      const docs = client.db('measure').collection<Doc>(`docs_${size}`);
      await fill(docs, size);
      const key = (i: number) => `e${(i * 7919) % size}:2026-01-05`;
      const find = await p50((i) => docs.findOne({ _id: key(i) }));
      const update = await p50((i) => docs.updateOne({ _id: key(i) }, { $inc: { version: 1 } }));
      const remove = await p50((i) => docs.deleteOne({ _id: key(i + SAMPLES) }));
      const plan = await client
        .db('measure')
        .command({ explain: { find: docs.collectionName, filter: { _id: key(0) } } });
      const detail = String(plan.queryPlanner?.Plan?.[0] ?? '').replace(/^.*detail=/, '');
      console.log(`${size} | ${find} ms | ${update} ms | ${remove} ms | ${detail}`);
    }
  } finally {
    await client.close();
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** Attendance-like documents (~400 bytes), keyed the way the app keys its hot documents. */
async function fill(docs: Collection<Doc>, size: number): Promise<void> {
  for (let start = 0; start < size; start += 1_000) {
    const batch = Array.from({ length: Math.min(1_000, size - start) }, (_, i) => ({
      _id: `e${start + i}:2026-01-05`,
      employeeId: `e${start + i}`,
      date: '2026-01-05',
      note: 'checked in at the front desk; '.repeat(12),
      version: 0,
    }));
    await docs.insertMany(batch);
  }
}

async function p50(op: (i: number) => Promise<unknown>): Promise<string> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await op(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return (times[Math.floor(SAMPLES / 2)] ?? 0).toFixed(1);
}
