import type { CustomerDoc } from '../../db/models/customer.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { Button, Card, Locale } from '../../src/bot/types.js';
import { ownerName } from './cards.js';
import type { Match } from './duplicates.js';
import type { CustomerInput, Lookalike } from './service.js';

type Names = Map<string, string>;

const t = {
  exact: {
    'zh-CN': '已有客户“{name}”（负责人：{owner}），不再新建。',
    en: 'Customer "{name}" already exists (owner: {owner}); not created again.',
  },
  near: {
    'zh-CN': '已有相似的客户，确定要新建“{name}”吗？',
    en: 'Similar customers exist. Create "{name}" anyway?',
  },
  open: { 'zh-CN': '打开 {name}', en: 'Open {name}' },
  anyway: { 'zh-CN': '仍然新建', en: 'Create anyway' },
  match: {
    name: { 'zh-CN': '名称相同', en: 'same name' },
    phone: { 'zh-CN': '电话相同', en: 'same phone' },
    email: { 'zh-CN': '邮箱相同', en: 'same e-mail' },
  } satisfies Record<Match, Text>,
};

const open = (c: CustomerDoc, locale: Locale): Button => ({
  actionId: 'crm.customer.pick',
  label: tr(locale, t.open, { name: c.name }),
  style: 'default',
  value: String(c._id),
});

/** The customer a new one duplicates, with its owner (or the pool) and a button to open it. */
export function duplicateCard(existing: CustomerDoc, names: Names, locale: Locale): Card {
  return {
    title: tr(locale, t.exact, { name: existing.name, owner: ownerName(existing, names, locale) }),
    fields: [],
    status: 'warning',
    actions: [open(existing, locale)],
  };
}

/**
 * Customers sharing a phone or e-mail with a new one: each with its owner and why it matched, a
 * button to open each, and one to create the new one anyway (carrying what was typed).
 */
export function lookalikeCard(input: CustomerInput, near: Lookalike[], names: Names, locale: Locale): Card {
  const value = JSON.stringify(input);
  return {
    title: tr(locale, t.near, { name: input.name }),
    fields: near.map(({ customer, match }) => [
      customer.name,
      `${ownerName(customer, names, locale)} · ${tr(locale, t.match[match])}`,
    ]),
    status: 'warning',
    actions: [
      ...near.slice(0, 3).map(({ customer }) => open(customer, locale)),
      // a button value holds at most 2000 characters (Slack); a form-length customer fits
      ...(value.length <= 2000
        ? [
            {
              actionId: 'crm.customer.createAnyway',
              label: tr(locale, t.anyway),
              style: 'primary' as const,
              value,
            },
          ]
        : []),
    ],
  };
}
