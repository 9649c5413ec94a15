import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { Employee } from '../../../db/models/employee.js';
import { Identity } from '../../../db/models/identity.js';
import { ProcessedEvent } from '../../../db/models/processed-event.js';
import { useTestApp } from '../../helpers/app.js';
import { testSeconds } from '../../helpers/clock.js';
import {
  click,
  dm,
  interact,
  mention,
  postEvent,
  signedPost,
  slackEnv,
  slash,
  TEAM,
  until,
  useSlackStub,
} from '../../helpers/slack.js';

const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));
const base = () => app.current.url;
const headerOf = (call: { args: Record<string, any> }) => call.args.blocks?.[0]?.text?.text;
const writes = async () => ({
  events: await ProcessedEvent.countDocuments({}),
  identities: await Identity.countDocuments({}),
});

// chen.jie is the sentinel: bound once here, so a DM of theirs costs one post and one event
beforeAll(async () => {
  await dm(base(), 'U_CHEN', 'whoami', 'Ev_sentinel_bind');
  await until(() => sentinelAnswers().length > 0);
});
const sentinelAnswers = () => stub.current.of('chat.postMessage').filter((c) => c.args.channel === 'D_CHEN');
let sentinels = 0;
/**
 * Work runs in the background after the ack, so "nothing happened" is only known once something
 * sent later has been answered: sends chen.jie's DM, waits for its reply, and gives back every
 * Slack call except that reply.
 */
async function afterSentinel() {
  const seen = sentinelAnswers().length;
  await dm(base(), 'U_CHEN', 'whoami', `Ev_sentinel_${++sentinels}`);
  const answer = await until(() => sentinelAnswers()[seen]);
  return stub.current.calls.filter((c) => c !== answer);
}
/** No Slack API call and no write for what came before the sentinel. */
async function expectNothingDone(before: Awaited<ReturnType<typeof writes>>) {
  expect(await afterSentinel()).toEqual([]);
  expect(await writes()).toEqual({ ...before, events: before.events + 1 });
}

