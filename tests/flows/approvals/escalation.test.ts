import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../../db/models/approval-request.js';
import { Employee } from '../../../db/models/employee.js';
import { requestCard } from '../../../flows/approvals/cards.js';
import { escalateOverdue } from '../../../flows/approvals/escalations.js';
import { announceSubmitted } from '../../../flows/approvals/messaging.js';
import { DEFAULT_POLICY, loadPolicy } from '../../../flows/approvals/policy.js';
import { changeRequest, submitRequest } from '../../../flows/approvals/service.js';
import * as workflow from '../../../flows/approvals/workflow.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail, namesOf } from '../../../flows/org/service.js';
import type { Card, MessageRef, Person, Reply } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';
import { recordingReminders } from '../../helpers/reminders.js';

useTestDb();

const cardOf = (r: Reply): Card | undefined => ('card' in r ? r.card : undefined);

// Wednesday 2 December 2026, 10:00 in Shanghai; a working day is 09:00–18:00
const filed = new Date('2026-12-02T02:00:00Z');
const thu = (hm: string) => new Date(`2026-12-03T${hm}:00+08:00`);
const people: Record<string, Person> = {};
const id = (user: string) => new mongoose.Types.ObjectId(people[user]?.id);

beforeAll(async () => {
  await seedDemoCompany(filed);
  for (const e of await Employee.find({}).lean())
    people[e.email.split('@')[0] ?? ''] = (await findActiveByEmail(e.email)) as Person;
});

/** One app instance's outbox: what it sent and which copies it updated. */
function instance() {
  const sent: { employeeId: string; reply: Reply }[] = [];
  const updated: { ref: MessageRef; reply: Reply }[] = [];
  return {
    sent,
    updated,
    reminders: recordingReminders(),
    notify: async (employeeId: string, message: unknown): Promise<MessageRef[]> => {
      sent.push({ employeeId, reply: message as Reply });
      return [{ platform: 'web', channelId: employeeId, messageId: `${employeeId}:${sent.length}` }];
    },
    update: async (ref: MessageRef, reply: Reply) => {
      updated.push({ ref, reply });
    },
  };
}

/** zhang.min's request to her manager wang.fang, who has 17 working hours (8 on Wednesday, 9 on Thursday: until Thu 18:00). */
async function file(escalate: 'manager' | 'approve' | 'send-back') {
  const policy = loadPolicy({
    ...DEFAULT_POLICY,
    general: [
      {
        steps: [
          {
            name: 'manager',
            label: { 'zh-CN': '直属上级', en: 'manager' },
            approvers: ['manager'],
            escalateAfterHours: 17,
            escalate,
          },
        ],
      },
    ],
  });
  const doc = await submitRequest({
    requester: people['zhang.min'] as Person,
    type: 'general',
    data: { title: 't', text: 'x' },
    today: '2026-12-02',
    now: filed,
    policy,
  });
  return doc;
}

const read = async (no: string) =>
  (await ApprovalRequest.findById(no).lean<ApprovalRequestDoc>()) as ApprovalRequestDoc;

