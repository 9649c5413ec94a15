import { z } from 'zod';
import { derivedId } from '../../db/derived-id.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { AGE_BANDS, Customer, type CustomerDoc, nameKeyOf, STAGES } from '../../db/models/customer.js';
import { followAll } from '../../db/pointers.js';
import {
  type ImportContext,
  type ImportRow,
  type ImportSpec,
  type LineProblem,
  readCsvRows,
} from '../../src/csv-import.js';
import { plainName } from '../../src/plain-text.js';
import { readDirectory } from '../org/api.js';
import { recordAdded } from './bulk-added.js';
import { coreNameOf } from './duplicates.js';
import { customerNameRef } from './keys.js';
import { byCoreName } from './name-index.js';
import { recountCustomers } from './recount.js';
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

type Row = z.output<typeof row>;

/**
 * CSV with a header of any of CUSTOMER_COLUMNS (name required; tags separated by `;`; empty
 * owner_email = the pool). Every row is checked (fields, names unique in the file and in the
 * company, owners known) before anything is written; the per-owner maximum is not applied to
 * imports (an admin's decision). A new customer's id derives from the job and its name, so a
 * slice written again after a crash finds its own rows instead of adding twins.
 */
export const customersImport: ImportSpec<Row> = {
  kind: 'customers',
  read: (csv) =>
    readCsvRows(csv, {
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
    }),
  check,
  write,
  // a run that died between inserting a slice and recording it left pointers and counts behind
  finish: async ({ resumed, now }) => {
    if (resumed) await recountCustomers(now);
  },
};

async function check(rows: ImportRow<Row>[]): Promise<LineProblem[]> {
  const errors: LineProblem[] = [];
  const seen = new Map<string, { line: number; name: string }>();
  for (const { line, value } of rows) {
    const key = coreNameOf(value.name) || nameKeyOf(value.name);
    const first = seen.get(key);
    if (first !== undefined)
      errors.push({ line, message: `name ${value.name} already appears on line ${first.line}` });
    else seen.set(key, { line, name: value.name });
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
  for (const { line, value } of rows)
    if (value.ownerEmail && !directory.activeByEmail(value.ownerEmail))
      errors.push({ line, message: `owner_email ${value.ownerEmail} is not an active employee` });
  return errors;
}

async function write(rows: ImportRow<Row>[], { jobId, now }: ImportContext) {
  const directory = await readDirectory();
  const docs = rows.map(({ line, value: { ownerEmail, ...fields } }) => ({
    line,
    doc: {
      _id: derivedId(jobId, nameKeyOf(fields.name)),
      ...newCustomer(
        fields,
        ownerEmail ? (directory.activeByEmail(ownerEmail)?._id ?? null) : null,
        null,
        now,
      ),
    },
  }));
  const errors: LineProblem[] = [];
  let inserted: CustomerDoc[];
  try {
    inserted = (
      await Customer.insertMany(
        docs.map((d) => d.doc),
        { ordered: true },
      )
    ).map((d) => d.toObject() as CustomerDoc);
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    // a name taken meanwhile, or rows written before (by this call up to the clash, or by a run
    // that died): row by row. Ours are recorded again — pointers and lists are idempotent, and a
    // resumed job recounts at its end.
    inserted = [];
    for (const { line, doc } of docs) {
      if (await Customer.exists({ _id: doc._id })) {
        inserted.push(new Customer(doc).toObject() as CustomerDoc);
        continue;
      }
      try {
        inserted.push((await Customer.create(doc)).toObject() as CustomerDoc);
      } catch (rowErr) {
        if (!isDuplicateKey(rowErr)) throw rowErr;
        errors.push({ line, message: `customer ${doc.name} already exists` });
      }
    }
  }
  await recordAdded(inserted, now);
  return { created: inserted.length, updated: 0, errors };
}
