import type { ApprovalRequestDoc } from '../../db/models/approval-request.js';
import { createEmployee } from '../org/service.js';
import type { OnboardingData } from './requests/onboarding.js';

/**
 * What a final approval does beyond the request itself. Runs once, by whoever made the deciding
 * write. Leave and make-up punches are handed to the attendance calendar once it exists; until
 * then an approved leave is what routing reads to find who is away.
 */
export async function applyApproval(doc: ApprovalRequestDoc, today: string): Promise<void> {
  if (doc.type === 'onboarding') {
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
      { active: d.startDate <= today },
    ).catch((err: { code?: string }) => {
      if (err.code !== 'org.duplicate') throw err;
    });
  }
}
