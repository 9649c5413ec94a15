import type { Text } from '../../src/bot/i18n.js';

/** Bot copy of the attendance flow. */
export const t = {
  checkInNudge: {
    'zh-CN': '{time} 了，你今天还没有签到。',
    en: "It's {time} and you haven't checked in today.",
  },
  checkedIn: { 'zh-CN': '已签到 {time}', en: 'Checked in at {time}' },
  checkedOut: { 'zh-CN': '已签退 {time}', en: 'Checked out at {time}' },
  already: {
    'zh-CN': '你今天（{date}）已在 {time} 签到，无需重复打卡。下班请发送“签退”。',
    en: 'You already checked in today ({date}) at {time}; nothing changed. Send "check out" when you leave.',
  },
  noCheckIn: {
    'zh-CN': '今天（{date}）还没有签到记录，无法签退。忘了签到？发送“补卡”申请补打卡。',
    en: 'No check-in today ({date}), so there is nothing to check out of. Forgot to check in? Send "make-up punch" to request one.',
  },
  date: { 'zh-CN': '日期', en: 'Date' },
  late: { 'zh-CN': '迟到', en: 'late' },
  early: { 'zh-CN': '早退', en: 'left early' },
  madeUp: { 'zh-CN': '补卡', en: 'made up' },
  hours: { 'zh-CN': '工时', en: 'Hours' },
  restDay: { 'zh-CN': '（非工作日）', en: ' (not a workday)' },
  today: { 'zh-CN': '今天', en: 'Today' },
  monthTitle: { 'zh-CN': '{name} 的考勤 {month}', en: "{name}'s attendance {month}" },
  present: { 'zh-CN': '出勤天数', en: 'Days present' },
  lateDays: { 'zh-CN': '迟到', en: 'Late' },
  earlyDays: { 'zh-CN': '早退', en: 'Early leaves' },
  absentDays: { 'zh-CN': '缺勤', en: 'Absences' },
  leaveDays: { 'zh-CN': '请假天数', en: 'Leave days' },
  workdays: { 'zh-CN': '应出勤天数', en: 'Workdays so far' },
  teamTitle: { 'zh-CN': '团队考勤 {date}', en: 'Team attendance {date}' },
  teamEmpty: { 'zh-CN': '没有可显示的成员。', en: 'Nobody to show.' },
  notManager: {
    'zh-CN': '只有经理（查看直属下级）或人事/管理员可以查看团队考勤。',
    en: 'Only managers (for their direct reports) and HR/admins can see team attendance.',
  },
  departmentNeedsHr: {
    'zh-CN': '按部门查看仅限人事或管理员；经理请直接发送“团队考勤 [日期]”。',
    en: 'Only HR and admins can pick a department; managers send "team attendance [date]".',
  },
  badMonth: {
    'zh-CN': '“{value}”不是有效的月份（例如 2026-11）。',
    en: '"{value}" is not a valid month (e.g. 2026-11).',
  },
  futureMonth: {
    'zh-CN': '{value} 还没到，没有考勤。',
    en: '{value} has not started yet; there is no attendance.',
  },
  badDate: {
    'zh-CN': '“{value}”不是有效的日期（例如 2026-11-20）。',
    en: '"{value}" is not a valid date (e.g. 2026-11-20).',
  },
  exportNotAllowed: {
    'zh-CN': '只有人事、管理员或经理（本部门）可以导出考勤。',
    en: 'Only HR, admins and managers (their own department) can export attendance.',
  },
  exportNeedsMonth: {
    'zh-CN': '导出哪个月的考勤？例如“导出考勤 2026-11”。',
    en: 'Which month should I export? For example "export attendance 2026-11".',
  },
  exportOtherDepartment: {
    'zh-CN': '经理只能导出本部门的考勤；其他部门请找人事。',
    en: 'Managers can export only their own department; ask HR for others.',
  },
  exportTooBig: {
    'zh-CN':
      '这个月的考勤表超过 {mb} MB，无法在聊天里发送；请用管理接口导出（GET /api/reports/attendance?format=xlsx）。',
    en: "This month's workbook is over {mb} MB, too big for the chat; use the admin API (GET /api/reports/attendance?format=xlsx).",
  },
  exportReady: {
    'zh-CN': '{scope} {month} 的考勤表：',
    en: 'Attendance for {month}, {scope}:',
  },
  everyone: { 'zh-CN': '全员', en: 'everyone' },
  futureDate: { 'zh-CN': '{value} 还没到。', en: '{value} is in the future.' },
  noteTooLong: { 'zh-CN': '备注最多 200 个字。', en: 'The note can be at most 200 characters.' },
  noteIsQuestion: {
    'zh-CN': '这像是在问问题，不是打卡备注。查看考勤请发“考勤”。',
    en: 'That reads like a question, not a note. Send "attendance" to see your record.',
  },
  status: {
    present: { 'zh-CN': '出勤', en: 'present' },
    absent: { 'zh-CN': '缺勤', en: 'absent' },
    leave: { 'zh-CN': '请假', en: 'on leave' },
    rest: { 'zh-CN': '休息', en: 'day off' },
    pending: { 'zh-CN': '未打卡', en: 'not checked in yet' },
    none: { 'zh-CN': '无记录', en: 'no record' },
  },
  halfLeave: { 'zh-CN': '半天假（{half}）', en: 'half-day leave ({half})' },
  half: {
    am: { 'zh-CN': '上午', en: 'morning' },
    pm: { 'zh-CN': '下午', en: 'afternoon' },
  },
  workedHours: { 'zh-CN': '{n} 小时', en: '{n}h' },
  checkInButton: { 'zh-CN': '签到', en: 'Check in' },
} satisfies Record<string, Text | Record<string, Text>>;
