import { AppType, Client, LoggerLevel } from '@larksuiteoapi/node-sdk';
import type { MessageRef, Reply, ReplyFile } from '../../src/bot/types.js';
import type { LarkConfig } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { createChartImages } from '../chart-images.js';
import { replyAsCard, toLarkCard } from './render.js';

type ReceiveIdType = 'open_id' | 'chat_id';
type ApiResult = { code?: number; msg?: string; data?: Record<string, unknown> };

export type LarkApi = ReturnType<typeof createLarkApi>;

/**
 * The Open API calls the adapter makes, through the SDK `Client` (which fetches and caches the
 * tenant access token from `auth/v3/tenant_access_token/internal`). `domain` is a base URL, so
 * Feishu, Lark and a test server are all one setting.
 */
export function createLarkApi(config: LarkConfig, log: Logger) {
  const client = larkClient(config, log);
  const images = createChartImages(uploadImage, log);
  let botOpenId: Promise<string | null> | null = null;

  async function send(idType: ReceiveIdType, id: string, reply: Reply): Promise<MessageRef> {
    if ('file' in reply) {
      // the caption first, then the file (Lark's file message carries no text)
      await send(idType, id, { text: reply.text });
      return sendFile(idType, id, reply.file);
    }
    const res: ApiResult = await client.im.message.create({
      params: { receive_id_type: idType },
      data:
        'card' in reply
          ? {
              receive_id: id,
              msg_type: 'interactive',
              content: JSON.stringify(toLarkCard(reply.card, await chartKeyOf(reply))),
            }
          : { receive_id: id, msg_type: 'text', content: JSON.stringify({ text: reply.text }) },
    });
    const data = ok(res, 'im.message.create');
    return { platform: 'lark', channelId: String(data.chat_id ?? id), messageId: String(data.message_id) };
  }

  /** Uploads the file (`im/v1/files`), then sends it as a file message. */
  async function sendFile(idType: ReceiveIdType, id: string, file: ReplyFile): Promise<MessageRef> {
    const uploaded = (await client.im.file.create({
      data: { file_type: fileTypeOf(file.name), file_name: file.name, file: file.bytes },
    })) as { file_key?: string } | null;
    if (!uploaded?.file_key) throw new Error('lark im.file.create returned no file_key');
    const res: ApiResult = await client.im.message.create({
      params: { receive_id_type: idType },
      data: { receive_id: id, msg_type: 'file', content: JSON.stringify({ file_key: uploaded.file_key }) },
    });
    const data = ok(res, 'im.message.create');
    return { platform: 'lark', channelId: String(data.chat_id ?? id), messageId: String(data.message_id) };
  }

  /** A card's chart as an uploaded image; none (numbers only) without a chart or when that failed. */
  async function chartKeyOf(reply: Reply): Promise<string | undefined> {
    const chart = 'card' in reply ? reply.card.chart : undefined;
    return (chart && (await images.idOf(chart))) || undefined;
  }

  /** `im/v1/images` with `image_type: message`: a key that cards and messages may show. */
  async function uploadImage(png: Buffer): Promise<string> {
    const uploaded = (await client.im.image.create({ data: { image_type: 'message', image: png } })) as {
      image_key?: string;
    } | null;
    if (!uploaded?.image_key) throw new Error('lark im.image.create returned no image_key');
    return uploaded.image_key;
  }

  /** Replaces a sent card for everyone (it was sent with `update_multi`); PATCH takes cards only. */
  async function patch(messageId: string, reply: Reply): Promise<void> {
    const res: ApiResult = await client.im.message.patch({
      path: { message_id: messageId },
      data: { content: JSON.stringify(replyAsCard(reply, await chartKeyOf(reply))) },
    });
    ok(res, 'im.message.patch');
  }

  /** The account's e-mail, to bind it the first time; null when Lark has none or refuses. */
  async function email(openId: string): Promise<string | null> {
    try {
      const res: ApiResult = await client.contact.v3.user.get({
        path: { user_id: openId },
        params: { user_id_type: 'open_id' },
      });
      const user = ok(res, 'contact.user.get').user as
        | { email?: string; enterprise_email?: string }
        | undefined;
      return user?.email || user?.enterprise_email || null;
    } catch (err) {
      log.warn({ err: describe(err) }, 'lark contact lookup failed');
      return null;
    }
  }

  /** The bot's own open_id, to tell its @mention from others'; asked once, retried after a failure. */
  function bot(): Promise<string | null> {
    botOpenId ??= client
      .request<{ code?: number; bot?: { open_id?: string } }>({
        method: 'GET',
        url: '/open-apis/bot/v3/info',
      })
      .then((res) => res.bot?.open_id ?? null)
      .catch((err: unknown) => {
        log.warn({ err: describe(err) }, 'lark bot info failed');
        botOpenId = null;
        return null;
      });
    return botOpenId;
  }

  return { send, patch, email, bot };
}

/** One SDK client per use: each caches its own tenant token. */
export function larkClient(config: LarkConfig, log: Logger): Client {
  return new Client({
    appId: config.appId,
    appSecret: config.appSecret,
    domain: config.domain,
    appType: AppType.SelfBuild,
    loggerLevel: LoggerLevel.warn,
    logger: sdkLogger(log),
  });
}

export function ok(res: ApiResult, call: string): Record<string, unknown> {
  if (res?.code !== 0) throw new Error(`${call} failed with code ${res?.code}`);
  return res.data ?? {};
}

/** Only names and messages: the SDK logs whole axios errors, which carry the bearer token. */
export function describe(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`.slice(0, 300);
  return typeof err === 'string' ? err.slice(0, 300) : typeof err;
}

/** The SDK's logger, reduced to one line of strings at warn and above. */
export function sdkLogger(log: Logger) {
  const line = (msg: unknown[]) => ({ sdk: msg.map(describe).join(' ') });
  return {
    error: (...msg: unknown[]) => log.error(line(msg), 'lark sdk'),
    warn: (...msg: unknown[]) => log.warn(line(msg), 'lark sdk'),
    info: (...msg: unknown[]) => log.debug(line(msg), 'lark sdk'),
    debug: () => {},
    trace: () => {},
  };
}

/** Lark's upload types: office files by kind, anything else a plain stream. */
function fileTypeOf(name: string): 'xls' | 'doc' | 'pdf' | 'stream' {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  if (ext === 'xls' || ext === 'xlsx' || ext === 'csv') return 'xls';
  if (ext === 'doc' || ext === 'docx') return 'doc';
  return ext === 'pdf' ? 'pdf' : 'stream';
}
