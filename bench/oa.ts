// OA rows for `npm run bench`: the chat actions of attendance and approvals while their
// collections grow — check-in and the month view ("考勤") at 1k → 250k attendance records
// (BENCH_OA_ATTENDANCE_SIZES), deciding a request, "待我审批", "我的申请" and "查看审批" at 1k → 100k
// requests (BENCH_OA_APPROVAL_SIZES), the month CSV for 1,000 people at each attendance size —
// each row the p50 of BENCH_OA_SAMPLES (25) requests one at a time (latency, not throughput).
// Two apps answer: one whose database grows, one kept small (62k attendance records — two months,
// so its month report is as full as the grown one's — and the smallest number of requests),
// asked in turn, so the growth printed below compares the two under the same load (the machine
// is shared) as well as the growing app's first and last sizes. BENCH_ONLY=oa runs only these
// rows.
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

/** Sizes from the environment; an empty list skips those rows. */
const sizes = (name: string, fallback: string) =>
  (process.env[name] ?? fallback).split(',').filter(Boolean).map(Number);
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

/**
 * After loading, the store is still flushing what it wrote (point reads ran 2.5× slower in the
 * first seconds after 100k inserts): the rows measure it settled, as a company's store is.
 */
const SETTLE_MS = 15_000;
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));

async function post(url: string, body: unknown): Promise<Reply[]> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return ((await res.json()) as { replies: Reply[] }).replies;
}

/**
 * Attendance records of the baseline app: the last two months in full (every history person,
 * every day back from yesterday), so its month report has the whole of last month, as the growing
 * app's has from 62k records on.
 */
const BASE_ATTENDANCE = 62 * HISTORY_PEOPLE;

/** An app under test and its database. */
export type OaApp = { url: string; uri: string; token: string };
type Probe = (app: OaApp, i: number) => Promise<{ ms: number; ok: boolean }>;

const p50 = (times: number[]) => times.toSorted((a, b) => a - b)[Math.floor(times.length / 2)] ?? Number.NaN;

/**
 * `n` calls to each app, one at a time and in turn (a warm-up first): the growing app's p50 and
 * p95 (the p99 column), its failures, and how its p50 compares with the baseline app's.
 */
