// OA rows for `npm run bench`: the chat actions of attendance and approvals while their
// collections grow — check-in and the month view ("考勤") at 1k → 250k attendance records
// (BENCH_OA_ATTENDANCE_SIZES), deciding a request, "待我审批", "我的申请" and "查看审批" at 1k → 100k
// requests (BENCH_OA_APPROVAL_SIZES), the month CSV for 1,000 people at each attendance size —
// each row the p50 of BENCH_OA_SAMPLES (25) requests one at a time (latency, not throughput),
// with the growth from the smallest to the largest size printed below. BENCH_ONLY=oa runs only
// these rows.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import type { Row } from './measure.js';
import {
  CHECK_IN_PEOPLE,
  checkInEmail,
  HISTORY_DEPARTMENT,
  HISTORY_PEOPLE,
  historyEmail,
  leadOf,
  requesterOf,
  seededNo,
} from './oa-seed.js';

const sizes = (name: string, fallback: string) => (process.env[name] ?? fallback).split(',').map(Number);
export const attendanceSizes = () => sizes('BENCH_OA_ATTENDANCE_SIZES', '1000,10000,100000,250000');
export const approvalSizes = () => sizes('BENCH_OA_APPROVAL_SIZES', '1000,10000,100000');
const samples = () => Number(process.env.BENCH_OA_SAMPLES ?? 25);

type Reply = { text?: string; card?: { title: string; fields?: [string, string][] } };

