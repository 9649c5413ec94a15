import mongoose from 'mongoose';

type Key = string | mongoose.Types.ObjectId;

/** One answer per connection: is the server FerretDB (whose `buildInfo` names its own version)? */
const ferret = new WeakMap<object, Promise<boolean>>();

function isFerretDb(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) return Promise.resolve(false);
  let known = ferret.get(db);
  if (!known) {
    known = db
      .admin()
      .command({ buildInfo: 1 })
      .then((info) => typeof info.ferretdbVersion === 'string');
    ferret.set(db, known);
  }
  return known;
}

/**
 * `findOneAndUpdate({ _id, version }, update)`: the document after the update, or null when it is
 * no longer at `version`. MongoDB runs exactly that, atomically. FerretDB 1.24 on SQLite uses an
 * index only for a filter that is `{ _id }` alone — with `version` beside it every call reads the
 * whole collection (an order step at 100k orders: seconds) — and its guarded update is a read and
 * a write anyway, not atomic; so there the version is compared after a read by `_id` and the
 * update goes by `_id`: the same guarantee, two point operations. Callers claim the revision first
 * (db/claims.ts), which is what picks one writer on FerretDB.
 */
export async function updateAtVersion<D>(
  // biome-ignore lint/suspicious/noExplicitAny: any model whose documents carry a version
  model: mongoose.Model<any>,
  id: Key,
  version: number,
  update: mongoose.UpdateQuery<unknown>,
  options: { timestamps?: boolean } = {},
): Promise<D | null> {
  const after = { returnDocument: 'after' as const, ...options };
  if (!(await isFerretDb())) return model.findOneAndUpdate({ _id: id, version }, update, after).lean<D>();
  const current = await model.findById(id, { version: 1 }).lean<{ version: number }>();
  if (current?.version !== version) return null;
  return model.findOneAndUpdate({ _id: id }, update, after).lean<D>();
}
