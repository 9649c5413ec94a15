import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sign, verifySignature } from '../../../adapters/slack/verify.js';

// Slack's own documented example, copied from ../shared/platforms/slack: secret, timestamp, body, signature.
const dir = new URL('../../fixtures/slack/', import.meta.url);
const vector = JSON.parse(readFileSync(new URL('slack_signing_vector.json', dir), 'utf8'));
const body = readFileSync(new URL(vector.body_file, dir), 'utf8');
const at = Number(vector.x_slack_request_timestamp);
const check = (over: Partial<Parameters<typeof verifySignature>[0]> = {}) =>
  verifySignature({
    signingSecret: vector.signing_secret,
    timestamp: vector.x_slack_request_timestamp,
    signature: vector.expected_x_slack_signature,
    body,
    nowSeconds: at,
    ...over,
  });

describe('verifySignature', () => {
  it("accepts Slack's documented example and signs it the same way", () => {
    expect(sign(vector.signing_secret, vector.x_slack_request_timestamp, body)).toBe(
      vector.expected_x_slack_signature,
    );
    expect(check()).toEqual({ ok: true });
    expect(check({ nowSeconds: at + 300 })).toEqual({ ok: true });
  });

  it('refuses a replay outside the 5-minute window, either way', () => {
    expect(check({ nowSeconds: at + 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(check({ nowSeconds: at - 301 })).toEqual({ ok: false, reason: 'stale' });
  });

  it('refuses a changed body, another secret, and missing or odd headers', () => {
    expect(check({ body: `${body}&x=1` })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signingSecret: 'another-secret' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signature: 'v1=abc' })).toEqual({ ok: false, reason: 'mismatch' });
    expect(check({ signature: undefined })).toEqual({ ok: false, reason: 'missing' });
    expect(check({ timestamp: 'soon' })).toEqual({ ok: false, reason: 'missing' });
  });
});
