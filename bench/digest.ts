// Digest rows for `npm run bench`: the whole morning digest run (`runDigests`, forced) for a
// company of 1k, 5k and 10k employees with realistic data (and a week of digest history), in a
// database of its own grown between the sizes; this morning's deliveries are deleted between runs
// so each one sends everyone's digest again. Per size: wall time, sent/empty, where the time goes
// (timed around the calls runDigests makes on `reminders`), the peak memory over the run, and the
// scheduled run right after (nothing due); then the growth between the smallest and largest size.
// BENCH_DIGEST_SIZES=200,500 tries it small; BENCH_ONLY=digest runs only these rows.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { connectDb, ensureIndexes } from '../db/connect.js';
import { deliveryLog } from '../db/delivery-log.js';
import { ApprovalRequest } from '../db/models/approval-request.js';
import { AttendanceDay } from '../db/models/attendance-day.js';
import { Customer } from '../db/models/customer.js';
import { Delivery } from '../db/models/delivery.js';
import { Employee } from '../db/models/employee.js';
import { Identity } from '../db/models/identity.js';
import { Product } from '../db/models/product.js';
import { SalesOrder } from '../db/models/sales-order.js';
import { StockLevel } from '../db/models/stock-level.js';
import { Ticket } from '../db/models/ticket.js';
import { Warehouse } from '../db/models/warehouse.js';
import { WebConversation } from '../db/models/web-conversation.js';
import { webInboxOf } from '../db/web-inbox.js';
import { newCustomer } from '../flows/crm/service.js';
import { runDigests } from '../flows/digests/api.js';
import { loadRecipients } from '../flows/digests/settings.js';
import { flows } from '../flows/index.js';
import { directoryWrites } from '../flows/org/directory.js';
import { catalogWrites } from '../flows/stock/catalog.js';
import { createDeliveries } from '../src/bot/deliveries.js';
import { digestSectionsOf } from '../src/bot/digest.js';
import type { Reminders } from '../src/bot/flow.js';
import type { MessageRef, Reply } from '../src/bot/types.js';
import type { Row } from './measure.js';

const webInbox = webInboxOf<Reply>();

type Id = mongoose.Types.ObjectId;

/** Wednesday 09:30 in Shanghai (Tuesday 18:30 in Los Angeles): the same morning at every size. */
const NOW = new Date('2026-03-11T01:30:00Z');
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The previous workdays the managers look at: Tuesday (Shanghai), Monday (Los Angeles). */
const ATTENDANCE_DAYS = ['2026-03-09', '2026-03-10'];
const CONFIG = { digestAt: '09:00', quiet: { start: '20:00', end: '08:00' }, approvalReminderHours: 24 };
const DEPARTMENTS = ['Sales', 'Engineering', 'Operations', 'Finance', 'Support', 'Warehouse', 'HR'];
const APPROVAL_TYPES = ['leave', 'expense', 'trip', 'general'] as const;
const BATCH = 2000;
/** Workdays of digest history kept per employee (the app keeps 8 days of deliveries). */
const HISTORY_DAYS = 5;

/** Employee k's id, fixed, so managers are known before they are inserted. */
const idOf = (k: number) => new mongoose.Types.ObjectId(`65f00000${k.toString(16).padStart(16, '0')}`);
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function insertAll(model: mongoose.Model<never>, docs: object[]): Promise<void> {
  for (let i = 0; i < docs.length; i += BATCH) {
    await model.insertMany(docs.slice(i, i + BATCH), { ordered: false });
  }
}

/** Teams of 8: the first leads it (reporting to the lead of team ⌊team / 8⌋), the rest report to them. */
function employee(k: number) {
  const team = Math.floor(k / 8);
  const lead = k === team * 8;
  const boss = lead ? (team === 0 ? null : 8 * Math.floor(team / 8)) : team * 8;
  const la = k % 20 === 7 || k % 20 === 16; // 10%, a fifth of the team leads
  const role = lead ? 'manager' : k % 5 === 1 ? 'sales' : k % 32 === 3 ? 'warehouse' : null;
  return {
    _id: idOf(k),
    name: la ? `Employee ${k}` : `员工${k}`,
    email: `digest-${k}@bench.example`,
    locale: la ? 'en' : 'zh-CN',
    timezone: la ? 'America/Los_Angeles' : 'Asia/Shanghai',
    department: DEPARTMENTS[Math.floor(team / 8) % DEPARTMENTS.length],
    managerId: boss === null || boss === k ? null : idOf(boss),
    roles: role ? ['employee', role] : ['employee'],
    active: true,
  };
}

