import { defineCommand } from '../../src/bot/flow.js';
import { noArgs } from '../../src/bot/no-args.js';
import { trendCard } from './cards.js';
import { followUpTrend } from './follow-up-trend.js';
import { crmGuard } from './messages.js';

/** "跟进趋势": follow-ups week by week over the last 12 weeks, with a line chart. */
export const followUpTrendCommand = defineCommand<Record<string, never>>({
  area: 'crm',
  intent: 'crm.followUps.trend',
  keywords: {
    'zh-CN': ['跟进趋势', '跟进统计'],
    en: ['follow-up trend', 'follow-ups over time', 'followup trend'],
  },
  summary: {
    'zh-CN': '近 12 周每周的跟进次数（经理看团队，管理员看全公司）',
    en: 'Follow-ups per week over the last 12 weeks (managers: their team; admins: everyone)',
  },
  usage: { 'zh-CN': '跟进趋势', en: 'follow-up trend' },
  examples: { 'zh-CN': ['跟进趋势'], en: ['follow-ups over time'] },
  parse: noArgs,
  async handle(ctx) {
    if (!crmGuard(ctx)) return;
    ctx.reply({ card: trendCard(await followUpTrend(ctx.person, ctx.now), ctx.locale) });
  },
});
