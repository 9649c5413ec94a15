import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses to deliver after 5 minutes; a signature older (or newer) than that is a replay. */
const WINDOW_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'stale' | 'mismatch' };

/**
 * Slack's v0 request signature over the raw body, with the replay window checked both ways
 * (python-slack-sdk does; bolt-js only rejects old ones). Pure: the clock is a parameter.
 * @example verifySignature({ signingSecret, timestamp, signature, body, nowSeconds: 1531420618 })
 */
export function verifySignature(input: {
  signingSecret: string;
  timestamp: string | undefined;
  signature: string | undefined;
  body: string;
  nowSeconds: number;
}): SignatureCheck {
  const { timestamp, signature } = input;
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing' };
  if (Math.abs(input.nowSeconds - Number(timestamp)) > WINDOW_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(sign(input.signingSecret, timestamp, input.body));
  const given = Buffer.from(signature);
  // timingSafeEqual throws on unequal lengths; the length itself is not secret
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true };
}

/** `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`; also used by tests and the bench to sign. */
export function sign(signingSecret: string, timestamp: string, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}
