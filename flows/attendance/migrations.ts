// Attendance stored before days were keyed by `<employee>:<date>` (collection `attendancerecords`)
// and leave by request and date (`leavedays`) moves to the natural keys; then every month rollup
// is counted from them.

import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { insertNew } from '../../db/insert-new.js';
import { moveLegacy } from '../../db/legacy.js';
import { AttendanceDay, dayKey } from '../../db/models/attendance-day.js';
import { LeaveDay, type LeaveDayDoc } from '../../db/models/leave-day.js';
import { findByIds } from '../../db/point-reads.js';
import type { MigrationSpec } from '../../src/bot/flow.js';
import { recountMonths } from './rollup.js';

const BATCH = 1000;

const days = moveLegacy({
  id: 'attendance.days-by-natural-key',
  from: 'attendancerecords',
  batch: BATCH,
  async move(rows) {
    await insertNew(
      AttendanceDay,
      rows.map(({ _id, ...rest }) => ({
        ...rest,
        _id: dayKey(rest.employeeId, String(rest.date)),
        version: 0,
      })),
      { asStored: true },
    );
  },
});

/** One document per employee and date, a part per request; merging keeps a repeated batch idempotent. */
const leave = moveLegacy({
  id: 'attendance.leave-by-person',
  from: 'leavedays',
  batch: BATCH,
  async move(rows, now) {
    const byDay = new Map<string, { employeeId: unknown; date: string; parts: LeaveDayDoc['parts'] }>();
    for (const r of rows) {
      const key = dayKey(r.employeeId, String(r.date));
      const entry = byDay.get(key) ?? { employeeId: r.employeeId, date: String(r.date), parts: [] };
      entry.parts.push({ requestId: String(r.requestId), half: r.half as 'full' | 'am' | 'pm' });
      byDay.set(key, entry);
    }
    const existing = await findByIds<LeaveDayDoc>(LeaveDay, [...byDay.keys()]);
    await bulkWriteInSlices(
      LeaveDay,
      [...byDay.entries()].map(([key, e]) => {
        const parts = new Map((existing.get(key)?.parts ?? []).map((p) => [p.requestId, p]));
        for (const p of e.parts) parts.set(p.requestId, p);
        return {
          updateOne: {
            filter: { _id: key },
            update: {
              $set: { employeeId: e.employeeId, date: e.date, parts: [...parts.values()], updatedAt: now },
              $inc: { version: 1 },
            },
            upsert: true,
          },
        };
      }),
      { ordered: false, throwOnValidationError: true },
    );
  },
});

const rollups: MigrationSpec = {
  id: 'attendance.month-rollups',
  async step(_cursor, now) {
    const { rollups: written } = await recountMonths(now);
    return { cursor: null, migrated: written };
  },
};

export const attendanceMigrations: MigrationSpec[] = [days, leave, rollups];
