import { describe, expect, it } from 'vitest';
import { IN_LIST_MAX } from '../../../db/in-list.js';
import { Customer, nameKeyOf } from '../../../db/models/customer.js';
import { Employee } from '../../../db/models/employee.js';
import { JobCursor } from '../../../db/models/job-cursor.js';
import { runDigests } from '../../../flows/digests/api.js';
import { setQuietHours } from '../../../flows/digests/settings.js';
import { flows } from '../../../flows/index.js';
import { directoryWrites } from '../../../flows/org/directory.js';
import { digestSectionsOf } from '../../../src/bot/digest.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';
import { makeEmployee } from '../attendance/helpers.js';
import { customerDue, who } from './helpers.js';

useTestDb();
const sections = digestSectionsOf(flows);
const z = (iso: string) => new Date(iso);
const DUE = z('2026-11-30T16:00:00Z');

describe('the scheduled run for the whole company', () => {
  it("marks a zone's day done once everyone there had theirs, and then skips it; newcomers wait for tomorrow", async () => {
    const sh = await makeEmployee('Asia/Shanghai');
    const late = await makeEmployee('Asia/Shanghai');
    await setQuietHours(late, { start: '08:00', end: '12:00' });
    for (const id of [sh, late]) await customerDue(id, DUE);
    const reminders = recordingReminders();

    expect(await runDigests({ reminders, sections }, z('2026-12-01T01:00:00Z'))).toMatchObject({ sent: 1 });
    // someone there is in quiet hours until 12:00: the day is not done yet
    expect(await JobCursor.findById('digests:Asia/Shanghai:2026-12-01').lean()).toBeNull();
    expect(await runDigests({ reminders, sections }, z('2026-12-01T04:00:00Z'))).toMatchObject({ sent: 1 });
    expect(await JobCursor.findById('digests:Asia/Shanghai:2026-12-01').lean()).not.toBeNull();

    const newcomer = await makeEmployee('Asia/Shanghai');
    await customerDue(newcomer, DUE);
    expect(await runDigests({ reminders, sections }, z('2026-12-01T04:05:00Z'))).toMatchObject({ due: 0 });
    await runDigests({ reminders, sections }, z('2026-12-02T01:00:00Z'));
    // the next morning: the newcomer too (the other one's quiet hours run until 12:00)
    expect(who(reminders.sent).slice(0, 2)).toEqual([sh, late]);
    expect(who(reminders.sent).slice(2).sort()).toEqual([sh, newcomer].sort());
  });

  it(`builds everyone's digest the same way past ${IN_LIST_MAX} people (unfiltered reads, rows dropped in code)`, async () => {
    const people = Array.from({ length: IN_LIST_MAX + 50 }, (_, i) => ({
      name: `P${i}`,
      email: `p${i}@bulk.example`,
      timezone: 'Europe/Berlin',
      createdAt: z('2026-01-01T00:00:00Z'),
    }));
    const rows = await Employee.insertMany(people);
    await directoryWrites.employeesSaved(
      rows.map((r) => r._id),
      DUE,
    );
    await Customer.insertMany(
      rows.map((e, i) => ({
        name: `Bulk ${i}`,
        nameKey: nameKeyOf(`Bulk ${i}`),
        ownerId: e._id,
        nextFollowUpAt: DUE,
        activeAt: DUE,
      })),
    );
    const reminders = recordingReminders();
    // 09:00 in Berlin; Shanghai (16:00) had its day marked done in the test above, for the 3rd
    await runDigests({ reminders, sections }, z('2026-12-03T08:00:00Z'));
    const berlin = new Set(rows.map((r) => String(r._id)));
    const sentToBerlin = reminders.sent.filter((s) => berlin.has(s.employeeId));
    expect(sentToBerlin).toHaveLength(IN_LIST_MAX + 50);
    // each saw their own customer only
    const own = sentToBerlin.every((s) => {
      const i = rows.findIndex((r) => String(r._id) === s.employeeId);
      return 'card' in s.reply && s.reply.card.fields[0]?.[1] === `Bulk ${i} · 逾期 3 天`;
    });
    expect(own).toBe(true);
  });
});
