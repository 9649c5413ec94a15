import { seedDemoApprovals } from './approvals/demo.js';
import { seedDemoCustomers } from './crm/demo.js';
import { seedDemoCompany } from './org/demo-company.js';

/** The demo company and each capability's demo data, into an empty store only. */
export async function seedDemo(now: Date): Promise<boolean> {
  if (!(await seedDemoCompany())) return false;
  await seedDemoApprovals(now);
  await seedDemoCustomers(now);
  return true;
}
