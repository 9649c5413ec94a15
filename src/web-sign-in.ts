import type { SignInPort } from '../adapters/web/sign-in.js';
import { issueSignIn, redeemSignIn } from '../db/web-sign-ins.js';
import { addressOf, findActiveByEmail } from '../flows/org/api.js';
import { tr } from './bot/i18n.js';
import type { Messenger } from './bot/types.js';
import type { Logger } from './logger.js';

const linkText = {
  'zh-CN': '网页聊天的登录链接（{minutes} 分钟内有效，只能用一次）：\n{url}\n不是你本人申请的，请忽略。',
  en: 'Your sign-in link for the web chat (valid {minutes} minutes, once):\n{url}\nIf you did not ask for it, ignore this.',
};

/**
 * The web chat's sign-in, wired to storage and the chat platforms: tokens for active people
 * only, and a link delivered to the person's own Slack/Lark accounts — never to the web chat,
 * which they cannot read before signing in.
 */
export function webSignInPort(messengers: readonly Messenger[], log: Logger, now: () => Date): SignInPort {
  return {
    async issue(email, kind, expiresAt) {
      const person = await findActiveByEmail(email);
      return person ? issueSignIn(person.email, kind, expiresAt) : null;
    },
    async deliver(email, url, expiresAt) {
      const person = await findActiveByEmail(email);
      if (!person) return false;
      const { accounts, locale } = await addressOf(person.id);
      const minutes = Math.round((expiresAt.getTime() - now().getTime()) / 60_000);
      const text = tr(locale ?? person.locale, linkText, { minutes: String(minutes), url });
      let sent = false;
      for (const account of accounts.filter((a) => a.platform !== 'web')) {
        const messenger = messengers.find((m) => m.platform === account.platform);
        if (!messenger) continue;
        const target = { platform: account.platform, tenant: account.teamId, userId: account.userId };
        await messenger
          .send({ ...target, employeeId: person.id }, { text })
          .then(() => {
            sent = true;
          })
          .catch((err: unknown) =>
            log.warn(
              { err: { name: (err as Error)?.name }, platform: account.platform },
              'sign-in link not sent',
            ),
          );
      }
      return sent;
    },
    redeem: (token, at) => redeemSignIn(token, at),
  };
}
