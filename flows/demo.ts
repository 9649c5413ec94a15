import { seedDemoApprovals } from './approvals/demo.js';
import { seedDemoAttendance } from './attendance/demo.js';
import { seedDemoCompany } from './org/demo-company.js';

/** The demo company and each capability's demo data, into an empty store only. */
export async function seedDemo(now: Date): Promise<boolean> {
  if (!(await seedDemoCompany())) return false;
  await seedDemoAttendance(now);
  await seedDemoApprovals(now);
  return true;
}
