import { DateTime } from 'luxon';
import { Employee } from '../../db/models/employee.js';
import type { Recipient } from '../../src/bot/deliveries.js';
import type { DigestSectionSpec } from '../../src/bot/digest.js';
import type { Reminders } from '../../src/bot/flow.js';
import { quietUntil } from '../../src/bot/quiet-hours.js';
import type { Card } from '../../src/bot/types.js';
import { isWorkday, loadSchedules } from '../attendance/api.js';
import { composeDigests, type ReaderSource, readerOf, STAFF_FIELDS, type StaffRow } from './compose.js';
import { digestHistory } from './history.js';
import { isDone, markZonesDone, zonesDone } from './zone-marks.js';

/** Sends at once; each is a delivery insert and a message per bound platform. */
const CONCURRENCY = 8;

export type DigestRun = { due: number; sent: number; empty: number; skipped: number };

/** What a run needs from the wiring: where to send, and the sections the flows declare. */
export type DigestDeps = { reminders: Reminders; sections: readonly DigestSectionSpec[] };

export const digestKey = (employeeId: string, date: string) => `digest:${employeeId}:${date}`;

/**
 * The morning digest for everyone whose digest time has come today (their zone, their workday,
 * outside their quiet hours) and who has not had today's yet. Run it every few minutes: a run
 * after downtime catches up, a second instance finds the day's keys taken, and a zone's day once
 * done is skipped cheaply (zone-marks.ts). `force` (the admin endpoint, the demo) ignores the
 * time, the workday and quiet hours; `only` limits it to some people.
 */
export async function runDigests(
  deps: DigestDeps,
  now: Date,
  options: { force?: boolean; only?: string[] } = {},
): Promise<DigestRun> {
  const { reminders } = deps;
  const filter = options.only ? { active: true, _id: { $in: options.only } } : { active: true };
  const [people, scheduleOf] = await Promise.all([
    Employee.find(filter, STAFF_FIELDS).lean(),
    loadSchedules(),
  ]);
  const scheduled = !options.force && !options.only;
  const timeHasCome = people.flatMap((p) => {
    const local = DateTime.fromJSDate(now, { zone: p.timezone });
    const date = local.toISODate() as string;
    const id = String(p._id);
    const workday = isWorkday(scheduleOf({ id, department: p.department, timezone: p.timezone }), date);
    if (!options.force && (!workday || local.toFormat('HH:mm') < reminders.config.digestAt)) return [];
    return [{ p, id, date, zone: p.timezone }];
  });
  const days = [...new Map(timeHasCome.map((c) => [`${c.zone}|${c.date}`, c])).values()];
  const marked = scheduled ? await zonesDone(days) : new Set<string>();
  const candidates = timeHasCome.filter((c) => !isDone(marked, c.zone, c.date));
  const history = await digestHistory(
    candidates.map((c) => c.id),
    now,
  );
  const open = candidates.filter((c) => !history.keys.has(digestKey(c.id, c.date)));
  const recipients = await reminders.recipients(open.map((c) => c.id));
  // not in someone's quiet hours: after an evening start it waits for tomorrow's (no longer news)
  const quiet = new Set(
    open.filter((c) => {
      const r = recipients.get(c.id);
      return !options.force && r && !r.digestsMuted && quietUntil(now, r.timezone, r.quiet) !== null;
    }),
  );
  const due = open.filter(
    (c) => recipients.get(c.id) && !recipients.get(c.id)?.digestsMuted && !quiet.has(c),
  );
  const everyone = options.only ? undefined : people;
  const counts =
    due.length > 0 ? await send(deps, now, { due, recipients, last: history.last, everyone }) : NOTHING_SENT;
  if (scheduled) {
    const unfinished = new Set([...quiet].map((c) => `${c.zone}|${c.date}`));
    const finished = days.filter(
      (d) => !isDone(marked, d.zone, d.date) && !unfinished.has(`${d.zone}|${d.date}`),
    );
    await markZonesDone(finished, now);
  }
  return { due: due.length, ...counts };
}

const NOTHING_SENT = { sent: 0, empty: 0, skipped: 0 };

async function send(
  { reminders, sections }: DigestDeps,
  now: Date,
  run: {
    due: { p: StaffRow & ReaderSource; id: string; date: string }[];
    recipients: Map<string, Recipient>;
    last: Map<string, Date>;
    everyone: StaffRow[] | undefined;
  },
): Promise<Omit<DigestRun, 'due'>> {
  const { recipients, everyone } = run;
  const readers = run.due.map(({ p, id, date }) => readerOf({ ...p, id }, date, run.last.get(id), now));
  const cards = await composeDigests(sections, readers, now, everyone);
  const counts = { ...NOTHING_SENT };
  await inBatches(readers, CONCURRENCY, async (reader) => {
    const card = cards.get(reader.id) ?? null;
    const result = await reminders.deliver({
      employeeId: reader.id,
      kind: 'digest',
      key: digestKey(reader.id, reader.date),
      reply: card && { card },
      at: now,
      recipient: recipients.get(reader.id),
    });
    if (result.status === 'sent') counts.sent++;
    else if (result.status === 'empty') counts.empty++;
    else counts.skipped++;
  });
  return counts;
}

/** What the "digest" command shows: the same card, now, not counted as the day's digest. */
export async function digestFor(
  sections: readonly DigestSectionSpec[],
  person: ReaderSource & { id: string },
  now: Date,
): Promise<Card | null> {
  const local = DateTime.fromJSDate(now, { zone: person.timezone });
  const date = local.toISODate() as string;
  // today's own digest does not count: asked for again, it shows the same things
  const since = (await digestHistory([person.id], now, local.startOf('day').toJSDate())).last.get(person.id);
  const reader = readerOf(person, date, since, now);
  return (await composeDigests(sections, [reader], now)).get(reader.id) ?? null;
}

async function inBatches<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
