import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { Delivery } from '../../../db/models/delivery.js';
import { Employee, type EmployeeDoc } from '../../../db/models/employee.js';
import { remindWaitingApprovals } from '../../../flows/approvals/jobs.js';
import { submitRequest } from '../../../flows/approvals/service.js';
import { recordApprovedLeave } from '../../../flows/attendance/hooks.js';
import { remindCheckIns } from '../../../flows/attendance/nudges.js';
import { checkIn } from '../../../flows/attendance/service.js';
import { remindDueFollowUps } from '../../../flows/crm/nudges.js';
import { setMuted, setQuietHours } from '../../../flows/digests/settings.js';
import { toPerson } from '../../../flows/org/service.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';
import { makeEmployee } from '../attendance/helpers.js';
import { cardSent, customerDue, deliveryOf, titleOf, who } from './helpers.js';

useTestDb();
const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';
const local = (text: string, zone = SH) => DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone }).toJSDate();

describe('quiet hours', () => {
  it('hold a reminder until they end, then send it once, even with two flushes at once', async () => {
    const me = await makeEmployee(SH);
    const reminders = recordingReminders();
    const at = local('2026-12-01 23:30');
    const result = await reminders.deliver({
      employeeId: me,
      kind: 'reminder',
      key: `t:${me}:1`,
      reply: { text: 'hi' },
      at,
    });
    expect(result).toEqual({ status: 'waiting', until: local('2026-12-02 08:00') });
    expect(reminders.sent).toEqual([]);
    await reminders.flushWaiting(local('2026-12-02 07:59'));
    expect(reminders.sent).toEqual([]);
    await Promise.all([
      reminders.flushWaiting(local('2026-12-02 08:00')),
      reminders.flushWaiting(local('2026-12-02 08:00')),
    ]);
    await reminders.flushWaiting(local('2026-12-02 08:05'));
    expect(reminders.sent).toEqual([{ employeeId: me, reply: { text: 'hi' } }]);
    expect(await deliveryOf(`t:${me}:1`)).toMatchObject({ status: 'sent', reply: null });
  });

  it("follow each person's own setting and zone; a reminder that expired while waiting is dropped", async () => {
    const la = await makeEmployee(LA);
    await setQuietHours(la, { start: '22:00', end: '07:00' });
    const reminders = recordingReminders();
    const send = (key: string, at: Date, expiresAt?: Date) =>
      reminders.deliver({ employeeId: la, kind: 'reminder', key, reply: { text: key }, at, expiresAt });
    // 21:00 in LA is not quiet for this person (the company default would be)
    expect((await send('a', local('2026-12-01 21:00', LA))).status).toBe('sent');
    expect(await send('b', local('2026-12-01 22:30', LA))).toEqual({
      status: 'waiting',
      until: local('2026-12-02 07:00', LA),
    });
    await send('c', local('2026-12-01 22:31', LA), local('2026-12-01 23:00', LA));
    await reminders.flushWaiting(local('2026-12-02 07:00', LA));
    expect(reminders.sent.map((s) => (s.reply as { text: string }).text)).toEqual(['a', 'b']);
    expect(await deliveryOf('c')).toMatchObject({ status: 'expired' });
    // "quiet hours off" = never quiet
    await setQuietHours(la, { start: '00:00', end: '00:00' });
    expect((await send('d', local('2026-12-02 03:00', LA))).status).toBe('sent');
  });

  it('muted reminders are not sent, and a muted digest does not mute reminders', async () => {
    const me = await makeEmployee(SH);
    const reminders = recordingReminders();
    await setMuted(me, 'reminders', true);
    const at = local('2026-12-01 10:00');
    expect(
      await reminders.deliver({ employeeId: me, kind: 'reminder', key: `m:${me}`, reply: { text: 'x' }, at }),
    ).toEqual({
      status: 'muted',
    });
    await setMuted(me, 'all', false);
    await setMuted(me, 'digests', true);
    expect(
      (
        await reminders.deliver({
          employeeId: me,
          kind: 'reminder',
          key: `m:${me}`,
          reply: { text: 'x' },
          at,
        })
      ).status,
    ).toBe('sent');
  });
});

