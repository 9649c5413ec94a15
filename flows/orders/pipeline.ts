import type { OrderStatus, SalesOrderDoc } from '../../db/models/sales-order.js';
import type { Person } from '../../src/bot/types.js';

/**
 * The order pipeline, one step at a time (no skipping). Who does what: the warehouse starts
 * production, ships and hands over to the carrier; the order's owner (the salesperson) confirms
 * delivery and installation, completes, and may cancel before shipping. Admins can do any step.
 * After delivery a manager may send an installer instead (installation.ts): their report of the
 * job done takes the install step.
 */
export const ACTIONS = ['produce', 'ship', 'transit', 'deliver', 'install', 'complete', 'cancel'] as const;
export type OrderAction = (typeof ACTIONS)[number];

type Rule = { from: OrderStatus[]; to: OrderStatus; by: 'warehouse' | 'owner' };
export const PIPELINE: Record<OrderAction, Rule> = {
  produce: { from: ['placed'], to: 'production', by: 'warehouse' },
  ship: { from: ['production'], to: 'shipped', by: 'warehouse' },
  transit: { from: ['shipped'], to: 'transit', by: 'warehouse' },
  deliver: { from: ['transit'], to: 'delivered', by: 'owner' },
  install: { from: ['delivered'], to: 'installed', by: 'owner' },
  complete: { from: ['installed'], to: 'completed', by: 'owner' },
  // once shipped, the goods have left: cancelling would need a return, not a release
  cancel: { from: ['placed', 'production'], to: 'cancelled', by: 'owner' },
};

export const OPEN: OrderStatus[] = ['placed', 'production', 'shipped', 'transit', 'delivered', 'installed'];

/** The forward step from a status, for the card's button. */
export const nextAction = (status: OrderStatus): OrderAction | null =>
  (ACTIONS.find((a) => a !== 'cancel' && PIPELINE[a].from.includes(status)) as OrderAction | undefined) ??
  null;

export type OrderRefusal = 'closed' | 'skip' | 'forbidden' | 'needs_tracking';

export function mayDo(
  order: SalesOrderDoc,
  actor: Pick<Person, 'id' | 'roles'>,
  action: OrderAction,
): boolean {
  if (actor.roles.includes('admin')) return true;
  return PIPELINE[action].by === 'warehouse'
    ? actor.roles.includes('warehouse')
    : String(order.ownerId) === actor.id;
}

export function check(
  order: SalesOrderDoc,
  actor: Pick<Person, 'id' | 'roles'>,
  action: OrderAction,
  carrier: string,
  checked = false,
): OrderRefusal | null {
  if (order.status === 'completed' || order.status === 'cancelled') return 'closed';
  if (!PIPELINE[action].from.includes(order.status)) return 'skip';
  if (!checked && !mayDo(order, actor, action)) return 'forbidden';
  if (action === 'ship' && !carrier) return 'needs_tracking';
  return null;
}
