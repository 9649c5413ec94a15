import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { loadConfig } from '../../src/config.js';
import { type RunningApp, startApp } from '../../src/start-app.js';
import { httpClient } from '../helpers/app.js';
import { testNow } from '../helpers/clock.js';
import { ferretdbPid } from '../helpers/store-process.js';
import { until } from '../helpers/until.js';

// This file kills its own embedded store, started by the app as in `npm start` in production
// with the two unsafe settings on, so that their warnings are seen too.
const bin = inject('ferretdbBin');
let dataDir: string;
let app: RunningApp;
let http: ReturnType<typeof httpClient>;
const logs: { msg: string; code?: number | null; signal?: string | null }[] = [];

beforeAll(async () => {
  if (!bin) return;
  dataDir = await mkdtemp(join(tmpdir(), 'assistant-supervised-'));
  const config = loadConfig({
    NODE_ENV: 'production',
    WEB_CHAT: 'on',
    WEB_AUTH: 'demo',
    SEED_DEMO: 'force',
    FERRETDB_BIN: bin,
    DATA_DIR: dataDir,
    PORT: '0',
    SCHEDULER: 'off',
    DB_TIMEOUT_MS: '800',
  });
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) logs.push(JSON.parse(line));
      done();
    },
  });
  app = await startApp(config, pino({ level: 'info', base: undefined }, sink), undefined, { now: testNow });
  http = httpClient(app.url);
});

afterAll(async () => {
  await app?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

const storePid = () => ferretdbPid(bin, dataDir);

const say = (who: string, text: string) =>
  http.post('/web/api/messages', { employee: `${who}@demo.example`, text });
const checkIns = () => AttendanceDay.countDocuments({ checkInAt: { $ne: null } });

// skipped only on a run against TEST_MONGODB_URI without Go: there is no FerretDB binary to kill
// or restart (CI always has one; `.ci/run` builds it)
describe.skipIf(!bin)('the embedded store is supervised', () => {
  it('production logs each unsafe setting loudly at start', () => {
    expect(logs.filter((l) => l.msg.startsWith('UNSAFE SETTING')).map((l) => l.msg)).toEqual([
      'UNSAFE SETTING: WEB_AUTH=demo in production: anyone who reaches /web can act as any employee, the admin too',
      'UNSAFE SETTING: SEED_DEMO=force in production: the demo company and its admin are seeded',
    ]);
  });

  it('killed, it is logged, restarted, ready again within 10 s, with what it had acknowledged', async () => {
    const before = await checkIns();
    expect((await say('zhang.min', '签到')).json.replies[0].card.title).toMatch(/^已签到/);
    expect(await checkIns()).toBe(before + 1);

    process.kill(await storePid(), 'SIGKILL');
    const killedAt = performance.now();
    // ready again after the restart: a /readyz asked right after the kill can still be answered
    // before the store is gone, so wait for the supervisor's word first
    await until(async () => logs.some((l) => l.msg === 'embedded store restarted'), 10_000);
    await until(async () => (await http.get('/readyz')).status === 200, 10_000);
    expect(performance.now() - killedAt).toBeLessThan(10_000);

    const exit = logs.find((l) => l.msg === 'embedded store exited; restarting it');
    expect(exit).toMatchObject({ code: 137 }); // the wrapper reports its child's SIGKILL as 128 + 9

    expect((await say('wang.fang', '签到')).json.replies[0].card.title).toMatch(/^已签到/);
    expect(await checkIns()).toBe(before + 2);
  });
});
