// CRM rows: follow-ups logged per second through the web API (one salesperson on a demo
// customer, 10 connections); and the CRM chat actions one at a time while the customers and
// their follow-ups grow from 1k to 100k (BENCH_CRM_SIZES) in a database of their own, with the
// growth of p50 printed below the table (the follow-up trend reads its weekly rollup, so it
// should stay flat). BENCH_ONLY=crm runs only the growth rows.
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { connectDb } from '../db/connect.js';
import { Customer } from '../db/models/customer.js';
import { FollowUp } from '../db/models/follow-up.js';
import { pointAndList } from '../flows/crm/bulk-added.js';
import { countChange, recordCounts, sumChanges } from '../flows/crm/counts.js';
import { customerNameWrites } from '../flows/crm/name-index.js';
import { newCustomer } from '../flows/crm/service.js';
import {
  growthReport,
  label,
  type Reply,
  runChild,
  sampleTurns,
  say,
  settle,
  sizesFrom,
  type Turn,
} from './growth.js';
import type { Row } from './measure.js';

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
const BATCH = 2000;
const DAY = 86_400_000;
/** Salespeople outside the directory own the bench customers; one in five is in the pool. */
const ownerOf = (i: number) =>
  i % 5 === 0 ? null : new mongoose.Types.ObjectId(`66e00000${(i % 40).toString(16).padStart(16, '0')}`);
const nameOf = (i: number) => `压测客户${i}`;

/**
 * Customers `from`..`to` with one follow-up each, written straight to the database in batches,
 * with what a bulk write keeps beside them (name pointers, owners' lists, the counts); the app's
 * name index learns of them from one reload at the end.
 */
async function seed(uri: string, from: number, to: number): Promise<void> {
  await connectDb(uri, { timeoutMs: 5000 });
  const now = new Date();
  try {
    for (let k = from; k < to; k += BATCH) {
      const customers = Array.from({ length: Math.min(BATCH, to - k) }, (_, j) => {
        const i = k + j;
        const owner = ownerOf(i);
        const doc = newCustomer(
          { name: nameOf(i), city: CITIES[i % 10], industry: INDUSTRIES[i % 7], age: 18 + (i % 60) },
          owner,
          owner,
          new Date(now.getTime() - (i % 20) * DAY),
        );
        const line = {
          at: new Date(now.getTime() - (i % 30) * DAY),
          by: owner,
          kind: 'note',
          channel: 'call',
          note: '压测跟进',
        };
        return { _id: new mongoose.Types.ObjectId(), ...doc, recent: [line], line };
      });
      const inserted = await Customer.insertMany(
        customers.map(({ line, ...c }) => c),
        { ordered: false },
      );
      await FollowUp.insertMany(
        customers.map((c) => ({ customerId: c._id, ...c.line })),
        { ordered: false },
      );
      const added = inserted.map((d) => d.toObject());
      await pointAndList(added, now);
      await recordCounts(sumChanges(added.map((c) => countChange(null, c))), now);
    }
    await customerNameWrites.manySaved(now);
  } finally {
    await mongoose.disconnect();
  }
}

const ACTIONS = [
  'follow-up',
  'customer show',
  'my customers',
  'due follow-ups',
  'analytics by city',
  'follow-up trend',
] as const;
type Action = (typeof ACTIONS)[number];

const text = (r: Reply[]) => r.map((x) => x.text ?? x.card?.title ?? '').join('\n');

/** The turn of each action; `i` picks a customer spread over all `size` of them. */
function turnOf(action: Action, size: number): (i: number) => Turn {
  const pick = (i: number) => nameOf((i * 7919 + 13) % size);
  switch (action) {
    case 'follow-up':
      return (i) => ({
        employee: 'li.wei@demo.example',
        text: `跟进 ${pick(i)} 电话 压测记录 下次 明天`,
        ok: (r) => text(r).startsWith('已记录'),
      });
    case 'customer show':
      return (i) => ({
        employee: 'li.wei@demo.example',
        text: `客户 ${pick(i)}`,
        ok: (r) => r[0]?.card?.title === pick(i),
      });
    case 'my customers':
      return () => ({
        employee: 'zhang.min@demo.example',
        text: '我的客户',
        ok: (r) => r[0]?.card?.title.startsWith('我的客户') === true,
      });
    case 'due follow-ups':
      return () => ({
        employee: 'zhang.min@demo.example',
        text: '今日跟进',
        ok: (r) => r[0]?.card?.title.startsWith('今日跟进') === true,
      });
    case 'analytics by city':
      return () => ({
        employee: 'li.wei@demo.example',
        text: '客户分析 城市',
        ok: (r) => r[0]?.card?.title === '客户分析 · 按城市',
      });
    case 'follow-up trend':
      // the admin's: the whole company's follow-ups, every bench one among them
      return () => ({
        employee: 'li.wei@demo.example',
        text: '跟进趋势',
        ok: (r) => r[0]?.card?.title === '跟进趋势 · 近 12 周',
      });
  }
}

/** Resolves once the app's name index has customer `i` (it reloads in the background after a seed). */
async function untilIndexed(appUrl: string, i: number): Promise<void> {
  const deadline = Date.now() + 300_000;
  // a part of the name only: answered from the in-memory index, not the name's pointer
  const part = nameOf(i).slice(1);
  while ((await say(appUrl, 'li.wei@demo.example', `客户 ${part}`))[0]?.card?.title !== nameOf(i)) {
    if (Date.now() > deadline) throw new Error(`the app never indexed ${nameOf(i)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/**
 * Every CRM action at each size, in one growing database served by `appUrl` (the demo company
 * and its 60 customers seeded by the app; the bench customers belong to people outside it).
 */
export async function benchCrmGrowth(uri: string, appUrl: string): Promise<{ rows: Row[]; report: string }> {
  const sizes = sizesFrom(process.env.BENCH_CRM_SIZES, '1000,10000,100000');
  const byAction = new Map<string, Row[]>(ACTIONS.map((a) => [a, []]));
  let from = 0;
  for (const size of sizes) {
    const seeded = performance.now();
    await runChild(fileURLToPath(import.meta.url), ['seed', uri, String(from), String(size)]);
    await untilIndexed(appUrl, size - 1);
    await settle();
    from = size;
    console.error(
      `crm bench: ${label(size)} customers ready in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    for (const action of ACTIONS) {
      const row = await sampleTurns(`crm: ${action}, ${label(size)} customers`, appUrl, turnOf(action, size));
      console.error(`crm bench: ${row.name}: p50 ${row.p50} ms`);
      byAction.get(action)?.push(row);
    }
  }
  const span = `${label(sizes[0] ?? 0)} → ${label(sizes[sizes.length - 1] ?? 0)} customers`;
  return { rows: [...byAction.values()].flat(), report: growthReport(`crm growth ${span}`, byAction) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, uri, from, to] = process.argv.slice(2);
  if (what !== 'seed' || !uri) throw new Error('usage: crm.ts seed <uri> <from> <to>');
  await seed(uri, Number(from), Number(to));
}
