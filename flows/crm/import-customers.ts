import mongoose from 'mongoose';
import { z } from 'zod';
import { AGE_BANDS, Customer, type CustomerDoc, nameKeyOf, STAGES } from '../../db/models/customer.js';
import { followAll } from '../../db/pointers.js';
import { plainName } from '../../src/plain-text.js';
import { parseCsv } from '../org/csv.js';
import { readDirectory } from '../org/index.js';
import { recordAdded } from './bulk-added.js';
import { customerNameRef } from './keys.js';
import { newCustomer } from './service.js';

export const CUSTOMER_COLUMNS = [
  'name',
  'city',
  'industry',
  'contact',
  'phone',
  'email',
  'age',
  'age_band',
  'source',
  'stage',
  'owner_email',
  'tags',
] as const;

const row = z.object({
  name: plainName(80),
  city: z.string().max(40).optional(),
  industry: z.string().max(40).optional(),
  contact: z.string().max(40).optional(),
  phone: z.string().max(40).optional(),
  email: z.string().email().optional(),
  age: z.coerce.number().int().min(0).max(120).optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  source: z.string().max(40).optional(),
  stage: z.enum(STAGES).optional(),
  ownerEmail: z.string().email().optional(),
  tags: z.array(z.string()).optional(),
});

type Problem = { line: number; message: string };
export type CustomerImport = { ok: true; created: number } | { ok: false; errors: Problem[] };

/**
 * CSV with a header of any of CUSTOMER_COLUMNS (name required; tags separated by `;`; empty
 * owner_email = the pool). All or nothing: every row is checked (fields, names unique in the file
 * and in the company, owners known) before anything is written; the per-owner maximum is not
 * applied to imports (an admin's decision).
 */
export async function importCustomersCsv(csv: string, now: Date): Promise<CustomerImport> {
  const [header, ...data] = parseCsv(csv);
  const columns = header?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const unknown = columns.filter((c) => !(CUSTOMER_COLUMNS as readonly string[]).includes(c));
  if (!header || unknown.length > 0 || !columns.includes('name'))
    return fail(header?.line ?? 1, `header must use ${CUSTOMER_COLUMNS.join(',')} (name required)`);
  if (data.length === 0) return fail(header.line, 'no customer rows after the header');

  const errors: Problem[] = [];
  const parsed: { line: number; input: z.infer<typeof row> }[] = [];
  for (const { line, fields } of data) {
    const cell = (name: string) => fields[columns.indexOf(name)]?.trim() || undefined;
    const result = row.safeParse({
      ...Object.fromEntries(
        ['name', 'city', 'industry', 'contact', 'phone', 'email', 'age', 'source', 'stage'].map((k) => [
          k,
          cell(k),
        ]),
      ),
      ageBand: cell('age_band'),
      ownerEmail: cell('owner_email')?.toLowerCase(),
      tags: cell('tags')
        ?.split(';')
        .map((t) => t.trim())
        .filter(Boolean),
    });
    if (result.success) parsed.push({ line, input: result.data });
    else
      errors.push({
        line,
        message: `${result.error.issues[0]?.path.join('.')}: ${result.error.issues[0]?.message}`,
      });
  }

  const seen = new Map<string, { line: number; name: string }>();
  for (const { line, input } of parsed) {
    const key = nameKeyOf(input.name);
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ line, message: `name ${input.name} already appears on line ${first.line}` });
    else seen.set(key, { line, name: input.name });
  }
  // by each name's pointer: a `$in` over the names would compare every customer with every name
  const taken = await followAll([...seen.values()].map((s) => customerNameRef(s.name)));
  for (const { line, name } of seen.values())
    if (taken.has(customerNameRef(name))) errors.push({ line, message: `customer ${name} already exists` });
  const directory = await readDirectory();
  const ownerId = new Map<string, mongoose.Types.ObjectId>();
  for (const { line, input } of parsed) {
    if (!input.ownerEmail) continue;
    const owner = directory.activeByEmail(input.ownerEmail);
    if (owner) ownerId.set(input.ownerEmail, owner._id);
    else errors.push({ line, message: `owner_email ${input.ownerEmail} is not an active employee` });
  }
  if (errors.length > 0) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };

  const docs = parsed.map(({ input: { ownerEmail, ...fields } }) => ({
    _id: new mongoose.Types.ObjectId(),
    ...newCustomer(fields, ownerEmail ? (ownerId.get(ownerEmail) ?? null) : null, null, now),
  }));
  let inserted: CustomerDoc[];
  try {
    inserted = (await Customer.insertMany(docs, { ordered: true })).map((d) => d.toObject() as CustomerDoc);
  } catch (err) {
    // a name created meanwhile: undo this batch's rows so the import stays all-or-nothing
    await Customer.deleteMany({ _id: { $in: docs.map((d) => d._id) } });
    return fail(0, `nothing imported: ${(err as Error).message.slice(0, 200)}`);
  }
  await recordAdded(inserted, now);
  return { ok: true, created: docs.length };
}

function fail(line: number, message: string): CustomerImport {
  return { ok: false, errors: [{ line, message }] };
}
