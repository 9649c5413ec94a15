import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { Delivery } from '../../../db/models/delivery.js';
import { checkIn, checkOut } from '../../../flows/attendance/service.js';
import { digestKey, runDigests } from '../../../flows/digests/run.js';
import { setMuted, setQuietHours } from '../../../flows/digests/settings.js';
import { flows } from '../../../flows/index.js';
import { digestSectionsOf } from '../../../src/bot/digest.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';
import { makeEmployee } from '../attendance/helpers.js';
import { cardSent, customerDue, titleOf, who } from './helpers.js';

useTestDb();
const sections = digestSectionsOf(flows);
const SH = 'Asia/Shanghai';
const LA = 'America/Los_Angeles';
const z = (iso: string) => new Date(iso);

describe('morning digest', () => {
  it('reaches a Los Angeles and a Shanghai employee at their own 09:00 on their workday, once', async () => {
    const la = await makeEmployee(LA, { locale: 'en', name: 'Lee' });
    const sh = await makeEmployee(SH, { name: '沈' });
    await customerDue(la, z('2026-11-30T08:00:00Z'));
    await customerDue(sh, z('2026-11-30T16:00:00Z'));
    const reminders = recordingReminders();
    const run = (iso: string) => runDigests({ reminders, sections }, z(iso), { only: [la, sh] });

    await run('2026-11-30T16:59:00Z'); // LA Mon 08:59; Shanghai Tue 00:59
    expect(reminders.sent).toEqual([]);
    await run('2026-11-30T17:00:00Z'); // LA Mon 09:00
    expect(who(reminders.sent)).toEqual([la]);
    expect(titleOf(reminders.sent[0])).toBe('Good morning, Lee · your day');
    await run('2026-12-01T00:59:00Z'); // Shanghai 08:59
    expect(who(reminders.sent)).toEqual([la]);
    await run('2026-12-01T01:00:00Z'); // Shanghai Tue 09:00; LA still Monday, already sent
    expect(who(reminders.sent)).toEqual([la, sh]);
    expect(titleOf(reminders.sent[1])).toBe('早安，沈 · 今日摘要');
    await run('2026-12-01T03:00:00Z');
    expect(who(reminders.sent)).toEqual([la, sh]);
    expect(await Delivery.findById(digestKey(sh, '2026-12-01')).lean()).toMatchObject({
      status: 'sent',
      kind: 'digest',
    });
    expect(await Delivery.findById(digestKey(la, '2026-11-30')).lean()).toMatchObject({ status: 'sent' });

    // the weekend is nobody's workday: Saturday 09:30 in LA, Sunday 09:30 in Shanghai
    await run('2026-12-05T17:30:00Z');
    await run('2026-12-06T01:30:00Z');
    expect(who(reminders.sent)).toEqual([la, sh]);
  });

  it('shows the due follow-ups in the reader language; nothing to say sends nothing', async () => {
    const busy = await makeEmployee(SH, { name: '忙' });
    const idle = await makeEmployee(SH, { name: '闲' });
    await customerDue(busy, z('2026-12-01T16:00:00Z'), '华为');
    await customerDue(busy, z('2026-11-28T16:00:00Z'), '中兴');
    const reminders = recordingReminders();
    const run = await runDigests({ reminders, sections }, z('2026-12-02T01:05:00Z'), { only: [busy, idle] });
    expect(run).toEqual({ due: 2, sent: 1, empty: 1, skipped: 0 });
    const card = cardSent(reminders.sent[0]);
    expect(card.fields).toEqual([['今日跟进', '中兴 · 逾期 3 天\n华为 · 今天']]);
    // the empty one is recorded, so the next runs today do not build it again
    expect(await Delivery.findById(digestKey(idle, '2026-12-02')).lean()).toMatchObject({ status: 'empty' });
    expect(
      (await runDigests({ reminders, sections }, z('2026-12-02T01:10:00Z'), { only: [busy, idle] })).due,
    ).toBe(0);
  });

  it('skips people who muted digests, and comes back when they unmute', async () => {
    const me = await makeEmployee(SH);
    await customerDue(me, z('2026-11-30T16:00:00Z'));
    const reminders = recordingReminders();
    await setMuted(me, 'digests', true);
    expect(
      await runDigests({ reminders, sections }, z('2026-12-01T01:00:00Z'), { only: [me] }),
    ).toMatchObject({
      due: 0,
      sent: 0,
    });
    // muting reminders only leaves the digest alone
    await setMuted(me, 'all', false);
    await setMuted(me, 'reminders', true);
    expect(
      await runDigests({ reminders, sections }, z('2026-12-01T01:05:00Z'), { only: [me] }),
    ).toMatchObject({ sent: 1 });
  });

  it('does not send a day-old digest once the quiet hours have begun', async () => {
    const me = await makeEmployee(SH);
    await customerDue(me, z('2026-11-30T16:00:00Z'));
    const reminders = recordingReminders();
    // the app was down all day: at 20:30 local it is too late for the morning digest
    expect(
      await runDigests({ reminders, sections }, z('2026-12-01T12:30:00Z'), { only: [me] }),
    ).toMatchObject({ due: 0 });
    // but a run at 11:00 catches up on a missed 09:00
    expect(
      await runDigests({ reminders, sections }, z('2026-12-01T03:00:00Z'), { only: [me] }),
    ).toMatchObject({ sent: 1 });
  });

  it('waits for quiet hours that cover the digest time to end', async () => {
    const me = await makeEmployee(SH);
    await customerDue(me, z('2026-11-30T16:00:00Z'));
    await setQuietHours(me, { start: '08:00', end: '12:00' });
    const reminders = recordingReminders();
    expect(
      await runDigests({ reminders, sections }, z('2026-12-01T01:00:00Z'), { only: [me] }),
    ).toMatchObject({ due: 0 });
    expect(
      await runDigests({ reminders, sections }, z('2026-12-01T04:00:00Z'), { only: [me] }),
    ).toMatchObject({ sent: 1 });
  });

  it('a forced run counts as the day’s digest, even for a run at the same instant', async () => {
    const me = await makeEmployee(SH);
    await customerDue(me, z('2026-11-30T16:00:00Z'));
    const reminders = recordingReminders();
    const now = z('2026-12-01T02:00:00Z');
    expect(await runDigests({ reminders, sections }, now, { only: [me], force: true })).toMatchObject({
      sent: 1,
    });
    expect(await runDigests({ reminders, sections }, now, { only: [me] })).toMatchObject({ due: 0 });
  });

  it('two runs at once, and a run resumed after a crash, send each digest once', async () => {
    const people = await Promise.all(Array.from({ length: 12 }, () => makeEmployee(SH)));
    for (const p of people) await customerDue(p, z('2026-11-30T16:00:00Z'));
    const reminders = recordingReminders();
    const now = z('2026-12-01T01:00:00Z');
    // a first run that got through half of them before the process died
    await runDigests({ reminders, sections }, now, { only: people.slice(0, 6) });
    await Promise.all([
      runDigests({ reminders, sections }, now, { only: people }),
      runDigests({ reminders, sections }, now, { only: people }),
    ]);
    expect(who(reminders.sent).sort()).toEqual([...people].sort());
  });

  it("a manager reads the reports' previous workday: late, absent, no check-out — not a new hire's days before joining", async () => {
    const boss = await makeEmployee(SH, { name: '经理', roles: ['manager'] });
    const late = await makeEmployee(SH, { name: '迟', managerId: boss });
    const forgot = await makeEmployee(SH, { name: '忘', managerId: boss });
    await makeEmployee(SH, { name: '缺', managerId: boss });
    await makeEmployee(SH, { name: '新', managerId: boss, createdAt: z('2026-12-07T01:00:00Z') });
    // Friday 2026-12-04: 迟 in at 09:40 and out at 18:05, 忘 in on time and never out
    const at = (iso: string) => DateTime.fromISO(iso, { zone: SH });
    await checkIn(late, at('2026-12-04T01:40:00Z'));
    await checkOut(late, at('2026-12-04T10:05:00Z'));
    await checkIn(forgot, at('2026-12-04T00:55:00Z'));
    const reminders = recordingReminders();
    // Monday's digest covers Friday
    await runDigests({ reminders, sections }, z('2026-12-07T01:05:00Z'), { only: [boss] });
    expect(cardSent(reminders.sent[0]).fields).toEqual([
      ['团队考勤异常 2026-12-04', '迟 · 迟到 09:40\n忘 · 未签退\n缺 · 缺勤'],
    ]);
  });

  it('a report in a zone behind the manager is not missing a check-out on a day still in progress there', async () => {
    const boss = await makeEmployee(SH, { name: '上海经理', roles: ['manager'] });
    const onTime = await makeEmployee(LA, { name: 'Ada', managerId: boss });
    const late = await makeEmployee(LA, { name: 'Ben', managerId: boss });
    await makeEmployee(LA, { name: 'Cy', managerId: boss });
    // Tuesday 2026-12-08 in Los Angeles: Ada in at 08:55, Ben at 09:40, both still at work
    await checkIn(onTime, DateTime.fromISO('2026-12-08T08:55', { zone: LA }));
    await checkIn(late, DateTime.fromISO('2026-12-08T09:40', { zone: LA }));
    const reminders = recordingReminders();
    // Wednesday 09:05 in Shanghai is Tuesday 17:05 in Los Angeles
    await runDigests({ reminders, sections }, z('2026-12-09T01:05:00Z'), { only: [boss] });
    expect(cardSent(reminders.sent[0]).fields).toEqual([['团队考勤异常 2026-12-08', 'Ben · 迟到 09:40']]);
  });
});
