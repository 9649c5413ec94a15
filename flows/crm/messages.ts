import type { TurnContext } from '../../src/bot/flow.js';
import type { Text } from '../../src/bot/i18n.js';
import { usesCrm } from './access.js';

/** Bot copy of the CRM flow (cards keep their own labels). */
export const m = {
  salesOnly: {
    'zh-CN': '客户管理仅对销售、经理和管理员开放。',
    en: 'The CRM is for sales, managers and admins.',
  },
  poolSalesOnly: { 'zh-CN': '公海仅对销售开放。', en: 'The pool is for sales.' },
  created: { 'zh-CN': '已创建客户 {name}，负责人是你。', en: 'Created customer {name}; you own it.' },
  full: {
    'zh-CN': '你已有 {n} 个客户，达到上限 {max}。请先放弃一些客户。',
    en: 'You own {n} customers, the maximum is {max}. Release some first.',
  },
  hidden: { 'zh-CN': '客户“{name}”不归你管，无权查看。', en: 'Customer "{name}" is not yours to see.' },
  logged: { 'zh-CN': '已记录对 {name} 的跟进。', en: 'Follow-up on {name} logged.' },
  nextOn: { 'zh-CN': '下次跟进：{date}。', en: 'Next follow-up: {date}.' },
  stageNow: { 'zh-CN': '阶段：{stage}。', en: 'Stage: {stage}.' },
  claimed: { 'zh-CN': '已领取 {name}，现在由你负责。', en: 'Claimed {name}; it is yours now.' },
  takenBy: { 'zh-CN': '{name} 已被 {owner} 领取。', en: '{name} was already claimed by {owner}.' },
  yours: { 'zh-CN': '{name} 已经是你的客户。', en: '{name} is already yours.' },
  released: {
    'zh-CN': '已放弃 {name}（原因：{reason}），客户回到公海。',
    en: 'Released {name} to the pool (reason: {reason}).',
  },
  lostRecorded: {
    'zh-CN': '已记录 {name} 的输单原因：{reason}。',
    en: 'Recorded why {name} was lost: {reason}.',
  },
  notOwner: { 'zh-CN': '{name} 不是你的客户，不能放弃。', en: '{name} is not yours to release.' },
  problem: { 'zh-CN': '请写上问题描述。', en: 'Describe the problem.' },
  ticketTaken: { 'zh-CN': '已接单 {no}。', en: 'You took {no}.' },
  ticketResolved: { 'zh-CN': '已解决 {no}。', en: 'Resolved {no}.' },
  ticketClosed: { 'zh-CN': '{no} 已经解决了。', en: '{no} is already resolved.' },
  ticketNotYours: { 'zh-CN': '{no} 不是分配给你的工单。', en: '{no} is not assigned to you.' },
  ticketUnknown: { 'zh-CN': '没有工单 {no}。', en: 'There is no ticket {no}.' },
  resolveHow: {
    'zh-CN': '请回复：解决工单 {no} <处理说明>',
    en: 'Reply: resolve ticket {no} <what was done>',
  },
  returned: {
    'zh-CN': '{name} 已 {days} 天没有跟进，已退回公海。',
    en: '{name} had no follow-up for {days} days and went back to the pool.',
  },
  gone: { 'zh-CN': '这个客户已不存在。', en: 'That customer no longer exists.' },
} satisfies Record<string, Text>;

/** Refuses people outside sales with one line; true when the turn may go on. */
export function crmGuard(ctx: TurnContext): boolean {
  if (usesCrm(ctx.person)) return true;
  ctx.reply({ text: m.salesOnly[ctx.locale] });
  return false;
}

export const viewerOf = (ctx: TurnContext) => ({
  id: ctx.person.id,
  locale: ctx.locale,
  timezone: ctx.person.timezone,
});

/** A button's JSON value, or null when it is not JSON (an old or forged button). */
export function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}
