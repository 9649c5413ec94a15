import { type CommandSpec, defineCommand } from '../../src/bot/flow.js';
import { tr } from '../../src/bot/i18n.js';
import { noArgs } from '../../src/bot/no-args.js';
import { contractForm, paymentForm } from './form.js';
import { createAndTell, type PaymentArgs, payAndTell, showContracts, showMine } from './handlers.js';
import { parseContract } from './parse.js';
import { parsePayment } from './parse-payment.js';
import { previewContract, previewPayment } from './preview.js';

const spec = { area: 'contracts' as const };

export const contractCommands: CommandSpec[] = [
  defineCommand({
    ...spec,
    intent: 'contracts.create',
    writes: true,
    preview: previewContract,
    keywords: { 'zh-CN': ['新合同', '新建合同', '签合同'], en: ['new contract', 'add contract'] },
    summary: {
      'zh-CN': '新建客户合同（含分期；超过审批线先审批）',
      en: 'Write a customer contract (with instalments; large ones are approved first)',
    },
    usage: {
      'zh-CN':
        '新合同 <客户> <金额>[币种] <开始>到<结束> [分期 <金额> <日期>, <金额> <日期>…] [附件 <链接>]，或 新合同 <订单号> <开始>到<结束> [分期 …]（客户和金额取自订单）',
      en: 'new contract <customer> <amount>[currency] <start> to <end> [instalments <amount> <date>, …] [link <url>], or new contract <order no> <start> to <end> [instalments …] (customer and amount from the order)',
    },
    examples: {
      'zh-CN': [
        '新合同 华信科技 50000 2026-12-01到2027-11-30 分期 20000 12月15日, 30000 2027-03-01',
        '新合同 SO-1001 2026-12-01到2027-11-30',
      ],
      en: [
        'new contract Contoso Ltd 12000 USD Dec 1 to Nov 30 2027 instalments 5000 Dec 15, 7000 Mar 1 2027',
      ],
    },
    parse: parseContract,
    handle: createAndTell,
    form: contractForm,
  }),
  defineCommand<{ text: string }>({
    ...spec,
    intent: 'contracts.show',
    keywords: { 'zh-CN': ['合同', '查看合同'], en: ['contract', 'show contract', 'contracts of'] },
    summary: { 'zh-CN': '一份合同，或一个客户的合同', en: 'A contract, or a customer’s contracts' },
    usage: { 'zh-CN': '合同 <客户|编号>', en: 'contract <customer|number>' },
    examples: {
      'zh-CN': ['合同 HT-2026-0001', '合同 华信科技'],
      en: ['contract HT-2026-0001', 'contract Contoso Ltd'],
    },
    parse: (rest, ctx) =>
      rest
        ? { args: { text: rest.slice(0, 200) } }
        : {
            problem: tr(ctx.locale, {
              'zh-CN': '请写上客户或合同编号。',
              en: 'Give a customer or a contract number.',
            }),
          },
    handle: (ctx, { text }) => showContracts(ctx, text),
  }),
  defineCommand({
    ...spec,
    intent: 'contracts.mine',
    keywords: { 'zh-CN': ['我的合同'], en: ['my contracts'] },
    summary: { 'zh-CN': '我负责的合同和待收款', en: 'Your contracts and what is receivable' },
    usage: { 'zh-CN': '我的合同', en: 'my contracts' },
    examples: { 'zh-CN': ['我的合同'], en: ['my contracts'] },
    parse: noArgs,
    handle: (ctx) => showMine(ctx),
  }),
  defineCommand<PaymentArgs>({
    ...spec,
    intent: 'contracts.payment',
    writes: true,
    preview: previewPayment,
    keywords: { 'zh-CN': ['收款', '回款'], en: ['payment received', 'record payment', 'received payment'] },
    summary: {
      'zh-CN': '记录合同收款（按期次先后冲抵）',
      en: 'Record money received on a contract (oldest instalment first)',
    },
    usage: {
      'zh-CN': '收款 <合同号> <金额> [日期] [备注]',
      en: 'payment received <contract no> <amount> [date] [note]',
    },
    examples: {
      'zh-CN': ['收款 HT-2026-0001 20000 今天 银行转账'],
      en: ['payment received HT-2026-0001 5000 yesterday wire transfer'],
    },
    parse: parsePayment,
    handle: payAndTell,
    form: paymentForm,
  }),
];
