import { z } from 'zod';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { Product } from '../../db/models/product.js';
import { type ImportSpec, readCsvRows } from '../../src/csv-import.js';
import { isPlainText, PLAIN_TEXT_PROBLEM, plainName } from '../../src/plain-text.js';
import { catalogWrites } from './catalog.js';

export const PRODUCT_COLUMNS = ['sku', 'name', 'name_en', 'spec', 'unit', 'price', 'reorder_level'] as const;

const number = () =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? 0 : Number(s)))
    .refine((n) => Number.isFinite(n) && n >= 0, 'must be a number, 0 or more');

const productRow = z.object({
  sku: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/, 'must look like SKU-1001')
    .transform((s) => s.toUpperCase()),
  name: plainName(120),
  nameEn: z.string().max(120).refine(isPlainText, PLAIN_TEXT_PROBLEM).default(''),
  spec: z.string().max(500).default(''),
  unit: z.string().max(20).default('pcs'),
  price: number(),
  reorderLevel: number().refine(Number.isInteger, 'must be a whole number'),
});

type Row = z.output<typeof productRow>;

/**
 * CSV `sku,name,name_en,spec,unit,price,reorder_level` (sku and name required), every row checked
 * (and no SKU twice) before anything is written. Rows are upserts by SKU, so a slice written again
 * after a crash changes nothing more.
 */
export const productsImport: ImportSpec<Row> = {
  kind: 'products',
  read: (csv) =>
    readCsvRows(csv, {
      noun: 'product',
      columns: PRODUCT_COLUMNS,
      required: ['sku', 'name'],
      schema: productRow,
      columnOf: { nameEn: 'name_en', reorderLevel: 'reorder_level' },
      unique: { column: 'sku', key: (r) => r.sku },
      toInput: (cell) => ({
        sku: cell('sku') ?? '',
        name: cell('name') ?? '',
        nameEn: cell('name_en'),
        spec: cell('spec'),
        unit: cell('unit'),
        price: cell('price'),
        reorderLevel: cell('reorder_level'),
      }),
    }),
  check: async () => [],
  async write(rows, { now }) {
    const result = await bulkWriteInSlices(
      Product,
      rows.map(({ value: r }) => ({
        updateOne: { filter: { sku: r.sku }, update: { $set: r }, upsert: true },
      })),
      { ordered: true },
    );
    await catalogWrites.manySaved(now);
    return { created: result.upsertedCount, updated: result.matchedCount, errors: [] };
  },
};
