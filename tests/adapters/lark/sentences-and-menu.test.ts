import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { useTestApp } from '../../helpers/app.js';
import { testNow } from '../../helpers/clock.js';
import {
  classicCardAction,
  LARK_TENANT,
  type LarkCall,
  messageEvent,
  postLarkEvent,
  useLarkStub,
} from '../../helpers/lark.js';

// one app for both (each start seeds the demo company); their people and messages do not overlap
const TOKEN = 'verification-token-chat';
const env: Record<string, string> = {
  LARK_APP_ID: 'cli_chat0000000001',
  LARK_APP_SECRET: 'app-secret-chat',
  LARK_VERIFICATION_TOKEN: TOKEN,
};
const stub = useLarkStub(env, {
  ou_zhang: 'zhang.min@demo.example',
  ou_li: 'li.wei@demo.example',
  ou_alice: 'alice.chen@demo.example',
});
const app = useTestApp(env);
const cardOf = (call: LarkCall | undefined) => JSON.parse(call?.body.content ?? '{}');
const toChat = (c: LarkCall) => c.method === 'POST' && c.body?.receive_id === 'oc_p2p_ou_zhang';
type Button = { value: { actionId: string; value: string }; text: { content: string } };

describe('natural sentences on Lark', () => {
  it('"下周一想请一天事假，家里有点事" → a confirmation card → 提交 → the leave request', async () => {
    const before = await ApprovalRequest.countDocuments({ type: 'leave' });
    await postLarkEvent(
      app.current.url,
      '/lark/events',
      messageEvent({ token: TOKEN, openId: 'ou_zhang', text: '下周一想请一天事假，家里有点事' }),
    );
    const [sent] = await stub.current.waitFor(toChat);
    const card = cardOf(sent);
    expect(card.header.title.content).toBe('请确认：发起请假申请');
    // what was understood, in full, before anything is written
    const shown = JSON.stringify(card);
    for (const part of ['请假', '事假', '2026-12-07', '王芳']) expect(shown).toContain(part);
    expect(await ApprovalRequest.countDocuments({ type: 'leave' })).toBe(before);

    const buttons: Button[] = card.elements.find((e: { tag: string }) => e.tag === 'action').actions;
    const submit = buttons.find((b) => b.text.content === '提交');
    const clicked = await postLarkEvent(
      app.current.url,
      '/lark/cards',
      classicCardAction('ou_zhang', submit?.value, 'om_confirm_1'),
      { signToken: TOKEN },
    );
    expect(clicked.status).toBe(200);
    const filed = await ApprovalRequest.findOne({ type: 'leave' }).sort({ _id: -1 }).lean();
    expect(filed?.data).toMatchObject({ from: '2026-12-07', to: '2026-12-07', kind: 'personal' });
    expect(String((filed?.data as { reason?: string } | undefined)?.reason)).toContain('家里有点事');
    expect(await ApprovalRequest.countDocuments({ type: 'leave' })).toBe(before + 1);
  });
});

/** `application.bot.menu_v6`, shaped like Lark's documented example. */
const menuClick = (openId: string, eventId: string) => ({
  schema: '2.0',
  header: {
    event_id: eventId,
    event_type: 'application.bot.menu_v6',
    create_time: String(testNow().getTime()),
    token: TOKEN,
    app_id: env.LARK_APP_ID,
    tenant_key: LARK_TENANT,
  },
  event: {
    operator: { operator_id: { union_id: `on_${openId}`, user_id: '', open_id: openId } },
    event_key: 'home',
    timestamp: testNow().getTime(),
  },
});
const cardTo = (openId: string) => (c: LarkCall) => c.method === 'POST' && c.body?.receive_id === openId;

describe('Lark bot menu', () => {
  it('sends the person their home as one card: approvals, today with Check in, follow-ups, orders', async () => {
    const res = await postLarkEvent(app.current.url, '/lark/events', menuClick('ou_alice', 'evt_menu_1'));
    expect(res.status).toBe(200);
    const [sent] = await stub.current.waitFor(cardTo('ou_alice'));
    expect(sent?.query.receive_id_type).toBe('open_id');
    const card = JSON.parse(sent?.body.content);
    const text = JSON.stringify(card);
    expect(text).toContain("Alice Chen's workplace");
    expect(text).toContain('Waiting for your approval');
    expect(text).toContain('Follow-ups due');
    expect(text).toContain('My open orders');
    expect(text).toContain('attendance.checkIn');
  });
});
