import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { Customer } from '../../db/models/customer.js';
import { Employee } from '../../db/models/employee.js';
import { FollowUp } from '../../db/models/follow-up.js';
import { SalesOrder } from '../../db/models/sales-order.js';
import { customerOrders } from '../../flows/orders/keys.js';
import type { Button, Card, Locale } from '../../src/bot/types.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, demo, textOf } from '../helpers/chat.js';
import { testNow } from '../helpers/clock.js';

const app = useTestApp();
const { say, press } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const byName = (name: string) => Customer.findOne({ name }).lean();
/** The button labelled `label` on `card`, as the page would send it in `locale`. */
function button(card: Card, label: string, locale: Locale): Button {
  const found = card.actions.find((a) => a.label === label);
  if (!found) throw new Error(`no button ${label} on ${card.title}`);
  return { ...found, locale };
}
const idOf = async (user: string) => (await Employee.findOne({ email: demo(user) }).lean())?._id;

describe('duplicate check on create', () => {
  it('the same name with another legal form, width or case is refused, naming the owner', async () => {
    expect(textOf(await say('zhang.min', '新客户 蓝天科技有限公司 深圳 联系人 王五 13800001234'))).toMatch(
      /^已创建客户 蓝天科技有限公司/,
    );
    const refused = cardOf(await say('wang.fang', '新客户 蓝天科技股份 深圳'));
    expect(refused.title).toBe('已有客户“蓝天科技有限公司”（负责人：张敏），不再新建。');
    await say('alice.chen', 'new customer Acme Trading Inc., Austin');
    const wide = cardOf(await say('zhang.min', 'new customer ＡＣＭＥ  trading, Boston'));
    expect(wide.title).toBe(
      'Customer "Acme Trading Inc." already exists (owner: Alice Chen); not created again.',
    );
    const again = cardOf(await say('alice.chen', 'new customer 蓝天科技, Shenzhen'));
    expect(again.title).toBe('已有客户“蓝天科技有限公司”（负责人：张敏），不再新建。');
    const existing = await byName('蓝天科技有限公司');
    expect(again.actions).toEqual([
      expect.objectContaining({ actionId: 'crm.customer.pick', value: String(existing?._id) }),
    ]);
    expect(await Customer.countDocuments({ name: /蓝天/ })).toBe(1);
  });

  it('a shared phone or e-mail asks first; "create anyway" creates it', async () => {
    const near = cardOf(await say('wang.fang', '新客户 蓝海电子 广州 13800001234'));
    expect(near.title).toBe('已有相似的客户，确定要新建“蓝海电子”吗？');
    expect(near.fields).toContainEqual(['蓝天科技有限公司', '张敏 · 电话相同']);
    expect(await byName('蓝海电子')).toBeNull();
    expect(textOf(await press('wang.fang', button(near, '仍然新建', 'zh-CN')))).toMatch(
      /^已创建客户 蓝海电子/,
    );
    expect((await byName('蓝海电子'))?.phone).toBe('13800001234');
  });

  it('pool customers count too: an e-mail in the pool is named with the pool', async () => {
    await Customer.create({
      name: 'Harbor Freight Co',
      nameKey: 'harbor freight co',
      email: 'ops@harbor.example',
      ownerId: null,
      activeAt: testNow(),
    });
    await app.current.post('/api/crm/recount', {}, auth);
    const near = cardOf(await say('alice.chen', 'new customer Seaside Ltd, contact Bo OPS@harbor.example'));
    expect(near.fields).toContainEqual(['Harbor Freight Co', 'pool · same e-mail']);
  });

  it('a CSV import refuses rows duplicating a customer or each other by folded name', async () => {
    const csv = ['name,city', '蓝天科技股份,深圳', '导入新甲,杭州', '导入新甲有限公司,杭州'].join('\n');
    const res = await fetch(`${app.current.url}/api/import/customers`, {
      method: 'POST',
      headers: auth,
      body: csv,
    });
    expect(res.status).toBe(400);
    const rows = ((await res.json()) as { rows: { line: number; message: string }[] }).rows;
    expect(rows).toEqual([
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(/duplicates existing 蓝天科技有限公司/),
      }),
      expect.objectContaining({ line: 4, message: expect.stringMatching(/already appears on line 3/) }),
    ]);
    expect(await Customer.countDocuments({ name: /导入新甲/ })).toBe(0);
  });
});

