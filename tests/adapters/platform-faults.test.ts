import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { Employee } from '../../db/models/employee.js';
import type { Reply } from '../../src/bot/types.js';
import { useBothPlatforms } from '../helpers/both-platforms.js';
import { LARK_TENANT, type LarkCall } from '../helpers/lark.js';
import { click, dm, interact, TEAM, until } from '../helpers/slack.js';

// Slack and Lark stand-ins that fail the ways the real ones do: down (5xx), refusing (`ok: false`,
// Lark `code` ≠ 0), rate-limited (429 with Retry-After), slow, or asked to update a message its
// reader deleted. Whatever one platform does, the others and the work itself carry on.
const { slack, lark, app, bind } = useBothPlatforms('faults');
const idOf = async (user: string) =>
  String((await Employee.findOne({ email: `${user}@demo.example` }).lean())?._id);
const note = (title: string): Reply => ({ card: { title, fields: [], actions: [] } });
const toLark = (openId: string, title: string) => (c: LarkCall) =>
  c.method === 'POST' && c.body?.receive_id === openId && String(c.body.content).includes(title);
const slackPostsTo = (user: string, title: string) =>
  slack.current
    .of('chat.postMessage')
    .filter((c) => c.args.channel === user && JSON.stringify(c.args.blocks ?? c.args.text).includes(title));

describe('a platform failing does not stop the others', () => {
  it('Slack down (503 on every call): the notification still reaches Lark and the web inbox', async () => {
    await bind('slack', TEAM, 'U_CHEN', 'chen.jie@demo.example');
    await bind('lark', LARK_TENANT, 'ou_chen', 'chen.jie@demo.example');
    const chen = await idOf('chen.jie');
    slack.current.fail('*', { status: 503 }, Number.POSITIVE_INFINITY);
    const refs = await app.current.notify(chen, note('Slack is down'));
    expect(refs.map((r) => r.platform).sort()).toEqual(['lark', 'web']);
    expect(lark.current.calls.filter(toLark('ou_chen', 'Slack is down'))).toHaveLength(1);
    // the client retried, then gave up; nothing was posted
    const tries = slack.current.of('chat.postMessage');
    expect(tries.length).toBeGreaterThan(1);
    expect(tries.every((c) => c.fault && !c.result)).toBe(true);

    slack.current.reset();
    const back = await app.current.notify(chen, note('Slack is back'));
    expect(back.map((r) => r.platform).sort()).toEqual(['lark', 'slack', 'web']);
  });

  it('Lark refusing (code ≠ 0) or rate-limiting (429): Slack and the web inbox still get it', async () => {
    const chen = await idOf('chen.jie');
    const messages = /^\/open-apis\/im\/v1\/messages$/;
    lark.current.fail('POST', messages, { code: 230002, msg: 'Bot is not in the chat.' });
    const refused = await app.current.notify(chen, note('Lark refuses'));
    expect(refused.map((r) => r.platform).sort()).toEqual(['slack', 'web']);
    lark.current.fail('POST', messages, {
      code: 99991400,
      msg: 'request trigger frequency limit',
      status: 429,
    });
    const limited = await app.current.notify(chen, note('Lark is busy'));
    expect(limited.map((r) => r.platform).sort()).toEqual(['slack', 'web']);
    expect(slackPostsTo('U_CHEN', 'Lark refuses')).toHaveLength(1);
    expect(slackPostsTo('U_CHEN', 'Lark is busy')).toHaveLength(1);
  });

  it('a slow Lark does not hold up the Slack copy', async () => {
    const chen = await idOf('chen.jie');
    lark.current.delays.push({ method: 'POST', path: /^\/open-apis\/im\/v1\/messages$/, ms: 1500 });
    try {
      const sent = app.current.notify(chen, note('Lark is slow'));
      await until(() => slackPostsTo('U_CHEN', 'Lark is slow').length === 1);
      // Slack has it while Lark has not answered yet
      const pending = lark.current.calls.filter(toLark('ou_chen', 'Lark is slow'));
      expect(pending.map((c) => c.messageId)).toEqual([undefined]);
      expect((await sent).map((r) => r.platform).sort()).toEqual(['lark', 'slack', 'web']);
    } finally {
      lark.current.delays.length = 0;
    }
  });
});