/** Two workdays of punches: mostly on time, some late, some without check-out, some absent. */
function attendance(k: number, timezone: string): object[] {
  return ATTENDANCE_DAYS.flatMap((date, d): object[] => {
    const r = (k * 37 + d * 11) % 100;
    const at = (hhmm: string) => DateTime.fromISO(`${date}T${hhmm}`, { zone: timezone }).toJSDate();
    const minutes = (m: number) => String(m).padStart(2, '0');
    if (r < 5) return []; // no punch at all, not yet marked absent
    const base = { employeeId: idOf(k), date, checkInNote: '', checkOutNote: '', madeUpBy: [] };
    if (r < 8) return [{ ...base, status: 'absent', checkInAt: null, checkOutAt: null }];
    const late = r < 16;
    const checkInAt = at(late ? `09:${minutes(20 + (k % 30))}` : `08:${minutes(30 + (k % 25))}`);
    const checkOutAt = r >= 16 && r < 21 ? null : at(`18:${minutes(5 + (k % 40))}`);
    return [{ ...base, status: 'present', checkInAt, checkOutAt }];
  });
}

/** The last week's digests (a third had something to say): what "since" and the day's keys read. */
function pastDigests(k: number, timezone: string): object[] {
  const out: object[] = [];
  let day = DateTime.fromJSDate(NOW, { zone: timezone }).startOf('day');
  while (out.length < HISTORY_DAYS) {
    day = day.minus({ days: 1 });
    if (day.weekday > 5) continue;
    const at = day.set({ hour: 9, minute: k % 5 }).toJSDate();
    const status = k % 3 === 0 ? 'sent' : 'empty';
    out.push({
      _id: `digest:${idOf(k)}:${day.toISODate()}`,
      employeeId: idOf(k),
      kind: 'digest',
      status,
      at,
    });
  }
  return out;
}

/** ~14% pending on their manager, ~10% decided in the last day, a third decided weeks ago. */
function approvals(k: number, managerId: Id | null, department: string) {
  if (!managerId) return [];
  const requesterId = idOf(k);
  const request = (n: number, created: Date) => {
    const type = APPROVAL_TYPES[(k + n) % APPROVAL_TYPES.length] as string;
    const data =
      type === 'leave'
        ? { kind: 'annual', from: '2026-03-16', to: '2026-03-17', reason: '家里有事', days: 2 }
        : type === 'expense'
          ? {
              amount: 120 + (k % 900),
              currency: 'CNY',
              category: 'travel',
              reason: '客户拜访',
              receiptUrl: '',
            }
          : type === 'trip'
            ? { destination: '深圳', from: '2026-03-18', to: '2026-03-20', purpose: '客户现场' }
            : { title: '采购显示器', text: '两台 27 寸' };
    return {
      no: `AP-${100_000 + k * 4 + n}`,
      type,
      requesterId,
      department,
      data,
      steps: [{ name: 'manager', mode: 'any', approvers: [{ employeeId: managerId }] }],
      stepIndex: 0,
      cc: [],
      history: [{ at: created, by: requesterId, action: 'submitted', step: 0, comment: '' }],
      version: 0,
      createdAt: created,
    };
  };
  const decided = (n: number, created: Date, at: Date, action: 'approved' | 'rejected') => {
    const doc = request(n, created);
    const slot = { employeeId: managerId, decision: action, at };
    return {
      ...doc,
      status: action,
      steps: [{ ...doc.steps[0], approvers: [slot] }],
      waitingFor: [],
      history: [
        ...doc.history,
        { at, by: managerId, action, step: 0, comment: action === 'rejected' ? '预算不足' : '' },
      ],
      version: 1,
      updatedAt: at,
    };
  };
  const out: object[] = [];
  if (k % 7 === 2) {
    const created = ago((1 + (k % 5)) * DAY_MS + (k % 9) * HOUR_MS);
    out.push({ ...request(0, created), status: 'pending', waitingFor: [managerId], updatedAt: created });
  }
  if (k % 10 === 4) {
    out.push(
      decided(1, ago(2 * DAY_MS), ago((1 + (k % 18)) * HOUR_MS), k % 20 === 14 ? 'rejected' : 'approved'),
    );
  }
  if (k % 3 === 0) {
    const at = ago((20 + (k % 40)) * DAY_MS);
    out.push(decided(2, new Date(at.getTime() - DAY_MS), at, 'approved'));
  }
  return out;
}

