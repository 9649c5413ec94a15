import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseFollowUp } from '../../../flows/crm/parse-follow-up.js';
import { readers } from '../../../flows/crm/readers.js';
import type { ParseContext } from '../../../src/bot/flow.js';

// Wednesday 10 March 2027: 周五 = 12th, next Monday = 15th, 下下周一 = 22nd
const now = DateTime.fromISO('2027-03-10T09:30', { zone: 'Asia/Shanghai' });
const zh: ParseContext = { locale: 'zh-CN', now, tz: 'Asia/Shanghai', currency: 'CNY' };
const en: ParseContext = { ...zh, locale: 'en' };
const read = (intent: string, text: string, ctx = /\p{Script=Han}/u.test(text) ? zh : en) => {
  const reader = readers[intent];
  if (!reader) throw new Error(`no reader for ${intent}`);
  return reader(text, ctx);
};

describe('follow-ups from sentences', () => {
  it('reads customer, channel, note and the next date near its cue, in English and Chinese', () => {
    expect(
      read('crm.followUp', 'log a call with 华信科技, they want a quote, follow up next Monday', en),
    ).toEqual({
      args: { body: '华信科技 call they want a quote', next: '2027-03-15' },
    });
    expect(read('crm.followUp', '刚才电话里远航制造说预算还没批，下下周一再联系')).toEqual({
      args: { body: '远航制造 电话 预算还没批', next: '2027-03-22' },
    });
    expect(read('crm.followUp', '拜访了 Contoso，聊了新方案')).toEqual({
      args: { body: 'Contoso 拜访 聊了新方案' },
    });
    expect(
      read(
        'crm.followUp',
        'met with Fabrikam Inc about the rollout, they asked for references, check back on Friday',
      ),
    ).toEqual({
      args: { body: 'Fabrikam Inc meeting about the rollout, they asked for references', next: '2027-03-12' },
    });
  });

  it('takes the date by its cue, not the first date written', () => {
    const r = read('crm.followUp', '3月8日拜访了金桥科技，演示很顺利，下周三再联系');
    expect(r).toMatchObject({ args: { next: '2027-03-17' } });
    expect(r).toMatchObject({ args: { body: expect.stringMatching(/^金桥科技 拜访 .*演示很顺利$/) } });
  });

  it('sets a stage only where the sentence sets one', () => {
    expect(read('crm.followUp', '博雅医疗微信确认了合同，阶段改成赢单')).toEqual({
      args: { body: '博雅医疗 微信 确认了合同', stage: 'won' },
    });
    expect(read('crm.followUp', 'emailed Litware the pricing sheet, mark them as proposal')).toEqual({
      args: { body: 'Litware email pricing sheet', stage: 'proposal' },
    });
    // a quote sent is news, not the proposal stage
    expect(read('crm.followUp', '给天合商贸发了报价，等回复')).toEqual({
      args: { body: '天合商贸 发了报价，等回复' },
    });
  });

  it('asks for the one missing piece, in a form the grammar finishes', () => {
    expect(read('crm.followUp', '我想记录一次跟进')).toEqual({
      problem: '跟进哪个客户？',
      ask: 'customer',
      rest: '',
    });
    const asked = read('crm.followUp', '给华信科技打了个电话，周五再联系');
    expect(asked).toEqual({
      problem: '跟进的内容是什么？',
      ask: 'note',
      rest: '华信科技 电话 下次 2027-03-12',
    });
    const rest = 'rest' in asked ? asked.rest : '';
    expect(parseFollowUp(`${rest} 对方在等预算`, zh)).toEqual({
      args: { body: '华信科技 电话 对方在等预算', next: '2027-03-12' },
    });
  });

  it('refuses a next date it cannot use', () => {
    expect(read('crm.followUp', 'called Northwind about renewal, follow up last Friday')).toEqual({
      problem: 'The next follow-up date 2027-03-05 is in the past.',
    });
    expect(read('crm.followUp', '拜访了金桥科技，聊得不错，过几天再联系')).toMatchObject({
      problem: expect.stringContaining('过几天'),
    });
  });
});