describe('a step past its time limit', () => {
  it('shows its deadline on the card in the reader’s zone and language', async () => {
    const doc = await file('manager');
    expect(doc.deadline).toMatchObject({ at: thu('18:00'), action: 'manager', step: 0 });
    const names = await namesOf([doc.requesterId, ...doc.waitingFor]);
    const field = (locale: 'zh-CN' | 'en', timezone: string) =>
      requestCard(doc, names, { id: 'x', locale, timezone }).fields.find(([k]) =>
        /时限|Time limit/.test(k),
      )?.[1];
    expect(field('zh-CN', 'Asia/Shanghai')).toBe('将于 周四 18:00 升级');
    expect(field('en', 'Asia/Shanghai')).toBe('escalates Thu 18:00');
    expect(field('en', 'America/Los_Angeles')).toBe('escalates Thu 02:00');
  });

  it('escalates to the approver’s manager once, even with two instances running the job at once', async () => {
    const doc = await file('manager');
    const a = instance();
    const b = instance();
    await announceSubmitted(a, doc); // wang.fang's copy, to be updated
    expect(await escalateOverdue(thu('17:59'), a)).toEqual({ escalated: 0 });

    const runs = await Promise.all([escalateOverdue(thu('18:01'), a), escalateOverdue(thu('18:01'), b)]);
    expect(runs.reduce((n, r) => n + r.escalated, 0)).toBeGreaterThanOrEqual(1);
    const after = await read(doc.no);
    expect(after.history.filter((h) => h.action === 'escalated')).toHaveLength(1);
    expect(after.history.at(-1)).toMatchObject({ by: null, action: 'escalated', step: 0 });
    expect(after.waitingFor.map(String)).toEqual([people['li.wei']?.id]);
    expect(after.steps[0]?.approvers[0]).toMatchObject({ standsInFor: id('wang.fang'), reason: 'escalated' });
    expect(after.deadline).toBeNull(); // the manager is reminded, not escalated over in turn

    const about = (r: Reply) => cardOf(r)?.title.includes(doc.no) === true; // other tests' requests run out too
    const toManager = [...a.sent, ...b.sent].filter(
      (s) => s.employeeId === people['li.wei']?.id && about(s.reply),
    );
    expect(toManager).toHaveLength(1);
    const updated = [...a.updated, ...b.updated].filter(
      (u) => u.ref.channelId === people['wang.fang']?.id && about(u.reply),
    );
    expect(updated).toHaveLength(1);
    expect(cardOf(updated[0]?.reply ?? { text: '' })?.actions).toEqual([]); // wang.fang no longer decides

    // later runs find nothing owed; wang.fang's late click is refused
    const again = instance();
    await escalateOverdue(thu('23:00'), again);
    expect(again.sent.filter((s) => about(s.reply))).toEqual([]);
    const late = await changeRequest(
      doc.no,
      (d) => workflow.decide(d, id('wang.fang'), 'approved', '', thu('18:02')),
      thu('18:02'),
    );
    expect(late).toMatchObject({ ok: false, refusal: 'not_approver' });
  });

  it('approves by the system exactly once against an approver clicking at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const doc = await file('approve');
      const out = instance();
      const at = thu('18:00');
      const [, human] = await Promise.all([
        escalateOverdue(at, out),
        changeRequest(doc.no, (d) => workflow.decide(d, id('wang.fang'), 'approved', '', at), at),
      ]);
      const after = await read(doc.no);
      const decisions = after.history.filter(
        (h) => h.action === 'approved' || h.action === 'system-approved',
      );
      expect(decisions).toHaveLength(1);
      expect(after.status).toBe('approved');
      expect(human.ok).toBe(decisions[0]?.action === 'approved');
      if (decisions[0]?.action === 'system-approved') expect(decisions[0].by).toBeNull();
    }
  });

  it('sends back to the requester by the system, who is told', async () => {
    const doc = await file('send-back');
    const out = instance();
    expect((await escalateOverdue(thu('18:30'), out)).escalated).toBeGreaterThanOrEqual(1);
    const after = await read(doc.no);
    expect(after).toMatchObject({ status: 'returned', waitingFor: [], deadline: null });
    expect(after.history.at(-1)).toMatchObject({ by: null, action: 'system-sent-back' });
    const told = out.sent.filter(
      (s) => s.employeeId === people['zhang.min']?.id && cardOf(s.reply)?.title.includes(doc.no),
    );
    expect(told).toHaveLength(1);
    expect(cardOf(told[0]?.reply ?? { text: '' })?.body).toMatch(
      /超时，系统自动退回给申请人|sent back to the requester by the system/,
    );
  });

  it('moves with the step: a decision before the deadline clears it', async () => {
    const doc = await file('manager');
    const decided = await changeRequest(
      doc.no,
      (d) => workflow.decide(d, id('wang.fang'), 'approved', '', thu('09:00')),
      thu('09:00'),
    );
    expect(decided).toMatchObject({ ok: true, doc: { status: 'approved', deadline: null } });
    expect((await read(doc.no)).history.map((h) => h.action)).toEqual(['submitted', 'approved']);
  });

  it('rejects a policy naming an escalation without its hours', () => {
    const bad = {
      ...DEFAULT_POLICY,
      general: [
        {
          steps: [
            { name: 'm', label: { 'zh-CN': 'm', en: 'm' }, approvers: ['manager'], escalate: 'approve' },
          ],
        },
      ],
    };
    expect(() => loadPolicy(bad)).toThrow(/escalate and escalateAfterHours go together/);
  });
});
