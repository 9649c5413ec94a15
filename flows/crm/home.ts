import type { HomeSectionSpec } from '../../src/bot/home.js';
import { tr } from '../../src/bot/i18n.js';
import { listDue } from './service.js';

const t = {
  title: { 'zh-CN': '今日待跟进（{n}）', en: 'Follow-ups due ({n})' },
  none: { 'zh-CN': '今天没有要跟进的客户。', en: 'No follow-ups due today.' },
  overdue: { 'zh-CN': '已逾期', en: 'overdue' },
  today: { 'zh-CN': '今天', en: 'today' },
};
const SHOWN = 10;

/** Home: the person's customers due for a follow-up today or overdue, each a button to its card. */
export const crmHomeSections: HomeSectionSpec[] = [
  {
    name: 'crm.followUps.due',
    order: 30,
    async load({ person, locale, now }) {
      const due = await listDue(person, now.endOf('day').toJSDate(), SHOWN);
      const today = now.startOf('day').toJSDate();
      return {
        title: tr(locale, t.title, { n: due.length }),
        fields: due.map((c): [string, string] => [
          c.name,
          c.nextFollowUpAt && c.nextFollowUpAt < today ? tr(locale, t.overdue) : tr(locale, t.today),
        ]),
        ...(due.length === 0 ? { body: tr(locale, t.none) } : {}),
        actions: due.map((c) => ({
          actionId: 'crm.customer.pick',
          label: c.name.slice(0, 30),
          style: 'default' as const,
          value: String(c._id),
        })),
      };
    },
  },
];
