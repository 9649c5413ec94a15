import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type EmbeddedStore, startFerretdb } from '../../db/embedded/start-ferretdb.js';
import { Employee } from '../../db/models/employee.js';
import { ProcessedEvent } from '../../db/models/processed-event.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { type RunningApp, startApp } from '../../src/start-app.js';
import { httpClient } from '../helpers/app.js';
import { testNow } from '../helpers/clock.js';

// This file kills its own store, so it does not use the run's shared one.
const bin = inject('ferretdbBin');
let dataDir: string;
let store: EmbeddedStore;
let app: RunningApp;
let http: ReturnType<typeof httpClient>;

beforeAll(async () => {
  if (!bin) return;
  dataDir = await mkdtemp(join(tmpdir(), 'assistant-outage-'));
  store = await startFerretdb({ bin, dataDir });
  const config = loadConfig({
    MONGODB_URI: `${store.uri}/outage`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DB_TIMEOUT_MS: '800',
  });
  app = await startApp(config, createLogger('silent'), undefined, { now: testNow });
  http = httpClient(app.url);
});

afterAll(async () => {
  await app?.stop();
  await store?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

// skipped only on a run against TEST_MONGODB_URI without Go: there is no FerretDB binary to kill
// or restart (CI always has one; `.ci/run` builds it)
describe.skipIf(!bin)('when the database goes away and comes back', () => {
  it('stays up, asks people to retry, and loses nothing', async () => {
    const say = (text: string, messageId: string) =>
      http.post('/web/api/messages', { employee: 'li.wei@demo.example', text, messageId });
    expect((await say('help', 'before')).json.replies[0].card.title).toBe('What I can do');

    await store.stop();
    expect((await http.get('/readyz')).status).toBe(503);
    const during = await say('help', 'during-outage');
    expect(during).toEqual({
      status: 200,
      json: { replies: [{ text: 'The service is busy — please try again in a moment.' }] },
    });
    const zh = await say('帮助', 'during-outage-zh');
    expect(zh.json.replies[0].text).toBe('系统正忙，请稍后再试。');
    expect((await http.get('/web/api/inbox?employee=li.wei@demo.example')).status).toBe(503);

    store = await startFerretdb({ bin, dataDir, port: store.port });
    expect(await until(async () => (await http.get('/readyz')).status === 200, 20_000)).toBe(true);

    // the message that failed was not recorded as handled, so its retry is answered
    expect((await say('help', 'during-outage')).json.replies[0].card.title).toBe('What I can do');
    expect(await Employee.countDocuments({})).toBe(10);
    expect(await ProcessedEvent.countDocuments({ eventId: 'local:li.wei@demo.example:during-outage' })).toBe(
      1,
    );
  });
});