describe('lost reasons', () => {
  it('release with a reason from the list: stored on the customer and its history', async () => {
    await say('zhang.min', '新客户 流失甲 杭州');
    expect(textOf(await say('zhang.min', '释放 流失甲 原因 价格 对方嫌贵'))).toBe(
      '已放弃 流失甲（原因：价格），客户回到公海。',
    );
    const doc = await byName('流失甲');
    expect(doc).toMatchObject({ ownerId: null, lostReason: 'price', lostNote: '对方嫌贵' });
    expect(await FollowUp.findOne({ customerId: doc?._id, kind: 'released' }).lean()).toMatchObject({
      note: 'price · 对方嫌贵',
    });
    const card = cardOf(await say('wang.fang', '客户 流失甲'));
    expect(card.body).toMatch(/放弃 价格 · 对方嫌贵/);
  });

  it('no reason: the list as buttons; a button releases with it; others may not', async () => {
    await say('zhang.min', '新客户 流失乙 杭州');
    const ask = cardOf(await say('zhang.min', '释放 流失乙'));
    expect(ask.title).toBe('为什么放弃 流失乙？');
    expect(ask.actions.map((a) => a.label)).toEqual([
      '价格',
      '竞争对手',
      '没有预算',
      '无回应',
      '不匹配',
      '其他',
    ]);
    expect((await byName('流失乙'))?.ownerId).not.toBeNull();
    expect(textOf(await press('alice.chen', button(ask, '竞争对手', 'en')))).toBe(
      'Customer "流失乙" is not yours to see.',
    );
    expect(textOf(await press('zhang.min', button(ask, '竞争对手', 'zh-CN')))).toBe(
      '已放弃 流失乙（原因：竞争对手），客户回到公海。',
    );
    expect(await byName('流失乙')).toMatchObject({ ownerId: null, lostReason: 'competitor' });
    expect(textOf(await press('zhang.min', { ...button(ask, '价格', 'zh-CN'), value: '{bad' }))).toBe(
      '这个客户已不存在。',
    );
  });

  it('stage lost on a follow-up: a reason said is recorded, none is asked for', async () => {
    await say('zhang.min', '新客户 流失丙 杭州');
    await say('zhang.min', '新客户 流失丁 杭州');
    const said = await say('zhang.min', '跟进 流失丙 电话 客户选了别家 阶段 输单 原因 竞争对手');
    expect(textOf(said)).toMatch(/已记录 流失丙 的输单原因：竞争对手。/);
    expect(await byName('流失丙')).toMatchObject({ stage: 'lost', lostReason: 'competitor' });
    const ask = cardOf(await say('zhang.min', '跟进 流失丁 电话 不做了 阶段 输单'));
    expect(ask.title).toBe('流失丁 为什么输单？');
    expect(textOf(await press('zhang.min', button(ask, '没有预算', 'zh-CN')))).toBe(
      '已记录 流失丁 的输单原因：没有预算。',
    );
    expect(await byName('流失丁')).toMatchObject({
      stage: 'lost',
      lostReason: 'no_budget',
      ownerId: expect.anything(),
    });
  });

  it('analytics by lost reason, in chat and over the API (never-lost customers left out)', async () => {
    const res = await app.current.get('/api/crm/analytics?by=lost_reason', auth);
    expect(res.status).toBe(200);
    const rows = res.json.rows as { key: string; count: number }[];
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'price', count: 1 }),
        expect.objectContaining({ key: 'competitor', count: 2 }),
        expect.objectContaining({ key: 'no_budget', count: 1 }),
      ]),
    );
    expect(rows.some((r) => r.key === '')).toBe(false);
    const card = cardOf(await say('li.wei', '客户分析 流失原因'));
    expect(card.title).toBe('客户分析 · 按流失原因');
    expect(card.body).toMatch(/竞争对手/);
    expect(cardOf(await say('li.wei', 'customer analytics by lost reason')).body).toMatch(/competitor/);
  });
});

