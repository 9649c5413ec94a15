import { inList } from '../../db/in-list.js';
import { Employee } from '../../db/models/employee.js';
import { Identity } from '../../db/models/identity.js';
import { ReminderSetting, type ReminderSettingDoc } from '../../db/models/reminder-setting.js';
import type { Account, Recipient } from '../../src/bot/deliveries.js';
import type { QuietHours } from '../../src/bot/quiet-hours.js';
import type { Locale, Platform } from '../../src/bot/types.js';

export type MuteWhat = 'digests' | 'reminders' | 'all';

/**
 * Recipients for many people in three queries (employees, settings, accounts), whatever their
 * number: a digest run for the whole company must not ask per person.
 */
export async function loadRecipients(
  ids: string[],
  defaultQuiet: QuietHours,
): Promise<Map<string, Recipient>> {
  if (ids.length === 0) return new Map();
  const [people, settings, identities] = await Promise.all([
    Employee.find({ ...inList('_id', ids), active: true }, { locale: 1, timezone: 1 }).lean(),
    ReminderSetting.find(inList('_id', ids)).lean<ReminderSettingDoc[]>(),
    Identity.find(inList('employeeId', ids), { employeeId: 1, platform: 1, teamId: 1, userId: 1 }).lean(),
  ]);
  const asked = new Set(ids);
  const settingOf = new Map(settings.map((s) => [String(s._id), s]));
  const accountsOf = new Map<string, Account[]>();
  for (const i of identities) {
    const key = String(i.employeeId);
    accountsOf.set(key, [
      ...(accountsOf.get(key) ?? []),
      { platform: i.platform as Platform, teamId: i.teamId, userId: i.userId },
    ]);
  }
  return new Map(
    people
      .filter((p) => asked.has(String(p._id)))
      .map((p) => {
        const id = String(p._id);
        const s = settingOf.get(id);
        const quiet = s?.quietStart && s.quietEnd ? { start: s.quietStart, end: s.quietEnd } : defaultQuiet;
        return [
          id,
          {
            id,
            locale: p.locale as Locale,
            timezone: p.timezone,
            digestsMuted: s?.digestsMuted ?? false,
            remindersMuted: s?.remindersMuted ?? false,
            quiet,
            accounts: accountsOf.get(id) ?? [],
          },
        ];
      }),
  );
}

export async function setMuted(employeeId: string, what: MuteWhat, muted: boolean): Promise<void> {
  const set: Record<string, boolean> = {};
  if (what !== 'reminders') set.digestsMuted = muted;
  if (what !== 'digests') set.remindersMuted = muted;
  await ReminderSetting.updateOne({ _id: employeeId }, { $set: set }, { upsert: true });
}

/** null = back to the company's default quiet hours. */
export async function setQuietHours(employeeId: string, quiet: QuietHours | null): Promise<void> {
  await ReminderSetting.updateOne(
    { _id: employeeId },
    { $set: { quietStart: quiet?.start ?? null, quietEnd: quiet?.end ?? null } },
    { upsert: true },
  );
}
