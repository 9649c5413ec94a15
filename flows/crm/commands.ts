import { type CommandSpec, defineCommand, type ParseResult } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import { noArgs } from '../../src/bot/no-args.js';
import type { Locale } from '../../src/bot/types.js';
import { analyticsScope, customerBreakdown, type Dimension } from './analytics.js';
import { analyticsCard } from './cards.js';
import { customerForm } from './customer-form.js';
import { createAndTell, showCustomer, showList } from './customer-handlers.js';
import { exportFollowUpsCommand } from './export-command.js';
import { fieldCheckIn } from './field-check-in.js';
import { followUp } from './follow-up-handlers.js';
import { crmGuard } from './messages.js';
import { parseCustomer } from './parse-customer.js';
import { parseFollowUp } from './parse-follow-up.js';
import { claimByName, releaseByName } from './pool-handlers.js';
import { previewCustomer, previewFollowUp, previewResolve, previewText } from './preview.js';
import { resolveForm } from './resolve-form.js';
import { changeTicketAndTell, createTicket } from './ticket-handlers.js';
import { followUpTrendCommand } from './trend-command.js';

type L = { locale: Locale };
/** The rest of the line, required, with `missing` as the problem when empty. */
const textArg =
  (missing: Text) =>
  (rest: string, ctx: L): ParseResult<{ text: string }> =>
    rest ? { args: { text: rest.slice(0, 2000) } } : { problem: tr(ctx.locale, missing) };
const needName = { 'zh-CN': '请写上客户名称。', en: 'Give the customer name.' };
const needBoth = { 'zh-CN': '请写上客户名称和内容。', en: 'Give the customer name and the text.' };

const DIMENSION_WORDS: Record<string, Dimension> = {
  城市: 'city',
  city: 'city',
  年龄: 'age',
  age: 'age',
  行业: 'industry',
  industry: 'industry',
  阶段: 'stage',
  stage: 'stage',
  负责人: 'owner',
  owner: 'owner',
  流失原因: 'lost_reason',
  丢单原因: 'lost_reason',
  原因: 'lost_reason',
  'lost reason': 'lost_reason',
  lost_reason: 'lost_reason',
  reason: 'lost_reason',
};
function parseDimension(rest: string, ctx: L): ParseResult<{ by: Dimension }> {
  const word = rest
    .replace(/^(by|按)\s*/i, '')
    .trim()
    .toLowerCase();
  const by = word ? DIMENSION_WORDS[word] : 'city';
  return by
    ? { args: { by } }
    : {
        problem: tr(ctx.locale, {
          'zh-CN': '可按：城市、年龄、行业、阶段、负责人、流失原因。',
          en: 'By: city, age, industry, stage, owner or lost reason.',
        }),
      };
}