/** Two customers per employee: mostly owned by the new salespeople, 10% in the pool. */
function customers(first: number, count: number, sales: Id[]) {
  return Array.from({ length: count }, (_, i) => {
    const c = first + i;
    const owner = c % 10 === 9 || sales.length === 0 ? null : (sales[c % sales.length] as Id);
    const doc = newCustomer(
      { name: `digest customer ${c}`, city: '深圳', industry: '制造', age: 25 + (c % 40) },
      owner,
      owner,
      NOW,
    );
    const bucket = c % 100;
    const nextFollowUpAt =
      bucket < 12
        ? ago((bucket % 6) * DAY_MS - 3 * HOUR_MS) // due today or overdue up to 5 days
        : bucket < 80
          ? new Date(NOW.getTime() + (1 + (c % 30)) * DAY_MS)
          : null;
    const activeAt = bucket >= 90 && bucket < 95 ? ago(28 * DAY_MS) : ago((c % 20) * DAY_MS);
    return { ...doc, _id: new mongoose.Types.ObjectId(), nextFollowUpAt, activeAt, stage: 'contacted' };
  });
}

/**
 * Grows the digest database to `size` employees, with everything a digest reads scaled along,
 * written straight to the collections and then announced to the in-memory directory and
 * catalogue, as the app's own write paths do.
 */
