import { createHash, timingSafeEqual } from 'node:crypto';
import { AESCipher } from '@larksuiteoapi/node-sdk';

export type VerifyOptions = {
  verificationToken: string;
  encryptKey?: string;
  /** `card`: the classic card callback (never encrypted, SHA-1 signed with the verification token). */
  kind: 'event' | 'card';
  /** The receiving instant, for the replay window. */
  now: Date;
};

/**
 * Replay window of a signed request's X-Lark-Request-Timestamp, either way (Slack's five minutes:
 * Lark documents none). The signature covers the timestamp, so a captured request cannot be
 * restamped.
 */
export const LARK_WINDOW_MS = 5 * 60 * 1000;
/**
 * Oldest event accepted by its own creation time: Lark pushes a failed delivery again after 15 s,
 * 5 min, 1 h and 6 h, so the last retry is a little over 6 h old. Handled event ids are kept
 * longer than this (db/processed-events.ts EVENT_KEEP_MS), so every accepted replay is a duplicate.
 */
export const LARK_MAX_EVENT_AGE_MS = 7 * 60 * 60 * 1000;

export type Verified =
  | { ok: true; payload: Record<string, unknown> }
  | { ok: false; status: 400 | 401; reason: string };

/**
 * Checks one Lark request on its raw bytes and returns the decrypted payload. We verify here
 * rather than in the SDK because the SDK re-serializes the parsed body before hashing (a
 * non-compact body would fail) and never compares the verification token of an event.
 * Rules (LARK_CRYPTO_AND_SIGNATURE.md): with an encrypt key, a signed request must carry
 * sha256(timestamp + nonce + key + body); only url_verification may come unsigned. The token
 * inside the payload must match in every case but the classic card callback, whose `token` is
 * the card-update credential; that one is SHA-1 signed with the verification token instead.
 * @example verifyLarkRequest(raw, headers, { verificationToken, kind: 'event' })
 */
export function verifyLarkRequest(
  rawBody: string,
  headers: Record<string, string | undefined>,
  opts: VerifyOptions,
): Verified {
  const outer = parseObject(rawBody);
  if (!outer) return { ok: false, status: 400, reason: 'body is not a JSON object' };
  const signed = headers['x-lark-signature'] !== undefined;
  const encrypted = typeof outer.encrypt === 'string';

  if (encrypted && !opts.encryptKey) return { ok: false, status: 400, reason: 'encrypted, no key set' };
  if (
    opts.encryptKey &&
    signed &&
    encrypted &&
    !signatureMatches('sha256', rawBody, headers, opts.encryptKey)
  )
    return { ok: false, status: 401, reason: 'bad signature' };

  const payload = encrypted ? decrypt(outer.encrypt as string, opts.encryptKey as string) : outer;
  if (!payload) return { ok: false, status: 400, reason: 'cannot decrypt' };

  if (isClassicCard(payload, opts.kind)) {
    if (!signatureMatches('sha1', rawBody, headers, opts.verificationToken))
      return { ok: false, status: 401, reason: 'bad signature' };
    return staleness(payload, headers, opts.now) ?? { ok: true, payload };
  }
  // with a key set, Lark encrypts and signs everything but the URL check
  if (opts.encryptKey && payload.type !== 'url_verification' && !(encrypted && signed))
    return { ok: false, status: 401, reason: 'unsigned or unencrypted' };
  if (!safeEqual(tokenOf(payload), opts.verificationToken))
    return { ok: false, status: 401, reason: 'bad token' };
  if (payload.type === 'url_verification') return { ok: true, payload };
  return staleness(payload, headers, opts.now) ?? { ok: true, payload };
}

/**
 * Refuses a request too old (or too far ahead) to be a delivery: a signed one by its request
 * timestamp, any event by its creation time. One with neither cannot be dated and is refused.
 */
function staleness(
  payload: Record<string, unknown>,
  headers: Record<string, string | undefined>,
  now: Date,
): Verified | null {
  const stale = { ok: false, status: 401, reason: 'stale or undated request' } as const;
  const at = now.getTime();
  const stamp = headers['x-lark-request-timestamp'];
  const signed = headers['x-lark-signature'] !== undefined;
  if (signed || stamp !== undefined) {
    const ms = /^\d{1,12}$/.test(stamp ?? '') ? Number(stamp) * 1000 : Number.NaN;
    if (!(Math.abs(at - ms) <= LARK_WINDOW_MS)) return stale;
  }
  const created = createdAt(payload);
  if (created === null) return signed ? null : stale;
  return created >= at - LARK_MAX_EVENT_AGE_MS && created <= at + LARK_WINDOW_MS ? null : stale;
}

/** When the event was created, in ms: schema 2.0 `header.create_time` (ms), v1 `ts` (seconds). */
function createdAt(payload: Record<string, unknown>): number | null {
  const header = payload.header as { create_time?: unknown } | undefined;
  const raw = payload.schema === '2.0' ? header?.create_time : payload.ts;
  const value = typeof raw === 'string' || typeof raw === 'number' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value)) return null;
  return payload.schema === '2.0' ? value : value * 1000;
}

function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function decrypt(encrypt: string, key: string): Record<string, unknown> | null {
  try {
    return parseObject(new AESCipher(key).decrypt(encrypt));
  } catch {
    return null;
  }
}

/** Schema 2.0 carries the token in `header`; v1 events and url_verification at the top. */
function tokenOf(payload: Record<string, unknown>): string {
  const header = payload.header as { token?: unknown } | undefined;
  const token = payload.schema === '2.0' ? header?.token : payload.token;
  return typeof token === 'string' ? token : '';
}

function isClassicCard(payload: Record<string, unknown>, kind: VerifyOptions['kind']): boolean {
  return kind === 'card' && !('schema' in payload) && payload.type !== 'url_verification';
}

/** hex(hash(timestamp + nonce + secret + raw body)) against `X-Lark-Signature`. */
function signatureMatches(
  algorithm: 'sha256' | 'sha1',
  raw: string,
  headers: Record<string, string | undefined>,
  secret: string,
): boolean {
  const base = `${headers['x-lark-request-timestamp'] ?? ''}${headers['x-lark-request-nonce'] ?? ''}${secret}${raw}`;
  return safeEqual(createHash(algorithm).update(base).digest('hex'), headers['x-lark-signature'] ?? '');
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length > 0 && x.length === y.length && timingSafeEqual(x, y);
}
