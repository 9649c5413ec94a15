import { describe, expect, it } from 'vitest';
import { Delivery } from '../../db/models/delivery.js';
import { Employee } from '../../db/models/employee.js';
import { ReminderSetting } from '../../db/models/reminder-setting.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';
import { clockFrom } from '../helpers/clock.js';

// 17:00 in Shanghai, 01:00 in Los Angeles: the same Wednesday in both, so chen.jie's "yesterday"
// is the last day Bob worked (before that Shanghai's yesterday is still under way in LA)
const app = useTestApp({}, { now: clockFrom(new Date('2026-12-02T09:00:00Z')) });
const { say, cards } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const settingOf = async (user: string) => {
  const e = await Employee.findOne({ email: `${user}@demo.example` }).lean();
  return ReminderSetting.findById(e?._id).lean();
};

describe('digests in the demo and on demand', () => {
  it('a freshly started demo has a digest in every demo person’s web inbox', async () => {
    const people = await Employee.find({ email: /@demo\.example$/ }).lean();
    expect(people).toHaveLength(10);
    for (const p of people) {
      const digests = (await cards(p.email.split('@')[0] as string)).filter((c) => c.title.includes(p.name));
      expect(digests, p.email).toHaveLength(1);
    }
    const [manager] = await cards('chen.jie');
    // Bob forgot to check out on the previous workday: his manager reads it
    expect(manager?.fields.find(([label]) => label.startsWith('团队考勤异常'))?.[1]).toBe(
      'Bob Smith · 未签退',
    );
  });

  it('"digest" shows today’s card now, in the person’s language', async () => {
    const card = cardOf(await say('bob.smith', 'send my digest now'));
    expect(card.title).toBe('Good morning, Bob Smith · your day');
    expect(card.fields[0]?.[0]).toBe('Your requests changed');
    const zh = cardOf(await say('wang.fang', '摘要'));
    expect(zh.fields.map(([label]) => label)).toEqual(['待我审批（最早的在前）', '今日跟进']);
    expect(zh.actions.map((a) => a.actionId)).toEqual(['approvals.approve', 'approvals.reject']);
    expect(textOf(await say('wang.fang', '摘要 明天'))).toMatch(/^这个命令不需要参数。\n用法：摘要/);
  });

  it('mute, unmute and quiet hours', async () => {
    expect(textOf(await say('zhang.min', '静音 提醒'))).toMatch(/^好的，不再给你发提醒/);
    expect(await settingOf('zhang.min')).toMatchObject({ remindersMuted: true, digestsMuted: false });
    expect(textOf(await say('zhang.min', '静音 天气'))).toMatch(
      /^“天气”不是可选项.*\n用法：静音 \[摘要\|提醒\]/s,
    );
    expect(textOf(await say('zhang.min', '静音'))).toMatch(/每日摘要和提醒/);
    expect(await settingOf('zhang.min')).toMatchObject({ remindersMuted: true, digestsMuted: true });
    expect(textOf(await say('zhang.min', '取消静音'))).toBe('已恢复每日摘要和提醒。');
    expect(await settingOf('zhang.min')).toMatchObject({ remindersMuted: false, digestsMuted: false });

    expect(textOf(await say('bob.smith', 'quiet hours'))).toBe(
      'Quiet hours: none (America/Los_Angeles); reminders in them wait until they end. Muted: nothing.',
    );
    expect(textOf(await say('bob.smith', 'quiet hours 22:00-7:30'))).toMatch(/^Quiet hours: 22:00–07:30 /);
    expect(await settingOf('bob.smith')).toMatchObject({ quietStart: '22:00', quietEnd: '07:30' });
    expect(textOf(await say('bob.smith', 'quiet hours 25:00-1'))).toMatch(
      /^"25:00-1" is not a time range.*\nUsage: quiet hours/s,
    );
    await say('bob.smith', 'mute digests');
    expect(textOf(await say('bob.smith', 'quiet hours default'))).toMatch(/Muted: morning digests\.$/);
  });

  it('an urge reaches the approvers through the reminder path, recorded once', async () => {
    await say('zhang.min', '催办 AP-1001');
    const rows = await Delivery.find({ _id: /^approval-urged:AP-1001:/ }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'reminder', status: 'sent' });
    const urged = (await cards('wang.fang')).filter((c) => c.title.includes('AP-1001')).at(-1);
    expect(urged?.subtitle).toBe('⏰ 张敏 催办 · 审批中');
  });

  it('the admin endpoint sends today’s digests once, for everyone or one person', async () => {
    const send = (body: unknown) => app.current.post('/api/digests/send', body, auth);
    expect((await app.current.post('/api/digests/send', {})).status).toBe(401);
    expect(await send({})).toMatchObject({ status: 200, json: { due: 0, sent: 0 } });
    expect(await send({ email: 'nobody@demo.example' })).toMatchObject({ status: 404 });
    expect((await send({ email: 'not-an-email' })).status).toBe(400);
    await Delivery.deleteMany({ _id: /^digest:/ });
    expect(await send({ email: 'sun.li@demo.example' })).toMatchObject({
      status: 200,
      json: { due: 1, sent: 1 },
    });
  });
});
