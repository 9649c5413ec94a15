import type mongoose from 'mongoose';

/**
 * Most rows a pruning job deletes per collection per run: a run stays short on the embedded
 * store, and a backlog (the first run on an old database) clears over several runs.
 */
export const PRUNE_MAX = 5_000;

/**
 * Deletes the oldest rows of `model` matching `filter` whose `field` is before `before`: at most
 * `max` per call, so a job that fell behind catches up over several runs instead of one long one.
 * One read finds where the `max`-th oldest stands and one delete takes the rows strictly older;
 * the embedded store answers each with a scan, where a delete by a list of ids would compare
 * every row with every id. Returns how many rows went.
 * @example await pruneOldest(ProcessedEvent, {}, 'at', dayAgo, 5000)
 */
export async function pruneOldest(
  // biome-ignore lint/suspicious/noExplicitAny: any model with a date field
  model: mongoose.Model<any>,
  filter: Record<string, unknown>,
  field: string,
  before: Date,
  max: number,
): Promise<number> {
  const old = { ...filter, [field]: { $lt: before } };
  const oldest = await model
    .find(old, { _id: 1, [field]: 1 })
    .sort({ [field]: 1 })
    .limit(max)
    .lean<({ _id: unknown } & Record<string, Date>)[]>();
  if (oldest.length === 0) return 0;
  if (oldest.length < max) return (await model.deleteMany(old)).deletedCount;
  const boundary = oldest[oldest.length - 1]?.[field] as Date;
  const { deletedCount } = await model.deleteMany({ ...filter, [field]: { $lt: boundary } });
  if (deletedCount > 0) return deletedCount;
  // all of them share one instant: take exactly those
  return (await model.deleteMany({ _id: { $in: oldest.map((r) => r._id) } })).deletedCount;
}
