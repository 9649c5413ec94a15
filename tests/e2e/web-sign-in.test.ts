import { describe, expect, it } from 'vitest';
import { WebSignIn } from '../../db/models/web-sign-in.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { slackEnv, TEAM, useSlackStub } from '../helpers/slack.js';

// the web chat behind sign-in, as production runs it; the link goes out through Slack
const slack = useSlackStub();
const env: Record<string, string> = { WEB_AUTH: 'sign-in', WEB_SESSION_SECRET: 'x'.repeat(40) };
Object.defineProperties(env, Object.getOwnPropertyDescriptors(slackEnv(slack)));
const app = useTestApp(env);
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A raw request, cookies and redirects in the open. */
const raw = (path: string, init: RequestInit = {}) =>
  fetch(`${app.current.url}${path}`, { redirect: 'manual', ...init });
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0] ?? '';
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
/** Uses a link's token the way its page's button does. */
const redeem = (token: string) =>
  raw('/web/auth/redeem', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token }).toString(),
  });
const tokenOf = (url: string) => new URL(url).searchParams.get('token') ?? '';

describe('web chat sign-in', () => {
  it('refuses everything without a session: the API with 401, the page by sending to sign-in', async () => {
    const said = await raw('/web/api/messages', json({ employee: 'li.wei@demo.example', text: 'help' }));
    expect(said.status).toBe(401);
    expect((await raw('/web/api/people')).status).toBe(401);
    expect((await raw('/web/api/history?employee=li.wei@demo.example')).status).toBe(401);
    const page = await raw('/web');
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe('/web/sign-in');
    expect((await raw('/web/sign-in')).status).toBe(200);
  });

  it('an invite link signs in once; the session is signed, HttpOnly, SameSite; POSTs need the CSRF token', async () => {
    const invite = await raw('/api/web/invites', json({ email: 'Li.Wei@demo.example' }, admin));
    expect(invite.status).toBe(201);
    const { url } = (await invite.json()) as { url: string };
    const token = tokenOf(url);
    // only the hash is stored
    expect(await WebSignIn.countDocuments({ _id: token })).toBe(0);
    expect(await WebSignIn.countDocuments({ email: 'li.wei@demo.example', kind: 'invite' })).toBe(1);
    // opening the link (a chat app's preview) does not use it up
    expect((await raw(new URL(url).pathname + new URL(url).search)).status).toBe(200);

    const [first, second] = await Promise.all([redeem(token), redeem(token)]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([303, 400]);
    const won = first.status === 303 ? first : second;
    expect(won.headers.get('location')).toBe('/web');
    const setCookie = won.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\/web/);
    expect((await redeem(token)).status).toBe(400);

    const cookie = { cookie: cookieOf(won) };
    const page = await (await raw('/web', { headers: cookie })).text();
    const csrf = /name="csrf" content="([^"]+)"/.exec(page)?.[1] ?? '';
    expect(csrf.length).toBeGreaterThan(20);
    const people = (await (await raw('/web/api/people', { headers: cookie })).json()) as {
      people: { email: string }[];
    };
    expect(people.people.map((p) => p.email)).toEqual(['li.wei@demo.example']);

    const help = { employee: 'li.wei@demo.example', text: 'help' };
    expect((await raw('/web/api/messages', json(help, cookie))).status).toBe(403);
    expect((await raw('/web/api/messages', json(help, { ...cookie, 'x-csrf-token': 'forged' }))).status).toBe(
      403,
    );
    const ok = await raw('/web/api/messages', json(help, { ...cookie, 'x-csrf-token': csrf }));
    expect(ok.status).toBe(200);
    // signed in as Li Wei, nobody else
    const other = { employee: 'wang.fang@demo.example', text: 'help' };
    expect((await raw('/web/api/messages', json(other, { ...cookie, 'x-csrf-token': csrf }))).status).toBe(
      403,
    );
    expect((await raw('/web/api/history?employee=wang.fang@demo.example', { headers: cookie })).status).toBe(
      403,
    );
    // a tampered cookie is nobody
    const tampered = { cookie: cookie.cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')) };
    expect((await raw('/web/api/people', { headers: tampered })).status).toBe(401);
  });

  it('asking for a link sends it through Slack to a bound person; the answer is the same for strangers', async () => {
    await raw(
      '/api/identities',
      json({ platform: 'slack', teamId: TEAM, userId: 'U_ALICE', email: 'alice.chen@demo.example' }, admin),
    );
    slack.current.reset();
    const asked = await raw('/web/auth/link', json({ email: 'alice.chen@demo.example' }));
    expect(asked.status).toBe(200);
    expect(await asked.json()).toEqual({ ok: true });
    const [post] = await slack.current.waitFor('chat.postMessage');
    const link = /https?:\/\/\S+/.exec(String(post?.args.text))?.[0] ?? '';
    expect(post?.args.text).toMatch(/^Your sign-in link for the web chat \(valid 15 minutes, once\)/);
    expect((await redeem(tokenOf(link))).status).toBe(303);

    const stranger = await raw('/web/auth/link', json({ email: 'nobody@elsewhere.example' }));
    expect(stranger.status).toBe(200);
    expect(await stranger.json()).toEqual({ ok: true });
    // asking again at once sends nothing more (the link is sent before the answer)
    await raw('/web/auth/link', json({ email: 'alice.chen@demo.example' }));
    expect(slack.current.of('chat.postMessage')).toHaveLength(1);
  });

  it('an expired token signs nobody in', async () => {
    const invite = await raw('/api/web/invites', json({ email: 'li.wei@demo.example', days: 1 }, admin));
    const token = tokenOf(((await invite.json()) as { url: string }).url);
    await WebSignIn.updateMany({ email: 'li.wei@demo.example' }, { $set: { expiresAt: new Date(0) } });
    expect((await redeem(token)).status).toBe(400);
    expect((await raw('/api/web/invites', json({ email: 'nobody@x.example' }, admin))).status).toBe(404);
  });
});
