import { describe, expect, it } from 'vitest';
import { AttendanceDay, dayKey } from '../../../db/models/attendance-day.js';
import { Employee } from '../../../db/models/employee.js';
import { useTestApp } from '../../helpers/app.js';
import { click, dm, interact, postEvent, slackEnv, until, useSlackStub } from '../../helpers/slack.js';

const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));
const base = () => app.current.url;

type Block = {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: Record<string, any>[];
};
const published = (user: string, count = 1) =>
  until(() => {
    const views = stub.current.of('views.publish').filter((c) => c.args.user_id === user);
    return views.length >= count && (views[count - 1]?.args.view as { type: string; blocks: Block[] });
  });
const texts = (blocks: Block[]) =>
  blocks.flatMap((b) => [b.text?.text ?? '', ...(b.fields ?? []).map((f) => f.text)]).join('\n');
const buttons = (blocks: Block[]) =>
  blocks
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ id: String(e.action_id).replace(/#\d+/, ''), value: e.value }));
const homeOpened = (user: string, eventId: string) =>
  postEvent(base(), eventId, { type: 'app_home_opened', user, channel: `D${user.slice(1)}`, tab: 'home' });

describe('Slack App Home', () => {
  it('publishes the person’s home when they open the tab: approvals with buttons, today, follow-ups, orders', async () => {
    // chen.jie (Slack U_CHEN) asks for leave; li.wei (U_LI) is their manager
    await dm(base(), 'U_CHEN', '请假 2026-12-07 事假 家里有事', 'Ev_home_leave');
    const filed = await until(() =>
      stub.current.of('chat.postMessage').find((c) => c.args.channel === 'D_CHEN' && c.args.blocks),
    );
    const no = /AP-\d+/.exec(JSON.stringify(filed.args.blocks))?.[0];
    expect(no).toBeDefined();

    expect((await homeOpened('U_LI', 'Ev_home_li')).status).toBe(200);
    const view = await published('U_LI');
    expect(view.type).toBe('home');
    expect(view.blocks[0]?.text?.text).toBe('李伟 的工作台');
    const shown = texts(view.blocks);
    expect(shown).toMatch(/待我审批（\d+）/);
    expect(shown).toContain(`${no} 请假 · 陈杰`);
    expect(shown).toContain('今天考勤 2026-12-02');
    expect(shown).toContain('今日待跟进');
    expect(shown).toContain('我的未完成订单');
    expect(buttons(view.blocks)).toEqual(
      expect.arrayContaining([
        { id: 'approvals.approve:zh-CN', value: no },
        { id: 'approvals.reject:zh-CN', value: no },
        { id: 'attendance.checkIn:zh-CN', value: '' },
      ]),
    );
  });

  it('a click on the home acts, then the home is published again (Check in becomes Check out)', async () => {
    const checkIn = {
      ...click('U_LI', 'attendance.checkIn#3:zh-CN', '', { channel: 'D_LI', ts: '0' }),
      container: { type: 'view', view_id: 'V1' },
      channel: undefined,
      message: undefined,
      view: { id: 'V1', type: 'home' },
    };
    expect((await interact(base(), checkIn)).status).toBe(200);
    const after = await published('U_LI', 2);
    const li = await Employee.findOne({ email: 'li.wei@demo.example' }).lean();
    expect((await AttendanceDay.findById(dayKey(li?._id, '2026-12-02')).lean())?.checkInAt).toBeInstanceOf(
      Date,
    );
    const ids = buttons(after.blocks).map((b) => b.id);
    expect(ids).toContain('attendance.checkOut:zh-CN');
    expect(ids).not.toContain('attendance.checkIn:zh-CN');
    // the click's own answer goes to the DM
    await until(() => stub.current.of('chat.postMessage').find((c) => c.args.channel === 'U_LI'));
  });

  it('ignores the Messages tab and people who are not employees', async () => {
    await postEvent(base(), 'Ev_home_msgs', {
      type: 'app_home_opened',
      user: 'U_LI',
      channel: 'D_LI',
      tab: 'messages',
    });
    await homeOpened('U_STRANGER', 'Ev_home_stranger');
    // a later home of someone else is published; nothing for the two above
    await homeOpened('U_ALICE', 'Ev_home_alice');
    const alice = await published('U_ALICE');
    expect(alice.blocks[0]?.text?.text).toBe("Alice Chen's workplace");
    expect(stub.current.of('views.publish').filter((c) => c.args.user_id === 'U_LI')).toHaveLength(2);
    expect(stub.current.of('views.publish').filter((c) => c.args.user_id === 'U_STRANGER')).toHaveLength(0);
  });
});
