import { DateTime } from 'luxon';
import mongoose from 'mongoose';
import { findActiveByEmail } from '../org/api.js';
import { seedExampleTypes } from './custom-types/examples.js';
import { changeRequest, submitRequest } from './service.js';
import * as workflow from './workflow.js';

type Step = { by: string; decision: 'approved' | 'rejected'; comment?: string } | { withdraw: true };

/** A few requests in different states, so "待我审批" and "my requests" have something to show. */
export async function seedDemoApprovals(now: Date): Promise<void> {
  const local = DateTime.fromJSDate(now, { zone: 'Asia/Shanghai' });
  const monday = local.plus({ weeks: 1 }).startOf('week');
  const day = (d: DateTime) => d.toISODate() ?? '';
  await seedExampleTypes(now);
  const file = async (user: string, type: string, data: Record<string, unknown>, steps: Step[] = []) => {
    const requester = await findActiveByEmail(`${user}@demo.example`);
    if (!requester) return;
    const doc = await submitRequest({ requester, type, data, today: day(local), now });
    for (const step of steps) {
      if ('withdraw' in step) {
        await changeRequest(
          doc.no,
          (d) => workflow.withdraw(d, new mongoose.Types.ObjectId(requester.id), now),
          now,
        );
        continue;
      }
      const by = await findActiveByEmail(`${step.by}@demo.example`);
      if (by)
        await changeRequest(
          doc.no,
          (d) =>
            workflow.decide(d, new mongoose.Types.ObjectId(by.id), step.decision, step.comment ?? '', now),
          now,
        );
    }
  };
  await file('zhang.min', 'leave', {
    kind: 'personal',
    from: day(monday),
    to: day(monday),
    reason: '家里有事',
  });
  await file(
    'alice.chen',
    'expense',
    {
      amount: 1500,
      currency: 'CNY',
      category: 'travel',
      reason: 'Hotel for the Boston trade fair',
      receiptUrl: '',
    },
    [{ by: 'wang.fang', decision: 'approved' }],
  );
  await file(
    'bob.smith',
    'trip',
    {
      destination: 'Shenzhen',
      from: day(monday.plus({ days: 2 })),
      to: day(monday.plus({ days: 4 })),
      purpose: 'Factory visit',
      estimatedCost: 6000,
    },
    [{ by: 'chen.jie', decision: 'approved', comment: 'Go' }],
  );
  await file(
    'wu.jun',
    'makeup',
    { date: day(local.minus({ days: 1 })), time: '09:05', direction: 'in', reason: '忘记打卡' },
    [{ by: 'zhou.qiang', decision: 'rejected', comment: '当天没有到岗记录' }],
  );
  await file(
    'zhang.min',
    'expense',
    { amount: 88, currency: 'CNY', category: 'taxi', reason: '打车去客户', receiptUrl: '' },
    [{ withdraw: true }],
  );
  // an admin-defined type (flows/approvals/examples), waiting for the seal keeper
  await file(
    'alice.chen',
    'seal-use',
    { seal: 'contract', document: 'Acme supply contract', copies: 2, purpose: '' },
    [{ by: 'wang.fang', decision: 'approved' }],
  );
  // past the hiring manager's step (his manager approved), now with HR: something for both to see
  await file(
    'chen.jie',
    'onboarding',
    {
      name: '林晓',
      email: 'lin.xiao@demo.example',
      department: 'Engineering',
      managerEmail: 'chen.jie@demo.example',
      startDate: day(monday.plus({ weeks: 1 })),
    },
    [{ by: 'li.wei', decision: 'approved' }],
  );
}
