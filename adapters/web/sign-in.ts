import type { Context, MiddlewareHandler } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import type { Clock } from '../../src/clock.js';
import { readJson } from '../../src/http/read-json.js';
import { documented } from '../../src/http/route-doc.js';
import { csrfMatches, newSession, openSession, type Session, sealSession } from './session.js';
import { redeemPage, signInPage } from './sign-in-page.js';

/** Storage and delivery the sign-in needs, provided by the app's wiring. */
export type SignInPort = {
  /** A one-time token for an active person with this e-mail; null for anyone else. */
  issue(email: string, kind: 'link' | 'invite', expiresAt: Date): Promise<string | null>;
  /** Sends the link to the person through Slack/Lark; false when they are on neither. */
  deliver(email: string, url: string, expiresAt: Date): Promise<boolean>;
  /** The e-mail a token signs in, once; null when unknown, expired or used. */
  redeem(token: string, at: Date): Promise<string | null>;
};

export type WebAuth = {
  /** Signs the session cookie (WEB_SESSION_SECRET; a random one per process in development). */
  secret: string;
  /** Where links point (PUBLIC_URL); unset in development: the origin the request came to. */
  publicUrl?: string;
  port: SignInPort;
};

const COOKIE = 'wa_session';
const SESSION_MS = 7 * 24 * 60 * 60 * 1000;
const LINK_MS = 15 * 60 * 1000;
const INVITE_DAYS = 7;
/** One link per address per minute: asking again cannot flood someone's chat. */
const LINK_GAP_MS = 60 * 1000;

const email = z.string().trim().toLowerCase().pipe(z.email());
const linkBody = z.object({ email });
const inviteBody = z.object({ email, days: z.number().int().min(1).max(30).default(INVITE_DAYS) });

export type SignInVars = { Variables: { session: Session } };

/**
 * Sign-in for the web chat: a one-time link sent through Slack/Lark (or an admin's invite link)
 * becomes a signed session cookie (HttpOnly, SameSite=Lax, Secure behind https); every POST to
 * the JSON API also carries the session's CSRF token. Opening a link only shows a button: chat
 * apps fetch links to preview them, and a fetch must not use up the token.
 */
export function createSignIn(auth: WebAuth, now: Clock) {
  const lastLink = new Map<string, number>();
  const base = (c: Context) => auth.publicUrl ?? new URL(c.req.url).origin;
  const linkOf = (c: Context, token: string) => `${base(c)}/web/auth/redeem?token=${token}`;
  const secure = (c: Context) => base(c).startsWith('https:');

  const sessionOf = (c: Context): Session | null => openSession(auth.secret, getCookie(c, COOKIE), now());

  const routes = new Hono();
  routes.get('/sign-in', (c) => c.html(signInPage()));

  routes.post('/auth/link', async (c) => {
    const body = await readJson(c, linkBody);
    if ('error' in body) return c.json({ error: body.error }, 400);
    const at = now();
    const to = body.data.email;
    if ((lastLink.get(to) ?? 0) > at.getTime() - LINK_GAP_MS) return c.json({ ok: true });
    if (lastLink.size > 10_000) lastLink.clear();
    lastLink.set(to, at.getTime());
    const expiresAt = new Date(at.getTime() + LINK_MS);
    const token = await auth.port.issue(to, 'link', expiresAt);
    if (token) await auth.port.deliver(to, linkOf(c, token), expiresAt);
    // the same answer whoever asked: the page never tells who works here
    return c.json({ ok: true });
  });

  routes.get('/auth/redeem', (c) => c.html(redeemPage(c.req.query('token') ?? '')));
  routes.post('/auth/redeem', async (c) => {
    const form = await c.req.parseBody();
    const who = await auth.port.redeem(String(form.token ?? ''), now());
    if (!who) return c.html(redeemPage('', 'used'), 400);
    const session = newSession(who, now(), SESSION_MS);
    setCookie(c, COOKIE, sealSession(auth.secret, session), {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secure(c),
      path: '/web',
      maxAge: SESSION_MS / 1000,
    });
    return c.redirect('/web', 303);
  });

  routes.post('/auth/sign-out', (c) => {
    const session = sessionOf(c);
    if (!session || !csrfMatches(auth.secret, session, c.req.header('x-csrf-token')))
      return c.json({ error: 'not signed in' }, 403);
    deleteCookie(c, COOKIE, { path: '/web', secure: secure(c) });
    return c.body(null, 204);
  });

  /** Everything else under /web needs a session; a POST also its CSRF token. */
  const guard: MiddlewareHandler<SignInVars> = async (c, next) => {
    const session = sessionOf(c);
    if (!session)
      return c.req.path.startsWith('/web/api/')
        ? c.json({ error: 'sign in first' }, 401)
        : c.redirect('/web/sign-in');
    if (c.req.method !== 'GET' && !csrfMatches(auth.secret, session, c.req.header('x-csrf-token')))
      return c.json({ error: 'missing or wrong x-csrf-token' }, 403);
    c.set('session', session);
    await next();
  };

  /** POST /api/web/invites (admin API): a link an admin hands to someone, valid for `days`. */
  const invites = new Hono();
  const inviteDoc = documented({
    tag: 'web',
    summary: 'An invite link to the web chat for one employee, valid for `days` (1–30)',
    body: { json: inviteBody },
    responses: {
      201: { description: '`{url, expiresAt}`: one use; it signs the person in' },
      400: { description: 'the body is not valid' },
      404: { description: 'no active employee with that e-mail' },
    },
  });
  invites.post('/web/invites', inviteDoc, async (c) => {
    const body = await readJson(c, inviteBody);
    if ('error' in body) return c.json({ error: body.error }, 400);
    const expiresAt = new Date(now().getTime() + body.data.days * 24 * 60 * 60 * 1000);
    const token = await auth.port.issue(body.data.email, 'invite', expiresAt);
    if (!token) return c.json({ error: `no active employee ${body.data.email}` }, 404);
    return c.json({ url: linkOf(c, token), expiresAt: expiresAt.toISOString() }, 201);
  });

  return { routes, guard, invites };
}
