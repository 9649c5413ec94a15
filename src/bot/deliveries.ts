import { claim } from '../../db/claims.js';
import { Delivery, type DeliveryKind, type DeliveryStatus } from '../../db/models/delivery.js';
import { isDuplicateKey } from '../../db/processed-events.js';
import type { Logger } from '../logger.js';
import { type QuietHours, quietUntil } from './quiet-hours.js';
import type { Locale, MessageRef, Platform, Reply } from './types.js';

/** What the company configured (DIGEST_TIME, QUIET_HOURS, APPROVAL_REMINDER_HOURS). */
export type ReminderConfig = { digestAt: string; quiet: QuietHours; approvalReminderHours: number };

export type Account = { platform: Platform; teamId: string; userId: string };

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
  /** A reminder held back by quiet hours is dropped if it is still waiting at this time. */
  expiresAt?: Date;
  /** Batch jobs load recipients for everyone at once (see `recipients`). */
  recipient?: Recipient;
};

export type DeliveryResult =
  | { status: 'sent'; refs: MessageRef[] }
  | { status: 'waiting'; until: Date }
  | { status: 'muted' | 'duplicate' | 'empty' };

export type Deliver = (input: DeliveryInput) => Promise<DeliveryResult>;

type Deps = {
  notify(employeeId: string, reply: Reply, accounts?: Account[]): Promise<MessageRef[]>;
  recipients(employeeIds: string[]): Promise<Map<string, Recipient>>;
  log: Logger;
};

/**
 * Proactive messages sent exactly once. The delivery row is inserted before anything is sent, and
 * its key is its `_id`: of two instances (or a job re-run after a restart) only one insert wins.
 * A crash between the insert and the send loses that one message rather than doubling it.
 */
export function createDeliveries(deps: Deps) {
  async function record(input: DeliveryInput, status: DeliveryStatus, extra: object = {}): Promise<boolean> {
    try {
      await Delivery.create({
        _id: input.key,
        employeeId: input.employeeId,
        kind: input.kind,
        status,
        at: input.at,
        ...extra,
      });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async function send(employeeId: string, key: string, reply: Reply, accounts?: Account[]) {
    const refs = await deps.notify(employeeId, reply, accounts);
    // nowhere to send it (no bound platform, no web chat): say so for whoever looks into it
    if (refs.length === 0) await Delivery.updateOne({ _id: key }, { $set: { status: 'undeliverable' } });
    return refs;
  }

  const deliver: Deliver = async (input) => {
    const recipient = input.recipient ?? (await deps.recipients([input.employeeId])).get(input.employeeId);
    if (!recipient) return { status: 'muted' };
    if (input.kind === 'digest' ? recipient.digestsMuted : recipient.remindersMuted)
      return { status: 'muted' };
    if (input.reply === null)
      return (await record(input, 'empty')) ? { status: 'empty' } : { status: 'duplicate' };
    const until =
      input.kind === 'reminder' ? quietUntil(input.at, recipient.timezone, recipient.quiet) : null;
    if (until) {
      const waiting = {
        sendAt: until,
        expiresAt: input.expiresAt ?? null,
        reply: JSON.stringify(input.reply),
      };
      return (await record(input, 'waiting', waiting))
        ? { status: 'waiting', until }
        : { status: 'duplicate' };
    }
    if (!(await record(input, 'sent'))) return { status: 'duplicate' };
    return { status: 'sent', refs: await send(input.employeeId, input.key, input.reply, recipient.accounts) };
  };

  /**
   * Sends the reminders whose quiet hours are over. Each is claimed first (the status change alone
   * is not atomic on the embedded store), so two instances flushing at once send it once.
   */
  async function flushWaiting(at: Date): Promise<{ sent: number; dropped: number }> {
    const due = await Delivery.find({ status: 'waiting', sendAt: { $lte: at } })
      .sort({ sendAt: 1 })
      .limit(1000)
      .lean();
    const people = await deps.recipients([...new Set(due.map((d) => String(d.employeeId)))]);
    let sent = 0;
    let dropped = 0;
    for (const d of due) {
      if (!(await claim(`delivery-flush:${d._id}`, at))) continue;
      const recipient = people.get(String(d.employeeId));
      const stale = (d.expiresAt && d.expiresAt <= at) || !recipient || recipient.remindersMuted;
      if (stale || !d.reply) {
        await Delivery.updateOne({ _id: d._id }, { $set: { status: 'expired', reply: null } });
        dropped++;
        continue;
      }
      await Delivery.updateOne({ _id: d._id }, { $set: { status: 'sent', reply: null } });
      await send(String(d.employeeId), d._id, JSON.parse(d.reply) as Reply, recipient.accounts);
      sent++;
    }
    if (sent + dropped > 0) deps.log.info({ sent, dropped }, 'waiting reminders flushed');
    return { sent, dropped };
  }

  /** Which of these keys were already delivered (or recorded as empty, or waiting). */
  async function delivered(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await Delivery.find({ _id: { $in: keys } }, { _id: 1 }).lean();
    return new Set(rows.map((r) => r._id));
  }

  return { deliver, flushWaiting, delivered, recipients: deps.recipients };
}

export type Deliveries = ReturnType<typeof createDeliveries>;
