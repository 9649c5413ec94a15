import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { updateAtVersion } from '../../db/at-version.js';
import { claim, nextNumber, releaseIfStale, withLock } from '../../db/claims.js';
import type { ProductDoc } from '../../db/models/product.js';
import { type OrderLine, SalesOrder, type SalesOrderDoc } from '../../db/models/sales-order.js';
import { pointAt } from '../../db/pointers.js';
import type { Person } from '../../src/bot/types.js';
import { AppError } from '../../src/errors.js';
import { type Line, levelsOf, listWarehouses, moveStock, productsBySku, rules } from '../stock/api.js';
import { customerOrders, openOrders, orderIdOf, orderNoRef } from './keys.js';
import { check, OPEN, type OrderAction, type OrderRefusal, PIPELINE } from './pipeline.js';

const oid = (id: string) => new mongoose.Types.ObjectId(id);

export const canSell = (p: Pick<Person, 'roles'>) =>
  ['sales', 'manager', 'admin'].some((r) => p.roles.includes(r));

export type Shortfall = { sku: string; product: ProductDoc; wanted: number; available: number };
export type Placed =
  | { ok: true; order: SalesOrderDoc }
  | { ok: false; problem: 'forbidden' }
  | { ok: false; problem: 'no_warehouse' }
  | { ok: false; problem: 'unknown_sku'; sku: string }
  | { ok: false; problem: 'short'; shortfalls: Shortfall[] };

/** Same SKU written twice counts once, with the quantities added. */
export function mergeLines(lines: Line[]): Line[] {
  const merged = new Map<string, Line>();
  for (const l of lines) {
    const seen = merged.get(l.sku);
    merged.set(l.sku, seen ? { ...seen, qty: seen.qty + l.qty } : { ...l });
  }
  return [...merged.values()];
}

/** The written lines (merged) with their products, or the first SKU nobody knows. */
export async function resolveLines(
  lines: Line[],
): Promise<{ wanted: Line[]; products: ProductDoc[] } | { unknown: string }> {
  const wanted = mergeLines(lines);
  const products = await productsBySku(wanted.map((l) => l.sku));
  const missing = wanted.find((l) => !products.some((p) => p.sku === l.sku));
  return missing ? { unknown: missing.sku } : { wanted, products };
}

/**
 * Places an order and reserves its stock, each line from the first warehouse (in their order)
 * that can cover it whole. No transactions: lines are reserved one by one and, if a racing order
 * took the stock in between, the lines already reserved are released again (both in the ledger).
 * Its number points at it before it exists (a pointer left by a crash names no order, which
 * reads as "no such order"); then it goes on its owner's open orders.
 */
export async function placeOrder(input: {
  owner: Pick<Person, 'id' | 'roles'>;
  /** The CRM customer (see customer-check.ts). */
  customer: { id: string; name: string };
  lines: Line[];
  note: string;
  at: Date;
  /** The company's: catalogue prices without a currency of their own are in it. */
  currency: string;
}): Promise<Placed> {
  if (!canSell(input.owner)) return { ok: false, problem: 'forbidden' };
  const resolved = await resolveLines(input.lines);
  if ('unknown' in resolved) return { ok: false, problem: 'unknown_sku', sku: resolved.unknown };
  const { wanted, products } = resolved;
  const warehouses = await listWarehouses();
  if (warehouses.length === 0) return { ok: false, problem: 'no_warehouse' };

  const plan: OrderLine[] = [];
  const shortfalls: Shortfall[] = [];
  for (const l of wanted) {
    const product = products.find((p) => p.sku === l.sku) as ProductDoc;
    const levels = await levelsOf(
      product._id,
      warehouses.map((w) => w._id),
    );
    const free = levels.map((lv) => (lv ? lv.onHand - lv.reserved : 0));
    const from = warehouses.find((_, i) => (free[i] ?? 0) >= l.qty);
    if (!from) {
      const available = Math.max(0, ...free);
      shortfalls.push({ sku: l.sku, product, wanted: l.qty, available });
      continue;
    }
    plan.push({
      productId: product._id,
      sku: product.sku,
      name: product.name,
      nameEn: product.nameEn,
      qty: l.qty,
      warehouseId: from._id,
      // a written price is in the product's currency, like the list price it overrides
      price: l.price ?? product.price,
      currency: product.currency || input.currency,
    });
  }
  if (shortfalls.length > 0) return { ok: false, problem: 'short', shortfalls };

  const no = `SO-${await nextNumber('sales-order', 1000, input.at)}`;
  const move = (line: OrderLine, kind: 'reserve' | 'release') =>
    moveStock({
      productId: line.productId,
      warehouseId: line.warehouseId,
      kind,
      by: input.owner.id,
      at: input.at,
      ref: no,
      apply: rules[kind](line.qty),
    });
  for (const [i, line] of plan.entries()) {
    const reserved = await move(line, 'reserve');
    if (reserved.ok) continue;
    for (const done of plan.slice(0, i)) await move(done, 'release');
    const product = products.find((p) => p.sku === line.sku) as ProductDoc;
    return {
      ok: false,
      problem: 'short',
      shortfalls: [{ sku: line.sku, product, wanted: line.qty, available: reserved.available }],
    };
  }
  const ownerId = oid(input.owner.id);
  const customerId = oid(input.customer.id);
  const _id = new mongoose.Types.ObjectId();
  await pointAt(orderNoRef(no), _id, input.at);
  const order = await SalesOrder.create({
    _id,
    no,
    customerId,
    customerName: input.customer.name,
    ownerId,
    lines: plan,
    note: input.note,
    history: [{ at: input.at, by: ownerId, action: 'placed', note: input.note }],
    createdAt: input.at,
  });
  await withLock(openOrders.lockOf(ownerId), input.at, () => openOrders.add(ownerId, [_id]));
  await withLock(customerOrders.lockOf(customerId), input.at, () => customerOrders.add(customerId, [_id]));
  return { ok: true, order: order.toObject() as unknown as SalesOrderDoc };
}

