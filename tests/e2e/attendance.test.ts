import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { Employee } from '../../db/models/employee.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { testNow } from '../helpers/clock.js';

const app = useTestApp();
const say = (who: string, text: string) =>
  app.current.post('/web/api/messages', { employee: `${who}@demo.example`, text });
const idOf = async (who: string) => String((await Employee.findOne({ email: `${who}@demo.example` }))?._id);
const todayIn = (zone: string) => DateTime.fromJSDate(testNow(), { zone }).toISODate() as string;
const todaysRecords = async (who: string, zone = 'Asia/Shanghai') =>
  AttendanceDay.countDocuments({ employeeId: await idOf(who), date: todayIn(zone) });

describe('attendance through the web chat API', () => {
  it('two simultaneous check-ins: one record, one "already checked in" reply', async () => {
    const [a, b] = await Promise.all([say('alice.chen', 'check in'), say('alice.chen', 'clock in')]);
    const replies = [a.json.replies[0], b.json.replies[0]];
    expect(replies.filter((r) => r.card?.title.startsWith('Checked in at'))).toHaveLength(1);
    expect(replies.filter((r) => /already checked in today/.test(r.text ?? ''))).toHaveLength(1);
    expect(await todaysRecords('alice.chen')).toBe(1);
  });

  it('签到 with a note, then 打卡 again shows the first time and writes nothing, then 签退', async () => {
    const first = await say('zhang.min', '签到 客户现场');
    expect(first.json.replies[0].card.title).toMatch(/^已签到 \d\d:\d\d$/);
    const second = await say('zhang.min', '打卡');
    expect(second.json.replies[0].text).toMatch(/已在 \d\d:\d\d 签到，无需重复打卡/);
    const record = await AttendanceDay.findOne({
      employeeId: await idOf('zhang.min'),
      date: todayIn('Asia/Shanghai'),
    }).lean();
    expect(record?.checkInNote).toBe('客户现场');
    const out = await say('zhang.min', '下班打卡');
    expect(out.json.replies[0].card.title).toMatch(/^已签退 \d\d:\d\d$/);
  });

  it('check-out without a check-in points to the make-up request and writes nothing', async () => {
    const { json } = await say('bob.smith', 'check out');
    expect(json.replies[0].text).toMatch(/^No check-in today \(\d{4}-\d\d-\d\d\).*make-up punch/);
    expect(await todaysRecords('bob.smith', 'America/Los_Angeles')).toBe(0);
  });

  it('the check-in button of a reminder card checks in', async () => {
    const { json } = await app.current.post('/web/api/actions', {
      employee: 'zhou.qiang@demo.example',
      actionId: 'attendance.checkIn',
    });
    expect(json.replies[0].card.title).toMatch(/^已签到/);
    expect(await todaysRecords('zhou.qiang')).toBe(1);
  });

  it('考勤 shows today and the month; a bad or future month gets the usage and writes nothing', async () => {
    const { json } = await say('li.wei', '考勤');
    const card = json.replies[0].card;
    expect(card.title).toBe(
      `李伟 的考勤 ${DateTime.fromJSDate(testNow(), { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM')}`,
    );
    expect(card.fields.map((f: string[]) => f[0])).toEqual([
      '今天',
      '应出勤天数',
      '出勤天数',
      '迟到',
      '早退',
      '缺勤',
      '请假天数',
      '工时',
    ]);
    const en = await say('bob.smith', 'attendance 2026-10');
    expect(en.json.replies[0].card.title).toBe("Bob Smith's attendance 2026-10");
    const before = await AttendanceDay.countDocuments({});
    const bad = await say('bob.smith', 'attendance 2026-13');
    expect(bad.json.replies[0].text).toBe(
      '"2026-13" is not a valid month (e.g. 2026-11).\nUsage: attendance [month]',
    );
    const future = await say('li.wei', '考勤 2027-01');
    expect(future.json.replies[0].text).toBe('2027-01 还没到，没有考勤。\n用法：考勤 [月份]');
    // months as people say them, read in the person's calendar
    const last = await say('li.wei', '考勤 上个月');
    expect(last.json.replies[0].card.title).toMatch(/ 2026-11$/);
    const named = await say('bob.smith', 'attendance October');
    expect(named.json.replies[0].card.title).toBe("Bob Smith's attendance 2026-10");
    expect(await AttendanceDay.countDocuments({})).toBe(before);
  });

  it('团队考勤: managers see direct reports, HR any department, others are refused', async () => {
    const refused = await say('zhang.min', '团队考勤');
    expect(refused.json.replies[0].text).toMatch(/^只有经理/);
    const mine = await say('wang.fang', '团队考勤');
    expect(mine.json.replies[0].card.fields.map((f: string[]) => f[0])).toEqual(['Alice Chen', '张敏']);
    const notHr = await say('wang.fang', '团队考勤 2026-11-20 Engineering');
    expect(notHr.json.replies[0].text).toMatch(/^按部门查看仅限人事或管理员/);
    const hr = await say('sun.li', '团队考勤 2026-11-20 Engineering');
    expect(hr.json.replies[0].card).toMatchObject({ title: '团队考勤 2026-11-20', subtitle: 'Engineering' });
    expect(hr.json.replies[0].card.fields.map((f: string[]) => f[0])).toEqual(['Bob Smith', '陈杰']);
    const future = await say('chen.jie', 'team attendance 2027-01-01');
    expect(future.json.replies[0].text).toMatch(/^2027-01-01 is in the future\.\nUsage: team attendance/);
    const badDay = await say('chen.jie', 'team attendance 2026-02-30');
    expect(badDay.json.replies[0].text).toMatch(/^There is no such day: "2026-02-30"\./);
    // a day as people say it, not a department called 昨天
    const yesterday = await say('chen.jie', '团队考勤 昨天');
    expect(yesterday.json.replies[0].card.title).toBe('团队考勤 2026-12-01');
  });
});

