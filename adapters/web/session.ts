import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A signed-in person's session: who, until when, and a random id the CSRF token derives from. */
export type Session = { email: string; expires: number; nonce: string };

const sessionShape = z.object({ email: z.string(), expires: z.number(), nonce: z.string() });
const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function newSession(email: string, now: Date, ttlMs: number): Session {
  return { email, expires: now.getTime() + ttlMs, nonce: randomBytes(16).toString('base64url') };
}

/**
 * The session as a cookie value: its JSON, base64url, then an HMAC-SHA256 over it. Nothing is
 * kept on the server; the signature is what makes it trustworthy.
 * @example openSession(secret, sealSession(secret, s), now) // s, until it expires
 */
export function sealSession(secret: string, session: Session): string {
  const body = Buffer.from(JSON.stringify(session)).toString('base64url');
  return `${body}.${mac(secret, `session|${body}`)}`;
}

/** The session a cookie carries, or null when it is forged, damaged or expired. */
export function openSession(secret: string, value: string | undefined, now: Date): Session | null {
  const [body, signature, extra] = (value ?? '').split('.');
  if (!body || !signature || extra !== undefined || !same(signature, mac(secret, `session|${body}`)))
    return null;
  try {
    const parsed = sessionShape.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success && parsed.data.expires > now.getTime() ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The token the page sends back in `x-csrf-token` on every POST: derived from the session, so
 * another site that makes the browser post (with the cookie) cannot know it.
 */
export const csrfOf = (secret: string, session: Session) => mac(secret, `csrf|${session.nonce}`);

export const csrfMatches = (secret: string, session: Session, given: string | undefined) =>
  given !== undefined && same(given, csrfOf(secret, session));
