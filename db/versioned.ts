import { setTimeout as sleep } from 'node:timers/promises';
import type mongoose from 'mongoose';
import { AppError } from '../src/errors.js';
import { updateAtVersion } from './at-version.js';
import { claim, releaseIfStale } from './claims.js';

type Id = mongoose.Types.ObjectId;
type Versioned = { _id: Id; version: number };

export type Changed<D> = { ok: true; doc: D; before: D };
export type Refused<D, R extends string> = { ok: false; refusal: R | 'not_found'; doc?: D };

/**
 * Moves a document from version v to v+1 with `$set`. On the embedded store guarded updates are
 * not atomic, so the unique claim `<prefix>:<id>:v<v+1>` picks the one writer; the version guard
 * does the same on MongoDB. `change` sees the current document and returns fields or a refusal.
 */
export async function changeVersioned<D extends Versioned, R extends string>(
  // biome-ignore lint/suspicious/noExplicitAny: any model whose documents carry a version
  model: mongoose.Model<any>,
  prefix: string,
  id: Id,
  change: (doc: D) => Record<string, unknown> | R,
  now: Date,
): Promise<Changed<D> | Refused<D, R>> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const before = await model.findById(id).lean<D>();
    if (!before) return { ok: false, refusal: 'not_found' };
    const set = change(before);
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
