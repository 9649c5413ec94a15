import { App, LogLevel } from '@slack/bolt';
import type { Ack } from './handle.js';

/**
 * Socket Mode for deployments without a public URL: bolt holds the WebSocket, every envelope
 * goes to the same handler as HTTP, and its answer is the ack. Events are acked by bolt itself.
 * Tested against a local socket end (tests/helpers/slack-socket.ts).
 */
export async function startSocketMode(options: {
  appToken: string;
  botToken: string;
  apiUrl?: string;
  handle(body: unknown): Promise<Ack>;
}): Promise<() => Promise<void>> {
  const app = new App({
    token: options.botToken,
    appToken: options.appToken,
    socketMode: true,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.apiUrl },
  });
  app.use(async ({ body, ack }) => {
    const answer = await options.handle(body);
    if (ack) await ack(answer.status === 200 ? (answer.body as never) : undefined);
  });
  await app.start();
  return async () => {
    await app.stop();
  };
}
