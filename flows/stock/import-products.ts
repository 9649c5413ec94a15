import { z } from 'zod';
import { bulkWriteInSlices } from '../../db/bulk-write.js';
import { Product } from '../../db/models/product.js';
import { isPlainText, PLAIN_TEXT_PROBLEM, plainName } from '../../src/plain-text.js';
import { parseCsv } from '../org/csv.js';
import { describeIssue } from '../org/schemas.js';
import { catalogWrites } from './catalog.js';

export const PRODUCT_COLUMNS = ['sku', 'name', 'name_en', 'spec', 'unit', 'price', 'reorder_level'] as const;

const number = () =>
  z
    .string()
    .optional()
    .transform((s) => (s === undefined || s === '' ? 0 : Number(s)))
    .refine((n) => Number.isFinite(n) && n >= 0, 'must be a number, 0 or more');

const productRow = z.object({
  sku: z.string().regex(/^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)+$/, 'must look like SKU-1001'),
  name: plainName(120),
  nameEn: z.string().max(120).refine(isPlainText, PLAIN_TEXT_PROBLEM).default(''),
  spec: z.string().max(500).default(''),
  unit: z.string().max(20).default('pcs'),
  price: number(),
  reorderLevel: number().refine(Number.isInteger, 'must be a whole number'),
});

export type ProductImport =
  | { ok: true; created: number; updated: number }
  | { ok: false; errors: { line: number; message: string }[] };

/**
 * CSV `sku,name,name_en,spec,unit,price,reorder_level` (sku and name required). All or nothing:
 * every row is checked first (and no SKU twice); one bad row means nothing is written. Rows are
 * upserts by SKU, so an interrupted import re-run finishes without duplicates.
 */
export async function importProductsCsv(csv: string, at: Date): Promise<ProductImport> {
  const [header, ...data] = parseCsv(csv);
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const known = (c: string) => (PRODUCT_COLUMNS as readonly string[]).includes(c);
  if (!header || !columns.every(known) || !columns.includes('sku') || !columns.includes('name'))
    return fail(header?.line ?? 1, `header must be ${PRODUCT_COLUMNS.join(',')} (sku and name required)`);
  if (data.length === 0) return fail(header.line, 'no product rows after the header');

  const errors: { line: number; message: string }[] = [];
  const rows: z.infer<typeof productRow>[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields } of data) {
    const cell = (name: string) => fields[columns.indexOf(name)]?.trim() || undefined;
    const parsed = productRow.safeParse({
      sku: cell('sku') ?? '',
      name: cell('name') ?? '',
      nameEn: cell('name_en'),
      spec: cell('spec'),
      unit: cell('unit'),
      price: cell('price'),
      reorderLevel: cell('reorder_level'),
    });
    if (!parsed.success) {
      errors.push({ line, message: describeIssue(parsed.error).replace(/^reorderLevel/, 'reorder_level') });
      continue;
    }
    const sku = parsed.data.sku.toUpperCase();
    const first = seen.get(sku);
    if (first !== undefined) errors.push({ line, message: `sku ${sku} already appears on line ${first}` });
    else seen.set(sku, line);
    rows.push({ ...parsed.data, sku });
  }
  if (errors.length > 0) return { ok: false, errors };
  const result = await bulkWriteInSlices(
    Product,
    rows.map((r) => ({ updateOne: { filter: { sku: r.sku }, update: { $set: r }, upsert: true } })),
    { ordered: true },
  );
  await catalogWrites.manySaved(at);
  return { ok: true, created: result.upsertedCount, updated: result.matchedCount };
}

const fail = (line: number, message: string): ProductImport => ({ ok: false, errors: [{ line, message }] });
