import { WITH_BUTTONS } from '../../src/bot/digest.js';
import type { HomeSectionSpec } from '../../src/bot/home.js';
import { ageText, tr } from '../../src/bot/i18n.js';
import { namesOf } from '../org/api.js';
import { decisionButtons, typeLabel } from './cards.js';
import { listPending } from './lists.js';

const t = {
  title: { 'zh-CN': '待我审批（{n}）', en: 'Waiting for your approval ({n})' },
  none: { 'zh-CN': '没有待审批的申请。', en: 'Nothing waits for your approval.' },
};
const SHOWN = 10;

/** Home: what waits for the person's decision, oldest first, the first few with Approve/Reject. */
export const approvalsHomeSections: HomeSectionSpec[] = [
  {
    name: 'approvals.pending',
    order: 10,
    async load({ person, locale, now }) {
      const waiting = await listPending(person.id, now.toJSDate(), SHOWN);
      const names = await namesOf(waiting.map((d) => d.requesterId));
      const at = now.toJSDate();
      return {
        title: tr(locale, t.title, { n: waiting.length }),
        fields: [],
        body:
          waiting.length === 0
            ? tr(locale, t.none)
            : waiting
                .map(
                  (d) =>
                    `${d.no} ${typeLabel(d, locale)} · ${names.get(String(d.requesterId)) ?? '?'} · ${ageText(d.createdAt, at, locale)}`,
                )
                .join('\n'),
        actions: waiting.slice(0, WITH_BUTTONS).flatMap((d) => decisionButtons(d.no, locale, true)),
      };
    },
  },
];
