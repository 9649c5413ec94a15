import { describe, expect, it } from 'vitest';
import { ProcessedEvent } from '../../../db/models/processed-event.js';
import { useTestApp } from '../../helpers/app.js';
import {
  cardTriggerEvent,
  classicCardAction,
  type LarkCall,
  messageEvent,
  postLarkEvent,
  useLarkStub,
} from '../../helpers/lark.js';

const TOKEN = 'verification-token-enc';
const KEY = 'encrypt-key-for-tests';
const env: Record<string, string> = {
  LARK_APP_ID: 'cli_a1b2c3d4e5f60718',
  LARK_APP_SECRET: 'app-secret-enc',
  LARK_VERIFICATION_TOKEN: TOKEN,
  LARK_ENCRYPT_KEY: KEY,
};
const stub = useLarkStub(env, { ou_alice: 'alice.chen@demo.example' });
const app = useTestApp(env);

const post = (path: string, payload: unknown, opts = {}) =>
  postLarkEvent(app.current.url, path, payload, { encryptKey: KEY, ...opts });
const help = (eventId?: string) => messageEvent({ token: TOKEN, openId: 'ou_alice', text: 'help', eventId });
const alicesDm = (c: LarkCall) => c.body?.receive_id === 'oc_p2p_ou_alice';

describe('Lark events with an Encrypt Key', () => {
  it('answers the encrypted url_verification (sent unsigned, as Lark does)', async () => {
    const challenge = { challenge: 'c-123', token: TOKEN, type: 'url_verification' };
    expect(await post('/lark/events', challenge, { unsigned: true })).toEqual({
      status: 200,
      json: { challenge: 'c-123' },
    });
    expect(await post('/lark/cards', challenge, { unsigned: true })).toEqual({
      status: 200,
      json: { challenge: 'c-123' },
    });
    expect((await post('/lark/events', { ...challenge, token: 'forged' }, { unsigned: true })).status).toBe(
      401,
    );
  });

  it('decrypts a signed message and answers it', async () => {
    expect(await post('/lark/events', help())).toEqual({ status: 200, json: {} });
    const [call] = await stub.current.waitFor((c) => c.body?.receive_id === 'oc_p2p_ou_alice');
    expect(JSON.parse((call as LarkCall).body.content).header.title.content).toBe('What I can do');
  });

  it('rejects a bad signature, an undecryptable body and a plain event, touching nothing', async () => {
    const from = stub.current.calls.length;
    const events = await ProcessedEvent.countDocuments({});
    const badSignature = await post('/lark/events', help('evt_enc_bad_1'), { signature: 'f'.repeat(64) });
    expect(badSignature).toEqual({ status: 401, json: { error: 'bad signature' } });
    const unsigned = await post('/lark/events', help('evt_enc_bad_2'), { unsigned: true });
    expect(unsigned.status).toBe(401);
    const garbage = await post('/lark/events', null, {
      rawBody: JSON.stringify({ encrypt: Buffer.from('x'.repeat(48)).toString('base64') }),
    });
    expect(garbage).toEqual({ status: 400, json: { error: 'cannot decrypt' } });
    const plain = await postLarkEvent(app.current.url, '/lark/events', help('evt_enc_bad_3'));
    expect(plain.status).toBe(401);
    // work runs after the ack: once a good message sent later is answered, it is the only effect
    await post('/lark/events', help('evt_enc_sentinel'));
    await stub.current.waitFor(alicesDm, stub.current.calls.slice(0, from).filter(alicesDm).length + 1);
    expect(stub.current.calls.slice(from).map(alicesDm)).toEqual([true]);
    expect(await ProcessedEvent.countDocuments({})).toBe(events + 1);
  });

  it('handles an encrypted card.action.trigger', async () => {
    const res = await post(
      '/lark/cards',
      cardTriggerEvent(TOKEN, 'ou_alice', { actionId: 'help.topic', value: 'org' }),
    );
    expect(res.json.card.data.header.title.content).toBe('Me');
  });

  it('a classic card callback still comes plain, SHA-1 signed with the token, and is answered', async () => {
    const value = { actionId: 'help.topic', value: 'org' };
    const click = classicCardAction('ou_alice', value);
    const res = await postLarkEvent(app.current.url, '/lark/cards', click, { signToken: TOKEN });
    expect(res.status).toBe(200);
    expect(res.json.header.title.content).toBe('Me');
    // signed with the encrypt key instead, unsigned, or a new-format one sent plain: refused
    const wrongSecret = await postLarkEvent(app.current.url, '/lark/cards', click, { signToken: KEY });
    expect(wrongSecret.status).toBe(401);
    expect((await postLarkEvent(app.current.url, '/lark/cards', click)).status).toBe(401);
    const plainV2 = cardTriggerEvent(TOKEN, 'ou_alice', value);
    expect((await postLarkEvent(app.current.url, '/lark/cards', plainV2, { signToken: TOKEN })).status).toBe(
      401,
    );
  });
});
