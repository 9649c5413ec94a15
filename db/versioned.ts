import { setTimeout as sleep } from 'node:timers/promises';
import type mongoose from 'mongoose';
import { AppError } from '../src/errors.js';
import { updateAtVersion } from './at-version.js';
import { claim, releaseIfStale } from './claims.js';
import { isDuplicateKey } from './duplicate-key.js';

type Key = mongoose.Types.ObjectId | string;
type Versioned = { _id: Key; version: number };

export type Changed<D> = { ok: true; doc: D; before: D };
export type Refused<D, R extends string> = { ok: false; refusal: R | 'not_found'; doc?: D };

/**
 * Moves a document from version v to v+1 with `$set`. On the embedded store guarded updates are
 * not atomic, so the unique claim `<prefix>:<id>:v<v+1>` picks the one writer. On MongoDB the
 * write is also guarded by `{_id, version}`, atomically, which stops a writer that lost its
 * claim as stale (10 s) and came back late. The embedded store would read its whole collection
 * for that filter (it looks up nothing but `_id` by index) and apply it non-atomically anyway, so
 * there the write filters on `_id` alone, after a point read that checks the version did not
 * move — the same check, by index.
 * `change` sees the current document (it may read other documents by `_id`: it runs again after
 * a lost race) and returns fields or a refusal. With `initial`, a missing document is created
 * from it by a unique insert, which is its own claim.
 */
export async function changeVersioned<D extends Versioned, R extends string>(
  // biome-ignore lint/suspicious/noExplicitAny: any model whose documents carry a version
  model: mongoose.Model<any>,
  prefix: string,
  id: Key,
  change: (doc: D) => Record<string, unknown> | R | Promise<Record<string, unknown> | R>,
  now: Date,
  options: { initial?: () => D } = {},
): Promise<Changed<D> | Refused<D, R>> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const before = await model.findById(id).lean<D>();
    if (!before) {
      if (!options.initial) return { ok: false, refusal: 'not_found' };
      const created = await create(model, options.initial(), change, now);
      if (created) return created;
      continue; // someone else created it first
    }
    const set = await change(before);
    if (typeof set === 'string') return { ok: false, refusal: set, doc: before };
    const revision = `${prefix}:${id}:v${before.version + 1}`;
    if (!(await claim(revision, now))) {
      await releaseIfStale(revision, now);
      await sleep(5 + Math.random() * 20);
      continue;
    }
    // updatedAt comes from the caller's clock (digests read it), not from the driver's
    const doc = await updateAtVersion<D>(
      model,
      id,
      before.version,
      { $set: { ...set, updatedAt: now }, $inc: { version: 1 } },
      { timestamps: false },
    );
    if (doc) return { ok: true, doc, before };
  }
  throw new AppError('store.contention', `${prefix} ${id} kept changing under us`);
}

/** The first version of a document: `initial` with the change applied, or null when it exists now. */
async function create<D extends Versioned, R extends string>(
  // biome-ignore lint/suspicious/noExplicitAny: as above
  model: mongoose.Model<any>,
  initial: D,
  change: (doc: D) => Record<string, unknown> | R | Promise<Record<string, unknown> | R>,
  now: Date,
): Promise<Changed<D> | Refused<D, R> | null> {
  const set = await change(initial);
  if (typeof set === 'string') return { ok: false, refusal: set, doc: initial };
  try {
    const doc = (await model.create({ ...initial, ...set, updatedAt: now })).toObject() as D;
    return { ok: true, doc, before: initial };
  } catch (err) {
    if (isDuplicateKey(err)) return null;
    throw err;
  }
}