async function paired(
  name: string,
  n: number,
  probe: Probe,
  base: OaApp,
  grown: OaApp,
): Promise<Row & { paired: number }> {
  for (const app of [base, grown]) await probe(app, -1).catch(() => undefined);
  const times = new Map<OaApp, number[]>([
    [base, []],
    [grown, []],
  ]);
  let errors = 0;
  for (let i = 0; i < n; i++) {
    for (const app of i % 2 ? [base, grown] : [grown, base]) {
      try {
        const r = await probe(app, i);
        times.get(app)?.push(r.ms);
        if (!r.ok && app === grown) errors++;
      } catch {
        if (app === grown) errors++;
      }
    }
  }
  const mine = (times.get(grown) ?? []).toSorted((a, b) => a - b);
  const at = (q: number) =>
    Math.round(mine[Math.min(mine.length - 1, Math.floor(q * mine.length))] ?? Number.NaN);
  const total = mine.reduce((sum, t) => sum + t, 0);
  return {
    name,
    rps: mine.length ? (1000 * mine.length) / total : 0,
    p50: at(0.5),
    p99: at(0.95),
    errors,
    paired: p50(mine) / p50(times.get(base) ?? []),
  };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Waits until an app's directory knows the bench company (seeded from another process). */
async function untilKnown(app: OaApp): Promise<void> {
  const deadline = Date.now() + 120_000;
  const last = checkInEmail(CHECK_IN_PEOPLE - 1);
  for (;;) {
    const res = await fetch(`${app.url}/web/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ employee: last, text: 'whoami' }),
    });
    if (res.status === 200) return;
    if (Date.now() > deadline) throw new Error('the app never saw the OA bench company');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const say = (app: OaApp, employee: string, text: string) =>
  post(`${app.url}/web/api/messages`, { employee, text });

/** Per app, so each app's check-ins and requests come from its own next person. */
const counters = new Map<string, number>();
const next = (app: OaApp, what: string) => {
  const key = `${app.url}|${what}`;
  const n = counters.get(key) ?? 0;
  counters.set(key, n + 1);
  return n;
};

/** Each check-in is a different person's first of the day, so every one writes. */
const checkIn: Probe = async (app) => {
  const who = checkInEmail(next(app, 'check-in') % CHECK_IN_PEOPLE);
  const { ms, value } = await time(() => say(app, who, 'check in'));
  return { ms, ok: /Checked in|已签到/.test(value[0]?.card?.title ?? '') };
};

const monthView: Probe = async (app, i) => {
  const { ms, value } = await time(() => say(app, historyEmail(1 + ((Math.abs(i) * 37) % 900)), '考勤'));
  return { ms, ok: (value[0]?.card?.fields?.length ?? 0) > 3 };
};

const csvMonth = () => DateTime.utc().minus({ months: 1 }).toFormat('yyyy-MM');
const monthCsv: Probe = async (app) => {
  const { ms, value } = await time(async () => {
    const res = await fetch(
      `${app.url}/api/reports/attendance?month=${csvMonth()}&department=${HISTORY_DEPARTMENT}`,
      { headers: { authorization: `Bearer ${app.token}` } },
    );
    return { ok: res.ok, lines: (await res.text()).trim().split('\r\n').length - 1 };
  });
  return { ms, ok: value.ok && value.lines >= HISTORY_PEOPLE * 28 };
};

/** Filed by a team member (untimed), approved by their lead with the card button (timed). */
const decide: Probe = async (app) => {
  let k = 1 + (next(app, 'member') % (HISTORY_PEOPLE - 1));
  if (k % 8 === 0) k++;
  const filed = await say(app, historyEmail(k), '报销 42 交通 地铁');
  const no = /AP-\d+/.exec(filed[0]?.card?.title ?? '')?.[0];
  if (!no) throw new Error(`no request number in ${JSON.stringify(filed)}`);
  const { ms, value } = await time(() =>
    post(`${app.url}/web/api/actions`, {
      employee: historyEmail(leadOf(k)),
      actionId: 'approvals.approve',
      value: no,
    }),
  );
  return { ms, ok: value[0]?.text?.includes(no) ?? false };
};

const read =
  (who: (i: number) => string, text: (i: number) => string): Probe =>
  async (app, i) => {
    const { ms, value } = await time(() => say(app, who(Math.abs(i)), text(Math.abs(i))));
    return { ms, ok: value[0]?.card !== undefined };
  };
/** A lead with pending requests, a member with a history of them, one of the seeded numbers. */
const pendingList = read(
  (i) => historyEmail(8 * (1 + (i % 100))),
  () => '待我审批',
);
const myRequests = read(
  (i) => historyEmail(1 + (i % 7) + 8 * (i % 100)),
  () => '我的申请',
);
const showRequest = read(
  (i) => historyEmail(requesterOf(i * 7)),
  (i) => `查看审批 ${seededNo(i * 7)}`,
);

function growth(rows: (Row & { paired: number })[], families: string[]): string {
  return families
    .map((family) => {
      const mine = rows.filter((r) => r.name.startsWith(`OA: ${family}`));
      const [first, last] = [mine[0], mine.at(-1)];
      if (!first || !last || first === last) return `${family} –`;
      return `${family} ×${(last.p50 / Math.max(1, first.p50)).toFixed(2)} (alongside ×${last.paired.toFixed(2)})`;
    })
    .join('; ');
}

/**
 * Every OA row: `grown`'s database grows between the sizes (attendance, then approvals), `base`
 * stays small. Both apps run without the scheduler (its jobs would land in the rows).
 */
export async function benchOa(base: OaApp, grown: OaApp): Promise<{ rows: Row[]; report: string }> {
  const n = samples();
  const today = DateTime.now().setZone('Asia/Shanghai').toISODate() as string;
  const now = new Date().toISOString();
  const [firstApprovals = 0] = approvalSizes();
  await seed(['people', base.uri]);
  await seed(['attendance', base.uri, '0', String(BASE_ATTENDANCE), today]);
  await seed(['approvals', base.uri, '0', String(firstApprovals), now]);
  await seed(['people', grown.uri]);
  await Promise.all([untilKnown(base), untilKnown(grown)]);
  const rows: (Row & { paired: number })[] = [];
  const row = (name: string, probe: Probe, times = n) => paired(name, times, probe, base, grown);
  let from = 0;
  for (const size of attendanceSizes()) {
    await seed(['attendance', grown.uri, String(from), String(size), today]);
    from = size;
    await settle();
    rows.push(
      await row(`OA: check in, ${label(size)} attendance records`, checkIn),
      await row(`OA: "考勤" month view, ${label(size)} records`, monthView),
      await row(`OA: month CSV ${csvMonth()}, ${HISTORY_PEOPLE} people, ${label(size)} records`, monthCsv, 3),
    );
  }
  from = 0;
  for (const size of approvalSizes()) {
    await seed(['approvals', grown.uri, String(from), String(size), now]);
    from = size;
    await settle();
    rows.push(
      await row(`OA: decide (approve), ${label(size)} requests`, decide),
      await row(`OA: "待我审批" pending list, ${label(size)} requests`, pendingList),
      await row(`OA: "我的申请" my requests, ${label(size)} requests`, myRequests),
      await row(`OA: "查看审批" one request, ${label(size)} requests`, showRequest),
    );
  }
  const report = `OA growth, smallest → largest size, p50 (and against the app kept small, asked in turn): ${growth(
    rows,
    ['check in', '"考勤"', 'month CSV', 'decide', '"待我审批"', '"我的申请"', '"查看审批"'],
  )}`;
  return { rows, report };
}
