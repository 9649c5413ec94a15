import type { Flow } from '../../src/bot/flow.js';
import { attendanceAdminRoutes } from './admin-routes.js';
import { punchReply } from './cards.js';
import { attendanceCommands } from './commands.js';
import { attendanceDigestSections } from './digest.js';
import { attendanceHomeSections } from './home.js';
import { attendanceJobs } from './jobs.js';
import { attendanceMigrations } from './migrations.js';
import { phrasings } from './phrasings.js';
import { readers } from './readers.js';
import { schedulesCache } from './schedule.js';
import { checkIn, checkOut } from './service.js';

export const attendanceFlow: Flow = {
  name: 'attendance',
  areas: [{ id: 'attendance', label: { 'zh-CN': '考勤', en: 'Attendance' }, order: 20 }],
  phrasings,
  readers,
  commands: attendanceCommands,
  jobs: attendanceJobs,
  migrations: attendanceMigrations,
  caches: [schedulesCache],
  actions: [
    {
      // the check-in button of reminder cards: same rules as typing 签到
      actionId: 'attendance.checkIn',
      handle: async (ctx) => ctx.reply(punchReply(ctx.locale, await checkIn(ctx.person.id, ctx.now))),
    },
    {
      // the home's check-out button: same rules as typing 签退
      actionId: 'attendance.checkOut',
      handle: async (ctx) => ctx.reply(punchReply(ctx.locale, await checkOut(ctx.person.id, ctx.now))),
    },
  ],
  homeSections: attendanceHomeSections,
  digestSections: attendanceDigestSections,
  adminRoutes: attendanceAdminRoutes,
};
