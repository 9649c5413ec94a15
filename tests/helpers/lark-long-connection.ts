import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll } from 'vitest';
import { type WebSocket, WebSocketServer } from 'ws';
import type { LarkStub } from './lark.js';
import { decodeFrame, encodeFrame, type Frame } from './lark-frames.js';
import { until } from './until.js';

const SERVICE = 7;

/** What the app answered an event frame with: Lark's `{ code, data }`, `data` decoded. */
export type LarkWsAnswer = { code: number; data?: unknown };

/**
 * Lark's long-connection end on the Open API stub's own server: `callback/ws/endpoint` hands out
 * a ws:// URL on it, and events go out as data frames, each answered by the app with a frame of
 * the same ids carrying `{ code, data: base64(JSON) }` — as the SDK's WSClient expects of Lark.
 */
export function startLarkLongConnection(stub: LarkStub) {
  const server = new WebSocketServer({ server: stub.server, path: '/ws' });
  const { port } = stub.server.address() as AddressInfo;
  /** What the app sent to open the connection (AppID, AppSecret), each time. */
  const endpointAsks: { AppID?: string; AppSecret?: string }[] = [];
  stub.wsEndpoint = (body) => {
    endpointAsks.push(body);
    return {
      code: 0,
      msg: 'ok',
      data: {
        URL: `ws://127.0.0.1:${port}/ws?device_id=dev-1&service_id=${SERVICE}`,
        ClientConfig: { PingInterval: 120, ReconnectCount: -1, ReconnectInterval: 120, ReconnectNonce: 30 },
      },
    };
  };
  const connections: WebSocket[] = [];
  const pings: Frame[] = [];
  const waiting = new Map<string, (answer: LarkWsAnswer) => void>();
  server.on('connection', (socket) => {
    connections.push(socket);
    socket.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data));
      if (frame.method === 0) return void pings.push(frame);
      const id = frame.headers.message_id ?? '';
      const body = JSON.parse(new TextDecoder().decode(frame.payload)) as { code: number; data?: string };
      waiting.get(id)?.({
        code: body.code,
        ...(body.data ? { data: JSON.parse(Buffer.from(body.data, 'base64').toString('utf8')) } : {}),
      });
    });
  });
  let seq = 0;
  const live = () => connections.filter((c) => c.readyState === c.OPEN).at(-1);

  return {
    endpointAsks,
    connections,
    pings,
    /** Resolves once the app holds an open connection. */
    connected: () => until(live, 10_000),
    /** Pushes one event (split into `parts` frames, as Lark does with big ones); resolves to the answer. */
    async push(event: unknown, parts = 1): Promise<LarkWsAnswer> {
      const socket = await until(live, 10_000);
      const messageId = `ws-msg-${++seq}`;
      const answered = new Promise<LarkWsAnswer>((resolve) => waiting.set(messageId, resolve));
      const bytes = new TextEncoder().encode(JSON.stringify(event));
      const size = Math.ceil(bytes.length / parts);
      for (let i = 0; i < parts; i++) {
        const frame: Frame = {
          SeqID: seq,
          LogID: seq,
          service: SERVICE,
          method: 1,
          headers: {
            type: 'event',
            message_id: messageId,
            sum: String(parts),
            seq: String(i),
            trace_id: `trace-${seq}`,
          },
          payload: bytes.subarray(i * size, (i + 1) * size),
        };
        socket.send(encodeFrame(frame));
      }
      const late = new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`no answer to ${messageId}`)), 5000).unref(),
      );
      return Promise.race([answered, late]);
    },
    close: () =>
      new Promise<void>((r) => {
        for (const c of connections) c.terminate();
        server.close(() => r());
      }),
  };
}
export type LarkLongConnection = ReturnType<typeof startLarkLongConnection>;

/** The long-connection end for one test file: call after `useLarkStub` and before `useTestApp`. */
export function useLarkLongConnection(stub: { current: LarkStub }): { current: LarkLongConnection } {
  const holder = {} as { current: LarkLongConnection };
  beforeAll(() => {
    holder.current = startLarkLongConnection(stub.current);
  });
  afterAll(async () => holder.current?.close());
  return holder;
}
