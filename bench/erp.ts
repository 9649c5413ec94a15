// Stock and order rows: the chat actions of the warehouse and of sales one at a time, while the
// stock ledger and the sales orders grow from 1k to 100k rows each (BENCH_ERP_SIZES) in a
// database of their own, with the growth of p50 printed below the table. BENCH_ONLY=erp runs
// only these rows.
import { fileURLToPath } from 'node:url';
import mongoose from 'mongoose';
import { connectDb } from '../db/connect.js';
import { Product } from '../db/models/product.js';
import { SalesOrder } from '../db/models/sales-order.js';
import { levelKey } from '../db/models/stock-level.js';
import { StockMovement } from '../db/models/stock-movement.js';
import { Warehouse } from '../db/models/warehouse.js';
import { keyOrders } from '../flows/orders/migrations.js';
import {
  growthReport,
  label,
  type Reply,
  runChild,
  sampleTurns,
  say,
  settle,
  sizesFrom,
  type Turn,
} from './growth.js';
import type { Row } from './measure.js';

const BATCH = 2000;
/** Bench orders are numbered from here, far above what the app numbers (SO-1001 …). */
const FIRST_NO = 500_000;
/** Salespeople outside the directory own the bench orders, so "my orders" stays the demo's. */
const ownerOf = (i: number) =>
  new mongoose.Types.ObjectId(`66f00000${(i % 40).toString(16).padStart(16, '0')}`);

/**
 * Ledger rows and placed orders `from`..`to`, straight to the database in batches, the orders'
 * numbers and owners' lists written as the app's migration writes them. The ledger rows belong
 * to a level of a product of their own (no real level moves), the orders reserve nothing.
 */
async function seed(uri: string, from: number, to: number): Promise<void> {
  await connectDb(uri, { timeoutMs: 5000 });
  try {
    const product = await Product.findOne({ sku: 'SKU-3003' }).lean();
    const warehouse = await Warehouse.findOne({ code: 'MAIN' }).lean();
    if (!product || !warehouse) throw new Error('the demo catalogue is missing');
    const at = new Date();
    const ghost = new mongoose.Types.ObjectId('66f0000000000000000000ff');
    const levelId = levelKey(ghost, warehouse._id);
    for (let k = from; k < to; k += BATCH) {
      const n = Math.min(BATCH, to - k);
      await StockMovement.insertMany(
        Array.from({ length: n }, (_, j) => ({
          _id: `${levelId}:v${k + j + 1}`,
          levelId,
          productId: ghost,
          warehouseId: warehouse._id,
          kind: 'in',
          qty: 1,
          onHandAfter: k + j + 1,
          reservedAfter: 0,
          at,
          note: 'bench',
        })),
        { ordered: false },
      );
      const orders = await SalesOrder.insertMany(
        Array.from({ length: n }, (_, j) => {
          const owner = ownerOf(k + j);
          return {
            no: `SO-${FIRST_NO + k + j}`,
            customerName: '华信科技',
            ownerId: owner,
            lines: [
              {
                productId: product._id,
                sku: product.sku,
                name: product.name,
                nameEn: product.nameEn,
                qty: 1,
                warehouseId: warehouse._id,
              },
            ],
            history: [{ at, by: owner, action: 'placed', note: '' }],
            createdAt: at,
          };
        }),
        { ordered: false },
      );
      await keyOrders(
        orders.map((o) => o.toObject()),
        at,
      );
    }
  } finally {
    await mongoose.disconnect();
  }
}

const ACTIONS = ['stock movement', 'stock query', 'place an order', 'order step', 'my orders'] as const;
type Action = (typeof ACTIONS)[number];

const text = (r: Reply[]) => r.map((x) => x.text ?? x.card?.title ?? '').join('\n');

/** Orders already stepped: each order is moved once (placed → production). */
const stepped = new Set<number>();

function turnOf(action: Action, size: number): (i: number) => Turn {
  switch (action) {
    case 'stock movement':
      return (i) => ({
        employee: 'wu.jun@demo.example',
        text: `${i % 2 === 0 ? '入库' : '出库'} SKU-1001 1 压测`,
        ok: (r) => text(r).includes('现有'),
      });
    case 'stock query':
      return () => ({
        employee: 'wu.jun@demo.example',
        text: '库存 SKU-1001',
        ok: (r) => r[0]?.card?.title.includes('SKU-1001') === true,
      });
    case 'place an order':
      // alice's: the bench's own orders would otherwise grow the list "my orders" reads
      return () => ({
        employee: 'alice.chen@demo.example',
        text: '下单 华信科技 SKU-2002x1',
        ok: (r) => /SO-\d+/.test(r[0]?.card?.title ?? ''),
      });
    case 'order step':
      return (i) => {
        let k = (i * 7919 + 17) % size;
        while (stepped.has(k)) k = (k + 1) % size;
        stepped.add(k);
        return {
          employee: 'wu.jun@demo.example',
          text: `订单 SO-${FIRST_NO + k} 生产`,
          ok: (r) => text(r).includes(`SO-${FIRST_NO + k} →`),
        };
      };
    case 'my orders':
      return () => ({
        employee: 'zhang.min@demo.example',
        text: '我的订单',
        ok: (r) => r[0]?.card !== undefined,
      });
  }
}

/** Every action at each size, in one growing database served by `appUrl` (the demo seeded by the app). */
export async function benchErpGrowth(uri: string, appUrl: string): Promise<{ rows: Row[]; report: string }> {
  const sizes = sizesFrom(process.env.BENCH_ERP_SIZES, '1000,10000,100000');
  const byAction = new Map<string, Row[]>(ACTIONS.map((a) => [a, []]));
  // enough of SKU-2002 for every order the bench places
  await say(appUrl, 'wu.jun@demo.example', '入库 SKU-2002 100000 压测');
  let from = 0;
  for (const size of sizes) {
    const seeded = performance.now();
    await runChild(fileURLToPath(import.meta.url), ['seed', uri, String(from), String(size)]);
    await settle();
    from = size;
    console.error(
      `erp bench: ${label(size)} ledger rows and orders ready in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
    );
    for (const action of ACTIONS) {
      const row = await sampleTurns(`erp: ${action}, ${label(size)} rows`, appUrl, turnOf(action, size));
      console.error(`erp bench: ${row.name}: p50 ${row.p50} ms`);
      byAction.get(action)?.push(row);
    }
  }
  const span = `${label(sizes[0] ?? 0)} → ${label(sizes[sizes.length - 1] ?? 0)} ledger rows and orders`;
  return { rows: [...byAction.values()].flat(), report: growthReport(`erp growth ${span}`, byAction) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [what, uri, from, to] = process.argv.slice(2);
  if (what !== 'seed' || !uri) throw new Error('usage: erp.ts seed <uri> <from> <to>');
  await seed(uri, Number(from), Number(to));
}