describe('Slack Events API, signed, over HTTP', () => {
  it('answers url_verification with the challenge', async () => {
    const body = JSON.stringify({ token: 't', challenge: '3eZbrw1aBm2rZgRN', type: 'url_verification' });
    const res = await signedPost(`${base()}/slack/events`, body, 'application/json');
    expect(res).toMatchObject({ status: 200, json: { challenge: '3eZbrw1aBm2rZgRN' } });
  });

  it('answers 帮助 by DM with a Block Kit card, binding the first-seen user once', async () => {
    stub.current.reset();
    const res = await dm(base(), 'U_LI', '帮助', 'Ev_help_1');
    expect(res.status).toBe(200);
    const [post] = await stub.current.waitFor('chat.postMessage');
    expect(post?.token).toBe('xoxb-test-token');
    expect(post?.args).toMatchObject({ channel: 'D_LI', text: '我能帮你做这些' });
    expect(post?.args.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'ℹ️ 我能帮你做这些' },
    });
    const buttons = post?.args.blocks.find((b: { type: string }) => b.type === 'actions').elements;
    expect(buttons[0]).toEqual({
      type: 'button',
      text: { type: 'plain_text', text: expect.any(String) },
      action_id: 'help.topic#0:zh-CN',
      value: expect.any(String),
    });
    const li = await Employee.findOne({ email: 'li.wei@demo.example' }).lean();
    expect(await Identity.findOne({ platform: 'slack', teamId: TEAM, userId: 'U_LI' }).lean()).toMatchObject({
      employeeId: li?._id,
    });
    await dm(base(), 'U_LI', 'help', 'Ev_help_2');
    await stub.current.waitFor('chat.postMessage', 2);
    expect(headerOf(stub.current.of('chat.postMessage')[1] as never)).toBe('ℹ️ What I can do');
    expect(stub.current.of('users.info')).toEqual([expect.objectContaining({ args: { user: 'U_LI' } })]);
  });

  it('answers an @mention in its thread, with the mention stripped', async () => {
    stub.current.reset();
    await mention(base(), 'U_LI', 'help', 'Ev_mention_1', '1700000000.000200');
    const [post] = await stub.current.waitFor('chat.postMessage');
    expect(post?.args).toMatchObject({ channel: 'C_GENERAL', thread_ts: '1700000000.000200' });
    expect(headerOf(post as never)).toBe('ℹ️ What I can do');
  });

  it('ignores bot messages, edits and channel chatter, and still acks them', async () => {
    stub.current.reset();
    const before = await writes();
    const im = { type: 'message', channel: 'D_LI', ts: '1.2', channel_type: 'im', text: 'help' };
    for (const [id, event] of [
      ['Ev_bot', { ...im, bot_id: 'B1', user: 'U0BOT' }],
      ['Ev_edit', { ...im, subtype: 'message_changed', user: 'U_LI' }],
      ['Ev_chan', { ...im, channel_type: 'channel', channel: 'C1', user: 'U_LI' }],
      ['Ev_react', { type: 'reaction_added', user: 'U_LI', reaction: 'x' }],
    ] as const) {
      expect((await postEvent(base(), id, event)).status).toBe(200);
    }
    await expectNothingDone(before);
  });

  it('tells a Slack user with no employee how to get access, and binds nothing', async () => {
    stub.current.reset();
    await dm(base(), 'U_STRANGER', 'help', 'Ev_stranger');
    const [post] = await stub.current.waitFor('chat.postMessage');
    expect(post?.args.text).toMatch(/^I don't know you yet/);
    expect(await Identity.countDocuments({ userId: 'U_STRANGER' })).toBe(0);
    expect(await ProcessedEvent.countDocuments({ eventId: `${TEAM}:Ev_stranger` })).toBe(0);
    // in a channel only the stranger sees it
    await mention(base(), 'U_STRANGER', 'help', 'Ev_stranger_2', '1700000000.000300');
    const [eph] = await stub.current.waitFor('chat.postEphemeral');
    expect(eph?.args).toMatchObject({ channel: 'C_GENERAL', user: 'U_STRANGER' });
  });

  it("handles Slack's documented message.im envelope as sent (its user has no e-mail here)", async () => {
    stub.current.reset();
    const raw = readFileSync(
      new URL('../../fixtures/slack/slack_event_message_im.json', import.meta.url),
      'utf8',
    );
    expect((await signedPost(`${base()}/slack/events`, raw, 'application/json')).status).toBe(200);
    const [post] = await stub.current.waitFor('chat.postMessage');
    expect(post?.args).toMatchObject({
      channel: 'D024BE91L',
      text: expect.stringMatching(/^I don't know you yet/),
    });
    expect(stub.current.of('users.info')[0]?.args).toEqual({ user: 'U2147483697' });
  });

  it('refuses a bad signature or a stale timestamp with 401, doing nothing', async () => {
    stub.current.reset();
    const before = await writes();
    const badSecret = await dm(base(), 'U_BOB', 'help', 'Ev_forged', { secret: 'not-the-secret-at-all' });
    const stale = await dm(base(), 'U_BOB', 'help', 'Ev_stale', {
      timestamp: testSeconds() - 301,
    });
    const future = await dm(base(), 'U_BOB', 'help', 'Ev_future', {
      timestamp: testSeconds() + 301,
    });
    const unsigned = await fetch(`${base()}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"url_verification","challenge":"x"}',
    });
    for (const res of [badSecret, stale, future])
      expect(res).toMatchObject({ status: 401, json: { error: 'invalid signature' } });
    expect(unsigned.status).toBe(401);
    // Slack's unsigned certificate check only needs a 200, and does nothing
    const sslCheck = await fetch(`${base()}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl_check=1&token=x',
    });
    expect(sslCheck.status).toBe(200);
    await expectNothingDone(before);
  });

  it('refuses malformed payloads with 400, writing nothing', async () => {
    stub.current.reset();
    const before = await writes();
    const url = `${base()}/slack/events`;
    const form = 'application/x-www-form-urlencoded';
    const cases = [
      await signedPost(url, '{not json', 'application/json'),
      await signedPost(
        url,
        JSON.stringify({ type: 'event_callback', team_id: TEAM, event: {} }),
        'application/json',
      ),
      await signedPost(url, 'payload=%7Bnot', form),
      await signedPost(url, `payload=${encodeURIComponent('{"type":"block_actions","actions":[]}')}`, form),
      await signedPost(url, 'command=%2Fassistant&text=help', form),
      await signedPost(url, JSON.stringify([1, 2]), 'application/json'),
      await signedPost(url, 'help', 'text/plain'),
    ];
    for (const res of cases) expect(res.status).toBe(400);
    expect(cases[1]?.json).toEqual({ error: expect.stringMatching(/^event_id: /) });
    await expectNothingDone(before);
  });

  it('acks before a slow Slack API or database answers', async () => {
    stub.current.reset();
    stub.current.delays['users.info'] = 1500;
    const res = await slash(base(), 'U_ZHANG', 'help');
    // acked while users.info, which the reply needs first, is still unanswered
    expect(res.status).toBe(200);
    expect(stub.current.of('chat.postMessage')).toHaveLength(0);
    await stub.current.waitFor('chat.postMessage');
  });
});

