import type { Logger } from '../logger.js';
import { forReader, hasAudience, type Reader } from './audience.js';
import { stampLocale } from './button-locale.js';
import type { Address } from './deliveries.js';
import type { Message, MessageRef, Messenger, Platform, Reply, Target } from './types.js';

/** For someone the directory does not know (their language unset): the company's defaults. */
const FALLBACK = { locale: 'zh-CN', timezone: 'Asia/Shanghai' } as const;

export type NotifierDeps = {
  messengers: Messenger[];
  addressOf(employeeId: string): Promise<Address>;
  log: Logger;
  /** Counts each delivery for the metrics. */
  delivered?(platform: Platform, outcome: 'sent' | 'failed'): void;
};

/**
 * Proactive messages: one reply to every platform a person is bound to. The web inbox, when the
 * web chat runs, reaches everyone. One platform failing does not stop the others.
 */
export function createNotifier(deps: NotifierDeps) {
  // looked up per call: adapters register their messenger after the router (which needs notify) exists
  const messenger = (platform: Platform) => deps.messengers.find((m) => m.platform === platform);

  /** Roles are looked up only for a card with buttons meant for some (a digest's `known` has none). */
  async function readerOf(employeeId: string, reply: Reply, address?: Address): Promise<Reader | undefined> {
    if (!hasAudience(reply)) return undefined;
    const roles = address?.roles ?? (await deps.addressOf(employeeId)).roles;
    return roles ? { id: employeeId, roles } : undefined;
  }

  /**
   * `known` when the caller already loaded addresses for many people at once (a digest run). A
   * message given as a function is built here, in the recipient's language and zone; either way
   * its buttons are answered in that language, and show only those this person may press. Each
   * ref names its reader, so a later `update` of that copy keeps to their buttons too.
   */
  async function notify(employeeId: string, message: Message, known?: Address): Promise<MessageRef[]> {
    const address = known ?? (await deps.addressOf(employeeId));
    const { accounts, locale, timezone } = address;
    const reply =
      typeof message === 'function'
        ? message({ locale: locale ?? FALLBACK.locale, timezone: timezone ?? FALLBACK.timezone })
        : message;
    const own = forReader(reply, await readerOf(employeeId, reply, address));
    const stamped = locale ? stampLocale(own, locale) : own;
    const targets: Target[] = accounts
      .filter((a) => messenger(a.platform))
      .map((a) => ({ platform: a.platform, tenant: a.teamId, userId: a.userId, employeeId }));
    if (messenger('web')) targets.push({ platform: 'web', tenant: 'local', userId: employeeId, employeeId });
    const sent = await Promise.all(
      targets.map((t) =>
        messenger(t.platform)
          ?.send(t, stamped)
          .then((ref): MessageRef => {
            deps.delivered?.(t.platform, 'sent');
            return { ...ref, reader: employeeId };
          })
          .catch((err: unknown): undefined => {
            deps.log.error({ err, platform: t.platform, employeeId }, 'notify failed');
            deps.delivered?.(t.platform, 'failed');
            return undefined;
          }),
      ),
    );
    return sent.filter((ref): ref is MessageRef => ref !== undefined);
  }

  /**
   * Brings a sent message up to date. A copy that cannot be (deleted by its reader, the platform
   * down or rate-limited past the client's retries) is logged and skipped: the work that caused
   * the update is already done, and the other copies and the messages after it must still go.
   * A copy whose reader is not known keeps only the buttons meant for everyone.
   */
  async function update(ref: MessageRef, reply: Reply): Promise<void> {
    const { reader, ...where } = ref;
    const own = forReader(reply, reader ? await readerOf(reader, reply) : undefined);
    await messenger(ref.platform)
      ?.update(where, own)
      .catch((err: unknown) => deps.log.warn({ err, platform: ref.platform }, 'update failed'));
  }

  return { notify, update };
}
