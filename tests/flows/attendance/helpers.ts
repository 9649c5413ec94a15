import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Employee, type EmployeeDoc } from '../../../db/models/employee.js';
import { directoryWrites } from '../../../flows/org/directory.js';

let n = 0;
/** A fresh employee (own e-mail) in a zone, announced to the directory like any write; returns the id. */
export async function makeEmployee(
  timezone = 'Asia/Shanghai',
  extra: Record<string, unknown> = {},
): Promise<string> {
  n++;
  const doc = await Employee.create({
    name: `E${n}`,
    email: `e${n}-${randomUUID()}@test.example`,
    timezone,
    department: 'QA',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    ...extra,
  });
  await directoryWrites.employeeSaved(doc.toObject() as EmployeeDoc, doc.createdAt);
  return String(doc._id);
}

/** A wall-clock instant in a zone, e.g. at('2026-11-02 09:05', 'America/Los_Angeles'). */
export const at = (local: string, zone: string) =>
  DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone }).setZone(zone);
