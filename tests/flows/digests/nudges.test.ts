import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { Delivery } from '../../../db/models/delivery.js';
import { Employee, type EmployeeDoc } from '../../../db/models/employee.js';
import { directoryOf } from '../../../flows/approvals/directory.js';
import { remindUrged, remindWaitingApprovals } from '../../../flows/approvals/reminders.js';
import { changeRequest, submitRequest } from '../../../flows/approvals/service.js';
import * as workflow from '../../../flows/approvals/workflow.js';
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
const personOf = async (id: string) => toPerson((await Employee.findById(id).lean()) as EmployeeDoc);
const local = (text: string, zone = SH) => DateTime.fromFormat(text, 'yyyy-MM-dd HH:mm', { zone }).toJSDate();

describe('quiet hours', () => {
  it('hold a reminder back without recording it; the job sends it once they end', async () => {
    const me = await makeEmployee(SH);
    const reminders = recordingReminders();
    const at = local('2026-12-01 23:30');
    const result = await reminders.deliver({
      employeeId: me,
      kind: 'reminder',
      key: `t:${me}`,
      reply: { text: 'hi' },
      at,
    });
    expect(result).toEqual({ status: 'quiet', until: local('2026-12-02 08:00') });
    expect(await deliveryOf(`t:${me}`)).toBeNull();
    expect(reminders.sent).toEqual([]);
  });

  it("follow each person's own setting and zone", async () => {
    const la = await makeEmployee(LA);
    await setQuietHours(la, { start: '22:00', end: '07:00' });
    const reminders = recordingReminders();
    const send = (key: string, at: Date) =>
      reminders.deliver({ employeeId: la, kind: 'reminder', key, reply: { text: key }, at });
    // 21:00 in LA is not quiet for this person (the company default would be)
    expect((await send('a', local('2026-12-01 21:00', LA))).status).toBe('sent');
    expect(await send('b', local('2026-12-01 22:30', LA))).toEqual({
      status: 'quiet',
      until: local('2026-12-02 07:00', LA),
    });
    // "quiet hours off" = never quiet
    await setQuietHours(la, { start: '00:00', end: '00:00' });
    expect((await send('b', local('2026-12-02 03:00', LA))).status).toBe('sent');
    expect(reminders.sent.map((s) => (s.reply as { text: string }).text)).toEqual(['a', 'b']);
  });

  it('muted reminders are recorded, not sent, and not replayed on unmute; a muted digest does not mute them', async () => {
    const me = await makeEmployee(SH);
    const reminders = recordingReminders();
    const at = local('2026-12-01 10:00');
    const send = (key: string) =>
      reminders.deliver({ employeeId: me, kind: 'reminder', key, reply: { text: key }, at });
    await setMuted(me, 'reminders', true);
    expect(await send(`m1:${me}`)).toEqual({ status: 'muted' });
    await setMuted(me, 'all', false);
    expect(await send(`m1:${me}`)).toEqual({ status: 'duplicate' });
    await setMuted(me, 'digests', true);
    expect((await send(`m2:${me}`)).status).toBe('sent');
    expect(reminders.sent).toHaveLength(1);
  });
});

