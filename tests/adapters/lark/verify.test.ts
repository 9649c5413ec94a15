import { readFileSync } from 'node:fs';
import { AESCipher } from '@larksuiteoapi/node-sdk';
import { describe, expect, it } from 'vitest';
import { verifyLarkRequest } from '../../../adapters/lark/verify.js';
import { larkEncrypt, larkSignature } from '../../helpers/lark.js';

const vectors = JSON.parse(readFileSync('tests/fixtures/lark/lark_crypto_vectors.json', 'utf8'));
const TOKEN = 'v-token-123';
const KEY = 'enc-key-456';

function signed(body: string, secret: string, algorithm: 'sha256' | 'sha1' = 'sha256') {
  const ts = '1700000000';
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
      { verificationToken: plain.token, encryptKey: v.encrypt_key, kind: 'event' },
    );
    expect(ok).toEqual({ ok: true, payload: plain });
    expect(ok.ok && ok.payload.challenge).toBe(v.sdk_expected_challenge_response.challenge);
    const wrongToken = verifyLarkRequest(
      body,
      {},
      { verificationToken: 'x', encryptKey: v.encrypt_key, kind: 'event' },
    );
    expect(wrongToken).toMatchObject({ ok: false, status: 401 });
  });
});

describe('verifyLarkRequest', () => {
  const event = JSON.stringify({ schema: '2.0', header: { event_id: 'e1', token: TOKEN }, event: {} });

  it('plain mode: the header token must match', () => {
    expect(verifyLarkRequest(event, {}, { verificationToken: TOKEN, kind: 'event' }).ok).toBe(true);
    expect(verifyLarkRequest(event, {}, { verificationToken: 'other', kind: 'event' })).toMatchObject({
      ok: false,
      status: 401,
      reason: 'bad token',
    });
    const v1 = JSON.stringify({ uuid: 'u1', token: TOKEN, event: { type: 'x' } });
    expect(verifyLarkRequest(v1, {}, { verificationToken: TOKEN, kind: 'event' }).ok).toBe(true);
  });

  it('encrypted mode: signature over the raw body, then decryption, then the token', () => {
    const opts = { verificationToken: TOKEN, encryptKey: KEY, kind: 'event' as const };
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
    expect(verifyLarkRequest('nope', {}, { verificationToken: TOKEN, kind: 'event' }).ok).toBe(false);
    const body = JSON.stringify({ encrypt: larkEncrypt(KEY, event) });
    expect(verifyLarkRequest(body, {}, { verificationToken: TOKEN, kind: 'event' })).toMatchObject({
      status: 400,
    });
  });

  it('classic card callbacks: SHA-1 over timestamp + nonce + verification token + body', () => {
    const body = readFileSync('tests/fixtures/lark/lark_card_action_v1_old.json', 'utf8');
    const opts = { verificationToken: TOKEN, kind: 'card' as const };
    expect(verifyLarkRequest(body, signed(body, TOKEN, 'sha1'), opts).ok).toBe(true);
    expect(verifyLarkRequest(body, signed(body, 'wrong', 'sha1'), opts)).toMatchObject({ status: 401 });
    expect(verifyLarkRequest(body, {}, opts)).toMatchObject({ status: 401 });
    // the same body at /events is not a card callback: its `token` is not ours
    expect(verifyLarkRequest(body, {}, { ...opts, kind: 'event' })).toMatchObject({ status: 401 });
  });
});