async function growTo(size: number, warehouses: Id[]): Promise<void> {
  const from = await Employee.countDocuments();
  if (from >= size) return;
  const people = Array.from({ length: size - from }, (_, i) => employee(from + i));
  const sales = people.filter((p) => p.roles.includes('sales')).map((p) => p._id);
  const leads = people.filter((p) => p.roles.includes('manager')).map((p) => p._id);
  const custs = customers(from * 2, people.length * 2, sales);
  await insertAll(Employee as never, people);
  await insertAll(
    Identity as never,
    people
      .map((p, i) => ({ k: from + i, p }))
      .filter(({ k }) => k % 10 !== 9)
      .map(({ k, p }) => ({ platform: 'slack', teamId: 'T1', userId: `U${k}`, employeeId: p._id })),
  );
  await insertAll(
    AttendanceDay as never,
    people.flatMap((p, i) => attendance(from + i, p.timezone)),
  );
  await insertAll(
    Delivery as never,
    people.flatMap((p, i) => pastDigests(from + i, p.timezone)),
  );
  await insertAll(
    ApprovalRequest as never,
    people.flatMap((p, i) => approvals(from + i, p.managerId, p.department ?? '')),
  );
  await insertAll(Customer as never, custs);

  // ~20 tickets per 1k employees past the SLA, as many fresh ones, and older resolved ones
  const tickets = people.flatMap((p, i) => {
    const k = from + i;
    const kind = k % 50 === 7 ? 'overdue' : k % 50 === 20 ? 'fresh' : k % 25 === 11 ? 'resolved' : null;
    if (!kind) return [];
    const createdAt =
      kind === 'overdue'
        ? ago((25 + (k % 72)) * HOUR_MS)
        : kind === 'fresh'
          ? ago(2 * HOUR_MS)
          : ago(9 * DAY_MS);
    return [
      {
        no: `TK-${100_000 + k}`,
        customerId: custs[i % custs.length]?._id,
        problem: '设备无法开机',
        openedBy: p._id,
        assigneeId: leads[k % Math.max(1, leads.length)] ?? p.managerId,
        status: kind === 'resolved' ? 'resolved' : k % 3 === 0 ? 'open' : 'taken',
        resolvedAt: kind === 'resolved' ? ago(8 * DAY_MS) : null,
        createdAt,
        updatedAt: createdAt,
      },
    ];
  });
  await insertAll(Ticket as never, tickets);

  // 100 products per 1k employees, a third tracked, 1 in 20 of them at or under the reorder level
  const products = Array.from({ length: Math.round(people.length / 10) }, (_, i) => {
    const p = Math.round(from / 10) + i;
    return {
      _id: new mongoose.Types.ObjectId(),
      sku: `DG-${100_000 + p}`,
      name: `配件 ${p}`,
      nameEn: `Part ${p}`,
      reorderLevel: p % 3 === 0 ? 20 : 0,
      low: p % 60 === 0,
    };
  });
  await insertAll(
    Product as never,
    products.map(({ low: _, ...p }) => p),
  );
  await insertAll(
    StockLevel as never,
    products.flatMap((p) =>
      warehouses.map((warehouseId) => ({ productId: p._id, warehouseId, onHand: p.low ? 5 : 100 })),
    ),
  );

  // 30 orders per 1k employees waiting for production or shipping, 100 further along
  const orders = Array.from({ length: Math.round((people.length * 130) / 1000) }, (_, i) => {
    const o = Math.round((from * 130) / 1000) + i;
    const product = products[i % Math.max(1, products.length)];
    const status = o % 13 < 3 ? (o % 2 ? 'placed' : 'production') : o % 2 ? 'shipped' : 'completed';
    const createdAt = ago((1 + (o % 20)) * DAY_MS);
    const owner = sales[o % Math.max(1, sales.length)] ?? (people[0]?._id as Id);
    return {
      no: `SO-${100_000 + o}`,
      customerName: `digest customer ${o * 2}`,
      ownerId: owner,
      lines: product
        ? [
            {
              productId: product._id,
              sku: product.sku,
              name: product.name,
              nameEn: product.nameEn,
              qty: 1 + (o % 5),
              warehouseId: warehouses[o % warehouses.length],
            },
          ]
        : [],
      status,
      history: [{ at: createdAt, by: owner, action: 'placed', note: '' }],
      createdAt,
      updatedAt: createdAt,
    };
  });
  await insertAll(SalesOrder as never, orders);
  await directoryWrites.employeesSaved(
    people.map((p) => p._id),
    NOW,
  );
  await catalogWrites.manySaved(NOW);
}

/** The delivery engine as the app builds it, notify writing to the web inbox (the real insert). */
function benchReminders(): Reminders {
  const notify = async (employeeId: string, reply: Reply): Promise<MessageRef[]> => {
    const [entry] = await webInbox.append(employeeId, [{ from: 'notice', reply }], new Date());
    return [{ platform: 'web', channelId: employeeId, messageId: String(entry?.id) }];
  };
  const deliveries = createDeliveries({
    log: deliveryLog,
    notify,
    recipients: (ids) => loadRecipients(ids, CONFIG.quiet),
  });
  return { ...deliveries, config: CONFIG };
}

/** A full collection before each run, so the start heap holds no garbage from the seeding. */
function collectGarbage() {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Peak rss and heapUsed over a run, sampled every 50 ms: the rise over the start, and the peak rss (MB). */
function memorySampler() {
  collectGarbage();
  const start = process.memoryUsage();
  let rss = start.rss;
  let heap = start.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 50);
  return () => {
    clearInterval(timer);
    sample();
    const mb = (n: number) => n / 1048576;
    return { rss: mb(rss - start.rss), heap: mb(heap - start.heapUsed), peakRss: mb(rss) };
  };
}

type Phases = { staff: number; recipients: number; cards: number; sending: number };

export type DigestResult = {
  size: number;
  ms: number;
  due: number;
  sent: number;
  empty: number;
  skipped: number;
  phases: Phases;
  mem: { rss: number; heap: number; peakRss: number };
  cardsMb: number;
  largestKb: number;
  /** The scheduled run right after (every 5 minutes in the app), when everyone has had today's. */
  idleMs: number;
};

