import { AsyncLocalStorage } from 'node:async_hooks';

type RequestContext = { reqId: string };

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `work` as part of one HTTP request. Everything it starts — the flow, the store calls, a
 * delivery queued for after the platform's ack — logs under the same request id, so one id finds
 * every line a request caused.
 */
export function withRequestId<T>(reqId: string, work: () => T): T {
  return storage.run({ reqId }, work);
}

/** The request id of the work now running; undefined outside a request (jobs, start-up). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.reqId;
}
