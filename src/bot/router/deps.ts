import type { Clock } from '../../clock.js';
import type { Logger } from '../../logger.js';
import type { Flow, Reminders } from '../flow.js';
import type { Understander } from '../nlu/understand.js';
import type { PendingStore } from '../pending.js';
import type { Message, MessageRef, Person, Platform, Reply } from '../types.js';

export type RouterDeps = {
  flows: Flow[];
  resolvePerson(platform: Platform, tenant: string, userId: string): Promise<Person | null>;
  /** Binds a first-seen platform account to the active employee with that e-mail, if any. */
  bindByEmail(
    platform: Platform,
    tenant: string,
    userId: string,
    email: string,
    at: Date,
  ): Promise<Person | null>;
  /** Claims a platform event for one handling; null when it was handled or is being handled. */
  claimEvent(platform: Platform, eventId: string, at: Date): Promise<EventClaim | null>;
  notify(employeeId: string, message: Message): Promise<MessageRef[]>;
  update(ref: MessageRef, reply: Reply): Promise<void>;
  reminders: Reminders;
  /** Confirmations and open questions (db/pending.ts). */
  pending: PendingStore;
  /** Reads free sentences the grammar does not match; without it, only the grammar is understood. */
  understand?: Understander;
  /** The company's currency (`CURRENCY`); a person's own default comes first for amounts they type. */
  currency: string;
  log: Logger;
  now: Clock;
};

/**
 * One handling of a platform event (db/processed-events.ts). `settle` records how it ended: `done`
 * makes a retry a duplicate, `failed` lets it run again. It never throws; false when the record
 * could not be written at once (the store is away).
 */
export type EventClaim = { settle(state: 'done' | 'failed'): Promise<boolean> };

/** Who an event came from, as every adapter names them. */
export type Sender = {
  platform: Platform;
  tenant: string;
  platformUserId: string;
  lookupEmail?: () => Promise<string | null>;
};
