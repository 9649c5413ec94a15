import { readFileSync } from 'node:fs';
import { AESCipher } from '@larksuiteoapi/node-sdk';
import { describe, expect, it } from 'vitest';
import { LARK_MAX_EVENT_AGE_MS, verifyLarkRequest } from '../../../adapters/lark/verify.js';
import { EVENT_KEEP_MS } from '../../../db/processed-events.js';
import { larkEncrypt, larkSignature } from '../../helpers/lark.js';

const vectors = JSON.parse(readFileSync('tests/fixtures/lark/lark_crypto_vectors.json', 'utf8'));
const TOKEN = 'v-token-123';
const KEY = 'enc-key-456';
/** The instant the requests below arrive: 30 s after they were stamped. */
const STAMP = 1_700_000_000;
const now = new Date(STAMP * 1000 + 30_000);

function signed(body: string, secret: string, algorithm: 'sha256' | 'sha1' = 'sha256') {
  const ts = String(STAMP);
  const nonce = 'n0nce';
  return {
    'x-lark-request-timestamp': ts,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': larkSignature(algorithm, ts, nonce, secret, body),
  };
}

describe('Lark crypto', () => {
  it('decrypts the documented vector with the SDK cipher, and our encryption round-trips', () => {
    const { encrypt_key, encrypt, plaintext } = vectors.docs_decrypt_vector;
    expect(new AESCipher(encrypt_key).decrypt(encrypt)).toBe(plaintext);
    expect(new AESCipher(KEY).decrypt(larkEncrypt(KEY, '{"a":"中文"}'))).toBe('{"a":"中文"}');
  });

  it('answers the SDK-test encrypted url_verification (no signature headers, token inside)', () => {
    const v = vectors.sdk_encrypted_url_verification;
    const plain = JSON.parse(v.decrypted_plaintext_verified_locally);
    const body = JSON.stringify({
      encrypt: larkEncrypt(v.encrypt_key, v.decrypted_plaintext_verified_locally),
    });
    const ok = verifyLarkRequest(
      body,
      {},
      { verificationToken: plain.token, encryptKey: v.encrypt_key, kind: 'event', now },
    );
    expect(ok).toEqual({ ok: true, payload: plain });
    expect(ok.ok && ok.payload.challenge).toBe(v.sdk_expected_challenge_response.challenge);
    const wrongToken = verifyLarkRequest(
      body,
      {},
      { verificationToken: 'x', encryptKey: v.encrypt_key, kind: 'event', now },
    );
    expect(wrongToken).toMatchObject({ ok: false, status: 401 });
  });
});

