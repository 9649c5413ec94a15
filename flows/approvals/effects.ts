import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { applyMakeupPunch, recordApprovedLeave } from '../attendance/api.js';
import { createEmployee } from '../org/api.js';
import type { LeaveData } from './requests/leave.js';
import type { MakeupData } from './requests/makeup.js';
import type { OnboardingData } from './requests/onboarding.js';

/**
 * What a final approval does beyond the request itself. Runs once, by whoever made the deciding
 * write; each hook is idempotent per request, so a retry after a crash is safe. The hooks write
 * at the decision's own time (changes stamp it from the injected clock).
 */
export async function applyApproval(doc: ApprovalRequestDoc, today: string): Promise<void> {
  const employeeId = String(doc.requesterId);
  if (doc.type === 'leave') {
    const d = doc.data as LeaveData;
    await recordApprovedLeave(
      { employeeId, requestId: doc.no, from: d.from, to: d.to, fromHalf: d.fromHalf, toHalf: d.toHalf },
      doc.updatedAt,
    );
  } else if (doc.type === 'makeup') {
    const d = doc.data as MakeupData;
    await applyMakeupPunch(
      { employeeId, requestId: doc.no, date: d.date, time: d.time, direction: d.direction },
      doc.updatedAt,
    );
  } else if (doc.type === 'onboarding') {
    const d = doc.data as OnboardingData;
    // inactive until the first day, so the new hire cannot be asked to approve before joining
    await createEmployee(
      {
        name: d.name,
        email: d.email,
        department: d.department,
        managerEmail: d.managerEmail,
        roles: ['employee'],
        locale: 'zh-CN',
        timezone: 'Asia/Shanghai',
      },
      // the decision's own time (changes write it from the injected clock)
      doc.updatedAt,
      { active: d.startDate <= today },
    ).catch((err: { code?: string }) => {
      if (err.code !== 'org.duplicate') throw err;
    });
  }
}