describe('customers from sentences', () => {
  it('reads a new customer in the grammar fields, whatever words are around them', () => {
    expect(
      read('crm.customer.create', '新建一个客户：鼎新材料，苏州，新材料，联系人王工 13911112222'),
    ).toEqual({
      args: { name: '鼎新材料', city: '苏州', industry: '新材料', contact: '王工', phone: '13911112222' },
    });
    expect(
      read(
        'crm.customer.create',
        'please add a new client called Harbor Freight Co, based in Xiamen, logistics',
      ),
    ).toEqual({
      args: { name: 'Harbor Freight Co', city: 'Xiamen', industry: 'logistics' },
    });
    expect(read('crm.customer.create', '认识了一家新公司叫云杉科技，在杭州的，来源是展会')).toEqual({
      args: { name: '云杉科技', city: '杭州', source: '展会' },
    });
  });

  it('asks for the name, and refuses parts it cannot place', () => {
    expect(read('crm.customer.create', '帮我加个新客户')).toEqual({
      problem: '客户叫什么名字？',
      ask: 'name',
      rest: '',
    });
    expect(
      read('crm.customer.create', 'add a new customer: Pine Labs, Suzhou, biotech, big deal'),
    ).toMatchObject({
      problem: expect.stringContaining('big deal'),
    });
  });

  it('finds the customer asked about, claimed or released', () => {
    expect(read('crm.customer.show', 'how is Litware doing these days?')).toEqual({
      args: { text: 'Litware' },
    });
    expect(read('crm.customer.show', '金桥科技最近有什么动静')).toEqual({ args: { text: '金桥科技' } });
    expect(read('crm.customer.show', '华信的情况给我看看')).toEqual({ args: { text: '华信' } });
    expect(read('crm.pool.claim', '远航制造归我吧')).toEqual({ args: { text: '远航制造' } });
    expect(read('crm.pool.claim', 'let me take Northwind Traders off the pool')).toEqual({
      args: { text: 'Northwind Traders' },
    });
    expect(read('crm.pool.release', '天合商贸退回公海吧，联系人离职了')).toEqual({
      args: { text: '天合商贸 联系人离职' },
    });
    expect(read('crm.pool.release', 'release Fabrikam, no budget this year')).toEqual({
      args: { text: 'Fabrikam no budget this year' },
    });
    expect(read('crm.pool.release', '把博雅医疗放回公海')).toEqual({
      problem: '为什么放回公海？',
      ask: 'reason',
      rest: '博雅医疗',
    });
  });
});

describe('tickets and analytics from sentences', () => {
  it('reads the customer and the problem, or asks for the problem', () => {
    expect(read('crm.ticket.create', '远航制造的路由器老是掉线，帮忙开个工单')).toEqual({
      args: { text: '远航制造 路由器老是掉线' },
    });
    expect(read('crm.ticket.create', 'Litware says the switch keeps rebooting')).toEqual({
      args: { text: 'Litware switch keeps rebooting' },
    });
    expect(read('crm.ticket.create', "Northwind's router keeps overheating, please log a ticket")).toEqual({
      args: { text: 'Northwind router keeps overheating' },
    });
    expect(read('crm.ticket.create', '帮金桥科技登记个售后问题：摄像头夜视模糊')).toEqual({
      args: { text: '金桥科技 摄像头夜视模糊' },
    });
    expect(read('crm.ticket.create', '给金桥科技开个工单')).toEqual({
      problem: '客户遇到了什么问题？',
      ask: 'problem',
      rest: '金桥科技',
    });
  });

  it('reads a resolution without the words that only say it is resolved', () => {
    expect(read('crm.ticket.resolve', 'TK-1020 搞定了，换了一根网线')).toEqual({
      args: { no: 'TK-1020', note: '换了一根网线' },
    });
    expect(read('crm.ticket.resolve', 'closed TK-1021 after a firmware update')).toEqual({
      args: { no: 'TK-1021', note: 'after a firmware update' },
    });
    expect(read('crm.ticket.resolve', 'TK-1022 修好了')).toEqual({
      problem: '怎么解决的？',
      ask: 'note',
      rest: 'TK-1022',
    });
    expect(read('crm.ticket.resolve', '那个工单解决了')).toMatchObject({ ask: 'no' });
  });

  it('picks the breakdown by its word, by city when none is said', () => {
    expect(read('crm.analytics', '客户都集中在哪些行业')).toEqual({ args: { by: 'industry' } });
    expect(read('crm.analytics', 'break our customers down by age')).toEqual({ args: { by: 'age' } });
    expect(read('crm.analytics', 'which sales rep owns the most accounts')).toEqual({
      args: { by: 'owner' },
    });
    expect(read('crm.analytics', '看看客户分布')).toEqual({ args: { by: 'city' } });
    expect(read('crm.customers.mine', '我手上还有几个客户')).toEqual({ args: {} });
  });
});

describe('visits, negotiations and losses from sentences', () => {
  it('a field check-in: the customer, then the place, without the words that only say check in', () => {
    expect(read('crm.visit.checkIn', '我到华信科技了，外勤打个卡')).toEqual({ args: { text: '华信科技' } });
    expect(read('crm.visit.checkIn', '外勤签到：天合商贸 滨江办公室')).toEqual({
      args: { text: '天合商贸 滨江办公室' },
    });
    expect(read('crm.visit.checkIn', '外勤打卡')).toMatchObject({
      problem: '在哪个客户处打卡？',
      ask: 'text',
    });
  });

  it('a negotiation is its own channel; a breakdown by lost reason has its words', () => {
    expect(read('crm.followUp', '和远航制造洽谈了一下，价格 12万，下一步 发合同')).toMatchObject({
      args: { body: expect.stringMatching(/^远航制造 洽谈 .*价格 12万/) },
    });
    expect(read('crm.analytics', '客户流失原因分析')).toEqual({ args: { by: 'lost_reason' } });
    expect(read('crm.analytics', 'why are we losing customers, by lost reason')).toEqual({
      args: { by: 'lost_reason' },
    });
  });
});
