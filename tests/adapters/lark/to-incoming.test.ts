import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCardAction, toIncoming } from '../../../adapters/lark/to-incoming.js';

/** The SDK hands handlers `{...header, ...event}`; the fixture is the documented envelope. */
const fixture = JSON.parse(readFileSync('tests/fixtures/lark/lark_im_message_receive_v1_group.json', 'utf8'));
const flat = (e: any) => ({ schema: e.schema, ...e.header, ...e.event });
const at = new Date('2026-12-01T01:00:00Z');
const mentioned = fixture.event.message.mentions[0].id.open_id;

describe('toIncoming', () => {
  it('turns the documented group message into a neutral Incoming, mention stripped', () => {
    expect(toIncoming(flat(fixture), mentioned, at)).toEqual({
      platform: 'lark',
      tenant: '2ca1d211f64f6438',
      platformUserId: 'ou_84aad35d084aa403a838cf73ee18467',
      chat: { id: 'oc_5ce6d572455d361153b7xx51da133945', kind: 'group' },
      text: 'hello',
      messageId: '5e3702a84e847582be8db7fb73283c02',
      receivedAt: at,
    });
  });

  it('stays quiet in a group when the @mention is someone else, and for apps', () => {
    expect(toIncoming(flat(fixture), 'ou_the_bot', at)).toBeNull();
    expect(toIncoming(flat(fixture), null, at)).toBeNull();
    const fromApp = structuredClone(fixture);
    fromApp.event.sender.sender_type = 'app';
    expect(toIncoming(flat(fromApp), mentioned, at)).toBeNull();
  });

  it('reads post messages, keeps other people as @name, ignores images', () => {
    const post = structuredClone(fixture);
    post.event.message.message_type = 'post';
    post.event.message.chat_type = 'p2p';
    post.event.message.content = JSON.stringify({
      zh_cn: {
        title: 'ignored',
        content: [
          [
            { tag: 'text', text: '请假 明天 ' },
            { tag: 'at', user_id: '@_user_1' },
          ],
          [{ tag: 'a', text: 'link', href: 'x' }],
        ],
      },
    });
    expect(toIncoming(flat(post), 'ou_bot', at)?.text).toBe('请假 明天 @Tom\nlink');
    const image = structuredClone(post);
    image.event.message.message_type = 'image';
    expect(toIncoming(flat(image), 'ou_bot', at)).toBeNull();
  });

  it('uses the v1 uuid when there is no event_id', () => {
    const v1 = { ...flat(fixture), event_id: undefined, uuid: 'uuid-1' };
    expect(toIncoming(v1, mentioned, at)?.messageId).toBe('uuid-1');
  });
});

describe('toCardAction', () => {
  const classic = JSON.parse(readFileSync('tests/fixtures/lark/lark_card_action_v1_old.json', 'utf8'));

  it('refuses a value our renderer did not make (the documented {key: value})', () => {
    expect(toCardAction(classic)).toEqual({ error: 'malformed button value' });
    expect(toCardAction({ ...classic, action: { value: 'not json' } })).toHaveProperty('error');
    expect(toCardAction({ ...classic, action: { value: { actionId: '' } } })).toHaveProperty('error');
  });

  it('reads our {actionId, value} from the classic callback, one event id per click token', () => {
    const action = toCardAction({ ...classic, action: { value: { actionId: 'help.topic', value: 'org' } } });
    expect(action).toEqual({
      platform: 'lark',
      tenant: 'd32004232',
      platformUserId: 'ou_sdfimx9948345',
      actionId: 'help.topic',
      value: 'org',
      eventId: 'card:om_abcdefg1234567890:c-xxxxx',
      message: { platform: 'lark', channelId: '', messageId: 'om_abcdefg1234567890' },
    });
  });

  it("reads the button's language back; one we never render is refused", () => {
    const value = (locale: unknown) => ({
      ...classic,
      action: { value: { actionId: 'help.topic', value: 'org', locale } },
    });
    expect(toCardAction(value('en'))).toMatchObject({ actionId: 'help.topic', locale: 'en' });
    expect(toCardAction(value(undefined))).not.toHaveProperty('locale');
    expect(toCardAction(value('fr'))).toEqual({ error: 'malformed button value' });
  });
});
