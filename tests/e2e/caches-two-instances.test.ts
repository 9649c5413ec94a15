import { afterAll, describe, expect, it } from 'vitest';
import { REFRESH_EVERY_MS } from '../../db/synced-cache.js';
import type { Reply } from '../../src/bot/types.js';
import { ADMIN_TOKEN, httpClient } from '../helpers/app.js';
import { testDbUri } from '../helpers/db.js';
import { start, waitFor } from '../helpers/process.js';
import { until } from '../helpers/slack.js';

const apps: ReturnType<typeof start>[] = [];
afterAll(async () => {
  for (const app of apps) app.child.kill('SIGTERM');
  await Promise.all(apps.map((a) => a.exited));
});

async function instance(seed: 'on' | 'off', uri: string) {
  const app = start({ MONGODB_URI: uri, PORT: '0', ADMIN_TOKEN, SEED_DEMO: seed, SCHEDULER: 'off' });
  apps.push(app);
  const [, url] = await waitFor(() => app.out.stderr, /Web chat: (http:\/\/\S+)\/web/, app.exited);
  return httpClient(url as string);
}

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
/** REFRESH_EVERY_MS is the documented bound; the rest is a reload's and a loaded machine's share. */
const BOUND_MS = REFRESH_EVERY_MS * 3;
const firstLine = (replies: Reply[]) => replies.map((r) => ('text' in r ? r.text : r.card.title)).join('\n');

describe('two app instances on one database', () => {
  it('agree on people, products and request types within the documented bound', async () => {
    const uri = testDbUri();
    const a = await instance('on', uri);
    const b = await instance('off', uri);
    /** What B answers, as text; an unknown person gets a 404 with an error. */
    const ask = async (email: string, text: string) => {
      const res = await b.post('/web/api/messages', { employee: email, text });
      return res.status === 200 ? firstLine(res.json.replies) : `${res.status} ${res.json.error}`;
    };

    // someone new, and a product, written through instance A
    expect(
      (
        await a.post(
          '/api/employees',
          { name: 'Newcomer', email: 'newcomer@demo.example', roles: ['employee', 'warehouse'] },
          auth,
        )
      ).status,
    ).toBe(201);
    const csv = 'sku,name,name_en\nSKU-7007,新品,New thing';
    expect((await a.post('/api/import/products', csv, auth)).json).toEqual({
      ok: true,
      created: 1,
      updated: 0,
    });

    // instance B, never told directly, knows both within the bound (a refresh, and a reload
    // for the import): the newcomer is answered, and the product is found
    await until(async () => /SKU-7007/.test(await ask('newcomer@demo.example', 'stock SKU-7007')), BOUND_MS);

    // a deactivation on A: B stops answering them as staff within the bound
    await a.post('/api/employees/newcomer@demo.example/deactivate', {}, auth);
    await until(async () => !/SKU-7007/.test(await ask('newcomer@demo.example', 'stock SKU-7007')), BOUND_MS);

    // a request type uploaded through A: B files one by its keyword within the bound
    const carUse = {
      type: 'car-use',
      label: { 'zh-CN': '用车申请', en: 'Car use' },
      keywords: { 'zh-CN': ['用车'], en: ['car use'] },
      fields: [{ name: 'to', label: { 'zh-CN': '目的地', en: 'To' }, kind: 'text' }],
      route: [{ name: 'manager', label: { 'zh-CN': '直属上级', en: 'manager' }, approvers: ['manager'] }],
    };
    expect((await a.post('/api/approvals/types', carUse, auth)).status).toBe(201);
    await until(async () => /^用车申请 AP-/.test(await ask('zhang.min@demo.example', '用车 机场')), BOUND_MS);
    // two processes starting on a machine shared with other work take most of the time
  }, 60_000);
});
