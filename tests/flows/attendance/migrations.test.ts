import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../../../db/migrations.js';
import { AttendanceDay } from '../../../db/models/attendance-day.js';
import { type AttendanceMonthDoc, decodeDays, monthRollups } from '../../../db/models/attendance-month.js';
import { LeaveDay, type LeaveDayDoc } from '../../../db/models/leave-day.js';
import { MigrationState } from '../../../db/models/migration.js';
import { attendanceMigrations } from '../../../flows/attendance/migrations.js';
import { recountMonths } from '../../../flows/attendance/rollup.js';
import { monthOf } from '../../../flows/attendance/service.js';
import { createLogger } from '../../../src/logger.js';
import { TEST_START } from '../../helpers/clock.js';
import { useTestDb } from '../../helpers/db.js';
import { at, makeEmployee } from './helpers.js';

useTestDb();

const log = createLogger('silent');
const clock = () => TEST_START;
const legacy = (name: string) => mongoose.connection.collection(name);
const collections = async () =>
  (await mongoose.connection.db?.listCollections({}, { nameOnly: true }).toArray())?.map((c) => c.name) ?? [];

/** The migrations, the first one failing on its `failOn`-th batch (a crash mid-way). */
const crashing = (failOn: number) =>
  attendanceMigrations.map((m, i) => {
    if (i > 0) return m;
    let batches = 0;
    return {
      ...m,
      step: (cursor: string | null, now: Date) =>
        ++batches === failOn ? Promise.reject(new Error('killed')) : m.step(cursor, now),
    };
  });

describe('attendance migrations', () => {
  it('move old records and leave to natural keys and count the months — resuming after a crash, then never again', async () => {
    const people = [await makeEmployee('Asia/Shanghai'), await makeEmployee('Asia/Shanghai')];
    // 1,200 days each of the old shape (ObjectId ids, unique by employee and date): two batches and more
    const rows = people.flatMap((id, p) =>
      Array.from({ length: 1200 }, (_, d) => {
        const day = at('2024-01-01 09:00', 'Asia/Shanghai').plus({ days: d });
        const late = (d + p) % 5 === 0;
        return {
          _id: new mongoose.Types.ObjectId(),
          employeeId: new mongoose.Types.ObjectId(id),
          date: day.toISODate(),
          status: 'present',
          checkInAt: day.plus({ minutes: late ? 30 : 0 }).toJSDate(),
          checkOutAt: day.plus({ hours: 9 }).toJSDate(),
          checkInNote: '',
          checkOutNote: '',
          madeUpBy: d === 3 ? ['AP-1'] : [],
          leaveRequestId: null,
        };
      }),
    );
    await legacy('attendancerecords').insertMany(rows);
    const [a] = people as [string, string];
    await legacy('leavedays').insertMany([
      { employeeId: new mongoose.Types.ObjectId(a), date: '2026-11-16', half: 'am', requestId: 'AP-7' },
      { employeeId: new mongoose.Types.ObjectId(a), date: '2026-11-16', half: 'pm', requestId: 'AP-8' },
      { employeeId: new mongoose.Types.ObjectId(a), date: '2026-11-17', half: 'full', requestId: 'AP-8' },
    ]);

    await expect(runMigrations(crashing(2), log, clock)).rejects.toThrow('killed');
    expect(await AttendanceDay.countDocuments({})).toBe(1000); // the first batch moved
    expect(await legacy('attendancerecords').countDocuments({})).toBe(1400);
    // a batch repeated after a crash: rows already moved come back (their delete was lost)
    await legacy('attendancerecords').insertMany(rows.slice(0, 10));
    await runMigrations(attendanceMigrations, log, clock);

    expect(await AttendanceDay.countDocuments({})).toBe(2400);
    const moved = await AttendanceDay.findById(`${a}:2024-01-04`).lean();
    expect(moved).toMatchObject({ status: 'present', madeUpBy: ['AP-1'], version: 0 });
    expect(await collections()).not.toContain('attendancerecords');
    expect(await collections()).not.toContain('leavedays');
    const leave = await LeaveDay.findById(`${a}:2026-11-16`).lean<LeaveDayDoc>();
    expect(leave?.parts.map((p) => [p.requestId, p.half]).toSorted()).toEqual([
      ['AP-7', 'am'],
      ['AP-8', 'pm'],
    ]);
    // the months were counted from what moved
    const jan = await monthRollups('2024-01').findById(`${a}:2024-01`).lean<AttendanceMonthDoc>();
    expect(decodeDays('2024-01', jan?.days ?? '')).toHaveLength(31);
    const judged = (await monthOf(a, at('2026-12-01 10:00', 'Asia/Shanghai'), '2024-01')).totals;
    expect(jan?.totals).toMatchObject({ present: 31, late: judged.late, earlyLeave: 0 });
    expect(judged.late).toBeGreaterThan(3);
    expect((await monthOf(a, at('2026-12-01 10:00', 'Asia/Shanghai'), '2026-11')).totals.leaveDays).toBe(2);
    expect(await recountMonths(TEST_START)).toMatchObject({ rewritten: 0 });

    // done is done: a second start runs nothing, and a step run again finds nothing to move
    const states = await MigrationState.find({ _id: /^attendance\./ }).lean();
    expect(states.map((s) => s.finishedAt)).toEqual([TEST_START, TEST_START, TEST_START]);
    expect(states.find((s) => s._id === 'attendance.days-by-natural-key')?.migrated).toBe(2410);
    await runMigrations(attendanceMigrations, log, clock);
    expect(await attendanceMigrations[0]?.step(null, TEST_START)).toEqual({ cursor: null, migrated: 0 });
    expect(await AttendanceDay.countDocuments({})).toBe(2400);
  });
});
