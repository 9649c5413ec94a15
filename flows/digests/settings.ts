import { inList } from '../../db/in-list.js';
import { ReminderSetting, type ReminderSettingDoc } from '../../db/models/reminder-setting.js';
import type { Recipient } from '../../src/bot/deliveries.js';
import type { QuietHours } from '../../src/bot/quiet-hours.js';
import type { Locale } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';

export type MuteWhat = 'digests' | 'reminders' | 'all';

/**
 * Recipients for many people with one query (their settings; who they are and where they are
 * bound comes from the directory), whatever their number: a digest run for the whole company
 * must not ask per person.
 */
export async function loadRecipients(
  ids: string[],
  defaultQuiet: QuietHours,
): Promise<Map<string, Recipient>> {
  if (ids.length === 0) return new Map();
  const [org, settings] = await Promise.all([
    readDirectory(),
    ReminderSetting.find(inList('_id', ids)).lean<ReminderSettingDoc[]>(),
  ]);
  const settingOf = new Map(settings.map((s) => [String(s._id), s]));
  return new Map(
    ids
      .flatMap((id) => org.active(id) ?? [])
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
            accounts: org.accountsOf(id),
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
