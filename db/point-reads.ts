import type mongoose from 'mongoose';

/** Calls in flight at once: enough to keep the store busy, few enough to leave room for others. */
const PARALLEL = 16;

/** Runs `fn` on every item, at most `PARALLEL` at a time. */
export async function inParallel<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}

/**
 * Documents by `_id`, one point read each, a few at a time; missing ones are left out. The
 * embedded store answers `{_id: x}` from its index but `{_id: {$in: […]}}` by reading the whole
 * collection, so for a list of keys many small reads stay flat where one query grows with the
 * collection. (MongoDB would serve `$in` from the index either way.) Read with the driver, as
 * stored, like `lean()`: mongoose's own work per query doubled the time of a thousand reads.
 * @example const days = await findByIds<AttendanceDayDoc>(AttendanceDay, keys)
 */
export async function findByIds<D>(
  // biome-ignore lint/suspicious/noExplicitAny: any model
  model: mongoose.Model<any>,
  ids: readonly string[],
  projection?: Record<string, 0 | 1>,
): Promise<Map<string, D>> {
  const found = new Map<string, D>();
  await inParallel([...new Set(ids)], async (id) => {
    const doc = (await model.collection.findOne({ _id: id as never }, { projection })) as D | null;
    if (doc) found.set(id, doc);
  });
  return found;
}
