import type mongoose from 'mongoose';
import type { TurnContext } from '../../src/bot/flow.js';
import type { Locale, Reply } from '../../src/bot/types.js';
import { readDirectory } from '../org/api.js';

type Id = mongoose.Types.ObjectId;
export type Reader = { locale: Locale; timezone: string };

/** Sends each person a message built in their own language and zone; the actor is not told. */
export async function tell(
  ctx: Pick<TurnContext, 'notify' | 'person'>,
  ids: (Id | null | undefined)[],
  build: (reader: Reader) => Reply,
): Promise<void> {
  const wanted = [...new Set(ids.filter((id): id is Id => !!id).map(String))].filter(
    (id) => id !== ctx.person.id,
  );
  if (wanted.length === 0) return;
  const org = await readDirectory();
  const rows = wanted.flatMap((id) => org.active(id) ?? []);
  for (const row of rows)
    await ctx.notify(String(row._id), build({ locale: row.locale as Locale, timezone: row.timezone }));
}
