import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Employee } from '../../../db/models/employee.js';
import { Identity } from '../../../db/models/identity.js';
import { ProcessedEvent } from '../../../db/models/processed-event.js';
import { useTestApp } from '../../helpers/app.js';
import {
  cardTriggerEvent,
  classicCardAction,
  LARK_TENANT,
  type LarkCall,
  messageEvent,
  postLarkEvent,
  useLarkStub,
} from '../../helpers/lark.js';

const TOKEN = 'verification-token-plain';
const env: Record<string, string> = {
  LARK_APP_ID: 'cli_a1b2c3d4e5f60718',
  LARK_APP_SECRET: 'app-secret-plain',
  LARK_VERIFICATION_TOKEN: TOKEN,
};
const stub = useLarkStub(env, {
  ou_zhang: 'zhang.min@demo.example',
  ou_li: 'li.wei@demo.example',
  ou_bob: 'bob.smith@demo.example',
  ou_nobody: 'nobody@demo.example',
});
const app = useTestApp(env);

const post = (path: string, payload: unknown, opts = {}) =>
  postLarkEvent(app.current.url, path, payload, opts);
const say = (openId: string, text: string, extra: Partial<Parameters<typeof messageEvent>[0]> = {}) =>
  post('/lark/events', messageEvent({ token: TOKEN, openId, text, ...extra }));
const cardOf = (call: LarkCall) => JSON.parse(call.body.content);
const sentTo = (id: string) => (c: LarkCall) => c.method === 'POST' && c.body?.receive_id === id;
const bobsDm = sentTo('oc_p2p_ou_bob');
/**
 * Work runs after the ack, so "nothing else happened" is only known once something sent later has
 * been answered: bob asks whoami, and this resolves to the API calls since `from` that were not
 * for his DM (his reply, or looking him up on first sight).
 */
async function callsBeforeSentinel(from: number) {
  await say('ou_bob', 'whoami');
  await stub.current.waitFor(bobsDm, stub.current.calls.slice(0, from).filter(bobsDm).length + 1);
  return stub.current.calls.slice(from).filter((c) => !bobsDm(c) && !c.path.endsWith('/users/ou_bob'));
}

