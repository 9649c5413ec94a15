import { ageBandOf, STAGES } from '../../db/models/customer.js';
import type { FormSpec } from '../../src/bot/flow.js';
import { customerSchema } from './parse-customer.js';
import type { CustomerInput } from './service.js';
import { STAGE_LABEL } from './words.js';

const text = (name: string, zh: string, en: string, optional = true) => ({
  name,
  label: { 'zh-CN': zh, en },
  kind: 'text' as const,
  optional,
});

/** The "new customer" form: the same fields as the text, checked by the same schema. */
export const customerForm: FormSpec<CustomerInput> = {
  title: { 'zh-CN': '新建客户', en: 'New customer' },
  fields: [
    text('name', '名称', 'Name', false),
    text('city', '城市', 'City'),
    text('industry', '行业', 'Industry'),
    text('contact', '联系人', 'Contact'),
    text('phone', '电话', 'Phone'),
    text('email', '邮箱', 'E-mail'),
    {
      name: 'age',
      label: { 'zh-CN': '年龄（个人客户）', en: 'Age (individuals)' },
      kind: 'number',
      optional: true,
    },
    text('source', '来源', 'Source'),
    {
      name: 'stage',
      label: { 'zh-CN': '阶段', en: 'Stage' },
      kind: 'select',
      optional: true,
      options: STAGES.map((s) => ({ value: s, label: STAGE_LABEL[s] })),
    },
    text('tags', '标签（/ 分隔）', 'Tags (/-separated)'),
  ],
  parse(values) {
    const given = Object.fromEntries(Object.entries(values).filter(([, v]) => v.trim() !== ''));
    const age = given.age !== undefined ? Number(given.age) : undefined;
    const parsed = customerSchema.safeParse({
      ...given,
      age,
      ageBand: age !== undefined && Number.isFinite(age) ? ageBandOf(age) : undefined,
      tags: given.tags
        ?.split('/')
        .map((t) => t.trim())
        .filter(Boolean),
    });
    if (parsed.success) return { args: parsed.data };
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0] ?? 'name')] ??= issue.message;
    return { errors };
  },
};
