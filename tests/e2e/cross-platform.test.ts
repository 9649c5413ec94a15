import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Delivery } from '../../db/models/delivery.js';
import { LeaveDay } from '../../db/models/leave-day.js';
import { ADMIN_TOKEN } from '../helpers/app.js';
import { useBothPlatforms } from '../helpers/both-platforms.js';
import { LARK_TENANT, type LarkCall } from '../helpers/lark.js';
import { click, dm, interact, TEAM, until } from '../helpers/slack.js';

// An employee bound on Slack and Lark: notified on both, and a decision on one updates both.
const { slack, lark, app, bind } = useBothPlatforms('both');

describe('a leave request across Slack, Lark and the web inbox', () => {
  it('the manager gets the card on every platform; approving on Slack updates them all and tells the requester', async () => {
    await bind('slack', TEAM, 'U_CHEN', 'chen.jie@demo.example');
    await bind('lark', LARK_TENANT, 'ou_chen', 'chen.jie@demo.example');

    expect(
      (await dm(app.current.url, 'U_BOB', 'leave next monday personal family matter', 'Ev-x-1')).status,
    ).toBe(200);
    const request = await until(() =>
      ApprovalRequest.findOne({
        type: 'leave',
        status: 'pending',
        requesterId: { $exists: true },
        'data.reason': 'family matter',
      }).lean(),
    );
    const copies = await until(async () => {
      const rows = (await ApprovalRequest.findById(request._id).lean())?.cards ?? [];
      return rows.length >= 3 && rows;
    });
    expect(copies.map((c) => c.platform).sort()).toEqual(['lark', 'slack', 'web']);
    const slackCopy = copies.find((c) => c.platform === 'slack');
    const larkCopy = copies.find((c) => c.platform === 'lark');

    const card = slack.current.of('chat.postMessage').find((c) => c.args.channel === 'U_CHEN');
    expect(JSON.stringify(card?.args.blocks)).toContain(request.no);
    await lark.current.waitFor((c: LarkCall) => c.method === 'POST' && c.body?.receive_id === 'ou_chen');

    const res = await interact(
      app.current.url,
      click('U_CHEN', 'approvals.approve#0', request.no, {
        channel: String(slackCopy?.channelId),
        ts: String(slackCopy?.messageId),
      }),
    );
    expect(res.status).toBe(200);
    await until(async () => (await ApprovalRequest.findById(request._id).lean())?.status === 'approved');

    const updated = await until(() =>
      slack.current.of('chat.update').find((c) => c.args.ts === slackCopy?.messageId),
    );
    expect(JSON.stringify(updated.args.blocks)).not.toContain('approvals.approve');
    const patched = await lark.current.waitFor(
      (c: LarkCall) => c.method === 'PATCH' && c.path.endsWith(String(larkCopy?.messageId)),
    );
    expect(patched.at(-1)?.body.content).toContain('已通过'); // chen.jie reads Chinese
    expect(patched.at(-1)?.body.content).not.toContain('approvals.approve');
    const told = await until(() =>
      slack.current
        .of('chat.postMessage')
        .find((c) => c.args.channel === 'U_BOB' && JSON.stringify(c.args.blocks).includes('approved')),
    );
    expect(JSON.stringify(told.args.blocks)).toContain(request.no);
    // the approved leave is in the attendance calendar
    expect(await LeaveDay.countDocuments({ 'parts.requestId': request.no })).toBe(1);
  });

  it('the morning digest reaches every platform the person is bound to, web inbox included', async () => {
    // the demo start sent today's before Chen was bound: forget it, then send again
    await Delivery.deleteMany({ _id: /^digest:/ });
    const res = await app.current.post(
      '/api/digests/send',
      { email: 'chen.jie@demo.example' },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    expect(res.json).toMatchObject({ sent: 1 });
    const onSlack = slack.current
      .of('chat.postMessage')
      .filter((c) => c.args.channel === 'U_CHEN' && JSON.stringify(c.args.blocks).includes('今日摘要'));
    expect(onSlack).toHaveLength(1);
    await lark.current.waitFor(
      (c: LarkCall) =>
        c.method === 'POST' && c.body?.receive_id === 'ou_chen' && c.body.content.includes('今日摘要'),
    );
    const inbox = await app.current.get('/web/api/inbox?employee=chen.jie@demo.example');
    const digests = inbox.json.messages.filter((m: any) => m.reply.card?.title === '早安，陈杰 · 今日摘要');
    expect(digests).toHaveLength(2); // the demo's, and this one
  });
});
