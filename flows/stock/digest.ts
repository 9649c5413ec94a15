import type { DigestSection, DigestSectionSpec, RunContext } from '../../src/bot/digest.js';
import { tr } from '../../src/bot/i18n.js';
import { lowStock } from './catalog.js';

/** This flow's lines in the morning digest. */
const t = {
  lowStock: { 'zh-CN': '低库存', en: 'Low stock' },
  onHand: { 'zh-CN': '现有 {n}（安全库存 {min}）', en: '{n} on hand (reorder at {min})' },
};

/** Warehouse staff: products at or under their reorder level (one list for all of them). */
async function lowStockSection(ctx: RunContext): Promise<Map<string, DigestSection>> {
  const staff = ctx.readers.filter((r) => r.roles.includes('warehouse'));
  if (staff.length === 0) return new Map();
  const low = await lowStock();
  if (low.length === 0) return new Map();
  return new Map(
    staff.map((r) => [
      r.id,
      {
        title: tr(r.locale, t.lowStock),
        lines: low.map(({ product, onHand }) => {
          const name = r.locale === 'en' && product.nameEn ? product.nameEn : product.name;
          return `${product.sku} ${name} · ${tr(r.locale, t.onHand, { n: onHand, min: product.reorderLevel })}`;
        }),
      },
    ]),
  );
}

/** What stock adds to the morning digest. */
export const stockDigestSections: DigestSectionSpec[] = [
  { name: 'stock.low', order: 60, load: lowStockSection },
];
