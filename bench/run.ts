// `npm run bench`: load on loopback against the web, Slack and Lark endpoints, approval cycles,
// check-ins, stock queries and movements, next to a bare hono endpoint doing one raw driver
// insert — all measured in the same run and reported as ratios. BENCH_SECONDS (default 10) and
// BENCH_CONNECTIONS (default 10) tune it; then the morning digest run for a growing company
// (BENCH_DIGEST_SIZES, default 1000,5000,10000), and "help" and filing a request while the company
// grows (BENCH_DIRECTORY_SIZES, default 1000,10000), the CRM, stock and order actions while
// their collections grow from 1k to 100k (BENCH_CRM_SIZES, BENCH_ERP_SIZES), and the OA chat
// actions while attendance and approvals grow (bench/oa.ts). BENCH_ONLY=digest, directory, crm,
// erp or oa runs only those rows.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFerretdb } from '../db/embedded/build-ferretdb.js';
import { startFerretdb } from '../db/embedded/start-ferretdb.js';
import { loadConfig } from '../src/config.js';
import { loadApprovals } from './approvals.js';
import { BENCH_ADMIN_TOKEN, benchCheckIns, benchMonthCsv } from './attendance.js';
import { benchCrmGrowth, loadFollowUps } from './crm.js';
import { benchDigests } from './digest.js';
import { benchDirectory } from './directory.js';
import { benchErpGrowth } from './erp.js';
import { larkBenchEnv, loadLark, startLarkApiStub } from './lark.js';
import { measure, type Row } from './measure.js';
import { benchOa } from './oa.js';
import { loadSlack } from './slack.js';
import { loadStockMovements } from './stock.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const slackSecret = 'bench-signing-secret-0123456789';
const only = process.env.BENCH_ONLY;
const ONLY = ['digest', 'directory', 'crm', 'erp', 'oa'];
if (only && !ONLY.includes(only)) throw new Error(`BENCH_ONLY=${only}: only ${ONLY.join(', ')} are known`);