describe('Slack slash command and card buttons', () => {
  it('answers /assistant help and a bare /assistant with the help card', async () => {
    stub.current.reset();
    const res = await slash(base(), 'U_BOB', 'help');
    expect(res).toMatchObject({ status: 200, text: '' });
    await slash(base(), 'U_BOB', '');
    const posts = await stub.current.waitFor('chat.postMessage', 2);
    for (const post of posts) {
      expect(post.args.channel).toBe('U_BOB');
      expect(headerOf(post)).toBe('ℹ️ What I can do');
    }
    stub.current.reset();
    // another app's command reaching this endpoint is acked and left alone
    expect((await slash(base(), 'U_BOB', 'help', { command: '/other' })).status).toBe(200);
    expect(await afterSentinel()).toEqual([]);
  });

  it('answers a help.topic click with the topic card', async () => {
    stub.current.reset();
    const res = await interact(
      base(),
      click('U_BOB', 'help.topic#1', 'org', { channel: 'D_BOB', ts: '1700000001.000100' }),
    );
    expect(res.status).toBe(200);
    const [post] = await stub.current.waitFor('chat.postMessage');
    expect(post?.args.channel).toBe('D_BOB');
    expect(headerOf(post as never)).toBe('ℹ️ Me');
    // a redelivered click (same action_ts) is not handled twice
    const payload = click('U_BOB', 'help.topic#1', 'org', { channel: 'D_BOB', ts: '1700000001.000100' });
    await interact(base(), payload);
    await interact(base(), payload);
    await stub.current.waitFor('chat.postMessage', 2);
    expect((await afterSentinel()).filter((c) => c.method === 'chat.postMessage')).toHaveLength(2);
  });

  it('notifies a Slack-bound employee in Slack and the web inbox, and updates the copy', async () => {
    stub.current.reset(); // so the wait below is for this whoami's reply, not an earlier test's
    await slash(base(), 'U_BOB', 'whoami');
    await until(async () => Identity.exists({ userId: 'U_BOB' }));
    await stub.current.waitFor('chat.postMessage'); // the whoami reply, so it cannot land after the reset
    stub.current.reset();
    const bob = await Employee.findOne({ email: 'bob.smith@demo.example' }).lean();
    const card = {
      title: 'Leave request',
      fields: [['Days', '2']] as [string, string][],
      body: 'family',
      actions: [],
    };
    const refs = await app.current.notify(String(bob?._id), { card });
    const slackRef = refs.find((r) => r.platform === 'slack');
    // the copy names its reader, so an update keeps to the buttons Bob may press
    expect(slackRef).toEqual({
      platform: 'slack',
      channelId: 'D_BOB',
      messageId: expect.any(String),
      reader: String(bob?._id),
    });
    expect(refs.map((r) => r.platform).sort()).toEqual(['slack', 'web']);
    expect(stub.current.of('chat.postMessage')[0]?.args).toMatchObject({
      channel: 'U_BOB',
      text: 'Leave request',
    });
    const inbox = await app.current.get('/web/api/inbox?employee=bob.smith@demo.example');
    expect(inbox.json.messages.at(-1).reply).toEqual({ card });
    await app.current.update(slackRef as never, { card: { ...card, status: 'approved' } });
    expect(stub.current.of('chat.update')[0]?.args).toMatchObject({
      channel: 'D_BOB',
      ts: slackRef?.messageId,
      text: 'Leave request',
    });
    expect(stub.current.of('chat.update')[0]?.args.blocks[0]).toMatchObject({
      type: 'header',
      text: { text: '✅ Leave request' },
    });
    await app.current.update(slackRef as never, { text: 'Approved' });
    expect(stub.current.of('chat.update')[1]?.args).toMatchObject({ text: 'Approved', blocks: [] });
  });
});