describe('updating a message its reader deleted', () => {
  it('approving still updates the other copies and tells the requester', async () => {
    slack.current.reset();
    expect((await dm(app.current.url, 'U_BOB', 'expense 88 taxi to the airport', 'Ev-faults-1')).status).toBe(
      200,
    );
    const request = await until(() =>
      ApprovalRequest.findOne({ type: 'expense', 'data.amount': 88, status: 'pending' }).lean(),
    );
    const copies = await until(async () => {
      const rows = (await ApprovalRequest.findById(request._id).lean())?.cards ?? [];
      return rows.length >= 3 && rows;
    });
    const copy = (platform: string) => copies.find((c) => c.platform === platform);
    // the Slack card was deleted and the Lark one recalled before Chen decides on the web
    slack.current.deleted.add(String(copy('slack')?.messageId));
    lark.current.deleted.add(String(copy('lark')?.messageId));

    const approved = await app.current.post('/web/api/actions', {
      employee: 'chen.jie@demo.example',
      actionId: 'approvals.approve',
      value: request.no,
    });
    expect(approved.status).toBe(200);
    expect(await ApprovalRequest.findById(request._id).lean()).toMatchObject({ status: 'approved' });
    // both updates were tried and refused the platforms' way
    const update = await slack.current.waitFor('chat.update');
    expect(update[0]?.fault).toEqual({ error: 'message_not_found' });
    const [patch] = await lark.current.waitFor(
      (c) => c.method === 'PATCH' && c.path.endsWith(String(copy('lark')?.messageId)),
    );
    expect(patch).toBeDefined();
    // and yet Bob is told, and Chen's web copy shows the decision
    await until(() =>
      slackPostsTo('U_BOB', request.no).some((c) => JSON.stringify(c.args).includes('pproved')),
    );
    const inbox = await app.current.get('/web/api/inbox?employee=chen.jie@demo.example');
    const webCopy = inbox.json.messages.find((m: { reply: Reply }) =>
      'card' in m.reply ? m.reply.card.title.includes(request.no) : false,
    );
    expect(webCopy.reply.card.actions).toEqual([]);
  });
  it('Submit on a confirmation card that was deleted still does the work', async () => {
    slack.current.reset();
    const checkIns = () => AttendanceDay.countDocuments({ checkInAt: { $ne: null } });
    const before = await checkIns();
    await dm(app.current.url, 'U_ALICE', 'just got to the office', 'Ev-faults-confirm');
    const [post] = await slack.current.waitFor('chat.postMessage');
    type Block = { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] };
    const submit = ((post?.args.blocks ?? []) as Block[])
      .find((b) => b.type === 'actions')
      ?.elements?.find((e) => e.text.text === 'Submit');
    if (!submit) throw new Error('no Submit button');
    const where = { channel: String(post?.result?.channel), ts: String(post?.result?.ts) };
    slack.current.deleted.add(where.ts);
    await interact(app.current.url, click('U_ALICE', submit.action_id, submit.value, where));
    await until(() =>
      slack.current.of('chat.postMessage').some((c) => JSON.stringify(c.args).includes('Checked in at')),
    );
    expect(await checkIns()).toBe(before + 1);
    expect(slack.current.of('chat.update')[0]?.fault).toEqual({ error: 'message_not_found' });
  });
});

describe('Slack rate limits', () => {
  it('a 429 with Retry-After is waited out and the reply still arrives, once', async () => {
    slack.current.reset();
    slack.current.fail('chat.postMessage', { status: 429, retryAfter: 1 });
    const started = performance.now();
    const res = await dm(app.current.url, 'U_ALICE', 'help', 'Ev-faults-429');
    expect(res.status).toBe(200);
    const posts = await until(() => {
      const all = slack.current.of('chat.postMessage');
      return all.some((c) => c.result) && all;
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(900);
    expect(posts.map((c) => Boolean(c.fault))).toEqual([true, false]);
    expect(posts[1]?.args.channel).toBe('D_ALICE');
  });
});
