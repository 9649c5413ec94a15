import { randomUUID } from 'node:crypto';
import { asAppError, isStoreUnavailable } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { coreText, tr } from '../i18n.js';
import type { Locale, Outcome, Person } from '../types.js';
import type { EventClaim, RouterDeps, Sender } from './deps.js';

/** The employee behind a platform account; a first-seen account is bound by its e-mail. */
export async function identify(deps: RouterDeps, sender: Sender): Promise<Person | null> {
  const person = await deps.resolvePerson(sender.platform, sender.tenant, sender.platformUserId);
  if (person || !sender.lookupEmail) return person;
  const email = await sender.lookupEmail();
  return email
    ? deps.bindByEmail(sender.platform, sender.tenant, sender.platformUserId, email, deps.now())
    : null;
}

/** What a handler's failure becomes for the person: a retry hint, its own message, or a logged ref. */
function failureReply(err: unknown, locale: Locale, log: Logger): Outcome {
  if (isStoreUnavailable(err)) {
    log.warn({ err: { name: (err as Error).name } }, 'store unavailable');
    return { kind: 'replies', replies: [{ text: tr(locale, coreText.retryLater) }] };
  }
  const appError = asAppError(err);
  const told = appError.userMessage;
  if (told)
    return { kind: 'replies', replies: [{ text: typeof told === 'string' ? told : tr(locale, told) }] };
  const ref = randomUUID().slice(0, 8);
  log.error({ err, ref, code: appError.code }, 'handler failed');
  return { kind: 'replies', replies: [{ text: tr(locale, coreText.failed, { ref }) }] };
}

/**
 * Identify, claim the event, work in the turn's language (`localeOf`: a stranger has no locale
 * of their own), then record the event as done. A stranger leaves no trace; a duplicate does
 * nothing. A failure is turned into one reply and recorded as failed, so the platform's retry or
 * the person's resend runs it again instead of being told "duplicate" for something never done.
 * Work that succeeded is answered as such even when its record cannot be written.
 */
export async function handled(
  deps: RouterDeps,
  sender: Sender,
  eventId: string,
  localeOf: (person: Person | null) => Locale,
  log: Logger,
  work: (person: Person, locale: Locale) => Promise<Outcome>,
): Promise<Outcome> {
  let person: Person | null = null;
  let claimed: EventClaim | null = null;
  const settle = async (state: 'done' | 'failed') => {
    if (claimed && !(await claimed.settle(state))) log.warn({ state }, 'event outcome not recorded yet');
  };
  try {
    person = await identify(deps, sender);
    if (!person)
      return { kind: 'unknown-user', replies: [{ text: tr(localeOf(null), coreText.unknownUser) }] };
    // keyed by sender: the web chat's ids come from its clients, and two may pick the same one
    const key = `${sender.tenant}:${sender.platformUserId}:${eventId}`;
    claimed = await deps.claimEvent(sender.platform, key, deps.now());
    if (!claimed) return { kind: 'duplicate' };
    const outcome = await work(person, localeOf(person));
    await settle('done');
    return outcome;
  } catch (err) {
    await settle('failed');
    return failureReply(err, localeOf(person), log);
  }
}
