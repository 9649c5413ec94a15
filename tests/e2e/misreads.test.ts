import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { useTestApp } from '../helpers/app.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';

const app = useTestApp();
const { say, press } = chatAs(app);

/**
 * Bookkeeping every message may touch (its event id, a claim, an open question); everything
 * else — requests, punches, orders, ledger rows, customers, settings — must stay as it was.
 */
const BOOKKEEPING = new Set(['processedevents', 'claims', 'pendingactions', 'cachechanges', 'counters']);

async function snapshot(): Promise<Record<string, number>> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('no database');
  const counts: Record<string, number> = {};
  for (const c of await db.listCollections().toArray())
    if (!BOOKKEEPING.has(c.name) && !c.name.startsWith('agenda'))
      counts[c.name] = await db.collection(c.name).countDocuments();
  return counts;
}

const long = (n: number) => '家里有点事情'.repeat(Math.ceil(n / 6)).slice(0, n);

/**
 * Misreads, out-of-range values and things said but not understood: each gets a reply naming
 * what was wrong (or a question, or a card to confirm) and nothing is written. Written for this
 * test, in both languages; the clock is the tests' (Wednesday 2026-12-02, 10:00 in Shanghai).
 */
const CASES: [who: string, text: string, reply: string | RegExp][] = [
  ['zhang.min', '请假 明天到后年 年假 出国', /^看不懂日期“到后年”/],
  [
    'alice.chen',
    'leave Monday until next year annual round the world',
    /^I could not read the date "until next year"/,
  ],
  ['zhang.min', '请假 12月9日到12月7日 事假 搬家', /^结束日期早于开始日期（“12月9日到12月7日”）/],
  ['alice.chen', 'leave Jan 9 - Jan 6 sick flu', /^The end date is before the start date/],
  ['zhang.min', '请假 2月30日 事假 办证', /^没有这一天：“2月30日”/],
  ['zhang.min', '请假 过几天 年假 休息', /^“过几天”不是具体的一天/],
  ['zhang.min', `请假 明天 事假 ${long(520)}`, /^原因最多 500 字/],
  ['alice.chen', `leave tomorrow personal ${'x'.repeat(520)}`, /^Reason can be at most 500 characters/],
  ['zhang.min', '请假 明天 半天 事假 看病', '半天是上午还是下午？'],
  ['zhang.min', '补卡 明天 09:00 上班 忘了', /^日期不能是将来的日期\n用法：补卡/],
  ['zhang.min', '补卡 2026-10-01 09:00 上班 忘了', /^日期太早了（最多30天前）/],
  ['zhang.min', '报销 打车 去机场', '报销多少钱？'],
  ['alice.chen', 'expense 2000000 taxi airport', /^the amount must be over 0, at most 1,000,000/],
  [
    'alice.chen',
    'expense 12.345 taxi airport',
    /^the amount must be over 0, at most 1,000,000, with at most two decimals/,
  ],
  ['zhang.min', '出差 北京 下周一到周三 开会 预算 很多', /^看不懂“预算 很多”，什么也没有记录。/],
  [
    'alice.chen',
    'trip Beijing next Monday to Wednesday summit budget tbd',
    /^I could not read "budget tbd"; nothing was recorded\./,
  ],
  ['zhou.qiang', '采购 深圳华强 SKU-1001x10 单价 便宜点', /^看不懂“单价 便宜点”，什么也没有记录。/],
  ['zhou.qiang', 'purchase 深圳华强 SKU-1001x10 price twelve', /^看不懂“price twelve”/],
  ['zhou.qiang', '采购 深圳华强 SKU-1001x0', /^数量须为正整数/],
  ['zhang.min', '下单 完全不存在的公司XYZ SKU-1001x1', /^CRM 里没有客户“完全不存在的公司XYZ”，订单没有下。/],
  [
    'alice.chen',
    'order Nobody Corp SKU-1001x1',
    /^There is no customer "Nobody Corp" in the CRM; no order was placed\./,
  ],
  ['zhang.min', '下单 华信科技 SKU-1001x99999999', /^数量须为正整数（最多 1,000,000）/],
  ['wu.jun', '入库 SKU-1001 5000000', /^数量须为正整数（最多 1,000,000）/],
  ['wu.jun', '盘点 SKU-1001 -3', /^盘点数量须为 0 到 1,000,000 的整数/],
  ['zhang.min', '跟进 华信科技 电话 聊了方案 下次 明年', /^“明年”不是具体的一天/],
  ['alice.chen', 'follow up Contoso call talked pricing next someday', /^"someday" is not a day/],
  ['zhang.min', '跟进 华信科技 电话 聊了方案 下次 上周五', /^下次跟进日期 2026-11-27 已经过去了/],
  ['zhang.min', '跟进 华信科技 电话 聊了方案 阶段 随便', /^阶段是：线索、已联系/],
  ['li.wei', '考勤 2026-13', /^“2026-13”不是有效的月份/],
  ['li.wei', '考勤 2027-05', /^2027-05 还没到，没有考勤/],
  ['chen.jie', '团队考勤 明天', /^2026-12-03 还没到/],
  ['chen.jie', 'team attendance 2026-02-30', /^There is no such day: "2026-02-30"/],
  ['zhang.min', '免打扰 25:00-07:00', /^“25:00-07:00”不是时段/],
  ['zhang.min', '静音 天气', /^“天气”不是可选项/],
  ['wang.fang', '同意 AP-abc', /^请写上审批单号，如 AP-1001/],
  ['wang.fang', '拒绝 AP-1001', /^拒绝需要写明原因/],
  ['zhang.min', '新客户 蓝天科技 年龄 abc', /^年龄写数字或年龄段/],
  ['zhang.min', '新客户 蓝天科技 阶段 xyz', /^阶段是：线索、已联系/],
  ['zhang.min', 'x'.repeat(4001), /^That message is too long \(at most 4000 characters\); nothing was done/],
  ['zhang.min', '推进订单 SO-999999', /^没有订单 SO-999999/],
  ['zhou.qiang', '收货 PO-99999', /^没有采购单 PO-99999/],
  ['alice.chen', 'expense 50 zzz with Contoso', /^Which category\?/],
];

describe('what the bot cannot read, it asks about or refuses — and writes nothing', () => {
  it.each(CASES)('%s: %s', async (who, text, expected) => {
    const before = await snapshot();
    const reply = textOf(await say(who, text));
    if (typeof expected === 'string') expect(reply).toBe(expected);
    else expect(reply).toMatch(expected);
    expect(await snapshot()).toEqual(before);
  });

  it('leave that starts in the past is confirmed first; Submit files it once', async () => {
    const before = await ApprovalRequest.countDocuments();
    const card = cardOf(await say('zhang.min', '请假 上周一 年假 补休'));
    expect(card.title).toBe('请确认：发起请假申请');
    expect(card.body).toBe('开始日期 2026-11-23 已经过去了。确定要补请这段假吗？');
    expect(await ApprovalRequest.countDocuments()).toBe(before);
    const submit = card.actions.find((b) => b.actionId === 'confirm.submit');
    if (!submit) throw new Error('no Submit');
    expect(textOf(await press('zhang.min', submit))).toMatch(/^请假 AP-\d+/);
    expect(textOf(await press('zhang.min', submit))).toMatch(/已经处理过或已过期/);
    expect(await ApprovalRequest.countDocuments()).toBe(before + 1);
  });
});
