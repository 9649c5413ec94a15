// Lark payloads shaped like the documented ones (platforms/lark/*.json), for tests and fixtures.
import { testNow } from './clock.js';

export const LARK_BOT_OPEN_ID = 'ou_bot_0000000000000000000000000';
export const LARK_TENANT = 'tenant_demo';

let seq = 0;

/** An `im.message.receive_v1` (schema 2.0) event, shaped like Lark's documented example. */
export function messageEvent(opts: {
  token: string;
  openId: string;
  text: string;
  chat?: 'p2p' | 'group';
  mentionBot?: boolean;
  eventId?: string;
  messageType?: 'text' | 'post';
  senderType?: 'user' | 'app';
}): Record<string, unknown> {
  seq++;
  const chat = opts.chat ?? 'p2p';
  const mention = {
    key: '@_user_1',
    id: { union_id: 'on_bot', user_id: '', open_id: LARK_BOT_OPEN_ID },
    name: 'Assistant',
    tenant_key: LARK_TENANT,
  };
  const text = opts.mentionBot ? `@_user_1 ${opts.text}` : opts.text;
  const content =
    opts.messageType === 'post'
      ? {
          title: '',
          content: [
            [
              ...(opts.mentionBot ? [{ tag: 'at', user_id: '@_user_1', user_name: 'Assistant' }] : []),
              { tag: 'text', text: ` ${opts.text}` },
            ],
          ],
        }
      : { text };
  return {
    schema: '2.0',
    header: {
      event_id: opts.eventId ?? `evt_${testNow().getTime()}_${seq}`,
      event_type: 'im.message.receive_v1',
      create_time: String(testNow().getTime()),
      token: opts.token,
      app_id: 'cli_a1b2c3d4e5f60718',
      tenant_key: LARK_TENANT,
    },
    event: {
      sender: {
        sender_id: { union_id: `on_${opts.openId}`, user_id: '', open_id: opts.openId },
        sender_type: opts.senderType ?? 'user',
        tenant_key: LARK_TENANT,
      },
      message: {
        message_id: `om_in_${seq}`,
        create_time: String(testNow().getTime()),
        chat_id: chat === 'p2p' ? `oc_p2p_${opts.openId}` : 'oc_group_sales',
        chat_type: chat,
        message_type: opts.messageType ?? 'text',
        content: JSON.stringify(content),
        mentions: opts.mentionBot ? [mention] : [],
      },
    },
  };
}

/** The classic card callback (card.action.trigger_v1), shaped like lark_card_action_v1_old.json. */
export function classicCardAction(
  openId: string,
  value: unknown,
  messageId = 'om_card_1',
): Record<string, unknown> {
  seq++;
  return {
    open_id: openId,
    user_id: '',
    open_message_id: messageId,
    open_chat_id: `oc_p2p_${openId}`,
    tenant_key: LARK_TENANT,
    token: `c-click-${seq}`,
    action: { value, tag: 'button' },
  };
}

/** The schema 2.0 `card.action.trigger` callback. */
export function cardTriggerEvent(
  token: string,
  openId: string,
  value: unknown,
  messageId = 'om_card_2',
  eventId?: string,
): Record<string, unknown> {
  seq++;
  return {
    schema: '2.0',
    header: {
      event_id: eventId ?? `evt_card_${testNow().getTime()}_${seq}`,
      token,
      create_time: String(testNow().getTime()),
      event_type: 'card.action.trigger',
      tenant_key: LARK_TENANT,
      app_id: 'cli_a1b2c3d4e5f60718',
    },
    event: {
      operator: { tenant_key: LARK_TENANT, user_id: '', open_id: openId, union_id: `on_${openId}` },
      token: `c-update-${seq}`,
      action: { value, tag: 'button' },
      host: 'im_message',
      context: { open_message_id: messageId, open_chat_id: `oc_p2p_${openId}` },
    },
  };
}
