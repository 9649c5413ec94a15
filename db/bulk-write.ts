/**
 * FerretDB 1.24 never answers an `update` command that carries 100 or more statements: each
 * statement's iterator keeps one of its 100 SQLite connections until the command ends (write-up:
 * db/embedded/patches/0002-…). Our build is patched; bulk writes still go in slices well below
 * that so a `FERRETDB_BIN` naming an unpatched FerretDB 1.x works too — on MongoDB a slice costs
 * one more round trip, nothing else.
 */
const SLICE = 50;

type Counts = { upsertedCount: number; matchedCount: number };
type Options = { ordered: boolean; throwOnValidationError?: boolean };
type BulkTarget<O> = { bulkWrite(ops: O[], options: Options): Promise<Counts> };

/** `target.bulkWrite(ops)` in slices of SLICE, in order; the counts summed. */
export async function bulkWriteInSlices<O>(
  target: BulkTarget<O>,
  ops: readonly O[],
  options: Options = { ordered: true },
): Promise<Counts> {
  const total: Counts = { upsertedCount: 0, matchedCount: 0 };
  for (let i = 0; i < ops.length; i += SLICE) {
    const result = await target.bulkWrite(ops.slice(i, i + SLICE), options);
    total.upsertedCount += result.upsertedCount;
    total.matchedCount += result.matchedCount;
  }
  return total;
}
