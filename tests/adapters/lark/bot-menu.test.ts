import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { testNow } from '../../helpers/clock.js';
import { LARK_TENANT, type LarkCall, postLarkEvent, useLarkStub } from '../../helpers/lark.js';

const TOKEN = 'verification-token-menu';
const env: Record<string, string> = {
  LARK_APP_ID: 'cli_menu0000000001',
  LARK_APP_SECRET: 'app-secret-menu',
  LARK_VERIFICATION_TOKEN: TOKEN,
};
const stub = useLarkStub(env, { ou_li: 'li.wei@demo.example', ou_alice: 'alice.chen@demo.example' });
const app = useTestApp(env);

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
