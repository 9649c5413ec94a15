import { type QuietHours, quietUntil } from './quiet-hours.js';
import type { Locale, MessageRef, Platform, Reply } from './types.js';

export type DeliveryKind = 'digest' | 'reminder';
export type DeliveryStatus = 'sent' | 'empty' | 'muted' | 'undeliverable';

/**
 * Where deliveries are recorded (db/delivery-log.ts): the core keeps no storage of its own.
 * `record` is a unique insert of the key — true only for the one caller that wins it.
 */
export type DeliveryLog = {
  record(
    key: string,
    employeeId: string,
    kind: DeliveryKind,
    status: DeliveryStatus,
    at: Date,
  ): Promise<boolean>;
  markUndeliverable(key: string): Promise<void>;
  recorded(keys: string[], recent?: { kind: DeliveryKind; since: Date }): Promise<Set<string>>;
};

/** What the company configured (DIGEST_TIME, QUIET_HOURS, APPROVAL_REMINDER_HOURS). */
export type ReminderConfig = { digestAt: string; quiet: QuietHours; approvalReminderHours: number };

export type Account = { platform: Platform; teamId: string; userId: string };

/**
 * Where proactive messages to someone go, the language they read and their roles, which decide
 * the buttons they are shown (unset: no such employee).
 */
export type Address = { accounts: Account[]; locale?: Locale; timezone?: string; roles?: string[] };

/** Who a proactive message goes to and what they chose about such messages. */
export type Recipient = {
  id: string;
  locale: Locale;
  timezone: string;
  digestsMuted: boolean;
  remindersMuted: boolean;
  quiet: QuietHours;
  accounts: Account[];
};

export type DeliveryInput = {
  employeeId: string;
  /** Digests obey the digest mute; reminders the reminder mute and quiet hours. */
  kind: DeliveryKind;
  /** What it is about, unique for ever: the same key is never delivered twice. */
  key: string;
  /** null = nothing to say; recorded, so a digest with nothing in it is not rebuilt all day. */
  reply: Reply | null;
  at: Date;
  /** Batch jobs load recipients for everyone at once (see `recipients`). */
  recipient?: Recipient;
};

/**
 * `quiet`: inside the person's quiet hours nothing is recorded or sent; the job that asked runs
 * again later and sends it then, if it still applies (a request decided overnight is not nagged
 * about at 08:00). `muted` reminders are recorded, so turning them back on does not replay them.
 */
export type DeliveryResult =
  | { status: 'sent'; refs: MessageRef[] }
  | { status: 'quiet'; until: Date }
  | { status: 'muted' | 'duplicate' | 'empty' };

export type Deliver = (input: DeliveryInput) => Promise<DeliveryResult>;

type Deps = {
  notify(employeeId: string, reply: Reply, known?: Address): Promise<MessageRef[]>;
  recipients(employeeIds: string[]): Promise<Map<string, Recipient>>;
  log: DeliveryLog;
};

/**
 * Proactive messages sent exactly once. The delivery row is inserted before anything is sent, and
 * its key is its `_id`: of two instances (or a job re-run after a restart) only one insert wins.
 * A crash between the insert and the send loses that one message rather than doubling it.
 */
export function createDeliveries(deps: Deps) {
  const record = (input: DeliveryInput, status: DeliveryStatus) =>
    deps.log.record(input.key, input.employeeId, input.kind, status, input.at);

  const deliver: Deliver = async (input) => {
    const recipient = input.recipient ?? (await deps.recipients([input.employeeId])).get(input.employeeId);
    if (!recipient) return { status: 'muted' };
    if (input.kind === 'digest' && recipient.digestsMuted) return { status: 'muted' };
    if (input.kind === 'reminder') {
      const until = quietUntil(input.at, recipient.timezone, recipient.quiet);
      if (until) return { status: 'quiet', until };
      if (recipient.remindersMuted)
        return (await record(input, 'muted')) ? { status: 'muted' } : { status: 'duplicate' };
    }
    if (input.reply === null)
      return (await record(input, 'empty')) ? { status: 'empty' } : { status: 'duplicate' };
    if (!(await record(input, 'sent'))) return { status: 'duplicate' };
    const refs = await deps.notify(input.employeeId, input.reply, recipient);
    // nowhere to send it (no bound platform, no web chat): say so for whoever looks into it
    if (refs.length === 0) await deps.log.markUndeliverable(input.key);
    return { status: 'sent', refs };
  };

  /** Which of these keys were already delivered (or recorded as empty or muted). */
  const delivered = (keys: string[], recent?: { kind: DeliveryKind; since: Date }) =>
    deps.log.recorded(keys, recent);

  return { deliver, delivered, recipients: deps.recipients };
}

export type Deliveries = ReturnType<typeof createDeliveries>;
