import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { Customer } from '../../db/models/customer.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';
import { testNow } from '../helpers/clock.js';

const app = useTestApp();
const { say, click, cards } = chatAs(app);
const byName = (name: string) => Customer.findOne({ name }).lean();
const logCount = async (name: string) => FollowUp.countDocuments({ customerId: (await byName(name))?._id });

describe('CRM customers through the web chat', () => {
  it('creates a customer from Chinese text, owned by the creator', async () => {
    const replies = await say('zhang.min', '新客户 蓝鲸通信 深圳 通信 联系人 张三 13800138000');
    expect(textOf(replies)).toMatch(/^已创建客户 蓝鲸通信，负责人是你。/);
    const card = cardOf(replies);
    expect(card.fields).toContainEqual(['城市', '深圳']);
    expect(card.fields).toContainEqual(['行业', '通信']);
    expect(card.fields).toContainEqual(['联系人', '张三 13800138000']);
    expect(card.fields).toContainEqual(['负责人', '张敏']);
  });

  it('creates from English with commas, spaces in names and an e-mail', async () => {
    const replies = await say(
      'alice.chen',
      'new customer Acme Widgets, Boston, retail, contact Jane Doe jane@acme.example, age 41',
    );
    expect(textOf(replies)).toMatch(/^Created customer Acme Widgets/);
    expect(await byName('Acme Widgets')).toMatchObject({
      city: 'Boston',
      industry: 'retail',
      contact: 'Jane Doe',
      email: 'jane@acme.example',
      age: 41,
      ageBand: '35-44',
    });
  });

  it('catches duplicate names across case and width, pointing at the existing one', async () => {
    const text = textOf(await say('alice.chen', 'new customer ＡＣＭＥ  widgets, Austin'));
    expect(text).toBe('Customer "Acme Widgets" already exists (owner: Alice Chen); not created again.');
    expect(await Customer.countDocuments({ nameKey: 'acme widgets' })).toBe(1);
  });

  it('follow-up: logs, sets last/next dates and stage; unknown channel word is note text', async () => {
    const text = textOf(await say('zhang.min', '跟进 蓝鲸通信 电话 确认了报价 下次 2027-01-05 阶段 方案'));
    expect(text).toBe('已记录对 蓝鲸通信 的跟进。 下次跟进：2027-01-05。 阶段：方案。');
    const c = await byName('蓝鲸通信');
    expect(c?.stage).toBe('proposal');
    expect(c?.lastFollowUpAt).toBeTruthy();
    expect(c?.nextFollowUpAt?.toISOString()).toBe('2027-01-04T16:00:00.000Z');
    await say('zhang.min', '跟进 蓝鲸通信 飞书 发了资料');
    const last = await FollowUp.findOne({ customerId: c?._id }).sort({ at: -1 }).lean();
    expect(last).toMatchObject({ channel: 'other', note: '飞书 发了资料' });
  });

  it('bad follow-ups write nothing and say why', async () => {
    const before = await logCount('蓝鲸通信');
    expect(textOf(await say('zhang.min', '跟进 蓝鲸通信'))).toMatch(/^请写上跟进内容。/);
    expect(textOf(await say('zhang.min', '跟进 蓝鲸通信 电话'))).toMatch(/^请写上跟进内容。/);
    expect(textOf(await say('zhang.min', '跟进 蓝鲸通信 电话 聊了 下次 2020-01-01'))).toMatch(/已经过去了/);
    const none = cardOf(await say('zhang.min', '跟进 不存在的公司 电话 聊了'));
    expect(none.title).toBe('没有找到客户“不存在的公司”。');
    expect(none.actions[0]).toMatchObject({ actionId: 'crm.customer.quickCreate', value: '不存在的公司' });
    expect(await logCount('蓝鲸通信')).toBe(before);
  });

  it('several fuzzy matches → a pick card; picking logs on the chosen one', async () => {
    await say('zhang.min', '新客户 星河电子 上海');
    await say('zhang.min', '新客户 星河物流 广州');
    const card = cardOf(await say('zhang.min', '跟进 星河 拜访 送样品'));
    expect(card.actions.map((a) => a.label).sort()).toEqual(['星河物流', '星河电子']);
    const pick = card.actions.find((a) => a.label === '星河物流');
    expect(textOf(await click('zhang.min', 'crm.followUp.pick', pick?.value ?? ''))).toBe(
      '已记录对 星河物流 的跟进。',
    );
    const last = await FollowUp.findOne({ customerId: (await byName('星河物流'))?._id, kind: 'note' }).lean();
    expect(last).toMatchObject({ channel: 'visit', note: '送样品' });
  });

  it('profile card: last follow-ups; visible to owner, manager, admin — not to other sales', async () => {
    const card = cardOf(await say('zhang.min', '客户 蓝鲸通信'));
    expect(card.title).toBe('蓝鲸通信');
    expect(card.body).toMatch(/\[电话\] 确认了报价/);
    expect(cardOf(await say('wang.fang', '客户 蓝鲸通信')).title).toBe('蓝鲸通信');
    expect(cardOf(await say('li.wei', '客户 蓝鲸通信')).title).toBe('蓝鲸通信');
    expect(textOf(await say('alice.chen', '客户 蓝鲸通信'))).toBe('客户“蓝鲸通信”不归你管，无权查看。');
    const before = await logCount('蓝鲸通信');
    expect(textOf(await say('alice.chen', 'follow up 蓝鲸通信 call hi'))).toBe(
      '客户“蓝鲸通信”不归你管，无权查看。',
    );
    expect(await logCount('蓝鲸通信')).toBe(before);
    expect(textOf(await say('bob.smith', 'my customers'))).toBe('The CRM is for sales, managers and admins.');
    expect(textOf(await say('chen.jie', '客户 蓝鲸通信'))).toBe('客户“蓝鲸通信”不归你管，无权查看。');
    expect(textOf(await say('chen.jie', '公海'))).toBe('公海仅对销售开放。');
  });

  it('my customers (by next follow-up) and due follow-ups (today and overdue)', async () => {
    await say('zhang.min', '跟进 星河电子 微信 约了时间 下次 今天');
    const mine = cardOf(await say('zhang.min', '我的客户'));
    const names = mine.fields.map((f) => f[0]);
    expect(names.indexOf('星河电子')).toBeLessThan(names.indexOf('蓝鲸通信'));
    const dates = mine.fields.map((f) => f[1].split(' · ')[1] ?? '').filter((d) => d !== '–');
    expect(dates).toEqual([...dates].sort());
    const due = cardOf(await say('zhang.min', '今日跟进'));
    expect(due.fields.map((f) => f[0])).toContain('星河电子');
    expect(due.fields.map((f) => f[0])).not.toContain('蓝鲸通信');
    const today = DateTime.fromJSDate(testNow(), { zone: 'Asia/Shanghai' }).toISODate() as string;
    for (const [, line] of due.fields) expect((line.split(' · ')[1] ?? '') <= today).toBe(true);
  });
});