describe('verifyLarkRequest', () => {
  const eventAt = (createTime: number) =>
    JSON.stringify({
      schema: '2.0',
      header: { event_id: 'e1', token: TOKEN, create_time: String(createTime) },
      event: {},
    });
  const event = eventAt(STAMP * 1000);

  it('plain mode: the header token must match', () => {
    expect(verifyLarkRequest(event, {}, { verificationToken: TOKEN, kind: 'event', now }).ok).toBe(true);
    expect(verifyLarkRequest(event, {}, { verificationToken: 'other', kind: 'event', now })).toMatchObject({
      ok: false,
      status: 401,
      reason: 'bad token',
    });
    const v1 = JSON.stringify({ uuid: 'u1', token: TOKEN, ts: `${STAMP}.25`, event: { type: 'x' } });
    expect(verifyLarkRequest(v1, {}, { verificationToken: TOKEN, kind: 'event', now }).ok).toBe(true);
  });

  it('encrypted mode: signature over the raw body, then decryption, then the token', () => {
    const opts = { verificationToken: TOKEN, encryptKey: KEY, kind: 'event' as const, now };
    // not compact JSON on purpose: the raw bytes are what is signed
    const body = `{ "encrypt": "${larkEncrypt(KEY, event)}" }`;
    expect(verifyLarkRequest(body, signed(body, KEY), opts)).toMatchObject({
      ok: true,
      payload: JSON.parse(event),
    });
    const tampered = { ...signed(body, KEY), 'x-lark-signature': '0'.repeat(64) };
    expect(verifyLarkRequest(body, tampered, opts)).toMatchObject({ ok: false, status: 401 });
    expect(verifyLarkRequest(body, {}, opts)).toMatchObject({ ok: false, status: 401 });
    const garbage = JSON.stringify({ encrypt: 'bm90IGNpcGhlcnRleHQgYXQgYWxsLCBzb3JyeQ==' });
    expect(verifyLarkRequest(garbage, signed(garbage, KEY), opts)).toMatchObject({ ok: false, status: 400 });
    const wrongKey = JSON.stringify({ encrypt: larkEncrypt('another key', event) });
    expect(verifyLarkRequest(wrongKey, signed(wrongKey, KEY), opts)).toMatchObject({
      ok: false,
      status: 400,
    });
    // a plain event when a key is configured is not what Lark sends
    expect(verifyLarkRequest(event, signed(event, KEY), opts)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses non-JSON and encrypted bodies without a key', () => {
    expect(verifyLarkRequest('nope', {}, { verificationToken: TOKEN, kind: 'event', now }).ok).toBe(false);
    const body = JSON.stringify({ encrypt: larkEncrypt(KEY, event) });
    expect(verifyLarkRequest(body, {}, { verificationToken: TOKEN, kind: 'event', now })).toMatchObject({
      status: 400,
    });
  });

  it('classic card callbacks: SHA-1 over timestamp + nonce + verification token + body', () => {
    const body = readFileSync('tests/fixtures/lark/lark_card_action_v1_old.json', 'utf8');
    const opts = { verificationToken: TOKEN, kind: 'card' as const, now };
    expect(verifyLarkRequest(body, signed(body, TOKEN, 'sha1'), opts).ok).toBe(true);
    expect(verifyLarkRequest(body, signed(body, 'wrong', 'sha1'), opts)).toMatchObject({ status: 401 });
    expect(verifyLarkRequest(body, {}, opts)).toMatchObject({ status: 401 });
    // the same body at /events is not a card callback: its `token` is not ours
    expect(verifyLarkRequest(body, {}, { ...opts, kind: 'event', now })).toMatchObject({ status: 401 });
  });

  it('refuses a replay: a signed request stamped outside five minutes, an event older than Lark retries', () => {
    const opts = { verificationToken: TOKEN, encryptKey: KEY, kind: 'event' as const };
    const body = JSON.stringify({ encrypt: larkEncrypt(KEY, event) });
    const headers = signed(body, KEY);
    const at = (ms: number) =>
      verifyLarkRequest(body, headers, { ...opts, now: new Date(STAMP * 1000 + ms) });
    const stale = { ok: false, status: 401, reason: 'stale or undated request' };
    expect(at(5 * 60_000).ok).toBe(true);
    expect(at(-5 * 60_000).ok).toBe(true);
    expect(at(5 * 60_000 + 1_000)).toEqual(stale);
    expect(at(-5 * 60_000 - 1_000)).toEqual(stale);
    // signed in 2017, carried out today: the same signature, an old timestamp
    const old = '1500000000';
    const replay = { ...headers, 'x-lark-request-timestamp': old };
    replay['x-lark-signature'] = larkSignature('sha256', old, headers['x-lark-request-nonce'], KEY, body);
    expect(verifyLarkRequest(body, replay, { ...opts, now })).toEqual(stale);

    // plain mode has no signature: the event's own creation time dates it
    const plain = { verificationToken: TOKEN, kind: 'event' as const, now };
    const lastRetry = eventAt(now.getTime() - 6 * 3600_000 - 60_000);
    expect(verifyLarkRequest(lastRetry, {}, plain).ok).toBe(true);
    expect(verifyLarkRequest(eventAt(now.getTime() - LARK_MAX_EVENT_AGE_MS - 1), {}, plain)).toEqual(stale);
    expect(verifyLarkRequest(eventAt(Date.parse('2017-06-01T00:00:00Z')), {}, plain)).toEqual(stale);
    expect(verifyLarkRequest(eventAt(now.getTime() + 3600_000), {}, plain)).toEqual(stale);
    const undated = JSON.stringify({ schema: '2.0', header: { event_id: 'e2', token: TOKEN }, event: {} });
    expect(verifyLarkRequest(undated, {}, plain)).toEqual(stale);
    const oldV1 = JSON.stringify({ uuid: 'u2', token: TOKEN, ts: '1500000000.1', event: { type: 'x' } });
    expect(verifyLarkRequest(oldV1, {}, plain)).toEqual(stale);
  });

  it('keeps handled event ids for longer than any accepted event can be old', () => {
    expect(EVENT_KEEP_MS).toBeGreaterThan(LARK_MAX_EVENT_AGE_MS + 5 * 60_000);
  });
});
