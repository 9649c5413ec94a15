import { z } from 'zod';
import { tr } from '../../../src/bot/i18n.js';
import { activateContract } from '../../contracts/api.js';
import { text } from './fields.js';
import type { RequestType } from './request-type.js';

/** What approvers read of a contract over the approval line (filed by the contracts flow). */
export type ContractApprovalData = {
  contractNo: string;
  customer: string;
  amount: number;
  currency: string;
  period: string;
  plan: string;
};

export const contract: RequestType<ContractApprovalData> = {
  type: 'contract',
  intent: 'approvals.contract',
  // filed by the contracts flow when a contract is written, never typed
  filedBy: 'contracts',
  keywords: { 'zh-CN': [], en: [] },
  label: { 'zh-CN': '合同审批', en: 'Contract' },
  usage: { 'zh-CN': '新合同 …', en: 'new contract …' },
  examples: { 'zh-CN': [], en: [] },
  fromText: () => ({ fields: {} }),
  schema: () =>
    z.object({
      contractNo: text(20),
      customer: text(200),
      amount: z.number().positive(),
      currency: text(3),
      period: text(40),
      plan: text(2000),
    }),
  formFields: [],
  describe: (d, locale) => [
    [tr(locale, { 'zh-CN': '合同', en: 'Contract' }), d.contractNo],
    [tr(locale, { 'zh-CN': '客户', en: 'Customer' }), d.customer],
    [tr(locale, { 'zh-CN': '金额', en: 'Amount' }), `${d.amount} ${d.currency}`],
    [tr(locale, { 'zh-CN': '期限', en: 'Period' }), d.period],
    [tr(locale, { 'zh-CN': '分期', en: 'Instalments' }), d.plan],
  ],
  measure: (d) => ({ amount: d.amount }),
  async onApproved({ no, data, at }) {
    await activateContract(data.contractNo, no, at);
  },
};
