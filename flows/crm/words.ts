import type { AgeBand, Stage } from '../../db/models/customer.js';
import { AGE_BANDS } from '../../db/models/customer.js';
import type { Channel } from '../../db/models/follow-up.js';
import type { Text } from '../../src/bot/i18n.js';

/** Words people write for stages and channels, both languages, lower case. */
export const STAGE_WORDS: Record<string, Stage> = {
  lead: 'lead',
  线索: 'lead',
  contacted: 'contacted',
  已联系: 'contacted',
  qualified: 'qualified',
  有意向: 'qualified',
  意向: 'qualified',
  proposal: 'proposal',
  方案: 'proposal',
  报价: 'proposal',
  won: 'won',
  赢单: 'won',
  成交: 'won',
  lost: 'lost',
  输单: 'lost',
  丢单: 'lost',
};

export const CHANNEL_WORDS: Record<string, Channel> = {
  call: 'call',
  phone: 'call',
  电话: 'call',
  visit: 'visit',
  拜访: 'visit',
  wechat: 'wechat',
  微信: 'wechat',
  email: 'email',
  'e-mail': 'email',
  邮件: 'email',
  meeting: 'meeting',
  会议: 'meeting',
};

export const STAGE_LABEL: Record<Stage, Text> = {
  lead: { 'zh-CN': '线索', en: 'lead' },
  contacted: { 'zh-CN': '已联系', en: 'contacted' },
  qualified: { 'zh-CN': '有意向', en: 'qualified' },
  proposal: { 'zh-CN': '方案', en: 'proposal' },
  won: { 'zh-CN': '赢单', en: 'won' },
  lost: { 'zh-CN': '输单', en: 'lost' },
};

export const CHANNEL_LABEL: Record<Channel, Text> = {
  call: { 'zh-CN': '电话', en: 'call' },
  visit: { 'zh-CN': '拜访', en: 'visit' },
  wechat: { 'zh-CN': '微信', en: 'WeChat' },
  email: { 'zh-CN': '邮件', en: 'e-mail' },
  meeting: { 'zh-CN': '会议', en: 'meeting' },
  other: { 'zh-CN': '其他', en: 'other' },
};

export const isAgeBand = (s: string): s is AgeBand => (AGE_BANDS as readonly string[]).includes(s);
