/**
 * FerretDB 1.24 never answers an `update` command that carries 100 or more statements: 99
 * updates by `_id` come back in ~90 ms, 100 leave the client waiting until it gives up (seen
 * with the driver's bulkWrite and with a raw `update` command, ordered or not, patched build or
 * not; inserts and deletes are unaffected). So bulk writes go in slices well below that — on
 * MongoDB a slice costs one more round trip, nothing else.
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
