import type { Audience, Button, Card, Person, Reply } from './types.js';

/** Whoever reads one copy of a card: enough to tell which of its buttons they may press. */
export type Reader = Pick<Person, 'id' | 'roles'>;

/**
 * A button without an audience is for everyone; with one, for its ids and roles minus `not`. An
 * unknown reader (a copy whose reader was not recorded) gets only the buttons meant for everyone.
 */
export function mayPress(button: Button, reader: Reader | undefined): boolean {
  const audience = button.for;
  if (!audience) return true;
  if (!reader || audience.not?.includes(reader.id)) return false;
  if (!audience.ids && !audience.roles) return true;
  return !!audience.ids?.includes(reader.id) || !!audience.roles?.some((r) => reader.roles.includes(r));
}

/** True when the reply has a button only some may press: worth looking its reader up. */
export const hasAudience = (reply: Reply): boolean =>
  'card' in reply && reply.card.actions.some((b) => b.for);

/**
 * The copy of a reply one reader gets: buttons they may not press are left out (the card keeps
 * its status and fields), and no button carries its audience further, to an adapter or a platform.
 * @example forReader({ card }, { id: 'sales-1', roles: ['sales'] }) // no 开始生产 for the salesperson
 */
export function forReader(reply: Reply, reader: Reader | undefined): Reply {
  if (!hasAudience(reply) || !('card' in reply)) return reply;
  const actions = reply.card.actions.filter((b) => mayPress(b, reader)).map(({ for: _, ...b }) => b);
  return { card: { ...reply.card, actions } };
}

/** The card with every button kept for `audience`, for a card whose buttons all share one. */
export const onlyFor = (card: Card, audience: Audience): Card => ({
  ...card,
  actions: card.actions.map((b) => ({ ...b, for: audience })),
});