const spec = { area: 'crm' as const };
export const crmCommands: CommandSpec[] = [
  defineCommand({
    ...spec,
    intent: 'crm.customer.create',
    writes: true,
    preview: previewCustomer,
    keywords: { 'zh-CN': ['新客户', '新建客户'], en: ['new customer', 'add customer'] },
    summary: { 'zh-CN': '新建客户（归你负责）', en: 'Create a customer (you own it)' },
    usage: {
      'zh-CN':
        '新客户 <名称> [城市] [行业] [联系人 <姓名>] [电话] [邮箱] [年龄 <岁数|年龄段>] [来源 <来源>] [标签 <a/b>]',
      en: 'new customer <name>, [city], [industry], [contact <person>] [phone] [e-mail] [age <n|band>] [source <src>] [tags <a/b>]',
    },
    examples: {
      'zh-CN': ['新客户 华为 深圳 通信 联系人 张三 13800138000'],
      en: ['new customer Acme, Boston, retail, contact Jane jane@acme.example'],
    },
    parse: parseCustomer,
    handle: createAndTell,
    form: customerForm,
  }),
  defineCommand({
    ...spec,
    intent: 'crm.customer.show',
    keywords: { 'zh-CN': ['客户', '查看客户'], en: ['customer', 'show customer'] },
    summary: {
      'zh-CN': '客户资料、最近五次跟进和未结工单',
      en: 'A customer: profile, last five follow-ups, open tickets',
    },
    usage: { 'zh-CN': '客户 <名称>', en: 'customer <name>' },
    examples: { 'zh-CN': ['客户 华为'], en: ['customer Acme'] },
    parse: textArg(needName),
    handle: (ctx, { text }) => showCustomer(ctx, text),
  }),
  defineCommand({
    ...spec,
    intent: 'crm.customers.mine',
    keywords: { 'zh-CN': ['我的客户'], en: ['my customers'] },
    summary: { 'zh-CN': '我负责的客户，按下次跟进排序', en: 'Your customers, by next follow-up' },
    usage: { 'zh-CN': '我的客户', en: 'my customers' },
    examples: { 'zh-CN': ['我的客户'], en: ['my customers'] },
    parse: noArgs,
    handle: (ctx) => showList(ctx, 'mine'),
  }),
  defineCommand({
    ...spec,
    intent: 'crm.followUp',
    writes: true,
    preview: previewFollowUp,
    keywords: { 'zh-CN': ['跟进'], en: ['follow up', 'follow-up', 'followup'] },
    summary: { 'zh-CN': '记录一次客户跟进', en: 'Log a customer follow-up' },
    usage: {
      'zh-CN':
        '跟进 <客户> [电话|拜访|微信|邮件|会议|洽谈] <内容> [地点 <地点>] [价格 <价格>] [下次 <日期>] [阶段 <阶段>] [下一步 <下一步>]',
      en: 'follow up <customer> [call|visit|wechat|email|meeting|negotiation] <note> [place <place>] [price <price>] [next <date>] [stage <stage>] [next step <step>]',
    },
    examples: {
      'zh-CN': ['跟进 华为 电话 确认了报价 下次 下周一'],
      en: ['follow up Acme visit demo went well next Friday stage proposal'],
    },
    parse: parseFollowUp,
    handle: followUp,
  }),
  defineCommand({
    ...spec,
    intent: 'crm.visit.checkIn',
    writes: true,
    preview: previewText('customer'),
    keywords: {
      'zh-CN': ['外勤打卡', '外勤签到'],
      en: ['field check-in at', 'field check-in', 'field check in'],
    },
    summary: {
      'zh-CN': '在客户处外勤打卡（同时记一次拜访跟进）',
      en: 'Field check-in at a customer (also logs a visit)',
    },
    usage: { 'zh-CN': '外勤打卡 <客户> [地点]', en: 'field check-in at <customer> [place]' },
    examples: { 'zh-CN': ['外勤打卡 华为 坂田基地'], en: ['field check-in at Acme Boston office'] },
    parse: textArg(needName),
    handle: (ctx, { text }) => fieldCheckIn(ctx, text),
  }),
  defineCommand({
    ...spec,
    intent: 'crm.followUps.due',
    keywords: { 'zh-CN': ['今日跟进', '待跟进'], en: ['due follow-ups', 'due follow ups', 'follow-ups due'] },
    summary: { 'zh-CN': '今天要跟进和已逾期的客户', en: 'Customers due today or overdue' },
    usage: { 'zh-CN': '今日跟进', en: 'due follow-ups' },
    examples: { 'zh-CN': ['今日跟进'], en: ['due follow-ups'] },
    parse: noArgs,
    handle: (ctx) => showList(ctx, 'due'),
  }),
  defineCommand({
    ...spec,
    intent: 'crm.pool.list',
    keywords: { 'zh-CN': ['公海'], en: ['pool', 'customer pool'] },
    summary: { 'zh-CN': '公海里的客户', en: 'Customers in the shared pool' },
    usage: { 'zh-CN': '公海', en: 'pool' },
    examples: { 'zh-CN': ['公海'], en: ['pool'] },
    parse: noArgs,
    handle: (ctx) => showList(ctx, 'pool'),
  }),
  defineCommand({
    ...spec,
    intent: 'crm.pool.claim',
    writes: true,
    preview: previewText('customer'),
    keywords: { 'zh-CN': ['领取'], en: ['claim'] },
    summary: { 'zh-CN': '从公海领取客户', en: 'Claim a customer from the pool' },
    usage: { 'zh-CN': '领取 <客户>', en: 'claim <customer>' },
    examples: { 'zh-CN': ['领取 华为'], en: ['claim Acme'] },
    parse: textArg(needName),
    handle: (ctx, { text }) => claimByName(ctx, text),
  }),
  defineCommand({
    ...spec,
    intent: 'crm.pool.release',
    // said with a no ("不能批", "不需要了", "不跟了", "不要打扰")
    negative: true,
    writes: true,
    preview: previewText('release'),
    keywords: { 'zh-CN': ['放弃', '释放'], en: ['release'] },
    summary: { 'zh-CN': '把客户放回公海（写明原因）', en: 'Release a customer to the pool (with a reason)' },
    usage: {
      'zh-CN': '释放 <客户> [原因 价格|竞争对手|没有预算|无回应|不匹配|其他] [说明]',
      en: 'release <customer> [reason price|competitor|no budget|no response|not a fit|other] [note]',
    },
    examples: {
      'zh-CN': ['释放 华为 原因 价格 对方嫌贵'],
      en: ['release Acme reason competitor chose a rival'],
    },
    parse: textArg(needName),
    handle: (ctx, { text }) => releaseByName(ctx, text),
  }),
  defineCommand({
    ...spec,
    intent: 'crm.ticket.create',
    writes: true,
    preview: previewText('ticket'),
    keywords: { 'zh-CN': ['工单'], en: ['ticket'] },
    summary: { 'zh-CN': '为客户开服务工单', en: 'Open a service ticket for a customer' },
    usage: { 'zh-CN': '工单 <客户> <问题>', en: 'ticket <customer> <problem>' },
    examples: { 'zh-CN': ['工单 华为 设备无法开机'], en: ['ticket Acme printer jams'] },
    parse: textArg(needBoth),
    handle: (ctx, { text }) => createTicket(ctx, text),
  }),
  defineCommand<{ no: string; note: string }>({
    ...spec,
    intent: 'crm.ticket.resolve',
    writes: true,
    preview: previewResolve,
    keywords: { 'zh-CN': ['解决工单'], en: ['resolve ticket'] },
    summary: { 'zh-CN': '解决工单（写处理说明）', en: 'Resolve a ticket (with a note)' },
    usage: { 'zh-CN': '解决工单 <编号> <说明>', en: 'resolve ticket <no> <note>' },
    examples: { 'zh-CN': ['解决工单 TK-1001 已更换电源'], en: ['resolve ticket TK-1001 replaced the fuser'] },
    parse(rest, ctx) {
      const found = /^(TK-\d+)\s+(.+)$/i.exec(rest);
      return found?.[1] && found[2]
        ? { args: { no: found[1].toUpperCase(), note: found[2].slice(0, 2000) } }
        : {
            problem: tr(ctx.locale, {
              'zh-CN': '请写上工单号和处理说明。',
              en: 'Give the ticket number and what was done.',
            }),
          };
    },
    handle: (ctx, { no, note }) => changeTicketAndTell(ctx, no, { resolve: note }),
    form: resolveForm,
  }),
  defineCommand({
    ...spec,
    intent: 'crm.analytics',
    keywords: { 'zh-CN': ['客户分析'], en: ['customer analytics'] },
    summary: {
      'zh-CN': '客户分布：城市、年龄、行业、阶段、负责人',
      en: 'Where our customers are: by city, age, industry, stage, owner',
    },
    usage: {
      'zh-CN': '客户分析 [城市|年龄|行业|阶段|负责人|流失原因]',
      en: 'customer analytics [by city|age|industry|stage|owner|lost reason]',
    },
    examples: { 'zh-CN': ['客户分析 年龄'], en: ['customer analytics by city'] },
    parse: parseDimension,
    async handle(ctx, { by }) {
      if (!crmGuard(ctx)) return;
      ctx.reply({ card: analyticsCard(await customerBreakdown(by, analyticsScope(ctx.person)), ctx.locale) });
    },
  }),
  exportFollowUpsCommand,
  followUpTrendCommand,
];
