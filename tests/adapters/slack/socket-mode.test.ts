import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { ProcessedEvent } from '../../../db/models/processed-event.js';
import { useTestApp } from '../../helpers/app.js';
import {
  BOT_TOKEN,
  click,
  eventCallback,
  imEvent,
  slackEnv,
  slashFields,
  until,
  useSlackStub,
} from '../../helpers/slack.js';
import { type Modal, viewSubmission } from '../../helpers/slack-modal.js';
import { useSlackSocket } from '../../helpers/slack-socket.js';

// Socket Mode end to end: bolt's own SocketModeClient asks the Web API stub for a URL
// (apps.connections.open, with the app token), connects to the local socket end, and every
// envelope goes through the same handler as HTTP; its answer travels back as the ack.
const APP_TOKEN = 'xapp-1-A0PNCHHK2-0000-test';
const stub = useSlackStub();
const socket = useSlackSocket(stub);
const env = slackEnv(stub);
Object.defineProperty(env, 'SLACK_APP_TOKEN', { value: APP_TOKEN, enumerable: true });
useTestApp(env);

const headerOf = (args: Record<string, any>) =>
  (args.blocks as { type: string; text: { text: string } }[] | undefined)?.find((b) => b.type === 'header')
    ?.text.text;
const postsTo = (channel: string) =>
  stub.current.of('chat.postMessage').filter((c) => c.args.channel === channel);

describe('Slack Socket Mode', () => {
  it('connects with the app token through apps.connections.open, the Web API with the bot token', () => {
    const [open] = stub.current.of('apps.connections.open');
    expect(open?.token).toBe(APP_TOKEN);
    expect(stub.current.of('auth.test')[0]?.token).toBe(BOT_TOKEN);
    expect(socket.current.connections).toHaveLength(1);
  });

  it('an events_api envelope: acked with nothing, answered by the Web API, a redelivery handled once', async () => {
    const body = eventCallback('Ev_sock_1', imEvent('U_ALICE', 'help'));
    const ack = await socket.current.send('events_api', body, { envelopeId: 'env-ev-1' });
    expect(ack).toEqual({ envelope_id: 'env-ev-1', payload: {} });
    const [post] = await until(() => postsTo('D_ALICE').length > 0 && postsTo('D_ALICE'));
    expect(headerOf(post?.args ?? {})).toBe('ℹ️ What I can do');
    expect(post?.token).toBe(BOT_TOKEN);

    // Slack redelivers an envelope it saw no ack for, with a new envelope id and retry_attempt
    const events = await ProcessedEvent.countDocuments({});
    expect(await socket.current.send('events_api', body, { retryAttempt: 1 })).toMatchObject({
      payload: {},
    });
    await socket.current.send('events_api', eventCallback('Ev_sock_2', imEvent('U_ALICE', 'whoami')));
    await until(() => postsTo('D_ALICE').length >= 2);
    expect(postsTo('D_ALICE')).toHaveLength(2);
    expect(await ProcessedEvent.countDocuments({})).toBe(events + 1);
  });

  it('a slash_commands envelope: acked at once, the reply posted to the person', async () => {
    const ack = await socket.current.send('slash_commands', slashFields('U_BOB', 'help'));
    expect(ack.payload).toEqual({});
    const [post] = await until(() => postsTo('U_BOB').length > 0 && postsTo('U_BOB'));
    expect(headerOf(post?.args ?? {})).toBe('ℹ️ What I can do');
  });

  it('an interactive envelope for a button click: the action runs and answers', async () => {
    stub.current.reset();
    const payload = click('U_ZHANG', 'help.topic#0:zh-CN', 'org', {
      channel: 'D_ZHANG',
      ts: '1700000001.000100',
    });
    const ack = await socket.current.send('interactive', payload);
    expect(ack.payload).toEqual({});
    const [post] = await until(() => postsTo('D_ZHANG').length > 0 && postsTo('D_ZHANG'));
    expect(headerOf(post?.args ?? {})).toContain('个人');
  });

  it('a modal: field errors go back in the ack (response_action), a good submission files the request', async () => {
    stub.current.reset();
    const trigger = '1700000002.1.sock';
    await socket.current.send('slash_commands', slashFields('U_BOB', 'expense', { trigger_id: trigger }));
    const [open] = await stub.current.waitFor('views.open');
    expect(open?.args.trigger_id).toBe(trigger);
    const view = open?.args.view as Modal;
    const viewId = String(open?.result?.view.id);
    const expenses = () => ApprovalRequest.countDocuments({ type: 'expense' });
    const before = await expenses();

    const bad = await socket.current.send(
      'interactive',
      viewSubmission('U_BOB', viewId, view, { amount: '-5', category: 'taxi', reason: '' }),
    );
    expect(bad.payload).toEqual({
      response_action: 'errors',
      errors: { amount: expect.any(String), reason: expect.any(String) },
    });
    expect(await expenses()).toBe(before);

    const good = await socket.current.send(
      'interactive',
      viewSubmission('U_BOB', viewId, view, { amount: '64', category: 'taxi', reason: 'socket ride' }),
    );
    expect(good.payload).toEqual({});
    const filed = await until(() =>
      ApprovalRequest.findOne({ type: 'expense', 'data.reason': 'socket ride' }).lean(),
    );
    expect(filed.data).toMatchObject({ amount: 64, category: 'taxi', reason: 'socket ride' });
    expect(await expenses()).toBe(before + 1);
    await until(() => postsTo('U_BOB').some((c) => JSON.stringify(c.args.blocks).includes(filed.no)));
    expect(socket.current.stray).toEqual([]);
  });
});
