import { describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../db/models/attendance-day.js';
import { ADMIN_TOKEN, useTestApp } from '../helpers/app.js';
import { chatAs, textOf } from '../helpers/chat.js';

/** Input a hostile tester sent (issue 20): each gets a short refusal, never a hang or a 500. */
const app = useTestApp();
const { say } = chatAs(app);
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe('months and dates from input are bounded', () => {
  it('the attendance report refuses a month beyond ten years instead of freezing', async () => {
    for (const month of ['9999-12', '2099-12', '1900-01']) {
      for (const path of ['/api/reports/attendance', '/api/reports/attendance/summary']) {
        const res = await app.current.get(`${path}?month=${month}`, auth);
        expect(res.status, `${path} ${month}`).toBe(400);
        expect(res.json.error).toBe('month: month must be within 10 years of today');
      }
    }
    const recount = await app.current.post('/api/reports/attendance/recount?month=9999-12', undefined, auth);
    expect(recount.status).toBe(400);
    expect((await app.current.get('/api/reports/attendance/summary?month=2026-11', auth)).status).toBe(200);
  });

  it('the chat refuses a month that is not one, or too far back, and writes nothing', async () => {
    const before = await AttendanceDay.countDocuments({});
    expect(textOf(await say('li.wei', '考勤 2026-13'))).toMatch(/^“2026-13”不是有效的月份/);
    expect(textOf(await say('bob.smith', 'attendance 1990-01'))).toBe(
      '"1990-01" is not a valid month (e.g. 2026-11).\nUsage: attendance [month]',
    );
    expect(textOf(await say('li.wei', '考勤 9999-12'))).toBe(
      '“9999-12”不是有效的月份（例如 2026-11）。\n用法：考勤 [月份]',
    );
    expect(await AttendanceDay.countDocuments({})).toBe(before);
  });
});
