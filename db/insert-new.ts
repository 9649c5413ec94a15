import type mongoose from 'mongoose';
import { isDuplicateKey } from './duplicate-key.js';

/**
 * Inserts the documents whose `_id` is not taken, in one round trip, and returns those it
 * inserted; the others (written meanwhile by another instance, or by a batch a crash made run
 * twice) are skipped. Any other error is thrown. `asStored` writes them exactly as given (no
 * defaults, casting or timestamps): a migration moving documents keeps them as they were.
 */
export async function insertNew<D>(
  // biome-ignore lint/suspicious/noExplicitAny: any model
  model: mongoose.Model<any>,
  docs: D[],
  options: { asStored?: boolean } = {},
): Promise<D[]> {
  if (docs.length === 0) return [];
  try {
    const inserted = await model.insertMany(docs, { ordered: false, lean: options.asStored === true });
    return options.asStored ? docs : inserted.map((d) => d.toObject() as D);
  } catch (err) {
    const writeErrors = (err as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
    const onlyDuplicates =
      Array.isArray(writeErrors) && writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
    if (!isDuplicateKey(err) && !onlyDuplicates) throw err;
    return (err as { insertedDocs?: D[] }).insertedDocs ?? [];
  }
}
