import { describe, expect, it } from 'vitest';
import { createLarkAdapter } from '../../../adapters/lark/index.js';
import type { CardAction, Outcome } from '../../../src/bot/types.js';
import { createLogger } from '../../../src/logger.js';
import { testNow } from '../../helpers/clock.js';
import { cardTriggerEvent, classicCardAction, postLarkEvent, startLarkStub } from '../../helpers/lark.js';

const TOKEN = 'verification-token-unit';
const card = { title: 'Decided', fields: [], status: 'approved' as const, actions: [] };

/** The adapter alone, its routes served by hono's `fetch`, its Open API calls going to the stub. */
async function setup(act: (a: CardAction) => Promise<Outcome>) {
  const stub = await startLarkStub();
  const adapter = createLarkAdapter(
    { appId: 'cli_x', appSecret: 's', verificationToken: TOKEN, domain: stub.url, connection: 'webhook' },
    {
      dispatch: async () => ({ kind: 'duplicate' }),
      act,
      log: createLogger('silent'),
      now: testNow,
      clickBudgetMs: 100,
    },
  );
  const { serve } = await import('@hono/node-server');
  const server = serve({ fetch: adapter.routes.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  const close = async () => {
    await adapter.stop();
    await new Promise((r) => server.close(r));
    await stub.close();
  };
  return { stub, adapter, url, close };
}

describe('Lark messenger and slow clicks', () => {
  it('sends by open_id and updates by PATCH with the rendered card', async () => {
    const t = await setup(async () => ({ kind: 'duplicate' }));
    try {
      const target = { platform: 'lark' as const, tenant: 't', userId: 'ou_1', employeeId: 'e1' };
      const ref = await t.adapter.messenger.send(target, { text: 'hello' });
      expect(ref).toEqual({ platform: 'lark', channelId: 'oc_stub_ou_1', messageId: 'om_stub_1' });
      expect(t.stub.creates()[0]?.body).toEqual({
        receive_id: 'ou_1',
        msg_type: 'text',
        content: JSON.stringify({ text: 'hello' }),
      });
      await t.adapter.messenger.update(ref, { card });
      const [patch] = t.stub.patches();
      expect(patch?.path).toBe('/open-apis/im/v1/messages/om_stub_1');
      expect(JSON.parse(patch?.body.content)).toMatchObject({
        config: { update_multi: true },
        header: { template: 'green', title: { content: 'Decided' } },
      });
    } finally {
      await t.close();
    }
  });

  it('past the 3 s budget, acks {} and then updates the clicked card by PATCH (one path only)', async () => {
    const t = await setup(async () => {
      await new Promise((r) => setTimeout(r, 300));
      return { kind: 'replies', replies: [{ card }, { text: 'also this' }] };
    });
    try {
      const value = { actionId: 'x.y', value: '1' };
      const v2 = await postLarkEvent(t.url, '/events', cardTriggerEvent(TOKEN, 'ou_2', value, 'om_clicked'));
      expect(v2).toEqual({ status: 200, json: {} });
      const [patch] = await t.stub.waitFor((c) => c.method === 'PATCH');
      expect(patch?.path).toBe('/open-apis/im/v1/messages/om_clicked');
      const [text] = await t.stub.waitFor((c) => c.body?.msg_type === 'text');
      expect(text?.body.receive_id).toBe('ou_2');
      const classic = await postLarkEvent(t.url, '/cards', classicCardAction('ou_3', value), {
        signToken: TOKEN,
      });
      expect(classic.json).toEqual({});
      await t.stub.waitFor((c) => c.method === 'PATCH', 2);
    } finally {
      await t.close();
    }
  });

  it('a quick click with a card and a text: classic gets the card and the text by message, v2 both at once', async () => {
    const t = await setup(async () => ({ kind: 'replies', replies: [{ card }, { text: 'also this' }] }));
    try {
      const value = { actionId: 'x.y', value: '1' };
      const classic = await postLarkEvent(t.url, '/cards', classicCardAction('ou_4', value), {
        signToken: TOKEN,
      });
      // the classic answer is the bare card; its reply has no room for the text
      expect(classic.json.header.title.content).toBe('Decided');
      expect(classic.json.toast).toBeUndefined();
      const [text] = await t.stub.waitFor((c) => c.body?.msg_type === 'text');
      expect(text?.body).toEqual({ receive_id: 'ou_4', msg_type: 'text', content: '{"text":"also this"}' });

      const v2 = await postLarkEvent(t.url, '/events', cardTriggerEvent(TOKEN, 'ou_5', value));
      expect(v2.json).toEqual({
        toast: { type: 'info', content: 'also this' },
        card: { type: 'raw', data: classic.json },
      });
      expect(t.stub.patches()).toEqual([]);
      expect(t.stub.creates()).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('a quick click answered with text only: a toast on both shapes, nothing sent', async () => {
    const t = await setup(async () => ({ kind: 'replies', replies: [{ text: 'done' }] }));
    try {
      const value = { actionId: 'x.y', value: '2' };
      const classic = await postLarkEvent(t.url, '/cards', classicCardAction('ou_6', value), {
        signToken: TOKEN,
      });
      expect(classic.json).toEqual({ toast: { type: 'info', content: 'done' } });
      const v2 = await postLarkEvent(t.url, '/events', cardTriggerEvent(TOKEN, 'ou_6', value));
      expect(v2.json).toEqual({ toast: { type: 'info', content: 'done' } });
      expect(t.stub.calls.filter((c) => c.method !== 'GET')).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