describe('Lark events over HTTP (no encrypt key)', () => {
  it('answers the plain url_verification with the challenge, only with our token', async () => {
    const fixture = JSON.parse(readFileSync('tests/fixtures/lark/lark_url_verification_plain.json', 'utf8'));
    expect(await post('/lark/events', { ...fixture, token: TOKEN })).toEqual({
      status: 200,
      json: { challenge: 'ajls384kdjxxxx' },
    });
    expect((await post('/lark/events', fixture)).status).toBe(401);
  });

  it('answers 帮助 in a DM with an interactive card, binding the account on first sight', async () => {
    const res = await say('ou_zhang', '帮助');
    expect(res).toEqual({ status: 200, json: {} });
    const [call] = await stub.current.waitFor(sentTo('oc_p2p_ou_zhang'));
    expect(call?.query).toEqual({ receive_id_type: 'chat_id' });
    expect(call?.auth).toBe('Bearer t-stub-token');
    expect(call?.body.msg_type).toBe('interactive');
    const card = cardOf(call as LarkCall);
    expect(card.config).toEqual({ wide_screen_mode: true, update_multi: true });
    expect(card.header).toEqual({
      template: 'blue',
      title: { tag: 'plain_text', content: '我能帮你做这些' },
    });
    const buttons = card.elements.find((e: any) => e.tag === 'action').actions;
    expect(buttons).toContainEqual(
      expect.objectContaining({ value: { actionId: 'help.topic', value: 'org', locale: 'zh-CN' } }),
    );

    const zhang = await Employee.findOne({ email: 'zhang.min@demo.example' }).lean();
    const identity = await Identity.findOne({ platform: 'lark', userId: 'ou_zhang' }).lean();
    expect(identity).toMatchObject({ teamId: LARK_TENANT, employeeId: zhang?._id });
    expect(stub.current.lookups().map((c) => [c.path, c.query])).toEqual([
      ['/open-apis/contact/v3/users/ou_zhang', { user_id_type: 'open_id' }],
    ]);

    await say('ou_zhang', 'help');
    const calls = await stub.current.waitFor(sentTo('oc_p2p_ou_zhang'), 2);
    expect(cardOf(calls[1] as LarkCall).header.title.content).toBe('What I can do');
    expect(stub.current.lookups()).toHaveLength(1);
  });

  it('answers a group @mention (text and post), and ignores the group when not mentioned', async () => {
    await say('ou_li', 'help', { chat: 'group', mentionBot: true });
    const [call] = await stub.current.waitFor(sentTo('oc_group_sales'));
    expect(cardOf(call as LarkCall).header.title.content).toBe('What I can do');
    await say('ou_li', '帮助', { chat: 'group', mentionBot: true, messageType: 'post' });
    const both = await stub.current.waitFor(sentTo('oc_group_sales'), 2);
    expect(cardOf(both[1] as LarkCall).header.title.content).toBe('我能帮你做这些');

    const events = await ProcessedEvent.countDocuments({});
    const from = stub.current.calls.length;
    await say('ou_li', 'help', { chat: 'group' });
    await say('ou_li', 'help', { senderType: 'app' });
    expect(await callsBeforeSentinel(from)).toEqual([]);
    expect(await ProcessedEvent.countDocuments({})).toBe(events + 1); // the sentinel's
  });

  it('tells an unknown person how to get bound, binding nothing', async () => {
    const before = await ProcessedEvent.countDocuments({});
    await say('ou_stranger', '帮助');
    await say('ou_nobody', 'help');
    const [zh] = await stub.current.waitFor(sentTo('oc_p2p_ou_stranger'));
    const [en] = await stub.current.waitFor(sentTo('oc_p2p_ou_nobody'));
    expect(zh?.body.msg_type).toBe('text');
    expect(JSON.parse(zh?.body.content).text).toMatch(/^还不认识你/);
    expect(JSON.parse(en?.body.content).text).toMatch(/^I don't know you yet/);
    expect(await Identity.countDocuments({ userId: { $in: ['ou_stranger', 'ou_nobody'] } })).toBe(0);
    expect(await ProcessedEvent.countDocuments({})).toBe(before);
  });

  it('rejects a bad token with 401, processing nothing', async () => {
    const from = stub.current.calls.length;
    const events = await ProcessedEvent.countDocuments({});
    const res = await post(
      '/lark/events',
      messageEvent({ token: 'forged', openId: 'ou_zhang', text: 'help' }),
    );
    expect(res).toEqual({ status: 401, json: { error: 'bad token' } });
    expect((await post('/lark/events', '{"not json')).status).toBe(400);
    expect(await callsBeforeSentinel(from)).toEqual([]);
    expect(await ProcessedEvent.countDocuments({})).toBe(events + 1); // the sentinel's
  });
});

describe('Lark card callbacks', () => {
  it('answers a malformed button value with an error toast, processing nothing', async () => {
    const events = await ProcessedEvent.countDocuments({});
    const calls = stub.current.calls.length;
    const classic = await post('/lark/cards', classicCardAction('ou_zhang', { key: 'value' }), {
      signToken: TOKEN,
    });
    expect(classic.status).toBe(200);
    expect(classic.json.toast).toMatchObject({
      type: 'error',
      content: expect.stringContaining('no longer valid'),
    });
    const v2 = await post('/lark/events', cardTriggerEvent(TOKEN, 'ou_zhang', 'nope'));
    expect(v2.json.toast.type).toBe('error');
    expect(stub.current.calls.length).toBe(calls);
    expect(await ProcessedEvent.countDocuments({})).toBe(events);
  });

  it('rejects an unsigned or badly signed classic callback', async () => {
    const click = classicCardAction('ou_zhang', { actionId: 'help.topic', value: 'org' });
    expect((await post('/lark/cards', click)).status).toBe(401);
    expect((await post('/lark/cards', click, { signToken: 'wrong-token' })).status).toBe(401);
  });

  it('replaces the clicked card in place: classic callback and card.action.trigger', async () => {
    const value = { actionId: 'help.topic', value: 'org' };
    const classic = await post('/lark/cards', classicCardAction('ou_bob', value), { signToken: TOKEN });
    expect(classic.status).toBe(200);
    expect(classic.json.header.title.content).toBe('Me');
    expect(classic.json.elements[0].fields[0].text.content).toMatch(/^\*\*whoami\*\*/);

    const viaEvents = await post('/lark/events', cardTriggerEvent(TOKEN, 'ou_bob', value));
    expect(viaEvents.json).toEqual({ card: { type: 'raw', data: classic.json } });
    const viaCards = await post('/lark/cards', cardTriggerEvent(TOKEN, 'ou_zhang', value));
    expect(viaCards.json.card.data.header.title.content).toBe('个人');

    const stale = await post(
      '/lark/events',
      cardTriggerEvent(TOKEN, 'ou_bob', { actionId: 'nope.x', value: '' }),
    );
    expect(stale.json).toEqual({ toast: { type: 'info', content: 'This button is no longer valid.' } });
    const forged = await post('/lark/events', cardTriggerEvent('forged', 'ou_bob', value));
    expect(forged.status).toBe(401);
  });

  it('handles a retried click once', async () => {
    const click = cardTriggerEvent(TOKEN, 'ou_bob', { actionId: 'help.topic', value: 'help' });
    const first = await post('/lark/events', click);
    const retry = await post('/lark/events', click);
    expect(first.json.card.data.header.title.content).toBe('Help');
    expect(retry.json).toEqual({});
  });

  it('tells an unknown clicker with an error toast', async () => {
    const res = await post(
      '/lark/events',
      cardTriggerEvent(TOKEN, 'ou_stranger', { actionId: 'help.topic', value: 'org' }),
    );
    expect(res.json.toast).toMatchObject({ type: 'error', content: expect.stringMatching(/^还不认识你/) });
  });
});

describe('Lark notifications', () => {
  it('reaches a Lark-bound employee on Lark and in the web inbox', async () => {
    const zhang = await Employee.findOne({ email: 'zhang.min@demo.example' }).lean();
    // no fields: the web inbox cannot store nested arrays on the embedded store (reported to the lead)
    const card = { title: '提醒', fields: [], body: '记得打卡', status: 'warning' as const, actions: [] };
    const refs = await app.current.notify(String(zhang?._id), { card });
    const [call] = await stub.current.waitFor((c) => c.query.receive_id_type === 'open_id');
    expect(call?.body).toMatchObject({ receive_id: 'ou_zhang', msg_type: 'interactive' });
    expect(cardOf(call as LarkCall).header).toEqual({
      template: 'yellow',
      title: { tag: 'plain_text', content: '提醒' },
    });
    expect(refs).toContainEqual({
      platform: 'lark',
      channelId: 'oc_stub_ou_zhang',
      messageId: expect.stringMatching(/^om_stub_/),
      reader: String(zhang?._id),
    });
    expect(refs.map((r) => r.platform).sort()).toEqual(['lark', 'web']);
    const inbox = await app.current.get('/web/api/inbox?employee=zhang.min@demo.example');
    expect(inbox.json.messages.at(-1).reply).toEqual({ card });
  });
});
