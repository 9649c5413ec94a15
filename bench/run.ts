// `npm run bench`: load on loopback against the web message endpoint, next to a bare hono
// endpoint doing one raw driver insert, measured in the same run and reported as ratios.
// BENCH_SECONDS (default 10) and BENCH_CONNECTIONS (default 10) tune it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureFerretdb } from '../db/embedded/build-ferretdb.js';
import { startFerretdb } from '../db/embedded/start-ferretdb.js';
import { loadConfig } from '../src/config.js';
import { measure } from './measure.js';
import { loadSlack } from './slack.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

// the app target turns Slack on against a stub Web API in this process
const slackSecret = 'bench-signing-secret-0123456789';

async function startTarget(
  kind: 'app' | 'raw' | 'slack-api',
  uri = '',
  slackApiUrl = '',
): Promise<{ url: string; child: ChildProcess }> {
  const args = ['--import', 'tsx', 'bench/target.ts', kind, uri, slackApiUrl, slackSecret];
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((res, rej) => {
    child.stdout?.once('data', (d: Buffer) => res(d.toString().trim()));
    child.once('exit', (code) => rej(new Error(`${kind} target exited with ${code}`)));
  });
  return { url, child };
}

function load(name: string, url: string, body: unknown) {
  const headers = { 'content-type': 'application/json' };
  return measure(name, { url, method: 'POST', headers, body: JSON.stringify(body), connections }, seconds);
}

const config = loadConfig();
const bin = config.ferretdbBin ?? (await ensureFerretdb(config.storeCacheDir, console.error));
const dataDir = await mkdtemp(join(tmpdir(), 'assistant-bench-'));
const storeStarted = performance.now();
const store = await startFerretdb({ bin, dataDir });
const storeStartMs = performance.now() - storeStarted;
const children: ChildProcess[] = [];
try {
  const slackApi = await startTarget('slack-api');
  children.push(slackApi.child);
  const raw = await startTarget('raw', `${store.uri}/bench_raw`);
  const app = await startTarget('app', `${store.uri}/bench_app`, slackApi.url);
  const replies = async () =>
    ((await (await fetch(new URL('/counts', slackApi.url))).json()) as Record<string, number>)[
      'chat.postMessage'
    ] ?? 0;
  children.push(raw.child, app.child);
  /** Waits until the app has stopped posting Slack replies (its acked backlog is done). */
  const settle = async () => {
    for (let last = -1, now = await replies(); now !== last; last = now, now = await replies()) {
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
  ];
  const base = rows[0]?.rps ?? 1;
  console.log(
    `\nembedded store start: ${storeStartMs.toFixed(0)} ms; ${seconds} s per row, ${connections} connections\n`,
  );
  console.log('| row | req/s | p50 ms | p99 ms | errors | req/s vs raw |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} | ${(r.rps / base).toFixed(2)} |`,
    );
  }
  // acked Slack work finishes after the load stops; this shows how far replies lagged
  const sentAtEnd = await replies();
  const settled = performance.now();
  await settle();
  console.log(
    `\nSlack replies posted: ${sentAtEnd} when the load stopped, ${await replies()} after the backlog ran out (${((performance.now() - settled) / 1000).toFixed(0)} s)`,
  );
} finally {
  for (const child of children) child.kill('SIGTERM');
  await store.stop();
  await rm(dataDir, { recursive: true, force: true });
}
