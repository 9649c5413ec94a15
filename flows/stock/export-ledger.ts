import { StockMovement, type StockMovementDoc } from '../../db/models/stock-movement.js';
import { type Column, oneBatch, type Table } from '../../src/table-export.js';
import { getCustomer } from '../crm/api.js';
import { namesOf } from '../org/api.js';
import { productName } from './cards.js';
import { listWarehouses, productsById } from './catalog.js';

const COLUMNS: Column[] = [
  { key: 'at', label: { 'zh-CN': '时间 (UTC)', en: 'Time (UTC)' }, kind: 'datetime', width: 18 },
  { key: 'sku', label: { 'zh-CN': 'SKU', en: 'SKU' }, kind: 'text', width: 12 },
  { key: 'product', label: { 'zh-CN': '产品', en: 'Product' }, kind: 'text', width: 20 },
  { key: 'warehouse', label: { 'zh-CN': '仓库', en: 'Warehouse' }, kind: 'text' },
  { key: 'kind', label: { 'zh-CN': '类型', en: 'Kind' }, kind: 'text' },
  { key: 'qty', label: { 'zh-CN': '数量', en: 'Quantity' }, kind: 'number' },
  { key: 'reserved_change', label: { 'zh-CN': '预留变化', en: 'Reserved change' }, kind: 'number' },
  { key: 'on_hand_after', label: { 'zh-CN': '结存', en: 'On hand after' }, kind: 'number' },
  { key: 'reserved_after', label: { 'zh-CN': '预留结存', en: 'Reserved after' }, kind: 'number' },
  { key: 'by', label: { 'zh-CN': '经办人', en: 'By' }, kind: 'text' },
  { key: 'ref', label: { 'zh-CN': '单号', en: 'Reference' }, kind: 'text', width: 16 },
  { key: 'customer', label: { 'zh-CN': '客户', en: 'Customer' }, kind: 'text', width: 20 },
  { key: 'note', label: { 'zh-CN': '备注', en: 'Note' }, kind: 'text', width: 30 },
];

/** Most rows one export builds in memory. */
const MAX_ROWS = 200_000;

/**
 * The stock ledger in [from, to), oldest first: every movement, samples (kind `sample`,
 * ref SMP-…) with the customer they went to. A report: it reads the range of the ledger.
 */
export async function ledgerTable(from: Date, to: Date): Promise<Table> {
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
    return [
      r.at,
      product?.sku ?? String(r.productId),
      product ? productName(product, 'zh-CN') : '',
      warehouses.get(String(r.warehouseId)) ?? String(r.warehouseId),
      r.kind,
      r.qty,
      r.reservedDelta,
      r.onHandAfter,
      r.reservedAfter,
      r.by ? (names.get(String(r.by)) ?? '') : '',
      r.ref,
      r.customerId ? (customers.get(String(r.customerId)) ?? '') : '',
      r.note,
    ];
  });
  return { sheet: { 'zh-CN': '库存流水', en: 'Stock ledger' }, columns: COLUMNS, rows: oneBatch(lines) };
}
