import { z } from 'zod';
import { tr } from '../../../src/bot/i18n.js';
import { text } from './fields.js';
import type { RequestType } from './request-type.js';

export type GeneralData = { title: string; text: string };

export const general: RequestType<GeneralData> = {
  type: 'general',
  intent: 'approvals.general',
  keywords: { 'zh-CN': ['通用审批', '申请'], en: ['request approval', 'approval request'] },
  label: { 'zh-CN': '通用审批', en: 'General request' },
  usage: { 'zh-CN': '通用审批 <标题>：<内容>', en: 'request approval <title>: <details>' },
  examples: {
    'zh-CN': ['通用审批 采购显示器：给新人配两台显示器'],
    en: ['request approval New monitors: two monitors for the new hires'],
  },
  fromText(rest) {
    const split = rest.search(/[:：]/);
    return {
      fields:
        split < 0 ? { title: rest, text: '' } : { title: rest.slice(0, split), text: rest.slice(split + 1) },
    };
  },
  schema: () => z.object({ title: text(120), text: text(2000) }),
  formFields: [
    {
      name: 'title',
      label: { 'zh-CN': '标题', en: 'Title' },
      kind: 'text',
      ask: { 'zh-CN': '申请什么？', en: 'What is the request?' },
    },
    {
      name: 'text',
      label: { 'zh-CN': '内容', en: 'Details' },
      kind: 'textarea',
      ask: { 'zh-CN': '具体说明一下？', en: 'Any details?' },
    },
  ],
  describe: (d, locale) => [
    [tr(locale, { 'zh-CN': '标题', en: 'Title' }), d.title],
    [tr(locale, { 'zh-CN': '内容', en: 'Details' }), d.text],
  ],
  measure: () => ({}),
};