describe('check-in reminder', () => {
  it('at start + 10 minutes on a workday, with a check-in button, once; not after a check-in or on leave', async () => {
    const late = await makeEmployee(SH);
    const punctual = await makeEmployee(SH);
    const away = await makeEmployee(SH);
    const morningOff = await makeEmployee(SH);
    await checkIn(punctual, DateTime.fromJSDate(local('2026-12-01 08:55')).setZone(SH));
    await recordApprovedLeave({ employeeId: away, requestId: 'r1', from: '2026-12-01', to: '2026-12-01' });
    await recordApprovedLeave({
      employeeId: morningOff,
      requestId: 'r2',
      from: '2026-12-01',
      to: '2026-12-01',
      toHalf: 'am',
    });
    const reminders = recordingReminders();
    const mine = () => who(reminders.sent).filter((id) => [late, punctual, away, morningOff].includes(id));

    await remindCheckIns(local('2026-12-01 09:09'), reminders);
    expect(mine()).toEqual([]);
    await Promise.all([
      remindCheckIns(local('2026-12-01 09:10'), reminders),
      remindCheckIns(local('2026-12-01 09:10'), reminders),
    ]);
    expect(mine()).toEqual([late]);
    const card = cardSent(reminders.sent.find((s) => s.employeeId === late));
    expect(card.title).toBe('09:10 了，你今天还没有签到。');
    expect(card.actions).toEqual([expect.objectContaining({ actionId: 'attendance.checkIn' })]);
    await remindCheckIns(local('2026-12-01 11:00'), reminders);
    expect(mine()).toEqual([late]);
    // a morning off moves the start to 13:30
    await remindCheckIns(local('2026-12-01 13:40'), reminders);
    expect(mine()).toEqual([late, morningOff]);
    // Saturday
    await remindCheckIns(local('2026-12-05 09:30'), reminders);
    expect(mine()).toEqual([late, morningOff]);
  });
});

describe('approval waiting too long', () => {
  it('reminds the current approver after 24 h, once per period, with Approve/Reject', async () => {
    const boss = await makeEmployee(SH, { name: '老板', roles: ['manager'] });
    const requesterId = await makeEmployee(SH, { name: '申请人', managerId: boss });
    const requester = toPerson((await Employee.findById(requesterId).lean()) as EmployeeDoc);
    const filed = local('2026-12-01 10:00');
    const doc = await submitRequest({
      requester,
      type: 'general',
      data: { title: 't', text: 'x' },
      today: '2026-12-01',
      now: filed,
    });
    const reminders = recordingReminders();
    const run = (at: string) => remindWaitingApprovals(local(at), reminders);

    expect(await run('2026-12-02 09:59')).toEqual({ reminded: 0 });
    const [first, again] = await Promise.all([run('2026-12-02 10:00'), run('2026-12-02 10:00')]);
    expect((first?.reminded ?? 0) + (again?.reminded ?? 0)).toBe(1);
    expect(await run('2026-12-02 15:00')).toEqual({ reminded: 0 });
    expect(who(reminders.sent)).toEqual([boss]);
    const card = cardSent(reminders.sent[0]);
    expect(card.subtitle).toMatch(/^⏰ 已等你审批 24 小时/);
    expect(card.actions.map((a: { actionId: string }) => a.actionId)).toEqual([
      'approvals.approve',
      'approvals.reject',
    ]);
    expect(card.title).toContain(doc.no);
    // the next period: 48 h
    expect(await run('2026-12-03 10:00')).toEqual({ reminded: 1 });
    expect(await Delivery.countDocuments({ _id: new RegExp(`^approval-waiting:${doc.no}:`) })).toBe(2);
  });
});

describe('follow-up due', () => {
  it('reminds the owner when the planned day comes; at local midnight it waits for the quiet hours to end', async () => {
    const owner = await makeEmployee(SH, { locale: 'en' });
    await customerDue(owner, local('2026-12-03 00:00'), 'Acme');
    const reminders = recordingReminders();
    expect(await remindDueFollowUps(local('2026-12-02 23:59'), reminders)).toEqual({ reminded: 0 });
    expect(await remindDueFollowUps(local('2026-12-03 00:05'), reminders)).toEqual({ reminded: 1 });
    expect(await remindDueFollowUps(local('2026-12-03 00:10'), reminders)).toEqual({ reminded: 0 });
    expect(reminders.sent).toEqual([]);
    await reminders.flushWaiting(local('2026-12-03 08:00'));
    expect(titleOf(reminders.sent[0])).toBe(
      '⏰ Time to follow up with Acme (planned 12-03). Log it: follow up Acme <channel> <note>',
    );
  });
});