/**
 * One forced run for everyone. Timed around the calls runDigests makes on `reminders`: staff,
 * schedules and the week's digests (the day's keys, "since") until `recipients`, the recipients'
 * three queries, then (up to the first delivery) every section's batch query and card, then the
 * sending.
 */
async function timedRun(size: number): Promise<DigestResult> {
  const base = benchReminders();
  const marks: Record<string, number> = {};
  const mark = (name: string) => {
    marks[name] ??= performance.now();
  };
  const reminders: Reminders = {
    ...base,
    recipients: async (ids) => {
      mark('recipients');
      const out = await base.recipients(ids);
      mark('recipientsDone');
      return out;
    },
    deliver: (input) => {
      mark('firstDelivery');
      return base.deliver(input);
    },
  };
  const memory = memorySampler();
  const started = performance.now();
  const run = await runDigests({ reminders, sections: digestSectionsOf(flows) }, NOW, { force: true });
  const ended = performance.now();
  const mem = memory();
  const at = (name: string) => marks[name] ?? ended;
  const phases = {
    staff: at('recipients') - started,
    recipients: at('recipientsDone') - at('recipients'),
    cards: at('firstDelivery') - at('recipientsDone'),
    sending: ended - at('firstDelivery'),
  };
  const conversations = await WebConversation.find({}, { entries: 1 }).lean();
  const lengths = conversations.flatMap((c) => c.entries.map((e) => Buffer.byteLength(e.reply)));
  const idleStarted = performance.now();
  const idle = await runDigests({ reminders: base, sections: digestSectionsOf(flows) }, NOW);
  const idleMs = performance.now() - idleStarted;
  if (idle.due !== 0) throw new Error(`digest bench: the repeat run found ${idle.due} due`);
  return {
    size,
    ms: ended - started,
    ...run,
    phases,
    mem,
    cardsMb: lengths.reduce((s, n) => s + n, 0) / 1048576,
    largestKb: Math.max(0, ...lengths) / 1024,
    idleMs,
  };
}

const sizeLabel = (n: number) => (n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n));
const secs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);

function phaseLine(r: DigestResult): string {
  const p = r.phases;
  return (
    `digest ${sizeLabel(r.size)}: staff and week's digests ${secs(p.staff)}, recipients ${secs(p.recipients)}, ` +
    `sections+cards ${secs(p.cards)} ` +
    `(first delivery at ${secs(r.ms - p.sending)}), sending ${secs(p.sending)} ` +
    `(${(p.sending / Math.max(1, r.sent + r.empty)).toFixed(1)} ms each); ` +
    `cards ${r.cardsMb.toFixed(1)} MB, largest ${r.largestKb.toFixed(0)} kB; ` +
    `repeat run (nothing due) ${secs(r.idleMs)}; ` +
    `peak heap +${r.mem.heap.toFixed(0)} MB, rss +${r.mem.rss.toFixed(0)} MB (peak rss ${r.mem.peakRss.toFixed(0)} MB)`
  );
}

/** "digest run: 1k 4.1 s, 5k 21 s, 10k 43 s: ×10.5 time for ×10 employees; peak heap +120 MB at 10k" */
function growthLine(results: DigestResult[]): string {
  const first = results[0];
  const last = results.at(-1);
  if (!first || !last) return '';
  const times = results.map((r) => `${sizeLabel(r.size)} ${secs(r.ms)}`).join(', ');
  const growth = results.length > 1 ? `: ${growthOf(first, last)}` : '';
  return (
    `digest run: ${times}${growth}; peak heap +${last.mem.heap.toFixed(0)} MB, ` +
    `rss +${last.mem.rss.toFixed(0)} MB (peak rss ${last.mem.peakRss.toFixed(0)} MB) at ${sizeLabel(last.size)}`
  );
}

const PHASE_NAMES: Record<keyof Phases, string> = {
  staff: "staff and week's digests",
  recipients: 'recipients',
  cards: 'sections+cards',
  sending: 'sending',
};

