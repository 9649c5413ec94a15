import type { Locale, Reply } from './types.js';

/**
 * Marks every button of a card with the language the card is written in, so a click is answered
 * in that language whoever clicks and whatever their own locale. Buttons a flow marked already
 * keep theirs.
 * @example stampLocale({ card: { title: 'Leave', fields: [], actions: [approve] } }, 'en') // approve.locale → 'en'
 */
export function stampLocale(reply: Reply, locale: Locale): Reply {
  if (!('card' in reply) || reply.card.actions.every((b) => b.locale)) return reply;
  return {
    card: { ...reply.card, actions: reply.card.actions.map((b) => (b.locale ? b : { ...b, locale })) },
  };
}
