import { DateTime } from 'luxon';
import { Employee } from '../../db/models/employee.js';
import type { DigestSection, DigestSectionSpec, Reader, RunContext, Staff } from '../../src/bot/digest.js';
import type { Card, Locale } from '../../src/bot/types.js';
import { digestCard } from './card.js';
import { MAX_SINCE_MS } from './history.js';

export type ReaderSource = {
  name: string;
  locale: string;
  timezone: string;
  roles: string[];
  department?: string;
};

export function readerOf(
  p: ReaderSource & { id: string },
  date: string,
  since: Date | undefined,
  now: Date,
): Reader {
  return {
    id: p.id,
    name: p.name,
    locale: p.locale as Locale,
    timezone: p.timezone,
    roles: p.roles,
    department: p.department ?? '',
    date,
    since: since ?? new Date(now.getTime() - MAX_SINCE_MS),
  };
}

/**
 * Every reader's card (null = nothing to say) with one batch of queries per section: the
 * sections are the ones flows declare (`Flow.digestSections`), in their order.
 */
export async function composeDigests(
  sections: readonly DigestSectionSpec[],
  readers: Reader[],
  now: Date,
  everyone?: StaffRow[],
): Promise<Map<string, Card | null>> {
  const ctx = runContext(
    readers,
    now,
    everyone ?? (await Employee.find({ active: true }, STAFF_FIELDS).lean()),
  );
  const loaded = await Promise.all(sections.map((section) => section.load(ctx)));
  return new Map(
    readers.map((r) => [
      r.id,
      digestCard(
        r,
        loaded.map((m) => m.get(r.id)).filter((s): s is DigestSection => !!s),
      ),
    ]),
  );
}

export const STAFF_FIELDS = {
  name: 1,
  locale: 1,
  timezone: 1,
  roles: 1,
  department: 1,
  managerId: 1,
  createdAt: 1,
};
export type StaffRow = {
  _id: unknown;
  name: string;
  department: string;
  timezone: string;
  managerId?: unknown;
  createdAt?: Date;
};

function runContext(readers: Reader[], now: Date, rows: StaffRow[]): RunContext {
  const staff: Staff[] = rows.map((r) => ({
    id: String(r._id),
    name: r.name,
    department: r.department,
    timezone: r.timezone,
    managerId: r.managerId ? String(r.managerId) : null,
    joined: DateTime.fromJSDate(r.createdAt ?? new Date(0), { zone: r.timezone }).toISODate() as string,
  }));
  const names = new Map(staff.map((s) => [s.id, s.name]));
  return { now, readers, staff, names, nameOf: (id) => names.get(String(id)) ?? '?' };
}
