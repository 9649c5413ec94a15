import { describe, expect, it } from 'vitest';
import { useBothPlatforms } from '../helpers/both-platforms.js';
import { cardOf, chatAs, textOf } from '../helpers/chat.js';
import { LARK_TENANT, type LarkCall } from '../helpers/lark.js';
import { TEAM, until } from '../helpers/slack.js';

// The same order card reaches the warehouse manager and the salesperson on Slack and on Lark;
// each platform draws each reader's copy with that reader's buttons only.
const { slack, lark, app, bind } = useBothPlatforms('buttons');
const { say, click } = chatAs(app);

const slackTo = (channel: string, no: string) =>
  until(() =>
    slack.current
      .of('chat.postMessage')
      .filter((c) => c.args.channel === channel && JSON.stringify(c.args.blocks).includes(no))
      .at(-1),
  ).then((c) => JSON.stringify(c.args.blocks));
const larkTo = async (openId: string, no: string, count = 1) => {
  const found = await lark.current.waitFor(
    (c: LarkCall) =>
      c.method === 'POST' && c.body?.receive_id === openId && String(c.body?.content).includes(no),
    count,
  );
  return String(found.at(-1)?.body.content);
};

describe('order cards on Slack and Lark, per reader', () => {
  it('the warehouse manager’s copies carry 开始生产, the owner’s only what is hers', async () => {
    await bind('slack', TEAM, 'U_ZHOU', 'zhou.qiang@demo.example');
    await bind('lark', LARK_TENANT, 'ou_zhou', 'zhou.qiang@demo.example');
    await bind('slack', TEAM, 'U_ALICE', 'alice.chen@demo.example');
    await bind('lark', LARK_TENANT, 'ou_alice', 'alice.chen@demo.example');

    const no = /SO-\d+/.exec(cardOf(await say('alice.chen', 'order Fabrikam SKU-2002x1')).title)?.[0] ?? '';
    expect(no).not.toBe('');
    for (const drawn of [await slackTo('U_ZHOU', no), await larkTo('ou_zhou', no)]) {
      expect(drawn).toContain(`${no} produce`);
      expect(drawn).not.toContain(`${no} cancel`);
    }

    // production started: the owner is told, and her copies offer cancelling, not shipping
    expect(textOf(await click('wu.jun', 'orders.advance', `${no} produce`))).toBe(`${no} → 生产中。`);
    for (const drawn of [await slackTo('U_ALICE', no), await larkTo('ou_alice', no)]) {
      expect(drawn).toContain('in production');
      expect(drawn).toContain(`${no} cancel`);
      expect(drawn).not.toContain(`${no} ship`);
      expect(drawn).not.toContain(`${no} produce`);
    }
  });
});