describe('attendance export over HTTP', () => {
  const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
  const month = DateTime.fromJSDate(testNow(), { zone: 'Asia/Shanghai' }).toFormat('yyyy-MM');

  it('streams the month as CSV, one row per employee-day', async () => {
    const res = await fetch(`${app.current.url}/api/reports/attendance?month=${month}&department=Sales`, {
      headers: auth,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    // a byte-order mark first, so that Excel reads the Chinese as UTF-8
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,email,name,department,workday,status,check_in,check_out,hours,late,early_leave,leave,made_up',
    );
    const emails = new Set(lines.slice(1).map((l) => l.split(',')[1]));
    expect(emails).toEqual(
      new Set(['wang.fang@demo.example', 'zhang.min@demo.example', 'alice.chen@demo.example']),
    );
    const days = DateTime.fromJSDate(testNow(), { zone: 'Asia/Shanghai' }).day;
    expect(lines.length - 1).toBe(3 * days);
  });

  it('summarises per employee, with the demo absence, late days and leave', async () => {
    const absence = await AttendanceDay.findOne({ status: 'absent' }).lean();
    expect(absence).toBeTruthy();
    const { status, json } = await app.current.get(
      `/api/reports/attendance/summary?month=${absence?.date.slice(0, 7)}`,
      auth,
    );
    expect(status).toBe(200);
    expect(json.employees).toHaveLength(10);
    const wu = json.employees.find((e: { email: string }) => e.email === 'wu.jun@demo.example');
    expect(wu.absent).toBe(1);
    const totals = json.employees.reduce((s: number, e: { late: number }) => s + e.late, 0);
    expect(totals).toBeGreaterThan(0);
  });

  it('the demo month has Alice’s two days of leave, recorded through the approvals hook', async () => {
    const now = DateTime.fromJSDate(testNow(), { zone: 'Asia/Shanghai' });
    let leaveDays = 0;
    for (const m of [now.minus({ months: 1 }), now]) {
      const { json } = await app.current.get(
        `/api/reports/attendance/summary?month=${m.toFormat('yyyy-MM')}`,
        auth,
      );
      leaveDays += json.employees.find(
        (e: { email: string }) => e.email === 'alice.chen@demo.example',
      ).leaveDays;
    }
    expect(leaveDays).toBe(2);
  });

  it('the same month as a spreadsheet: typed cells, a bold frozen header, in the reader’s language', async () => {
    const res = await fetch(
      `${app.current.url}/api/reports/attendance?month=${month}&department=Sales&format=xlsx`,
      {
        headers: { ...auth, 'accept-language': 'zh-CN,zh;q=0.9' },
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`attendance-${month}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    expect(sheet?.name).toBe(`考勤 ${month}`);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet?.getRow(1);
    expect(header?.getCell(1).value).toBe('日期');
    expect(header?.getCell(1).font?.bold).toBe(true);
    const rows = (sheet?.getSheetValues() ?? []).slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row[1]).toBeInstanceOf(Date); // date
      expect(typeof row[9]).toBe('number'); // hours
      expect(['是', '否']).toContain(row[5]); // workday
    }
    // a check-in is a time of day (a fraction of a day shown as hh:mm), which a reader sees as a time
    const checkIn = rows.findIndex((r) => r[7] instanceof Date);
    expect(checkIn).toBeGreaterThanOrEqual(0);
    expect(sheet?.getRow(checkIn + 2).getCell(7).numFmt).toBe('hh:mm');
    expect((rows[checkIn]?.[7] as Date | undefined)?.getUTCFullYear()).toBe(1899);
    expect(new Set(rows.map((r) => r[2]))).toEqual(
      new Set(['wang.fang@demo.example', 'zhang.min@demo.example', 'alice.chen@demo.example']),
    );
  });

  it('refuses bad queries and missing tokens', async () => {
    expect((await app.current.get(`/api/reports/attendance?month=${month}&format=pdf`, auth)).status).toBe(
      400,
    );
    expect((await app.current.get('/api/reports/attendance?month=2026-13', auth)).json).toEqual({
      error: 'month: month must be YYYY-MM',
    });
    expect((await app.current.get(`/api/reports/attendance?month=${month}`)).status).toBe(401);
    expect((await app.current.get('/api/reports/attendance/summary', auth)).status).toBe(400);
  });
});
