import { createHash } from 'node:crypto';
import mongoose from 'mongoose';

/**
 * An ObjectId that is always the same for the same parts: a job that writes a slice again (it was
 * resumed after a crash) writes the same documents instead of new ones.
 * @example derivedId('customers-20261202T020000-1a2b3c4d', '杭州甲') // the same id every time
 */
export function derivedId(...parts: string[]): mongoose.Types.ObjectId {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return new mongoose.Types.ObjectId(digest.subarray(0, 12));
}
