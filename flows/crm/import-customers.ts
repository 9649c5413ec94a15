import mongoose from 'mongoose';
import { z } from 'zod';
import { AGE_BANDS, Customer, type CustomerDoc, nameKeyOf, STAGES } from '../../db/models/customer.js';
import { followAll } from '../../db/pointers.js';
import { byLine, type LineProblem, readCsvRows } from '../../src/csv-import.js';
import { plainName } from '../../src/plain-text.js';
import { readDirectory } from '../org/api.js';
import { recordAdded } from './bulk-added.js';
import { coreNameOf } from './duplicates.js';
import { customerNameRef } from './keys.js';
import { byCoreName } from './name-index.js';
import { newCustomer } from './service.js';

const INSERT_BATCH = 500;

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

export type CustomerImport = { ok: true; created: number } | { ok: false; errors: LineProblem[] };

/**
 * CSV with a header of any of CUSTOMER_COLUMNS (name required; tags separated by `;`; empty
 * owner_email = the pool). All or nothing: every row is checked (fields, names unique in the file
 * and in the company, owners known) before anything is written; the per-owner maximum is not
 * applied to imports (an admin's decision).
 */
export async function importCustomersCsv(csv: string, now: Date): Promise<CustomerImport> {
  const read = readCsvRows(csv, {
    noun: 'customer',
    columns: CUSTOMER_COLUMNS,
    required: ['name'],
    schema: row,
    columnOf: { ageBand: 'age_band', ownerEmail: 'owner_email' },
    toInput: (cell) => ({
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
    }),
  });
  const parsed = read.rows.map(({ line, value }) => ({ line, input: value }));
  const errors = [...read.errors];
  const seen = new Map<string, { line: number; name: string }>();
  for (const { line, input } of parsed) {
    const key = coreNameOf(input.name) || nameKeyOf(input.name);
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ line, message: `name ${input.name} already appears on line ${first.line}` });
    else seen.set(key, { line, name: input.name });
  }
  // by each name's pointer: a `$in` over the names would compare every customer with every name
  const taken = await followAll([...seen.values()].map((s) => customerNameRef(s.name)));
  // the same name with another legal form or punctuation (华为 / 华为有限公司), in the pool or anyone's
  const cores = await byCoreName();
  for (const { line, name } of seen.values()) {
    const alike = cores.get(coreNameOf(name));
    if (taken.has(customerNameRef(name))) errors.push({ line, message: `customer ${name} already exists` });
    else if (alike) errors.push({ line, message: `customer ${name} duplicates existing ${alike.name}` });
  }
  const directory = await readDirectory();
  const ownerId = new Map<string, mongoose.Types.ObjectId>();
  for (const { line, input } of parsed) {
    if (!input.ownerEmail) continue;
    const owner = directory.activeByEmail(input.ownerEmail);
    if (owner) ownerId.set(input.ownerEmail, owner._id);
    else errors.push({ line, message: `owner_email ${input.ownerEmail} is not an active employee` });
  }
  if (errors.length > 0) return { ok: false, errors: byLine(errors) };

  const docs = parsed.map(({ input: { ownerEmail, ...fields } }) => ({
    _id: new mongoose.Types.ObjectId(),
    ...newCustomer(fields, ownerEmail ? (ownerId.get(ownerEmail) ?? null) : null, null, now),
  }));
  const inserted: CustomerDoc[] = [];
  try {
    // in batches: mongoose builds and validates every document of one call in a single stretch
    // (10k customers held the event loop for 2 s, stalling every other request)
    for (let i = 0; i < docs.length; i += INSERT_BATCH) {
      const batch = await Customer.insertMany(docs.slice(i, i + INSERT_BATCH), { ordered: true });
      inserted.push(...batch.map((d) => d.toObject() as CustomerDoc));
    }
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
