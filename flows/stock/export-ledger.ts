import { StockMovement, type StockMovementDoc } from '../../db/models/stock-movement.js';
import { csvLine } from '../../src/csv-export.js';
import { getCustomer } from '../crm/api.js';
import { namesOf } from '../org/api.js';
import { productName } from './cards.js';
import { listWarehouses, productsById } from './catalog.js';

const HEADER = [
  'at',
  'sku',
  'product',
  'warehouse',
  'kind',
  'qty',
  'reserved_change',
  'on_hand_after',
  'reserved_after',
  'by',
  'ref',
  'customer',
  'note',
];

/** Most rows one export builds in memory. */
const MAX_ROWS = 200_000;

/**
 * The stock ledger in [from, to) as CSV, oldest first: every movement, samples (kind `sample`,
 * ref SMP-…) with the customer they went to. A report: it reads the range of the ledger.
 */
export async function exportLedgerCsv(from: Date, to: Date): Promise<string> {
  const rows = await StockMovement.find({ at: { $gte: from, $lt: to } })
    .sort({ at: 1 })
    .limit(MAX_ROWS)
    .lean<(StockMovementDoc & { _id: string })[]>();
  const products = await productsById();
  const warehouses = new Map((await listWarehouses()).map((w) => [String(w._id), w.code]));
  const names = await namesOf(rows.map((r) => r.by));
  const customerIds = [...new Set(rows.flatMap((r) => (r.customerId ? [String(r.customerId)] : [])))];
  const customers = new Map(
    await Promise.all(customerIds.map(async (id) => [id, (await getCustomer(id))?.name ?? id] as const)),
  );
  const lines = rows.map((r) => {
    const product = products.get(String(r.productId));
    return csvLine([
      r.at.toISOString(),
      product?.sku ?? String(r.productId),
      product ? productName(product, 'zh-CN') : '',
      warehouses.get(String(r.warehouseId)) ?? String(r.warehouseId),
      r.kind,
      String(r.qty),
      String(r.reservedDelta),
      String(r.onHandAfter),
      String(r.reservedAfter),
      r.by ? (names.get(String(r.by)) ?? '') : '',
      r.ref,
      r.customerId ? (customers.get(String(r.customerId)) ?? '') : '',
      r.note,
    ]);
  });
  return [csvLine(HEADER), ...lines].join('');
}