describe('check-in reminder', () => {
  it('at start + 10 minutes on a workday, with a check-in button, once; not after a check-in or on leave', async () => {
    const late = await makeEmployee(SH);
    const punctual = await makeEmployee(SH);
    const away = await makeEmployee(SH);
    const morningOff = await makeEmployee(SH);
    await checkIn(punctual, DateTime.fromJSDate(local('2026-12-01 08:55')).setZone(SH));
    const approved = local('2026-11-30 09:00');
    await recordApprovedLeave(
      { employeeId: away, requestId: 'r1', from: '2026-12-01', to: '2026-12-01' },
      approved,
    );
    await recordApprovedLeave(
      { employeeId: morningOff, requestId: 'r2', from: '2026-12-01', to: '2026-12-01', toHalf: 'am' },
      approved,
    );
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
    const requester = await personOf(await makeEmployee(SH, { name: '申请人', managerId: boss }));
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
    expect(card.actions.slice(0, 2).map((a: { actionId: string }) => a.actionId)).toEqual([
      'approvals.approve',
      'approvals.reject',
    ]);
    expect(card.title).toContain(doc.no);
    // the next period: 48 h
    expect(await run('2026-12-03 10:00')).toEqual({ reminded: 1 });
    expect(await Delivery.countDocuments({ _id: new RegExp(`^approval-waiting:${doc.no}:`) })).toBe(2);
  });

  it('waits out the quiet hours, and says nothing about a request decided meanwhile', async () => {
    const boss = await makeEmployee(SH, { name: '老板2', roles: ['manager'] });
    const requester = await personOf(await makeEmployee(SH, { managerId: boss }));
    const file = (title: string) =>
      submitRequest({
        requester,
        type: 'general',
        data: { title, text: 'x' },
        today: '2026-12-01',
        now: local('2026-12-01 21:00'),
      });
    const open = await file('open');
    const decided = await file('decided');
    const reminders = recordingReminders();
    // 24 h later it is 21:00: quiet hours
    expect(await remindWaitingApprovals(local('2026-12-02 21:00'), reminders)).toEqual({ reminded: 0 });
    await changeRequest(
      decided.no,
      (d) => workflow.decide(d, d.waitingFor[0] as never, 'approved', '', local('2026-12-03 07:00')),
      local('2026-12-03 07:00'),
    );
    expect(await remindWaitingApprovals(local('2026-12-03 08:00'), reminders)).toEqual({ reminded: 1 });
    expect(cardSent(reminders.sent[0]).title).toContain(open.no);
  });

  it("an urge in the approver's quiet hours reaches them when they end, as a card kept up to date", async () => {
    const boss = await makeEmployee(SH, { name: '老板3', roles: ['manager'] });
    const requester = await personOf(await makeEmployee(SH, { name: '催', managerId: boss }));
    const doc = await submitRequest({
      requester,
      type: 'general',
      data: { title: 'u', text: 'x' },
      today: '2026-12-01',
      now: local('2026-12-01 22:00'),
    });
    const reminders = recordingReminders();
    const urged = await changeRequest(
      doc.no,
      (d) => workflow.urge(d, d.requesterId, local('2026-12-01 22:30')),
      local('2026-12-01 22:30'),
    );
    if (!urged.ok) throw new Error('not urged');
    expect(await remindUrged(reminders, urged.doc, await directoryOf(urged.doc))).toEqual({
      sent: 0,
      quiet: 1,
      muted: 0,
    });
    expect(await remindWaitingApprovals(local('2026-12-02 07:55'), reminders)).toEqual({ reminded: 0 });
    expect(await remindWaitingApprovals(local('2026-12-02 08:00'), reminders)).toEqual({ reminded: 1 });
    expect(await remindWaitingApprovals(local('2026-12-02 08:05'), reminders)).toEqual({ reminded: 0 });
    expect(cardSent(reminders.sent[0]).subtitle).toBe('⏰ 催 催办 · 审批中');
    // recorded like any card of the request, so deciding it updates this copy too
    const cards = (await ApprovalRequest.findById(doc._id).lean())?.cards ?? [];
    expect(cards.filter((c) => String(c.employeeId) === String(boss))).toHaveLength(1);
  });
});

describe('follow-up due', () => {
  it('reminds the owner once when the planned day comes, after the night’s quiet hours', async () => {
    const owner = await makeEmployee(SH, { locale: 'en' });
    await customerDue(owner, local('2026-12-03 00:00'), 'Acme');
    const reminders = recordingReminders();
    expect(await remindDueFollowUps(local('2026-12-02 23:59'), reminders)).toEqual({ reminded: 0 });
    // due at 00:00, inside the quiet hours: nothing yet
    expect(await remindDueFollowUps(local('2026-12-03 00:05'), reminders)).toEqual({ reminded: 0 });
    expect(await remindDueFollowUps(local('2026-12-03 07:55'), reminders)).toEqual({ reminded: 0 });
    await Promise.all([
      remindDueFollowUps(local('2026-12-03 08:00'), reminders),
      remindDueFollowUps(local('2026-12-03 08:00'), reminders),
    ]);
    expect(await remindDueFollowUps(local('2026-12-03 08:05'), reminders)).toEqual({ reminded: 0 });
    expect(reminders.sent).toHaveLength(1);
    expect(titleOf(reminders.sent[0])).toBe(
      '⏰ Time to follow up with Acme (planned 12-03). Log it: follow up Acme <channel> <note>',
    );
  });
});
