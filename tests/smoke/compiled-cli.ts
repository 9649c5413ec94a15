// `npm run smoke:compiled` (after `npm run build`): the compiled JavaScript that the production
// image runs, started as `node dist/src/main.js` on the embedded store in a fresh data folder —
// ready, answers a chat message, serves metrics, stops cleanly on SIGTERM. Exits 1 otherwise.
import { spawn } from 'node:child_process';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENTRY = 'dist/src/main.js';
const DEADLINE_MS = 120_000;

await access(ENTRY).catch(() => {
  console.error(`${ENTRY} is missing: run \`npm run build\` first`);
  process.exit(1);
});
const dataDir = await mkdtemp(join(tmpdir(), 'compiled-smoke-'));
const child = spawn(process.execPath, [ENTRY], {
  env: { ...process.env, NODE_ENV: 'development', PORT: '0', DATA_DIR: dataDir, LOG_FORMAT: 'json' },
  stdio: ['ignore', 'ignore', 'pipe'],
});
const killer = setTimeout(() => fail('no answer within the deadline'), DEADLINE_MS);
let stderr = '';
child.stderr.on('data', (d: Buffer) => {
  stderr += d;
});
const exited = new Promise<number | null>((resolve) => child.once('close', resolve));

function fail(why: string): never {
  console.error(`compiled smoke test failed: ${why}\n${stderr.slice(-2000)}`);
  child.kill('SIGKILL');
  process.exit(1);
}

async function urlLine(): Promise<string> {
  for (;;) {
    const m = stderr.match(/Web chat: (http:\/\/\S+)\/web/);
    if (m?.[1]) return m[1];
    if (child.exitCode !== null) fail(`exited with ${child.exitCode} before listening`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const base = await urlLine();
const ready = await fetch(`${base}/readyz`);
if (ready.status !== 200) fail(`/readyz answered ${ready.status}`);
const chat = await fetch(`${base}/web/api/messages`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ employee: 'li.wei@demo.example', text: '帮助' }),
});
const answer = (await chat.json()) as { replies?: { card?: { title?: string } }[] };
if (answer.replies?.[0]?.card?.title !== '我能帮你做这些')
  fail(`unexpected answer ${JSON.stringify(answer)}`);
const metrics = await (await fetch(`${base}/metrics`)).text();
if (!metrics.includes('route="/web/api/messages"')) fail('the chat request is missing from /metrics');

child.kill('SIGTERM');
const code = await exited;
clearTimeout(killer);
await rm(dataDir, { recursive: true, force: true });
if (code !== 0) fail(`exit code ${code} after SIGTERM`);
console.log(`compiled build ok: ready, answered 帮助, metrics served, stopped cleanly (${base})`);