async function startTarget(kind: 'app' | 'raw' | 'slack-api', uri = '', env: Record<string, string> = {}) {
  const args = ['--import', 'tsx', 'bench/target.ts', kind, uri, JSON.stringify(env)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((res, rej) => {
    child.stdout?.once('data', (d: Buffer) => res(d.toString().trim()));
    child.once('exit', (code) => rej(new Error(`${kind} target exited with ${code}`)));
  });
  return { url, child };
}

function load(name: string, url: string, body: unknown): Promise<Row> {
  const headers = { 'content-type': 'application/json' };
  return measure(name, { url, method: 'POST', headers, body: JSON.stringify(body), connections }, seconds);
}

/** Rows without per-request latency print a dash. */
const ms = (n: number) => (Number.isFinite(n) ? String(n) : '–');

/** The table; the last column compares with the first row (the raw insert) when there is one. */
function printTable(rows: Row[], base?: number) {
  console.log('| row | req/s | p50 ms | p99 ms | errors | req/s vs raw |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const ratio = base ? (r.rps / base).toFixed(2) : '–';
    console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} | ${ratio} |`);
  }
}

const config = loadConfig();
const bin = config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, console.error));
const dataDir = await mkdtemp(join(tmpdir(), 'assistant-bench-'));
const storeStarted = performance.now();
const store = await startFerretdb({ bin, dataDir });
const storeStartMs = performance.now() - storeStarted;
if (only === 'digest') {
  try {
    const digest = await benchDigests(`${store.uri}/bench_digest`);
    console.log(`\nembedded store start: ${storeStartMs.toFixed(0)} ms; digest rows only\n`);
    printTable(digest.rows);
    console.log(`\n${digest.report}`);
  } finally {
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
/**
 * Rows against an app of their own, on a database that grows under it; no scheduler, so the
 * jobs' first runs at start-up do not land in the first size's rows.
 */
async function growthRows(
  name: string,
  bench: (uri: string, appUrl: string) => Promise<{ rows: Row[]; report: string }>,
) {
  const uri = `${store.uri}/bench_${name}`;
  const app = await startTarget('app', uri, { SCHEDULER: 'off' });
  try {
    return await bench(uri, app.url);
  } finally {
    app.child.kill('SIGTERM');
  }
}
const directoryRows = () =>
  growthRows('directory', (uri, appUrl) => benchDirectory(uri, appUrl, { seconds, connections }));
const crmRows = () => growthRows('crm', benchCrmGrowth);
const erpRows = () => growthRows('erp', benchErpGrowth);
if (only === 'directory' || only === 'crm' || only === 'erp') {
  try {
    const result = await { directory: directoryRows, crm: crmRows, erp: erpRows }[only]();
    console.log(`\nembedded store start: ${storeStartMs.toFixed(0)} ms; ${only} rows only\n`);
    printTable(result.rows);
    console.log(`\n${result.report}`);
  } finally {
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
/**
 * The OA rows against two apps of their own (no scheduler): one on a database that grows, one on
 * a database kept at the smallest size, asked in turn.
 */
async function oaRows() {
  const env = { SCHEDULER: 'off', ADMIN_TOKEN: BENCH_ADMIN_TOKEN };
  const [baseUri, grownUri] = [`${store.uri}/bench_oa_base`, `${store.uri}/bench_oa`];
  const base = await startTarget('app', baseUri, env);
  const grown = await startTarget('app', grownUri, env);
  try {
    return await benchOa(
      { url: base.url, uri: baseUri, token: BENCH_ADMIN_TOKEN },
      { url: grown.url, uri: grownUri, token: BENCH_ADMIN_TOKEN },
    );
  } finally {
    base.child.kill('SIGTERM');
    grown.child.kill('SIGTERM');
  }
}
if (only === 'oa') {
  try {
    const oa = await oaRows();
    console.log(`\nembedded store start: ${storeStartMs.toFixed(0)} ms; OA rows only\n`);
    printTable(oa.rows);
    console.log(`\n${oa.report}`);
  } finally {
    await store.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  process.exit(0);
}
const children: ChildProcess[] = [];
const larkApi = await startLarkApiStub();
try {
  const slackApi = await startTarget('slack-api');
  children.push(slackApi.child);
  const raw = await startTarget('raw', `${store.uri}/bench_raw`);
  const app = await startTarget('app', `${store.uri}/bench_app`, {
    ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
    ...larkBenchEnv(larkApi.url),
    SLACK_SIGNING_SECRET: slackSecret,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: slackApi.url,
  });
  children.push(raw.child, app.child);
  const slackReplies = async () =>
    ((await (await fetch(new URL('/counts', slackApi.url))).json()) as Record<string, number>)[
      'chat.postMessage'
    ] ?? 0;
  /** Waits until the app has stopped posting Slack replies (its acked backlog is done). */
  const settle = async () => {
    for (let last = -1, now = await slackReplies(); now !== last; last = now, now = await slackReplies()) {
      await new Promise((r) => setTimeout(r, 1000));
    }
  };
  const employee = 'li.wei@demo.example';
  const rows = [
    await load('raw hono + driver insertOne', `${raw.url}/insert`, { employee, text: 'help' }),
    await load('web message "help"', `${app.url}/web/api/messages`, { employee, text: 'help' }),
    await load('web message "whoami"', `${app.url}/web/api/messages`, { employee, text: 'whoami' }),
    await load('web message (not understood)', `${app.url}/web/api/messages`, { employee, text: 'xyz abc' }),
    ...(await loadSlack(app.url, slackSecret, { seconds, connections, settle })),
    ...(await loadLark(app.url, larkApi, { seconds, connections })),
    await loadApprovals(app.url, { seconds, connections }),
    await benchCheckIns(app.url, `${store.uri}/bench_app`, { seconds, connections }),
    await load('web message "stock SKU-1001"', `${app.url}/web/api/messages`, {
      employee,
      text: 'stock SKU-1001',
    }),
    await loadStockMovements(app.url, 'one', { seconds, connections }),
    await loadStockMovements(app.url, 'many', { seconds, connections }),
    await loadFollowUps(app.url, { seconds, connections }),
  ];
  const csv = await benchMonthCsv(app.url, `${store.uri}/bench_app`, BENCH_ADMIN_TOKEN);
  rows.push(...csv.rows);
  const directory = await directoryRows();
  rows.push(...directory.rows);
  const crm = await crmRows();
  rows.push(...crm.rows);
  const erp = await erpRows();
  rows.push(...erp.rows);
  const digest = await benchDigests(`${store.uri}/bench_digest`);
  rows.push(...digest.rows);
  const oa = await oaRows();
  rows.push(...oa.rows);
  const base = rows[0]?.rps ?? 1;
  console.log(
    `\nembedded store start: ${storeStartMs.toFixed(0)} ms; ${seconds} s per row, ${connections} connections\n`,
  );
  printTable(rows, base);
  console.log(`\n${csv.report}`);
  console.log(`\n${directory.report}`);
  console.log(`\n${crm.report}\n${erp.report} (growth rows: one turn at a time, req/s = 1 / mean)`);
  console.log(`\n${digest.report} (digest rows: req/s = digests per second, p50 = the whole run)`);
  console.log(`\n${oa.report} (OA rows: one request at a time; the p99 column is their p95)`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await larkApi.close();
  await store.stop();
  await rm(dataDir, { recursive: true, force: true });
}