/** "×10.5 time for ×10 employees (sending ×9.8, before the first delivery ×11.0; most: …)" */
function growthOf(first: DigestResult, last: DigestResult): string {
  const x = (a: number, b: number) => `×${(b / Math.max(1, a)).toFixed(1)}`;
  const phases = Object.keys(PHASE_NAMES) as (keyof Phases)[];
  const worst = phases.reduce((w, p) =>
    last.phases[p] / Math.max(1, first.phases[p]) > last.phases[w] / Math.max(1, first.phases[w]) ? p : w,
  );
  return (
    `${x(first.ms, last.ms)} time for ×${Number((last.size / first.size).toFixed(1))} employees ` +
    `(sending ${x(first.phases.sending, last.phases.sending)}, before the first delivery ` +
    `${x(first.ms - first.phases.sending, last.ms - last.phases.sending)}; ` +
    `fastest-growing: ${PHASE_NAMES[worst]} ${x(first.phases[worst], last.phases[worst])}; ` +
    `repeat run with nothing due ${x(first.idleMs, last.idleMs)})`
  );
}

export function digestSizes(): number[] {
  const raw = process.env.BENCH_DIGEST_SIZES;
  const sizes = raw ? raw.split(',').map((s) => Number(s.trim())) : [1000, 5000, 10_000];
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`BENCH_DIGEST_SIZES: ${raw}`);
  return sizes.sort((a, b) => a - b);
}

/** Forgets this morning's digests (and the inbox), so the next run sends everyone's again. */
async function clearToday(): Promise<void> {
  await Delivery.deleteMany({ at: NOW });
  await WebConversation.deleteMany({});
}

/** Grows one database through `sizes` employees and runs every digest once at each size. */
async function measureDigests(uri: string, sizes = digestSizes()): Promise<DigestRows> {
  await connectDb(uri, { timeoutMs: 5000 });
  await ensureIndexes();
  const results: DigestResult[] = [];
  try {
    const warehouses = await Warehouse.find({}, { _id: 1 }).lean();
    if (warehouses.length === 0) {
      const created = await Warehouse.insertMany([
        { code: 'SZ', name: '深圳仓', nameEn: 'Shenzhen', order: 0 },
        { code: 'SH', name: '上海仓', nameEn: 'Shanghai', order: 1 },
      ]);
      warehouses.push(...created.map((w) => ({ _id: w._id })));
    }
    for (const size of sizes) {
      const seeded = performance.now();
      await growTo(
        size,
        warehouses.map((w) => w._id),
      );
      await clearToday();
      console.error(
        `digest bench: ${size} employees ready in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
      );
      if (results.length === 0) {
        await timedRun(size); // warm-up (JIT, connection pool, the store's caches), not reported
        await clearToday();
      }
      const result = await timedRun(size);
      await clearToday();
      console.error(phaseLine(result));
      results.push(result);
    }
  } finally {
    await mongoose.disconnect();
  }
  const rows = results.map(
    (r): Row => ({
      name: `digest run, ${sizeLabel(r.size)} employees (${r.sent} sent, ${r.empty} empty), peak heap +${r.mem.heap.toFixed(0)} MB`,
      rps: (r.due * 1000) / r.ms,
      p50: Math.round(r.ms),
      p99: Number.NaN,
      errors: r.due - r.sent - r.empty,
    }),
  );
  return { rows, report: [...results.map(phaseLine), growthLine(results)].join('\n') };
}

type DigestRows = { rows: Row[]; report: string };

/**
 * The digest rows, measured in a process of their own: a clean heap for the memory figures, and
 * a fresh mongoose (reconnecting the runner's after the CRM rows' disconnect fails in model init).
 */
export async function benchDigests(uri: string): Promise<DigestRows> {
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ['--import', 'tsx', script, uri], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((res) => child.once('close', res));
  if (code !== 0) throw new Error(`digest bench exited with ${code}`);
  const result = JSON.parse(out) as DigestRows;
  // JSON has no NaN: the dash in the p99 column comes back as null
  return { ...result, rows: result.rows.map((r) => ({ ...r, p99: r.p99 ?? Number.NaN })) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const uri = process.argv[2];
  if (!uri) throw new Error('usage: digest.ts <mongodb uri of an empty or earlier digest database>');
  process.stdout.write(`${JSON.stringify(await measureDigests(uri))}\n`);
}
