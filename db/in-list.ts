/** Past this many values, `inList` drops the condition (see there). */
export const IN_LIST_MAX = 200;

/**
 * `{ [field]: { $in: values } }` for a short list, no condition for a long one. The embedded store
 * uses no index and checks every row against the whole list, so a long `$in` costs rows × values;
 * reading the rows unfiltered costs rows. (MongoDB would seek its index either way.) Callers must
 * drop the rows for values they did not ask for.
 * @example await Customer.find({ ...inList('ownerId', readerIds), nextFollowUpAt: { $lte: end } })
 */
export function inList(field: string, values: readonly unknown[]): Record<string, unknown> {
  return values.length > IN_LIST_MAX ? {} : { [field]: { $in: values } };
}