export type Advanced = { ok: true; order: SalesOrderDoc; action: OrderAction };
export type NotAdvanced = { ok: false; refusal: OrderRefusal | 'not_found'; order?: SalesOrderDoc };

/**
 * One pipeline step, applied once even when two people click together: the order moves from
 * version v to v+1 under a claim (see stock/levels.ts for why). Shipping turns each line's
 * reservation into a stock-out; cancelling releases it. Each line's stock effect is claimed on
 * its own too, so a step retried after a crash never moves stock twice.
 */
export async function advanceOrder(input: {
  no: string;
  actor: Pick<Person, 'id' | 'roles'>;
  action: OrderAction;
  carrier?: string;
  tracking?: string;
  note?: string;
  at: Date;
  /** Who may take the step was settled by the caller (an installer reporting their job done). */
  checked?: boolean;
}): Promise<Advanced | NotAdvanced> {
  const { action, at } = input;
  const id = await orderIdOf(input.no);
  if (!id) return { ok: false, refusal: 'not_found' };
  for (let attempt = 0; attempt < 40; attempt++) {
    const order = await SalesOrder.findById(id).lean<SalesOrderDoc>();
    if (!order) return { ok: false, refusal: 'not_found' };
    const refusal = check(order, input.actor, action, input.carrier ?? '', input.checked);
    if (refusal) return { ok: false, refusal, order };
    const revision = `order:${order._id}:v${order.version + 1}`;
    if (!(await claim(revision, at))) {
      await releaseIfStale(revision, at);
      await sleep(5 + Math.random() * 20);
      continue;
    }
    if (action === 'ship' || action === 'cancel') await settleStock(order, action, input.actor.id, at);
    const note = action === 'ship' ? `${input.carrier} ${input.tracking ?? ''}`.trim() : (input.note ?? '');
    const set: Record<string, unknown> = { status: PIPELINE[action].to };
    if (action === 'ship') Object.assign(set, { carrier: input.carrier, tracking: input.tracking ?? '' });
    const done = await updateAtVersion<SalesOrderDoc>(SalesOrder, order._id, order.version, {
      $set: set,
      $push: { history: { at, by: oid(input.actor.id), action, note } },
      $inc: { version: 1 },
    });
    if (!done) continue;
    if (!OPEN.includes(done.status))
      await withLock(openOrders.lockOf(done.ownerId), at, () => openOrders.remove(done.ownerId, [done._id]));
    return { ok: true, order: done, action };
  }
  throw new AppError('orders.contention', `order ${input.no} kept changing under us`);
}

async function settleStock(order: SalesOrderDoc, action: 'ship' | 'cancel', by: string, at: Date) {
  const kind = action === 'ship' ? 'ship' : 'release';
  for (const [i, line] of order.lines.entries()) {
    if (!(await claim(`order:${order.no}:${kind}:${i}`, at))) continue;
    await moveStock({
      productId: line.productId,
      warehouseId: line.warehouseId,
      kind,
      by,
      at,
      ref: order.no,
      apply: rules[kind](line.qty),
    });
  }
}

/** The order of that number: its pointer, then the order, by `_id`. */
export async function findOrder(no: string): Promise<SalesOrderDoc | null> {
  const id = await orderIdOf(no);
  return id ? SalesOrder.findById(id).lean<SalesOrderDoc>() : null;
}

/**
 * Newest first: the owner's open orders, from their list, each order read by `_id` and kept only
 * if still open and theirs. The list is in the order orders were placed, so only its newest end is
 * read (twice `limit`, for entries a moment stale): a turn's reads stay bounded however many
 * orders the person has open.
 */
export async function listMyOpenOrders(employeeId: string, limit = 20): Promise<SalesOrderDoc[]> {
  const me = oid(employeeId);
  const ids = (await openOrders.read(me)).slice(-2 * limit);
  const orders = await Promise.all(ids.map((id) => SalesOrder.findById(id).lean<SalesOrderDoc>()));
  return orders
    .filter((o): o is SalesOrderDoc => o?.ownerId.equals(me) === true && OPEN.includes(o.status))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
    .slice(0, limit);
}
