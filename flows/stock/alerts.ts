import type mongoose from 'mongoose';
import { Product, type ProductDoc } from '../../db/models/product.js';
import type { TurnContext } from '../../src/bot/flow.js';
import { lowAlertCard } from './cards.js';
import { stockOf } from './catalog.js';
import { tell } from './messaging.js';
import { lowAlert } from './service.js';

/**
 * After any movement (manual, shipping, receiving): a product now at or under its reorder level
 * is reported to the warehouse managers, once per dip (see `lowAlert`).
 */
export async function alertLow(
  ctx: Pick<TurnContext, 'notify' | 'person' | 'log' | 'now'>,
  productIds: mongoose.Types.ObjectId[],
): Promise<void> {
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
