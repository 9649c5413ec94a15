import { describe, expect, it } from 'vitest';
import { ProcessedEvent } from '../../../db/models/processed-event.js';
import { useTestApp } from '../../helpers/app.js';
import { cardTriggerEvent, type LarkCall, messageEvent, useLarkStub } from '../../helpers/lark.js';
import { useLarkLongConnection } from '../../helpers/lark-long-connection.js';

// LARK_CONNECTION=ws: the SDK's own WSClient asks the stub's callback/ws/endpoint for a URL,
// connects to the local long-connection end, and events arrive as protobuf frames; the adapter's
// answer (a card for a click) goes back in the response frame.
const TOKEN = 'verification-token-ws';
const env: Record<string, string> = {
  LARK_APP_ID: 'cli_a1b2c3d4e5f60718',
  LARK_APP_SECRET: 'app-secret-ws',
  LARK_VERIFICATION_TOKEN: TOKEN,
  LARK_CONNECTION: 'ws',
};
const stub = useLarkStub(env, { ou_zhang: 'zhang.min@demo.example', ou_bob: 'bob.smith@demo.example' });
const link = useLarkLongConnection(stub);
useTestApp(env);

const sentTo = (chat: string) => (c: LarkCall) => c.method === 'POST' && c.body?.receive_id === chat;
const titleOf = (c: LarkCall | undefined) => JSON.parse(c?.body.content ?? '{}').header?.title.content;

describe('Lark long connection (LARK_CONNECTION=ws)', () => {
  it('asks for the endpoint with the app credentials and connects, pinging', async () => {
    await link.current.connected();
    expect(link.current.endpointAsks[0]).toEqual({ AppID: env.LARK_APP_ID, AppSecret: env.LARK_APP_SECRET });
    expect(link.current.connections).toHaveLength(1);
    expect(link.current.pings[0]?.headers).toEqual({ type: 'ping' });
  });

  it('a message event: answered with code 200 at once, the reply sent through the Open API', async () => {
    const answer = await link.current.push(messageEvent({ token: TOKEN, openId: 'ou_zhang', text: '帮助' }));
    expect(answer).toEqual({ code: 200, data: {} });
    const [reply] = await stub.current.waitFor(sentTo('oc_p2p_ou_zhang'));
    expect(reply?.query).toEqual({ receive_id_type: 'chat_id' });
    expect(titleOf(reply)).toBe('我能帮你做这些');
  });

  it('an event split over several frames is put back together; a redelivered one is handled once', async () => {
    const event = messageEvent({ token: TOKEN, openId: 'ou_bob', text: 'help', eventId: 'evt_ws_split' });
    const events = await ProcessedEvent.countDocuments({});
    expect((await link.current.push(event, 3)).code).toBe(200);
    expect((await link.current.push(event)).code).toBe(200);
    await link.current.push(messageEvent({ token: TOKEN, openId: 'ou_bob', text: 'whoami' }));
    const replies = await stub.current.waitFor(sentTo('oc_p2p_ou_bob'), 2);
    // replies run side by side after the answer: the whoami card (titled with his name) may come first
    expect(replies.map(titleOf).sort()).toEqual(['Bob Smith', 'What I can do']);
    expect(stub.current.calls.filter(sentTo('oc_p2p_ou_bob'))).toHaveLength(2);
    expect(await ProcessedEvent.countDocuments({})).toBe(events + 2);
  });

  it('a card.action.trigger over the connection is answered with the new card in the frame', async () => {
    const click = cardTriggerEvent(TOKEN, 'ou_bob', { actionId: 'help.topic', value: 'org' });
    const answer = await link.current.push(click);
    expect(answer).toMatchObject({ code: 200, data: { card: { type: 'raw' } } });
    expect(
      (answer.data as { card: { data: { header: { title: { content: string } } } } }).card.data.header.title
        .content,
    ).toBe('Me');
  });
});