async function seed(args: string[]): Promise<void> {
  const script = fileURLToPath(new URL('./oa-seed.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((res) => child.once('close', res));
  if (code !== 0) throw new Error(`oa seed ${args[0]} exited with ${code}`);
}

async function post(url: string, body: unknown): Promise<Reply[]> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

/** `n` calls one after another (a warm-up first); p50 and p95 of the timed part, failures counted. */
async function sample(
  name: string,
  n: number,
  call: (i: number) => Promise<{ ms: number; ok: boolean }>,
): Promise<Row> {
  await call(-1).catch(() => undefined);
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < n; i++) {
    try {
      const r = await call(i);
      times.push(r.ms);
      if (!r.ok) errors++;
    } catch {
      errors++;
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN);
  const total = times.reduce((s, t) => s + t, 0);
  return { name, rps: times.length ? (1000 * times.length) / total : 0, p50: at(0.5), p99: at(0.95), errors };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Waits until the app's directory knows the bench company (seeded from another process). */
async function untilKnown(appUrl: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  const last = checkInEmail(CHECK_IN_PEOPLE - 1);
  for (;;) {
    const res = await fetch(`${appUrl}/web/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ employee: last, text: 'whoami' }),
    });
    if (res.status === 200) return;
    if (Date.now() > deadline) throw new Error('the app never saw the OA bench company');
    await new Promise((r) => setTimeout(r, 200));
  }
}

type Ctx = { appUrl: string; token: string; n: number };
const say = (ctx: Ctx, employee: string, text: string) =>
  post(`${ctx.appUrl}/web/api/messages`, { employee, text });

/** Each check-in is a different person's first of the day, so every one writes. */
let nextCheckIn = 0;
function checkInRow(ctx: Ctx, size: number): Promise<Row> {
  return sample(`OA: check in, ${label(size)} attendance records`, ctx.n, async () => {
    const who = checkInEmail(nextCheckIn++ % CHECK_IN_PEOPLE);
    const { ms, value } = await time(() => say(ctx, who, 'check in'));
    return { ms, ok: /Checked in|已签到/.test(value[0]?.card?.title ?? '') };
  });
}

function monthViewRow(ctx: Ctx, size: number): Promise<Row> {
  return sample(`OA: "考勤" month view, ${label(size)} records`, ctx.n, async (i) => {
    const { ms, value } = await time(() => say(ctx, historyEmail(1 + ((Math.abs(i) * 37) % 900)), '考勤'));
    return { ms, ok: (value[0]?.card?.fields?.length ?? 0) > 3 };
  });
}

async function csvRow(ctx: Ctx, size: number): Promise<Row> {
  const month = DateTime.utc().minus({ months: 1 }).toFormat('yyyy-MM');
  return sample(`OA: month CSV ${month}, ${HISTORY_PEOPLE} people, ${label(size)} records`, 3, async () => {
    const { ms, value } = await time(async () => {
      const res = await fetch(
        `${ctx.appUrl}/api/reports/attendance?month=${month}&department=${HISTORY_DEPARTMENT}`,
        { headers: { authorization: `Bearer ${ctx.token}` } },
      );
      return { ok: res.ok, lines: (await res.text()).trim().split('\r\n').length - 1 };
    });
    return { ms, ok: value.ok && value.lines >= HISTORY_PEOPLE * 28 };
  });
}

/** Filed by a team member (untimed), approved by their lead with the card button (timed). */
let nextMember = 0;
function decideRow(ctx: Ctx, size: number): Promise<Row> {
  return sample(`OA: decide (approve), ${label(size)} requests`, ctx.n, async () => {
    let k = 1 + (nextMember++ % (HISTORY_PEOPLE - 1));
    if (k % 8 === 0) k++;
    const filed = await say(ctx, historyEmail(k), '报销 42 交通 地铁');
    const no = /AP-\d+/.exec(filed[0]?.card?.title ?? '')?.[0];
    if (!no) throw new Error(`no request number in ${JSON.stringify(filed)}`);
    const { ms, value } = await time(() =>
      post(`${ctx.appUrl}/web/api/actions`, {
        employee: historyEmail(leadOf(k)),
        actionId: 'approvals.approve',
        value: no,
      }),
    );
    return { ms, ok: value[0]?.text?.includes(no) ?? false };
  });
}

function readRow(ctx: Ctx, name: string, who: (i: number) => string, text: (i: number) => string) {
  return sample(name, ctx.n, async (i) => {
    const { ms, value } = await time(() => say(ctx, who(Math.abs(i)), text(Math.abs(i))));
    return { ms, ok: value[0]?.card !== undefined };
  });
}

/** A lead with pending requests, a member with a history of them, one of the seeded numbers. */
const lead = (i: number) => historyEmail(8 * (1 + (i % 100)));
const member = (i: number) => historyEmail(1 + (i % 7) + 8 * (i % 100));

function growth(rows: Row[], families: string[]): string {
  return families
    .map((family) => {
      const mine = rows.filter((r) => r.name.startsWith(`OA: ${family}`));
      const [first, last] = [mine[0], mine.at(-1)];
      return first && last && first !== last
        ? `${family} p50 ×${(last.p50 / Math.max(1, first.p50)).toFixed(2)}`
        : `${family} –`;
    })
    .join('; ');
}

/**
 * Every OA row against one app whose database grows between the sizes: attendance first, then
 * approvals. The app must run without the scheduler (its jobs would land in the rows).
 */
export async function benchOa(
  dbUri: string,
  appUrl: string,
  token: string,
): Promise<{ rows: Row[]; report: string }> {
  const ctx: Ctx = { appUrl, token, n: samples() };
  await seed(['people', dbUri]);
  await untilKnown(appUrl);
  const today = DateTime.now().setZone('Asia/Shanghai').toISODate() as string;
  const rows: Row[] = [];
  let from = 0;
  for (const size of attendanceSizes()) {
    await seed(['attendance', dbUri, String(from), String(size), today]);
    from = size;
    rows.push(await checkInRow(ctx, size), await monthViewRow(ctx, size), await csvRow(ctx, size));
  }
  from = 0;
  const now = new Date().toISOString();
  for (const size of approvalSizes()) {
    await seed(['approvals', dbUri, String(from), String(size), now]);
    from = size;
    rows.push(
      await decideRow(ctx, size),
      await readRow(ctx, `OA: "待我审批" pending list, ${label(size)} requests`, lead, () => '待我审批'),
      await readRow(ctx, `OA: "我的申请" my requests, ${label(size)} requests`, member, () => '我的申请'),
      await readRow(
        ctx,
        `OA: "查看审批" one request, ${label(size)} requests`,
        (i) => historyEmail(requesterOf(i * 7)),
        (i) => `查看审批 ${seededNo(i * 7)}`,
      ),
    );
  }
  const report = `OA growth (smallest → largest size, p50): ${growth(rows, [
    'check in',
    '"考勤"',
    'month CSV',
    'decide',
    '"待我审批"',
    '"我的申请"',
    '"查看审批"',
  ])}`;
  return { rows, report };
}
