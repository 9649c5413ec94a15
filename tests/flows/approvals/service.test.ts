import mongoose from 'mongoose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRequest, type ApprovalRequestDoc } from '../../../db/models/approval-request.js';
import { Employee } from '../../../db/models/employee.js';
import { requestCard } from '../../../flows/approvals/cards.js';
import { applyApproval } from '../../../flows/approvals/effects.js';
import { DEFAULT_POLICY, loadPolicy } from '../../../flows/approvals/policy.js';
import { changeRequest, submitRequest } from '../../../flows/approvals/service.js';
import * as workflow from '../../../flows/approvals/workflow.js';
import { seedDemoCompany } from '../../../flows/org/demo-company.js';
import { findActiveByEmail } from '../../../flows/org/service.js';
import type { Person } from '../../../src/bot/types.js';
import { useTestDb } from '../../helpers/db.js';

useTestDb();

const now = new Date('2026-12-01T02:00:00Z');
const today = '2026-12-01';
const people: Record<string, Person> = {};
const id = (user: string) => new mongoose.Types.ObjectId(people[user]?.id);

beforeAll(async () => {
  await seedDemoCompany(now);
  for (const e of await Employee.find({}).lean()) {
    const user = e.email.split('@')[0] ?? '';
    people[user] = (await findActiveByEmail(e.email)) as Person;
  }
});

const general = (user: string, policy?: ReturnType<typeof loadPolicy>) =>
  submitRequest({
    requester: people[user] as Person,
    type: 'general',
    data: { title: 't', text: 'x' },
    today,
    now,
    policy,
  });

describe('approval rules', () => {
  it('an all-step (会签) needs every approver; one rejection rejects', async () => {
    const policy = loadPolicy({
      ...DEFAULT_POLICY,
      general: [
        {
          steps: [
            {
              name: 'board',
              label: { 'zh-CN': '董事会', en: 'board' },
              mode: 'all',
              approvers: ['email:li.wei@demo.example', 'role:finance'],
            },
          ],
        },
      ],
    });
    const a = await general('bob.smith', policy);
    expect(a.waitingFor.map(String).sort()).toEqual([people['li.wei']?.id, people['zhao.lei']?.id].sort());
    const first = await changeRequest(
      a.no,
      (d) => workflow.decide(d, id('li.wei'), 'approved', '', now),
      now,
    );
    expect(first).toMatchObject({ ok: true, change: { event: 'recorded' }, doc: { status: 'pending' } });
    const second = await changeRequest(
      a.no,
      (d) => workflow.decide(d, id('zhao.lei'), 'approved', '', now),
      now,
    );
    expect(second).toMatchObject({ ok: true, change: { event: 'approved' }, doc: { status: 'approved' } });

    const b = await general('bob.smith', policy);
    const rejected = await changeRequest(
      b.no,
      (d) => workflow.decide(d, id('zhao.lei'), 'rejected', 'no', now),
      now,
    );
    expect(rejected).toMatchObject({ ok: true, doc: { status: 'rejected', waitingFor: [] } });
  });

  it('parallel decisions on an all-step are all recorded, none lost', async () => {
    const policy = loadPolicy({
      ...DEFAULT_POLICY,
      general: [
        {
          steps: [
            {
              name: 'all',
              label: { 'zh-CN': '全体经理', en: 'all managers' },
              mode: 'all',
              approvers: ['role:manager'],
            },
          ],
        },
      ],
    });
    const r = await general('bob.smith', policy);
    const managers = r.waitingFor;
    expect(managers.length).toBeGreaterThanOrEqual(3);
    const results = await Promise.all(
      managers.map((m) => changeRequest(r.no, (d) => workflow.decide(d, m, 'approved', '', now), now)),
    );
    expect(results.every((x) => x.ok)).toBe(true);
    // the last decision to land completes it, and its history holds every manager's
    const approved = results.flatMap((x) => (x.ok && x.doc.status === 'approved' ? [x.doc] : []));
    expect(approved).toHaveLength(1);
    expect(approved[0]?.history.filter((h) => h.action === 'approved')).toHaveLength(managers.length);
  });

  it('an approver on leave is replaced by their own manager', async () => {
    const leave = await submitRequest({
      requester: people['chen.jie'] as Person,
      type: 'leave',
      data: { kind: 'annual', from: today, to: today, reason: 'rest' },
      today,
      now,
    });
    const approved = await changeRequest(
      leave.no,
      (d) => workflow.decide(d, id('li.wei'), 'approved', '', now),
      now,
    );
    if (approved.ok) await applyApproval(approved.doc, today); // writes the leave into the attendance calendar
    const r = await general('bob.smith');
    expect(r.steps[0]?.approvers).toEqual([
      expect.objectContaining({ employeeId: id('li.wei'), standsInFor: id('chen.jie'), reason: 'on-leave' }),
    ]);
  });

  it('nobody approves their own request: the step passes up the line', async () => {
    const r = await submitRequest({
      requester: people['zhao.lei'] as Person,
      type: 'expense',
      data: { amount: 2000, currency: 'CNY', category: 'travel', reason: 'conference', receiptUrl: '' },
      today,
      now,
    });
    // manager (li.wei), then finance (zhao.lei herself → li.wei again): merged into one step
    expect(r.steps).toHaveLength(1);
    expect(r.waitingFor.map(String)).toEqual([people['li.wei']?.id]);
  });

  it('a step keeps the label it was filed with; older requests read the policy’s, an unknown name shows as written', async () => {
    const filed = await general('bob.smith');
    expect(filed.steps[0]?.label).toEqual({ 'zh-CN': '直属上级', en: 'manager' });
    const stepOn = async (locale: 'zh-CN' | 'en') => {
      const doc = (await ApprovalRequest.findOne({ no: filed.no }).lean()) as ApprovalRequestDoc;
      const viewer = { id: people['chen.jie']?.id ?? '', locale, timezone: 'Asia/Shanghai' };
      return requestCard(doc, new Map(), viewer).fields.find(([label]) => ['步骤', 'Step'].includes(label));
    };
    expect(await stepOn('zh-CN')).toEqual(['步骤', '1/1 直属上级']);
    await ApprovalRequest.updateOne({ no: filed.no }, { $set: { 'steps.0.label': null } });
    expect(await stepOn('zh-CN')).toEqual(['步骤', '1/1 直属上级']);
    expect(await stepOn('en')).toEqual(['Step', '1/1 manager']);
    await ApprovalRequest.updateOne({ no: filed.no }, { $set: { 'steps.0.name': 'board' } });
    expect(await stepOn('zh-CN')).toEqual(['步骤', '1/1 board']);
  });

  it('a policy step without a label in both languages stops start-up', () => {
    const unlabelled = { steps: [{ name: 'x', label: { 'zh-CN': '某人' }, approvers: ['manager'] }] };
    expect(() => loadPolicy({ ...DEFAULT_POLICY, general: [unlabelled] })).toThrow(
      /^approval policy invalid at general\.0\.steps\.0\.label\.en:/,
    );
  });

  it('a broken policy stops start-up with its path', () => {
    expect(() => loadPolicy({ leave: [{ steps: [{ name: 'x', approvers: ['boss'] }] }] })).toThrow(
      /approval policy invalid at/,
    );
  });
});
