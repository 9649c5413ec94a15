// `npm run bench`: load on loopback against the web message and Lark event endpoints and approval
// cycles, next to a bare hono endpoint doing one raw driver insert, measured in the same run and
// reported as ratios.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ensureFerretdb } from '../db/embedded/build-ferretdb.js';
import { startFerretdb } from '../db/embedded/start-ferretdb.js';
import { loadConfig } from '../src/config.js';
import { loadApprovals } from './approvals.js';
import { benchAnalytics, growthNote, loadFollowUps } from './crm.js';
import { loadLark, type Row, startLarkApiStub } from './lark.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

async function startTarget(
  kind: 'app' | 'raw',
  uri: string,
  larkApiUrl?: string,
): Promise<{ url: string; child: ChildProcess }> {
  const args = ['--import', 'tsx', 'bench/target.ts', kind, uri, ...(larkApiUrl ? [larkApiUrl] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((res, rej) => {
    child.stdout?.once('data', (d: Buffer) => res(d.toString().trim()));
    child.once('exit', (code) => rej(new Error(`${kind} target exited with ${code}`)));
  });
  return { url, child };
}

/** The reply-rate row has no per-request latency. */
const ms = (n: number) => (Number.isFinite(n) ? String(n) : '–');

async function load(name: string, url: string, body: unknown): Promise<Row> {
  const options = {
    url,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    connections,
  };
  await autocannon({ ...options, duration: 1 }); // warm-up: JIT, connection pools
  const result = await autocannon({ ...options, duration: seconds });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

const config = loadConfig();
const bin = config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, console.error));
const dataDir = await mkdtemp(join(tmpdir(), 'assistant-bench-'));
const storeStarted = performance.now();
const store = await startFerretdb({ bin, dataDir });
const storeStartMs = performance.now() - storeStarted;
const children: ChildProcess[] = [];
const larkApi = await startLarkApiStub();
try {
  const raw = await startTarget('raw', `${store.uri}/bench_raw`);
  const app = await startTarget('app', `${store.uri}/bench_app`, larkApi.url);
  children.push(raw.child, app.child);
  const employee = 'li.wei@demo.example';
  const rows = [
    await load('raw hono + driver insertOne', `${raw.url}/insert`, { employee, text: 'help' }),
    await load('web message "help"', `${app.url}/web/api/messages`, { employee, text: 'help' }),
    await load('web message "whoami"', `${app.url}/web/api/messages`, { employee, text: 'whoami' }),
    await load('web message (not understood)', `${app.url}/web/api/messages`, { employee, text: 'xyz abc' }),
    ...(await loadLark(app.url, larkApi, { seconds, connections })),
    await loadApprovals(app.url, { seconds, connections }),
    await loadFollowUps(app.url, { seconds, connections }),
    ...(await benchAnalytics(`${store.uri}/bench_crm`)),
  ];
  const base = rows[0]?.rps ?? 1;
  console.log(
    `\nembedded store start: ${storeStartMs.toFixed(0)} ms; ${seconds} s per row, ${connections} connections\n`,
  );
  console.log('| row | req/s | p50 ms | p99 ms | errors | req/s vs raw |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${ms(r.p50)} | ${ms(r.p99)} | ${r.errors} | ${(r.rps / base).toFixed(2)} |`,
    );
  }
  console.log(`\n${growthNote(rows)} (analytics rows: req/s = breakdowns per second, one at a time)`);
} finally {
  for (const child of children) child.kill('SIGTERM');
  await larkApi.close();
  await store.stop();
  await rm(dataDir, { recursive: true, force: true });
}
