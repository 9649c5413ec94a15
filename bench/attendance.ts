// Attendance rows for `npm run bench`: check-ins per second through the web API (every request a
// distinct employee, so each one writes), and the month CSV export for 100 vs 1,000 employees.
import autocannon from 'autocannon';
import { DateTime } from 'luxon';
import { MongoClient, ObjectId } from 'mongodb';
import { announceEmployees } from './directory.js';
import type { Row } from './measure.js';

/** The bench app's admin token (bench/target.ts starts the app with it; loopback only). */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** Inserts `count` active employees of a department straight into the app's database. */
async function seedEmployees(uri: string, prefix: string, department: string, count: number) {
  const client = await new MongoClient(uri).connect();
  try {
    const docs = Array.from({ length: count }, (_, i) => ({
      _id: new ObjectId(),
      name: `${prefix} ${i}`,
      email: `${prefix}-${i}@bench.example`,
      locale: 'en',
      timezone: i % 2 ? 'Asia/Shanghai' : 'America/Los_Angeles',
      department,
      managerId: null,
      roles: ['employee'],
      active: true,
      createdAt: new Date(),
      updatedAt: new Date(),
    }));
    for (let i = 0; i < docs.length; i += 1000) {
      await client
        .db()
        .collection('employees')
        .insertMany(docs.slice(i, i + 1000));
    }
    return { client, docs };
  } catch (err) {
    await client.close();
    throw err;
  }
}

/** `check in` from distinct employees; once they run out requests become "already" (no write). */
export async function benchCheckIns(
  appUrl: string,
  dbUri: string,
  opts: { seconds: number; connections: number; employees?: number },
): Promise<Row & { written: number }> {
  const count = opts.employees ?? 1_000;
  const { client } = await seedEmployees(dbUri, 'ci', 'BenchCheckIn', count);
  await announceEmployees(dbUri, appUrl, `ci-${count - 1}@bench.example`);
  let next = 0;
  const result = await autocannon({
    url: `${appUrl}/web/api/messages`,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify({ employee: `ci-${next++ % count}@bench.example`, text: 'check in' }),
        }),
      },
    ],
  });
  const written = await client.db().collection('attendancerecords').countDocuments({});
  await client.close();
  return {
    name: `attendance "check in" (${written} distinct writes)`,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    written,
  };
}

/** A full last month of punches (workdays Mon–Fri) for the given employees. */
async function seedMonth(client: MongoClient, ids: ObjectId[], month: DateTime) {
  const rows: object[] = [];
  for (let d = month.startOf('month'); d <= month.endOf('month'); d = d.plus({ days: 1 })) {
    if (d.weekday > 5) continue;
    const date = d.toISODate() as string;
    for (const [i, employeeId] of ids.entries()) {
      const start = d.set({ hour: 1, minute: i % 20 });
      rows.push({
        employeeId,
        date,
        status: 'present',
        checkInAt: start.toJSDate(),
        checkOutAt: start.plus({ hours: 9 }).toJSDate(),
        checkInNote: '',
        checkOutNote: '',
        madeUpBy: [],
        leaveRequestId: null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 2000) {
    await client
      .db()
      .collection('attendancerecords')
      .insertMany(rows.slice(i, i + 2000));
  }
}

async function timeCsv(appUrl: string, token: string, month: string, department: string) {
  const started = performance.now();
  const res = await fetch(`${appUrl}/api/reports/attendance?month=${month}&department=${department}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.text();
  return { ms: performance.now() - started, ok: res.ok, lines: body.trim().split('\r\n').length - 1 };
}

/** Month CSV for 100 and 1,000 employees over HTTP, a few runs each; growth should be ~10×. */
export async function benchMonthCsv(
  appUrl: string,
  dbUri: string,
  token: string,
  runs = 3,
): Promise<{ rows: Row[]; report: string }> {
  const month = DateTime.utc().minus({ months: 1 });
  const label = month.toFormat('yyyy-MM');
  const rows: Row[] = [];
  const medians: { n: number; ms: number; lines: number }[] = [];
  for (const n of [100, 1000]) {
    const dept = `Report${n}`;
    const { client, docs } = await seedEmployees(dbUri, `r${n}`, dept, n);
    await seedMonth(
      client,
      docs.map((d) => d._id),
      month,
    );
    await client.close();
    const times = [];
    for (let i = 0; i < runs; i++) times.push(await timeCsv(appUrl, token, label, dept));
    const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    medians.push({ n, ms: median, lines: times[0]?.lines ?? 0 });
    rows.push({
      name: `month CSV, ${n} employees (${times[0]?.lines} rows)`,
      rps: 1000 / median,
      p50: Math.round(median),
      p99: Math.round(sorted.at(-1) ?? 0),
      errors: times.filter((t) => !t.ok).length,
    });
  }
  const [small, big] = medians;
  const report =
    small && big
      ? `month CSV ${label}: ${small.n} employees ${small.ms.toFixed(0)} ms (${small.lines} rows), ` +
        `${big.n} employees ${big.ms.toFixed(0)} ms (${big.lines} rows): ×${(big.ms / small.ms).toFixed(1)} time ` +
        `for ×${big.n / small.n} employees`
      : '';
  return { rows, report };
}
