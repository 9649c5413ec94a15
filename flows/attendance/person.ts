import { AppError } from '../../src/errors.js';
import { readDirectory } from '../org/api.js';
import type { ScheduledPerson } from './schedule.js';

export type AttendancePerson = ScheduledPerson & { name: string };

/** The employee with what schedules need (department, timezone), from the in-memory directory. */
export async function scheduledPerson(employeeId: string): Promise<AttendancePerson> {
  const doc = (await readDirectory()).byId(employeeId);
  if (!doc) throw new AppError('attendance.no_employee', `no employee ${employeeId}`);
  return { id: String(doc._id), name: doc.name, department: doc.department, timezone: doc.timezone };
}