describe('CRM pool', () => {
  it('release asks for a reason; released customers are in the pool; claim takes them', async () => {
    expect(textOf(await say('zhang.min', '放弃 星河物流'))).toBe('为什么放弃 星河物流？');
    expect((await byName('星河物流'))?.ownerId).not.toBeNull();
    expect(textOf(await say('alice.chen', 'release 星河物流 no budget'))).toBe(
      '星河物流 不是你的客户，不能放弃。',
    );
    expect(textOf(await say('zhang.min', '放弃 星河物流 客户预算取消'))).toBe(
      '已放弃 星河物流（原因：其他），客户回到公海。',
    );
    expect((await byName('星河物流'))?.ownerId).toBeNull();
    const pool = cardOf(await say('alice.chen', 'pool'));
    expect(pool.fields.map((f) => f[0])).toContain('星河物流');
    expect(textOf(await say('alice.chen', 'claim 星河物流'))).toBe('已领取 星河物流，现在由你负责。');
    expect(textOf(await say('zhang.min', '领取 星河物流'))).toBe('星河物流 已被 Alice Chen 领取。');
  });

  it('two salespeople claiming the same customer at once → one owner, the other told who', async () => {
    await say('zhang.min', '新客户 并发测试甲 北京');
    await say('zhang.min', '放弃 并发测试甲 测试');
    const [a, b] = await Promise.all([
      say('zhang.min', '领取 并发测试甲'),
      say('alice.chen', 'claim 并发测试甲'),
    ]);
    const texts = [textOf(a), textOf(b)];
    const owner = await byName('并发测试甲');
    const winner = String(owner?.ownerId);
    expect(texts.filter((t) => /^已领取|^Claimed/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /已被 .* 领取|already claimed by/.test(t))).toHaveLength(1);
    expect(winner).not.toBe('null');
    expect(await FollowUp.countDocuments({ customerId: owner?._id, kind: 'claimed' })).toBe(1);
  });
});

describe('CRM tickets and analytics', () => {
  it('ticket → owner gets a card; take; resolve with a note; owner told', async () => {
    const card = cardOf(await say('alice.chen', 'ticket 星河物流 scanner broken'));
    const no = /TK-\d+/.exec(card.title)?.[0] ?? '';
    // she opened it and has it: nothing to take, only to resolve
    expect(card.actions.map((a) => a.actionId)).toEqual(['crm.ticket.resolve']);
    expect(textOf(await click('wang.fang', 'crm.ticket.take', no))).toMatch(`已接单 ${no}。`);
    expect(textOf(await click('wang.fang', 'crm.ticket.resolve', no))).toBe(
      `请回复：解决工单 ${no} <处理说明>`,
    );
    expect(textOf(await say('alice.chen', `resolve ticket ${no} rebooted`))).toBe(
      `${no} is not assigned to you.`,
    );
    expect(textOf(await say('wang.fang', `解决工单 ${no} 已更换扫描枪`))).toMatch(`已解决 ${no}。`);
    const told = (await cards('alice.chen')).filter((c) => c.title.includes(no)).at(-1);
    expect(told?.subtitle).toBe('resolved');
    expect(told?.fields).toContainEqual(['Resolution', '已更换扫描枪']);
  });

  it('analytics by city as a card with counts, shares and bars', async () => {
    const card = cardOf(await say('li.wei', '客户分析 城市'));
    expect(card.title).toBe('客户分析 · 按城市');
    expect(card.body).toMatch(/深圳\s+\d+\s+[\d.]+% █+/);
    const en = cardOf(await say('alice.chen', 'customer analytics by stage'));
    expect(en.title).toBe('Customers by stage');
  });

  it('analytics come with a chart: every value a bar, the pool its own; the web draws it as SVG', async () => {
    const card = cardOf(await say('li.wei', '客户分析 负责人'));
    const bars = card.chart?.kind === 'bar' ? card.chart.bars : [];
    expect(bars.map((b) => b.label)).toContain('公海');
    expect(bars.every((b) => b.label !== '')).toBe(true);
    const total = Number(/\d+/.exec(card.subtitle ?? '')?.[0]);
    expect(bars.reduce((sum, b) => sum + b.value, 0)).toBe(total);
    const svg = (card.chart as { svg?: string }).svg ?? '';
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('公海');
  });
});
