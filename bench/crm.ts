// CRM rows: follow-ups logged per second through the web API (one salesperson on a demo
// customer), and customer analytics ($group/$sum in the store) over 10k and 100k customers in a
// database of its own, with the time growth between the two sizes.
import mongoose from 'mongoose';
import { connectDb, ensureIndexes } from '../db/connect.js';
import { Customer } from '../db/models/customer.js';
import { customerBreakdown, DIMENSIONS } from '../flows/crm/analytics.js';
import { newCustomer } from '../flows/crm/service.js';
import type { Row } from './measure.js';

type Reply = { text?: string };

const at = (sorted: number[], q: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN);

export async function loadFollowUps(
  appUrl: string,
  opts: { seconds: number; connections: number },
): Promise<Row> {
  const times: number[] = [];
  let errors = 0;
  const deadline = performance.now() + opts.seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const started = performance.now();
      try {
        const res = await fetch(`${appUrl}/web/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            employee: 'zhang.min@demo.example',
            text: '跟进 华信科技 电话 压测记录 下次 明天',
          }),
        });
        const replies = ((await res.json()) as { replies: Reply[] }).replies;
        if (!replies[0]?.text?.startsWith('已记录')) throw new Error('not logged');
        times.push(performance.now() - started);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  times.sort((a, b) => a - b);
  return {
    name: 'crm: follow-ups logged',
    rps: times.length / opts.seconds,
    p50: at(times, 0.5),
    p99: at(times, 0.99),
    errors,
  };
}

const CITIES = ['深圳', '上海', '北京', '广州', '杭州', '成都', '武汉', '西安', '南京', 'Singapore'];
const INDUSTRIES = ['通信', '制造', '零售', '金融', '医疗', '教育', '物流'];

/** Grows the CRM database to `size` customers in batches of 2,000. */
async function growTo(size: number, owners: mongoose.Types.ObjectId[]): Promise<void> {
  const now = new Date();
  for (let n = await Customer.estimatedDocumentCount(); n < size; ) {
    const batch = Array.from({ length: Math.min(2000, size - n) }, (_, k) => {
      const i = n + k;
      return newCustomer(
        {
          name: `bench customer ${i}`,
          city: CITIES[i % 10],
          industry: INDUSTRIES[i % 7],
          age: 18 + (i % 60),
        },
        owners[i % owners.length] ?? null,
        null,
        now,
      );
    });
    await Customer.insertMany(batch, { ordered: false });
    n += batch.length;
  }
}

/** Median time of one breakdown per dimension, `runs` times each, at each size. */
export async function benchAnalytics(uri: string, sizes = [10_000, 100_000], runs = 1): Promise<Row[]> {
  await connectDb(uri, { timeoutMs: 5000 });
  await ensureIndexes();
  const owners = Array.from({ length: 20 }, () => new mongoose.Types.ObjectId());
  const rows: Row[] = [];
  try {
    for (const size of sizes) {
      const seeded = performance.now();
      await growTo(size, owners);
      console.error(
        `crm bench: ${size} customers ready in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
      );
      const times: number[] = [];
      for (let r = 0; r < runs; r++)
        for (const by of DIMENSIONS) {
          const started = performance.now();
          await customerBreakdown(by);
          times.push(performance.now() - started);
        }
      times.sort((a, b) => a - b);
      console.error(`crm bench: analytics over ${size} customers, p50 ${at(times, 0.5)} ms`);
      const total = times.reduce((s, t) => s + t, 0);
      rows.push({
        name: `crm: analytics over ${size / 1000}k customers`,
        rps: (times.length * 1000) / total,
        p50: at(times, 0.5),
        p99: at(times, 0.99),
        errors: 0,
      });
    }
  } finally {
    await mongoose.disconnect();
  }
  return rows;
}

/** "10k → 100k: p50 × 9.6" — how analytics time grows with ten times the customers. */
export function growthNote(rows: Row[]): string {
  const [small, large] = rows.filter((r) => r.name.startsWith('crm: analytics'));
  if (!small || !large) return '';
  return `crm analytics time growth ${small.name.split(' over ')[1]} → ${large.name.split(' over ')[1]}: p50 × ${(large.p50 / small.p50).toFixed(1)}`;
}
