import { seedDemoApprovals } from './approvals/demo.js';
import { seedDemoAttendance } from './attendance/demo.js';
import { seedDemoContracts } from './contracts/demo.js';
import { seedDemoCustomers } from './crm/demo.js';
import { seedDemoOrders } from './orders/demo.js';
import { seedDemoCompany } from './org/demo-company.js';
import { seedDemoStock } from './stock/demo.js';

/** The demo company and each capability's demo data, into an empty store only. */
export async function seedDemo(now: Date, settings: { currency: string }): Promise<boolean> {
  if (!(await seedDemoCompany(now))) return false;
  await seedDemoAttendance(now);
  await seedDemoApprovals(now);
  await seedDemoStock(now);
  // orders and samples are for CRM customers: those come first
  await seedDemoCustomers(now);
  await seedDemoOrders(now, settings.currency);
  await seedDemoContracts(now, settings.currency);
  return true;
}
