import { Product } from '../../db/models/product.js';
import { Warehouse } from '../../db/models/warehouse.js';
import { findActiveByEmail } from '../org/api.js';
import { catalogWrites } from './catalog.js';
import { moveStock, rules } from './levels.js';

const PRODUCTS = [
  {
    sku: 'SKU-1001',
    name: '路由器',
    nameEn: 'Router X1',
    spec: 'Wi-Fi 6, 4 ports',
    unit: '台',
    price: 399,
    reorderLevel: 20,
  },
  {
    sku: 'SKU-2002',
    name: '交换机',
    nameEn: 'Switch S2',
    spec: '24 ports',
    unit: '台',
    price: 899,
    reorderLevel: 10,
  },
  {
    sku: 'SKU-3003',
    name: '光猫',
    nameEn: 'Optical Modem M3',
    spec: 'GPON',
    unit: '台',
    price: 199,
    aliases: ['ONU'],
    reorderLevel: 15,
  },
  {
    sku: 'SKU-4004',
    name: '网线',
    nameEn: 'Cat6 Cable',
    spec: '305 m box',
    unit: '箱',
    price: 260,
    aliases: ['六类线'],
    reorderLevel: 5,
  },
  {
    sku: 'SKU-5005',
    name: '无线路由器',
    nameEn: 'Router X2 Mesh',
    spec: 'Wi-Fi 6E mesh',
    unit: '台',
    price: 699,
    reorderLevel: 8,
  },
];
/** sku → [Main, South] opening stock; SKU-4004 starts under its reorder level so "低库存" shows it. */
const OPENING: Record<string, [number, number]> = {
  'SKU-1001': [120, 40],
  'SKU-2002': [30, 12],
  'SKU-3003': [60, 0],
  'SKU-4004': [3, 1],
  'SKU-5005': [25, 10],
};

/** Products, two warehouses and opening stock (as ledger movements, so the ledger adds up). */
export async function seedDemoStock(now: Date): Promise<void> {
  const [main, south] = await Warehouse.create([
    { code: 'MAIN', name: '主仓', nameEn: 'Main', order: 1 },
    { code: 'SOUTH', name: '南仓', nameEn: 'South', order: 2 },
  ]);
  const products = await Product.create(PRODUCTS);
  await catalogWrites.manySaved(now);
  const by = (await findActiveByEmail('zhou.qiang@demo.example'))?.id ?? null;
  for (const p of products) {
    const [a, b] = OPENING[p.sku] ?? [0, 0];
    for (const [w, qty] of [
      [main, a],
      [south, b],
    ] as const) {
      if (!w || qty <= 0) continue;
      await moveStock({
        productId: p._id,
        warehouseId: w._id,
        kind: 'in',
        by,
        at: now,
        note: 'opening stock',
        apply: rules.in(qty),
      });
    }
  }
}
