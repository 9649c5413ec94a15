import { ASK_TTL_MS, type PendingStore } from './pending.js';
import type { IncomingFile, Locale } from './types.js';

/**
 * Files sent on their own (Lark sends every file as a message of its own; Slack allows a file
 * without text) wait in that chat for the next command, stored like an open question so any app
 * instance sees them. Kept for as long as a question is.
 */
const MAX_HELD = 20;

export const heldKey = (askKey: string) => `files:${askKey}`;

export async function heldFiles(store: PendingStore, key: string, now: Date): Promise<IncomingFile[]> {
  return (await store.peek(key, now))?.files ?? [];
}

/** Adds files to those waiting in the chat; returns how many wait now. */
export async function holdFiles(
  store: PendingStore,
  key: string,
  who: { employeeId: string; locale: Locale },
  files: IncomingFile[],
  now: Date,
): Promise<number> {
  // beyond what any command accepts: the oldest go, the command then says what it takes
  const all = [...(await heldFiles(store, key, now)), ...files].slice(-MAX_HELD);
  await store.put({
    id: key,
    employeeId: who.employeeId,
    intent: 'files.held',
    locale: who.locale,
    files: all,
    expiresAt: new Date(now.getTime() + ASK_TTL_MS),
  });
  return all.length;
}
