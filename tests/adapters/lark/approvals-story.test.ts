import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { ADMIN_TOKEN, useTestApp } from '../../helpers/app.js';
import {
  classicCardAction,
  LARK_TENANT,
  type LarkCall,
  messageEvent,
  postLarkEvent,
  useLarkStub,
} from '../../helpers/lark.js';
import { until } from '../../helpers/until.js';

const TOKEN = 'verification-token-story';
const env = { LARK_APP_ID: 'cli_story', LARK_APP_SECRET: 'secret-story', LARK_VERIFICATION_TOKEN: TOKEN };
const stub = useLarkStub(env, { ou_zhang: 'zhang.min@demo.example', ou_wang: 'wang.fang@demo.example' });
const app = useTestApp(env);
const cardOf = (call: LarkCall | undefined) => JSON.parse(call?.body.content ?? '{}');
const to = (id: string) => (c: LarkCall) => c.method === 'POST' && c.body?.receive_id === id;

describe('approvals through Lark', () => {
  it('leave request → manager card → approve → every copy patched → requester told', async () => {
    await app.current.post(
      '/api/identities',
      { platform: 'lark', teamId: LARK_TENANT, userId: 'ou_wang', email: 'wang.fang@demo.example' },
      { authorization: `Bearer ${ADMIN_TOKEN}` },
    );
    await postLarkEvent(
      app.current.url,
      '/lark/events',
      messageEvent({ token: TOKEN, openId: 'ou_zhang', text: '请假 下周一 事假 家里有事' }),
    );

    const [managerCall] = await stub.current.waitFor(to('ou_wang'));
    const card = cardOf(managerCall);
    const no = /AP-\d+/.exec(card.header.title.content)?.[0];
    const request = await ApprovalRequest.findOne({ no }).lean();
    expect(request).toMatchObject({ type: 'leave', status: 'pending' });
    const buttons = card.elements.find((e: { tag: string }) => e.tag === 'action').actions;
    // approve and reject first; then the step's other decisions (comment, send back, add a signer, ask)
    expect(buttons.slice(0, 2).map((b: { value: unknown }) => b.value)).toEqual([
      { actionId: 'approvals.approve', value: request?.no, locale: 'zh-CN' },
      { actionId: 'approvals.reject', value: request?.no, locale: 'zh-CN' },
    ]);
    expect(buttons.every((b: { value: { value: string } }) => b.value.value === request?.no)).toBe(true);

    // the copy is recorded once the send returns, a moment after Lark saw the message
    const larkCopy = await until(async () =>
      (await ApprovalRequest.findById(request?._id).lean())?.cards.find((c) => c.platform === 'lark'),
    );
    const click = await postLarkEvent(
      app.current.url,
      '/lark/cards',
      classicCardAction(
        'ou_wang',
        { actionId: 'approvals.approve', value: request?.no },
        larkCopy?.messageId,
      ),
      { signToken: TOKEN },
    );
    expect(click.status).toBe(200);

    expect((await ApprovalRequest.findById(request?._id).lean())?.status).toBe('approved');
    const [told] = await stub.current.waitFor(to('ou_zhang'));
    expect(cardOf(told).header.title.content).toContain(request?.no);
    expect(JSON.stringify(cardOf(told))).toContain('已通过');
    // the manager's Lark copy is patched to the outcome, without buttons
    const patches = await stub.current.waitFor(
      (c) => c.method === 'PATCH' && c.path.endsWith(String(larkCopy?.messageId)),
    );
    const patched = cardOf(patches.at(-1));
    expect(JSON.stringify(patched)).toContain('已通过');
    expect(patched.elements.some((e: { tag: string }) => e.tag === 'action')).toBe(false);
  });
});
