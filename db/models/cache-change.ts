import mongoose, { Schema } from 'mongoose';

/**
 * One change to data that app instances keep in memory (the directory, the catalogue), numbered
 * per feed without gaps: `_id` is `<feed>:<n>`. An instance learns of other instances' writes by
 * reading `<feed>:<last seen + 1>` by `_id` — the one query the embedded store answers without
 * reading a whole collection. `key` names what changed (re-read by `_id`), `value` carries the
 * change itself where there is nothing to re-read by `_id` (a platform account). Pruned after a
 * day by the housekeeping job.
 */
const cacheChangeSchema = new Schema({
  _id: { type: String, required: true },
  kind: { type: String, required: true },
  key: { type: String, default: '' },
  value: { type: String, default: null },
  at: { type: Date, required: true, index: true },
});

export const CacheChange = mongoose.model('CacheChange', cacheChangeSchema);