describe('visits, negotiations and the profile', () => {
  it('a negotiation keeps price and next step; a visit its place; the profile shows cadence and stages', async () => {
    await say('zhang.min', '新客户 洽谈客户 上海');
    await say('zhang.min', '跟进 洽谈客户 电话 初次联系 阶段 已联系');
    const text = textOf(
      await say('zhang.min', '跟进 洽谈客户 洽谈 谈了年框 价格 12万 阶段 方案 下一步 下周发合同'),
    );
    expect(text).toMatch(/^已记录对 洽谈客户 的跟进。/);
    const c = await byName('洽谈客户');
    expect(await FollowUp.findOne({ customerId: c?._id, channel: 'negotiation' }).lean()).toMatchObject({
      price: '12万',
      nextStep: '下周发合同',
    });
    await say('zhang.min', '跟进 洽谈客户 拜访 现场演示 地点 南山园区');
    expect(await FollowUp.findOne({ customerId: c?._id, channel: 'visit' }).lean()).toMatchObject({
      place: '南山园区',
    });
    const card = cardOf(await say('zhang.min', '客户 洽谈客户'));
    expect(card.body).toMatch(/阶段变化:\n\d{4}-\d\d-\d\d 方案 ← \d{4}-\d\d-\d\d 已联系/);
    expect(card.body).toMatch(/跟进节奏:\n最近 3 次平均每 0\.0 天一次；距上次 0 天/);
    expect(card.body).toMatch(/下一步:\n下周发合同/);
    expect(card.body).toMatch(/\[洽谈\] 谈了年框/);
  });

  it('the profile shows orders and revenue of the last 12 months, per currency', async () => {
    const c = await byName('洽谈客户');
    const owner = await idOf('zhang.min');
    const line = (price: number, currency: string) => ({
      sku: 'X',
      qty: 2,
      warehouseId: new mongoose.Types.ObjectId(),
      price,
      currency,
    });
    const at = (months: number) => DateTime.fromJSDate(testNow()).minus({ months }).toJSDate();
    const orders = [
      { no: 'SO-P1', lines: [line(100, 'CNY')], createdAt: at(1), status: 'placed' },
      { no: 'SO-P2', lines: [line(10.5, 'USD')], createdAt: at(2), status: 'delivered' },
      { no: 'SO-P3', lines: [line(999, 'CNY')], createdAt: at(13), status: 'delivered' },
      { no: 'SO-P4', lines: [line(999, 'CNY')], createdAt: at(1), status: 'cancelled' },
    ];
    for (const o of orders) {
      const _id = new mongoose.Types.ObjectId();
      // raw insert: mongoose would stamp createdAt with the machine's clock
      await SalesOrder.collection.insertOne({
        _id,
        ...o,
        customerId: c?._id,
        customerName: '洽谈客户',
        ownerId: owner,
        history: [],
        version: 0,
        updatedAt: o.createdAt,
      });
      await customerOrders.add(c?._id as mongoose.Types.ObjectId, [_id]);
    }
    const card = cardOf(await say('zhang.min', '客户 洽谈客户'));
    expect(card.body).toMatch(
      /近 12 个月:\n2 个订单 · .*200\.00.*21\.00|近 12 个月:\n2 个订单 · .*21\.00.*200\.00/,
    );
  });
});

describe('field check-in at a customer', () => {
  it('records an attendance punch of kind field and a visit follow-up, from one command', async () => {
    const text = textOf(await say('zhang.min', '外勤打卡 洽谈客户 南山园区'));
    expect(text).toMatch(/^已外勤打卡：洽谈客户 @ 南山园区，\d\d:\d\d。拜访已记入客户跟进。/);
    const me = await idOf('zhang.min');
    const date = DateTime.fromJSDate(testNow(), { zone: 'Asia/Shanghai' }).toISODate();
    const day = await AttendanceDay.findById(`${me}:${date}`).lean();
    expect(day?.checkInAt).toBeTruthy();
    expect(day?.fieldPunches).toEqual([expect.objectContaining({ place: '南山园区', customer: '洽谈客户' })]);
    const c = await byName('洽谈客户');
    expect(await FollowUp.countDocuments({ customerId: c?._id, channel: 'visit', place: '南山园区' })).toBe(
      2,
    );
    expect(textOf(await say('zhang.min', '外勤打卡 洽谈客户'))).not.toMatch(/上班打卡/);
    expect((await AttendanceDay.findById(`${me}:${date}`).lean())?.fieldPunches).toHaveLength(2);
  });

  it('bad input and people outside sales get a reply and nothing written', async () => {
    expect(textOf(await say('zhang.min', '外勤打卡'))).toMatch(/请写上客户名称。/);
    expect(cardOf(await say('zhang.min', '外勤打卡 不存在的公司')).title).toBe(
      '没有找到客户“不存在的公司”。',
    );
    expect(textOf(await say('bob.smith', 'field check-in at Acme Widgets'))).toBe(
      'The CRM is for sales, managers and admins.',
    );
    const bob = await idOf('bob.smith');
    expect(await AttendanceDay.countDocuments({ employeeId: bob, 'fieldPunches.0': { $exists: true } })).toBe(
      0,
    );
  });
});
