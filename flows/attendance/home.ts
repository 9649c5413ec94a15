import { DateTime } from 'luxon';
import { AttendanceDay, type AttendanceDayDoc, dayKey } from '../../db/models/attendance-day.js';
import type { HomeSectionSpec } from '../../src/bot/home.js';
import { tr } from '../../src/bot/i18n.js';
import type { Button, Locale } from '../../src/bot/types.js';
import { checkInButton } from './cards.js';

const t = {
  title: { 'zh-CN': '今天考勤 {date}', en: 'Today {date}' },
  in: { 'zh-CN': '签到', en: 'Checked in' },
  out: { 'zh-CN': '签退', en: 'Checked out' },
  checkOut: { 'zh-CN': '签退', en: 'Check out' },
  notYet: { 'zh-CN': '还没有', en: 'not yet' },
};

/** For the home: a button that checks the person out (same rules as typing 签退). */
export function checkOutButton(locale: Locale): Button {
  return { actionId: 'attendance.checkOut', label: tr(locale, t.checkOut), style: 'default', value: '' };
}

/** Home: today's record (one read by its `_id`) with Check in, or Check out once in. */
export const attendanceHomeSections: HomeSectionSpec[] = [
  {
    name: 'attendance.today',
    order: 20,
    async load({ person, locale, now }) {
      const local = now.setZone(person.timezone);
      const date = local.toISODate() as string;
      const day = await AttendanceDay.findById(dayKey(person.id, date)).lean<AttendanceDayDoc>();
      const time = (at: Date | null | undefined) =>
        at ? DateTime.fromJSDate(at, { zone: person.timezone }).toFormat('HH:mm') : tr(locale, t.notYet);
      return {
        title: tr(locale, t.title, { date }),
        fields: [
          [tr(locale, t.in), time(day?.checkInAt)],
          [tr(locale, t.out), time(day?.checkOutAt)],
        ],
        actions: day?.checkInAt ? [checkOutButton(locale)] : [checkInButton(locale)],
      };
    },
  },
];
