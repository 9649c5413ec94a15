import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { SlackStub } from './slack-stub.js';
import { until } from './until.js';

/** What the app answers an envelope with: its id, and for modals the `response_action`. */
export type SocketAck = { envelope_id: string; payload?: Record<string, unknown> };

export type EnvelopeType = 'events_api' | 'interactive' | 'slash_commands';

/**
 * Slack's Socket Mode end as a local WebSocket server: the Web API stub's apps.connections.open
 * hands out its ws:// URL, it greets each connection with `hello`, and sends envelopes
 * `{ envelope_id, type, payload }` the way Slack does, resolving to the app's ack.
 */
export async function startSlackSocket(stub: SlackStub) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((r) => server.once('listening', () => r()));
  const { port } = server.address() as AddressInfo;
  stub.socket.url = `ws://127.0.0.1:${port}/link/?ticket=test-ticket&app_id=A0PNCHHK2`;
  const waiting = new Map<string, (ack: SocketAck) => void>();
  /** Every connection the app opened, oldest first, and what it sent that was not an ack. */
  const connections: WebSocket[] = [];
  const stray: unknown[] = [];
  server.on('connection', (socket) => {
    connections.push(socket);
    socket.on('message', (data) => {
      const ack = JSON.parse(String(data)) as SocketAck;
      const resolve = waiting.get(ack.envelope_id);
      if (resolve) resolve(ack);
      else stray.push(ack);
    });
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: connections.length,
        debug_info: { host: 'applink-stub', approximate_connection_time: 18060 },
        connection_info: { app_id: 'A0PNCHHK2' },
      }),
    );
  });
  let seq = 0;
  const live = () => connections.filter((c) => c.readyState === c.OPEN).at(-1);

  return {
    connections,
    stray,
    /** Sends one envelope on the open connection; resolves to its ack (fails after `ms`). */
    async send(
      type: EnvelopeType,
      payload: Record<string, unknown>,
      opts: { envelopeId?: string; retryAttempt?: number; ms?: number } = {},
    ): Promise<SocketAck> {
      const socket = await until(live);
      const envelopeId = opts.envelopeId ?? `env-${++seq}`;
      const acked = new Promise<SocketAck>((resolve) => waiting.set(envelopeId, resolve));
      socket.send(
        JSON.stringify({
          envelope_id: envelopeId,
          type,
          payload,
          accepts_response_payload: type !== 'events_api',
          ...(type === 'events_api' ? { retry_attempt: opts.retryAttempt ?? 0, retry_reason: '' } : {}),
        }),
      );
      const late = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no ack for ${envelopeId}`)), opts.ms ?? 5000).unref(),
      );
      return Promise.race([acked, late]);
    },
    close: () =>
      new Promise<void>((r) => {
        for (const c of connections) c.terminate();
        server.close(() => r());
      }),
  };
}
export type SlackSocket = Awaited<ReturnType<typeof startSlackSocket>>;

/** The socket end for one test file: call after `useSlackStub()` and before `useTestApp`. */
export function useSlackSocket(stub: { current: SlackStub }): { current: SlackSocket } {
  const holder = {} as { current: SlackSocket };
  beforeAll(async () => {
    holder.current = await startSlackSocket(stub.current);
  });
  afterAll(async () => holder.current?.close());
  return holder;
}
