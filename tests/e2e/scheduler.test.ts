import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { Delivery } from '../../db/models/delivery.js';
import { flows } from '../../flows/index.js';
import type { Reply } from '../../src/bot/types.js';
import { useTestApp } from '../helpers/app.js';
import { recordingReminders, type Sent } from '../helpers/reminders.js';
import { until } from '../helpers/slack.js';

useTestApp({ SCHEDULER: 'on' });

describe('scheduled jobs', () => {
  it('the flows register their jobs and agenda runs them on the app database', async () => {
    const names = flows.flatMap((f) => f.jobs ?? []).map((j) => j.name);
    expect(names.sort()).toEqual([
      'approvals.escalateOverdue',
      'approvals.remindWaiting',
      'attendance.markAbsences',
      'attendance.remindCheckIns',
      'contracts.remindReceivables',
      'crm.remindDueFollowUps',
      'crm.remindTicketsPastSla',
      'crm.returnIdleCustomers',
      'digests.morning',
      'housekeeping.prune',
      'org.directorySync',
      'reminders.prune',
    ]);
    // and the wiring's own: the sweep that resumes import jobs whose process died, and the
    // pruning of old import jobs and uploads (it needs the uploads folder and retention)
    names.push('imports.resume', 'housekeeping.files');
    const jobs = mongoose.connection.db?.collection('agendaJobs');
    const scheduled = await until(async () => {
      const rows = (await jobs?.find({}, { projection: { name: 1, repeatInterval: 1 } }).toArray()) ?? [];
      return rows.length === names.length && rows;
    }, 10_000);
    expect(scheduled.map((r) => r.name).sort()).toEqual(names.sort());
    // agenda runs each one right away, then every interval
    const ran = await until(async () => {
      const rows = (await jobs?.find({ lastFinishedAt: { $ne: null } }).toArray()) ?? [];
      return rows.length === names.length && rows;
    }, 15_000);
    expect(ran.every((r) => r.failCount === null || r.failCount === 0)).toBe(true);
  });

  it('every job is safe to run twice at once (the embedded store cannot lock agenda jobs)', async () => {
    const reminders = recordingReminders();
    const direct: Sent[] = [];
    const notify = async (employeeId: string, reply: Reply) => {
      direct.push({ employeeId, reply });
      return [];
    };
    // Thursday 10:00 in Shanghai: the start-up run covered Wednesday, so a new day's digests and
    // check-in reminders are owed and the two runs below race for each of them
    const now = new Date('2026-12-03T02:00:00Z');
    const jobs = flows.flatMap((f) => f.jobs ?? []);
    const update = async () => {};
    for (const job of jobs) {
      await Promise.all([
        job.run({ now, notify, update, reminders }),
        job.run({ now, notify, update, reminders }),
      ]);
    }
    const recorded = await Delivery.find({ at: now, status: 'sent' }).lean();
    const kinds = new Set(recorded.map((d) => d._id.split(':')[0]));
    expect([...kinds]).toEqual(expect.arrayContaining(['digest', 'checkin']));

    // each delivery went out once although two runs raced for it
    expect(reminders.sent).toHaveLength(recorded.length);
    const all = [...reminders.sent, ...direct];
    expect(new Set(all.map((s) => `${s.employeeId}:${JSON.stringify(s.reply)}`)).size).toBe(all.length);

    for (const job of jobs) await job.run({ now, notify, update, reminders });
    expect(reminders.sent.length + direct.length).toBe(all.length); // nothing new the third time
  });
});
