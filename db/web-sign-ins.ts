import { createHash, randomBytes } from 'node:crypto';
import { claim } from './claims.js';
import { WebSignIn } from './models/web-sign-in.js';
import { pruneOldest } from './prune.js';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new one-time token for `email`, valid until `expiresAt`; only its hash is stored.
 * @example const token = await issueSignIn('li.wei@x.com', 'link', new Date(now + 15 * 60_000))
 */
export async function issueSignIn(email: string, kind: 'link' | 'invite', expiresAt: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await WebSignIn.create({ _id: hashOf(token), email, kind, expiresAt });
  return token;
}

/**
 * The e-mail a token signs in, once: the first caller claims it (a unique insert, the one atomic
 * write the embedded store has), everyone after gets null, as does an expired or unknown token.
 */
export async function redeemSignIn(token: string, at: Date): Promise<string | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return null;
  const id = hashOf(token);
  const found = await WebSignIn.findById(id).lean();
  if (!found || found.expiresAt <= at) return null;
  if (!(await claim(`web-sign-in:${id}`, at))) return null;
  await WebSignIn.deleteOne({ _id: id });
  return found.email;
}

/** Drops tokens that expired unused, at most `max` (housekeeping; the store has no TTL indexes). */
export const pruneSignIns = (at: Date, max: number) => pruneOldest(WebSignIn, {}, 'expiresAt', at, max);
