import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { flows } from '../../flows/index.js';
import type { Reply } from '../../src/bot/types.js';
import { useTestApp } from '../helpers/app.js';
import { recordingReminders } from '../helpers/reminders.js';
import { until } from '../helpers/slack.js';

useTestApp({ SCHEDULER: 'on' });

describe('scheduled jobs', () => {
  it('the flows register their jobs and agenda runs them on the app database', async () => {
    const names = flows.flatMap((f) => f.jobs ?? []).map((j) => j.name);
    expect(names.sort()).toEqual([
      'approvals.remindWaiting',
      'attendance.markAbsences',
      'attendance.remindCheckIns',
      'crm.remindDueFollowUps',
      'crm.remindTicketsPastSla',
      'crm.returnIdleCustomers',
      'digests.morning',
      'housekeeping.prune',
      'reminders.prune',
    ]);
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

  it('every job is safe to run again at once (the embedded store cannot lock agenda jobs)', async () => {
    const reminders = recordingReminders();
    const sent = reminders.sent;
    const notify = async (employeeId: string, reply: Reply) => {
      sent.push({ employeeId, reply });
      return [];
    };
    const now = new Date();
    for (const job of flows.flatMap((f) => f.jobs ?? [])) {
      await Promise.all([job.run({ now, notify, reminders }), job.run({ now, notify, reminders })]);
    }
    const before = sent.length;
    for (const job of flows.flatMap((f) => f.jobs ?? [])) await job.run({ now, notify, reminders });
    expect(sent.length).toBe(before); // nothing new to say the second time round
    expect(new Set(sent.map((s) => `${s.employeeId}:${JSON.stringify(s.reply)}`)).size).toBe(sent.length); // and nothing twice
  });
});
