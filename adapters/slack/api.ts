import { LogLevel, webApi } from '@slack/bolt';
import type { ReplyFile } from '../../src/bot/types.js';
import type { SlackMessage } from './render.js';

/** The Slack Web API calls the adapter makes; backed by bolt's WebClient below. */
export type SlackApi = {
  postMessage(
    args: SlackMessage & { channel: string; thread_ts?: string },
  ): Promise<{ channel: string; ts: string }>;
  postEphemeral(args: SlackMessage & { channel: string; user: string; thread_ts?: string }): Promise<void>;
  update(args: SlackMessage & { channel: string; ts: string }): Promise<void>;
  openView(triggerId: string, view: Record<string, unknown>): Promise<void>;
  /** views.publish: the person's App Home tab. */
  publishHome(userId: string, view: Record<string, unknown>): Promise<void>;
  /** users.info → profile.email; null when Slack has none (guests, bots). */
  userEmail(userId: string): Promise<string | null>;
  /** The file into the app's DM with the user (conversations.open, then files.uploadV2), with a comment. */
  uploadToDm(userId: string, file: ReplyFile, comment: string): Promise<void>;
  /** An image shared nowhere (files.uploadV2 without a channel), for an image block: its file id. */
  uploadImage(png: Buffer, name: string): Promise<string>;
};

/**
 * The Web API through bolt's own WebClient, so its request code runs for real; `apiUrl` points
 * it at a GovSlack-style endpoint or a test stub.
 */
export function slackClient(botToken: string, apiUrl?: string) {
  return new webApi.WebClient(botToken, {
    slackApiUrl: apiUrl,
    logLevel: LogLevel.ERROR,
    // a reply that cannot be sent within seconds is stale; the default retries for 30 minutes
    retryConfig: { retries: 2, minTimeout: 200, maxTimeout: 1000 },
    timeout: 10_000,
  });
}

export function createSlackApi(botToken: string, apiUrl?: string): SlackApi {
  const client = slackClient(botToken, apiUrl);
  return {
    async postMessage(args) {
      const res = await client.chat.postMessage(args);
      return { channel: String(res.channel), ts: String(res.ts) };
    },
    async postEphemeral(args) {
      await client.chat.postEphemeral(args);
    },
    async update(args) {
      // blocks: [] clears the old buttons when a card is replaced by plain text
      await client.chat.update({ ...args, blocks: args.blocks ?? [] });
    },
    async openView(triggerId, view) {
      await client.views.open({ trigger_id: triggerId, view: view as never });
    },
    async publishHome(userId, view) {
      await client.views.publish({ user_id: userId, view: view as never });
    },
    async userEmail(userId) {
      const res = await client.users.info({ user: userId });
      const email = res.user?.profile?.email;
      return typeof email === 'string' && email ? email : null;
    },
    async uploadToDm(userId, file, comment) {
      const dm = await client.conversations.open({ users: userId });
      const channel = dm.channel?.id;
      if (!channel) throw new Error('slack opened no DM');
      await client.files.uploadV2({
        channel_id: channel,
        file: file.bytes,
        filename: file.name,
        initial_comment: comment,
      });
    },
    async uploadImage(png, name) {
      const res = (await client.files.uploadV2({ file: png, filename: name })) as {
        files?: { files?: { id?: string }[] }[];
      };
      const id = res.files?.[0]?.files?.[0]?.id;
      if (!id) throw new Error('slack files.uploadV2 returned no file id');
      return id;
    },
  };
}
