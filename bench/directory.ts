// Directory rows for `npm run bench`: "help" and filing an expense (routed to the manager) through
// the web API of a running app while its company grows from 1k to 10k employees
// (BENCH_DIRECTORY_SIZES), with the growth of p50 printed below the table. Before the in-memory
// directory both read the whole employee collection on every turn (10k: help 692 ms, a request
// 5 s). BENCH_ONLY=directory runs only these rows.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import mongoose from 'mongoose';
import { appendChange, RELOAD } from '../db/change-feed.js';
import { connectDb } from '../db/connect.js';
import { Employee } from '../db/models/employee.js';
import type { Row } from './measure.js';

const BATCH = 2000;
const DEPARTMENTS = ['Sales', 'Engineering', 'Operations', 'Support', 'Warehouse'];

export const directorySizes = () =>
  (process.env.BENCH_DIRECTORY_SIZES ?? '1000,10000').split(',').map(Number);

/** Employee k's id, fixed, so managers are known before they are inserted. */
const idOf = (k: number) => new mongoose.Types.ObjectId(`66d00000${k.toString(16).padStart(16, '0')}`);
const emailOf = (k: number) => `dir-${k}@bench.example`;

/** Teams of 8: the first leads it (reporting to the lead of team ⌊team / 8⌋), the rest report to them. */
function employee(k: number) {
  const team = Math.floor(k / 8);
  const lead = k === team * 8;
  const boss = lead ? (team === 0 ? null : 8 * Math.floor(team / 8)) : team * 8;
  return {
    _id: idOf(k),
    name: `员工${k}`,
    email: emailOf(k),
    department: DEPARTMENTS[Math.floor(team / 8) % DEPARTMENTS.length],
    managerId: boss === null || boss === k ? null : idOf(boss),
    roles: lead ? ['employee', 'manager'] : ['employee'],
  };
}

/**
 * Inserts employees `from`..`size` (none for `announce`) and tells the app's directory the way
 * an import does: one `reload` change on the feed. In a process of its own: the runner's
 * mongoose cannot reconnect for the rows after (model init fails on a reopened connection).
 */
async function writeInChild(args: string[]): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), ...args], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((res) => child.once('close', res));
  if (code !== 0) throw new Error(`directory bench ${args[0]} exited with ${code}`);
}

async function insertAndAnnounce(uri: string, from: number, size: number): Promise<void> {
  await connectDb(uri, { timeoutMs: 5000 });
  try {
    for (let k = from; k < size; k += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, size - k) }, (_, i) => employee(k + i));
      await Employee.insertMany(batch, { ordered: false });
    }
    await appendChange('directory', RELOAD, new Date());
  } finally {
    await mongoose.disconnect();
  }
}

/** Resolves once the app answers `newest` (its directory reloaded in the background). */
async function untilKnown(appUrl: string, newest: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while ((await say(appUrl, newest, 'whoami')).status !== 200) {
    if (Date.now() > deadline) throw new Error(`the app never saw ${newest}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Employees written straight to the app's database reach its directory; resolves once `newest` does. */
export async function announceEmployees(uri: string, appUrl: string, newest: string): Promise<void> {
  await writeInChild(['announce', uri]);
  await untilKnown(appUrl, newest);
}

/** Grows the company to `size` straight in the database, then tells the app. */
async function growTo(uri: string, appUrl: string, from: number, size: number): Promise<void> {
  await writeInChild(['seed', uri, String(from), String(size)]);
  await untilKnown(appUrl, emailOf(size - 1));
}

const say = (appUrl: string, employee: string, text: string) =>
  fetch(`${appUrl}/web/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ employee, text }),
  });

/** One row: `text` from people spread over the whole company. */
async function load(name: string, appUrl: string, size: number, text: string, opts: Opts): Promise<Row> {
  let next = 0;
  // anyone but the top (who has no manager), spread over the company
  const member = () => emailOf(1 + ((next++ * 7919) % (size - 1)));
  const options: autocannon.Options = {
    url: `${appUrl}/web/api/messages`,
    connections: opts.connections,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ employee: member(), text }) }),
      },
    ],
  };
  await autocannon({ ...options, duration: 1 });
  const result = await autocannon({ ...options, duration: opts.seconds });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

type Opts = { seconds: number; connections: number };

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Both rows at each size, in one growing database served by `appUrl`. */
export async function benchDirectory(
  uri: string,
  appUrl: string,
  opts: Opts,
): Promise<{ rows: Row[]; report: string }> {
  const sizes = directorySizes();
  const help: Row[] = [];
  const requests: Row[] = [];
  let from = 0;
  for (const size of sizes) {
    await growTo(uri, appUrl, from, size);
    from = size;
    help.push(await load(`directory: "help", ${label(size)} employees`, appUrl, size, 'help', opts));
    requests.push(
      await load(
        `directory: file an expense, ${label(size)} employees`,
        appUrl,
        size,
        '报销 42 交通 地铁',
        opts,
      ),
    );
  }
  const growth = (rows: Row[]) => {
    const [first, last] = [rows[0], rows[rows.length - 1]];
    return first && last ? `p50 × ${(last.p50 / Math.max(1, first.p50)).toFixed(2)}` : '–';
  };
  const span = `${label(sizes[0] ?? 0)} → ${label(sizes[sizes.length - 1] ?? 0)} employees`;
  const report = `directory growth ${span}: "help" ${growth(help)}, filing a request ${growth(requests)}`;
  return { rows: [...help, ...requests], report };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, uri, from, size] = process.argv.slice(2);
  if (!uri || (what !== 'seed' && what !== 'announce'))
    throw new Error('usage: directory.ts seed <uri> <from> <size> | announce <uri>');
  await insertAndAnnounce(uri, Number(from ?? 0), Number(size ?? 0));
}
