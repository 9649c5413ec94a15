import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseFerretdb } from '../../db/embedded/supervise-ferretdb.js';
import { until } from '../helpers/until.js';

// A stand-in for a store that cannot stay up: it listens on the port it is given, notes its
// start, then exits with an error a moment later — every time.
const CRASHING_STORE = `#!/usr/bin/env node
const { createServer } = require('node:net');
const { appendFileSync } = require('node:fs');
const port = Number(process.argv.find((a) => a.startsWith('--listen-addr=')).split(':').pop());
appendFileSync(STARTS_FILE, 'start\\n');
createServer().listen(port, '127.0.0.1', () => setTimeout(() => process.exit(3), 150));
`;

let dir: string;
let bin: string;
const starts = () =>
  readFile(join(dir, 'starts'), 'utf8').then(
    (s) => s.split('\n').filter(Boolean).length,
    () => 0,
  );

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'crashing-store-'));
  bin = join(dir, 'crashing-store.cjs');
  // the starts file is named in the script itself: the supervisor passes no environment of ours
  await writeFile(bin, CRASHING_STORE.replace('STARTS_FILE', JSON.stringify(join(dir, 'starts'))));
  await chmod(bin, 0o755);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the store supervisor', () => {
  it('gives up after a run of quick crashes, says so once, and starts nothing more', async () => {
    const logs: { level: number; msg: string; restarts?: number }[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
        done();
      },
    });
    const store = await superviseFerretdb({
      bin,
      dataDir: join(dir, 'data'),
      log: pino({ level: 'info', base: undefined }, sink),
      backoffMs: [20, 40],
      maxQuickRestarts: 3,
    });
    const gaveUp = await until(() => logs.find((l) => l.msg.startsWith('embedded store gave up')), 20_000);
    expect(gaveUp).toMatchObject({ level: 60, restarts: 3 });
    expect(logs.filter((l) => l.msg === 'embedded store restarted')).toHaveLength(3);
    expect(await starts()).toBe(4); // the first start and three restarts
    await new Promise((r) => setTimeout(r, 500));
    expect(await starts()).toBe(4);
    await store.stop();
  });
});
