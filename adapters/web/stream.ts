import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { LiveHub, LiveLimits } from './live.js';
import { entryJson, type WebEntry, type WebStore } from './store.js';

/** How long a browser waits before reconnecting a dropped stream. */
const RETRY_MS = 2000;

/**
 * Server-sent events for one page: every entry written after event `after`, each with its event
 * number as id (a replaced card comes again under its old entry id, with a newer event id), then
 * whatever changes next. The browser's reconnect sends `Last-Event-ID`, so nothing is missed and
 * nothing repeats. A page too far behind gets `reset` and reloads its history.
 */
export function streamConversation(
  c: Context,
  o: { employeeId: string; after: number; store: WebStore; live: LiveHub; limits: LiveLimits },
) {
  return streamSSE(c, async (stream) => {
    const listener = o.live.listen(o.employeeId);
    stream.onAbort(() => listener.close());
    await stream.write(`retry: ${RETRY_MS}\n\n`);
    let last = o.after;
    try {
      for (let state = 'changed'; state !== 'closed' && !stream.aborted; ) {
        const { seq, entries } = await o.store.read(o.employeeId);
        const fresh = entries.filter((e) => e.rev > last).sort((a, b) => a.rev - b.rev);
        if (last > seq || fresh.length > o.limits.backlog) {
          // the page knows a conversation that is gone (a reset store), or is too far behind
          await stream.writeSSE({ event: 'reset', id: String(seq), data: String(seq) });
          last = seq;
        } else {
          for (const e of fresh) await send(e);
          last = Math.max(last, ...fresh.map((e) => e.rev));
        }
        state = await listener.next(o.limits.heartbeatMs);
        if (state === 'idle') await stream.write(': heartbeat\n\n');
      }
    } catch {
      // a failed read ends this stream; the browser reconnects from its last event
    } finally {
      listener.close();
    }

    async function send(e: WebEntry) {
      await stream.writeSSE({ event: 'entry', id: String(e.rev), data: JSON.stringify(entryJson(e)) });
    }
  });
}
