import { beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import { detectLocale } from '../../src/bot/i18n.js';
import { interpret, type Verdict, verdictOf } from '../../src/bot/nlu/interpret.js';
import { createUnderstander, type Understander } from '../../src/bot/nlu/understand.js';
import { loadConfig } from '../../src/config.js';
import { CORPUS_NOW } from './evaluate.js';

let understander: Understander;
beforeAll(async () => {
  understander = await createUnderstander(flows, loadConfig().storeCacheDir);
});

const commands = flows.flatMap((f) => f.commands);
async function verdict(text: string): Promise<Verdict> {
  const locale = detectLocale(text, 'zh-CN');
  const ctx = { locale, now: CORPUS_NOW, tz: 'Asia/Shanghai', currency: 'CNY' };
  return verdictOf(await interpret(text, commands, understander, ctx), locale);
}

/**
 * The sentences issue 14 names as landing nowhere before the understanding layer, each with
 * the command (or the question) it must become. Read on Wednesday 2026-12-02, 10:00 Shanghai.
 */
describe('the sentences of the issue', () => {
  it.each<[string, object]>([
    ['我明天想请一天假', { intent: 'approvals.leave', ask: 'kind' }],
    ['can I take Friday off?', { intent: 'approvals.leave', ask: 'kind' }],
    ['还有多少路由器', { intent: 'stock.query', args: { query: '路由器' }, confirm: false }],
    ['how many routers left', { intent: 'stock.query', args: { query: 'routers' }, confirm: false }],
    [
      'log a call with 华东电子, they want a quote, follow up next Monday',
      {
        intent: 'crm.followUp',
        args: { body: '华东电子 电话 they want a quote', next: '2026-12-07' },
        confirm: true,
      },
    ],
    [
      '我要报销320打车费',
      {
        intent: 'approvals.expense',
        args: { amount: 320, currency: 'CNY', category: 'taxi' },
        confirm: true,
      },
    ],
    ['下班了', { intent: 'attendance.checkOut', confirm: true }],
    ["what's waiting for my approval", { intent: 'approvals.pending', args: {}, confirm: false }],
    ['你好', { greeting: true }],
    ['明天 half day 请假', { intent: 'approvals.leave', ask: 'half' }],
    ['交换机还剩几台', { intent: 'stock.query', args: { query: '交换机' } }],
    ['我到公司了', { intent: 'attendance.checkIn', confirm: true }],
    ['拜访了 Contoso', { intent: 'crm.followUp', ask: 'note' }],
    ['转交给王芳', { intent: 'approvals.reassign', ask: 'no' }],
  ])('%s', async (text, expected) => {
    expect(await verdict(text)).toMatchObject(expected);
  });
});

/** Slots of every kind the issue lists, in sentences of our own. */
describe('slots from anywhere in the sentence', () => {
  it.each<[string, object]>([
    ['中午请客户吃饭花了 58 元', { intent: 'approvals.expense', args: { amount: 58, currency: 'CNY' } }],
    [
      'please reimburse 120 dollars, team lunch',
      { args: { amount: 120, currency: 'USD', category: 'meals' } },
    ],
    ['住了两晚酒店 ¥1,200 要报销', { args: { amount: 1200, currency: 'CNY', category: 'travel' } }],
    [
      '给华信科技下 5 台路由器的单',
      { intent: 'orders.create', args: { customer: '华信科技', lines: [{ sku: '路由器', qty: 5 }] } },
    ],
    [
      'order 3 x SKU-1001 for Contoso',
      { args: { customer: 'Contoso', lines: [{ sku: 'SKU-1001', qty: 3 }] } },
    ],
    ['我生病了，后天请个假', { intent: 'approvals.leave', args: { kind: 'sick', from: '2026-12-04' } }],
    ['feeling ill, sick day tomorrow please', { args: { kind: 'sick', from: '2026-12-03' } }],
    ['刚给远航制造打了电话，他们下周三要方案', { intent: 'crm.followUp', args: { body: '~电话' } }],
    ['把 AP-1042 批了吧', { intent: 'approvals.approve', args: { no: 'AP-1042' } }],
    ['SO-1003 到哪一步了', { intent: 'orders.show', args: { no: 'SO-1003' } }],
    ['TK-1004 修好了，换了电源', { intent: 'crm.ticket.resolve' }],
    ['把 AP-1002 转交给王芳处理', { intent: 'approvals.reassign', args: { no: 'AP-1002', text: '王芳' } }],
  ])('%s', async (text, expected) => {
    const got = await verdict(text);
    expect(got).toMatchObject(
      JSON.parse(JSON.stringify(expected), (_k, v) =>
        typeof v === 'string' && v.startsWith('~') ? expect.stringContaining(v.slice(1)) : v,
      ),
    );
  });
});
