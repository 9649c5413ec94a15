import type { Text } from '../../src/bot/i18n.js';

/** Bot copy of the contracts flow (cards keep their own labels). */
export const m = {
  forbidden: {
    'zh-CN': '合同仅对销售、经理、财务和管理员开放。',
    en: 'Contracts are for sales, managers, finance and admins.',
  },
  writersOnly: {
    'zh-CN': '新建合同仅限销售、经理和管理员。',
    en: 'Contracts are written by sales, managers and admins.',
  },
  noCustomer: {
    'zh-CN': '没有找到客户“{name}”。先建客户：新客户 {name}',
    en: 'No customer "{name}". Create it first: new customer {name}',
  },
  hidden: { 'zh-CN': '客户“{name}”不归你管。', en: 'Customer "{name}" is not yours.' },
  which: {
    'zh-CN': '有几个客户符合“{name}”：{names}。请写全名。',
    en: 'Several customers match "{name}": {names}. Write the full name.',
  },
  created: {
    'zh-CN': '已创建合同 {no}（{customer}，{amount}），已生效。',
    en: 'Contract {no} ({customer}, {amount}) created; it is active.',
  },
  createdWaiting: {
    'zh-CN': '已创建合同 {no}（{customer}，{amount}），超过审批线，已提交审批 {ap}，通过后生效。',
    en: 'Contract {no} ({customer}, {amount}) created; it is over the approval line, so approval {ap} was requested. It becomes active once approved.',
  },
  unknown: { 'zh-CN': '没有合同 {no}。', en: 'There is no contract {no}.' },
  notYours: { 'zh-CN': '合同 {no} 不归你管。', en: 'Contract {no} is not yours to see.' },
  paid: {
    'zh-CN': '已记录 {no} 收款 {amount}（{parts}）。待收 {left}。',
    en: 'Payment of {amount} on {no} recorded ({parts}). Still receivable: {left}.',
  },
  paidInFull: { 'zh-CN': '合同 {no} 已全部收齐。', en: 'Contract {no} is now paid in full.' },
  part: { 'zh-CN': '第 {n} 期 {amount}', en: 'instalment {n}: {amount}' },
  notActive: {
    'zh-CN': '合同 {no} 还在审批中（{ap}），通过后才能收款。',
    en: 'Contract {no} is still awaiting approval ({ap}); payments can be recorded once it is approved.',
  },
  alreadyPaid: { 'zh-CN': '合同 {no} 已经收齐了。', en: 'Contract {no} is already paid in full.' },
  tooMuch: {
    'zh-CN': '收款 {amount} 超过了合同 {no} 的待收金额 {left}。',
    en: 'A payment of {amount} is more than the {left} still receivable on {no}.',
  },
  currency: {
    'zh-CN': '合同 {no} 以 {currency} 计价，收款写的是 {got}。',
    en: 'Contract {no} is in {currency}; the payment says {got}.',
  },
  noneForCustomer: { 'zh-CN': '{name} 还没有你可查看的合同。', en: '{name} has no contracts you can see.' },
} satisfies Record<string, Text>;
