import type mongoose from 'mongoose';
import { Product, type ProductDoc } from '../../db/models/product.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { lowAlertCard } from './cards.js';
import { listWarehouses, stockOf } from './catalog.js';
import { tell } from './messaging.js';
import { proposeReorders } from './reorder.js';
import { proposalCard } from './reorder-cards.js';
import { lowAlert, warehouseManagers } from './service.js';

/** Min/max rules: a warehouse under its min proposes a purchase to the warehouse managers, once per dip. */
async function proposeToManagers(
  ctx: Pick<TurnContext, 'notify' | 'person' | 'log' | 'now'>,
  id: mongoose.Types.ObjectId,
) {
  const made = await proposeReorders(id, ctx.now.toJSDate());
  if (made.length === 0) return;
  const [managers, warehouses] = await Promise.all([warehouseManagers(), listWarehouses()]);
  for (const p of made) {
    ctx.log.info({ sku: p.sku }, 'reorder proposed');
    const warehouse = warehouses.find((w) => w._id.equals(p.warehouseId));
    // the manager who moved the stock is asked too: the proposal waits for a decision
    for (const m of managers)
      await ctx.notify(String(m), (r) => ({ card: proposalCard(p, warehouse, r.locale) }));
  }
}

/**
 * After any movement (manual, shipping, receiving): a product now at or under its reorder level
 * is reported to the warehouse managers, once per dip (see `lowAlert`).
 */
export async function alertLow(
  ctx: Pick<TurnContext, 'notify' | 'person' | 'log' | 'now'>,
  productIds: mongoose.Types.ObjectId[],
): Promise<void> {
  for (const id of productIds) await proposeToManagers(ctx, id);
  for (const id of productIds) {
    const to = await lowAlert(id, ctx.now.toJSDate());
    if (to.length === 0) continue;
    const product = await Product.findById(id).lean<ProductDoc>();
    if (!product) continue;
    ctx.log.info({ sku: product.sku }, 'low stock alert');
    const view = await stockOf(product);
    await tell(ctx, to, (r) => ({ card: lowAlertCard(view, r.locale) }));
  }
}
