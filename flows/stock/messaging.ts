import type mongoose from 'mongoose';
import type { TurnContext } from '../../src/bot/flow.js';
import type { Addressee, Reply } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';

type Id = mongoose.Types.ObjectId;

/** Tells each active person, in their own language and zone; the actor is not told. */
export async function tell(
  ctx: Pick<TurnContext, 'notify' | 'person'>,
  ids: (Id | null | undefined)[],
  build: (to: Addressee) => Reply,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is Id => !!id).map(String))].filter(
    (id) => id !== ctx.person.id,
  );
  if (wanted.length === 0) return;
  const org = await readDirectory();
  for (const id of wanted.filter((id) => org.active(id))) await ctx.notify(id, build);
}
