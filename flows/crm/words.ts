import type { AgeBand, LostReason, Stage } from '../../db/models/customer.js';
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
  到访: 'visit',
  洽谈: 'negotiation',
  negotiation: 'negotiation',
  negotiate: 'negotiation',
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
  negotiation: { 'zh-CN': '洽谈', en: 'negotiation' },
  other: { 'zh-CN': '其他', en: 'other' },
};

export const isAgeBand = (s: string): s is AgeBand => (AGE_BANDS as readonly string[]).includes(s);

export const LOST_REASON_LABEL: Record<LostReason, Text> = {
  price: { 'zh-CN': '价格', en: 'price' },
  competitor: { 'zh-CN': '竞争对手', en: 'competitor' },
  no_budget: { 'zh-CN': '没有预算', en: 'no budget' },
  no_response: { 'zh-CN': '无回应', en: 'no response' },
  not_fit: { 'zh-CN': '不匹配', en: 'not a fit' },
  other: { 'zh-CN': '其他', en: 'other' },
};

/** Words people write for a lost reason, both languages, lower case. */
export const LOST_REASON_WORDS: Record<string, LostReason> = {
  价格: 'price',
  太贵: 'price',
  price: 'price',
  竞争对手: 'competitor',
  竞品: 'competitor',
  competitor: 'competitor',
  没有预算: 'no_budget',
  无预算: 'no_budget',
  预算: 'no_budget',
  'no budget': 'no_budget',
  budget: 'no_budget',
  无回应: 'no_response',
  联系不上: 'no_response',
  'no response': 'no_response',
  不匹配: 'not_fit',
  'not a fit': 'not_fit',
  'not fit': 'not_fit',
  其他: 'other',
  other: 'other',
};
