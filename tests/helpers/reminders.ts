import { deliveryLog } from '../../db/delivery-log.js';
import { loadRecipients } from '../../flows/digests/settings.js';
import { createDeliveries } from '../../src/bot/deliveries.js';
import type { Reminders } from '../../src/bot/flow.js';
import type { MessageRef, Reply } from '../../src/bot/types.js';

export const REMINDER_DEFAULTS = {
  digestAt: '09:00',
  quiet: { start: '20:00', end: '08:00' },
  approvalReminderHours: 24,
};

export type Sent = { employeeId: string; reply: Reply };

/**
 * The real delivery engine with a recording notify in place of the platforms: what a job sent is
 * in `sent`, in order, and every delivery row is written to the test database.
 */
export function recordingReminders(
  overrides: Partial<typeof REMINDER_DEFAULTS> = {},
): Reminders & { sent: Sent[] } {
  const config = { ...REMINDER_DEFAULTS, ...overrides };
  const sent: Sent[] = [];
  const notify = async (employeeId: string, reply: Reply): Promise<MessageRef[]> => {
    sent.push({ employeeId, reply });
    return [{ platform: 'web', channelId: employeeId, messageId: String(sent.length) }];
  };
  const deliveries = createDeliveries({
    log: deliveryLog,
    notify,
    recipients: (ids) => loadRecipients(ids, config.quiet),
  });
  return { ...deliveries, config, sent };
}
