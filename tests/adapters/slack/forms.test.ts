import { describe, expect, it } from 'vitest';
import { flows } from '../../../flows/index.js';
import { useTestApp } from '../../helpers/app.js';
import { handled, noteFlow } from '../../helpers/note-flow.js';
import { click, dm, interact, slackEnv, slash, TEAM, until, useSlackStub } from '../../helpers/slack.js';

// The note flow exists only in tests; the approvals forms will take the same paths.
const stub = useSlackStub();
const app = useTestApp(slackEnv(stub), { flows: [...flows, noteFlow] });
const base = () => app.current.url;

const submission = (
  values: Record<string, string>,
  viewId = 'V_NOTE_1',
  metadata = '{"intent":"note.add"}',
) => ({
  type: 'view_submission',
  team: { id: TEAM, domain: 'demo' },
  user: { id: 'U_ALICE', username: 'alice', team_id: TEAM },
  api_app_id: 'A0PNCHHK2',
  token: 'x',
  trigger_id: '1.2.submit',
  view: {
    id: viewId,
    team_id: TEAM,
    type: 'modal',
    callback_id: 'form',
    private_metadata: metadata,
    hash: '1700000000.abc',
    state: {
      values: {
        days: { value: { type: 'number_input', value: values.days ?? null } },
        title: { value: { type: 'plain_text_input', value: values.title ?? null } },
      },
    },
  },
});

describe('Slack modals for command forms', () => {
  it('opens the form at once for a bare slash command', async () => {
    stub.current.reset();
    const trigger = '398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';
    expect((await slash(base(), 'U_ALICE', 'note', { trigger_id: trigger })).status).toBe(200);
    const [open] = await stub.current.waitFor('views.open');
    expect(open?.args).toEqual({
      trigger_id: trigger,
      view: {
        type: 'modal',
        callback_id: 'form',
        private_metadata: '{"intent":"note.add","locale":"en"}',
        title: { type: 'plain_text', text: 'Note' },
        submit: { type: 'plain_text', text: 'Submit' },
        blocks: [
          {
            type: 'input',
            block_id: 'days',
            optional: false,
            label: { type: 'plain_text', text: 'Days' },
            element: { type: 'number_input', action_id: 'value', is_decimal_allowed: true },
          },
          {
            type: 'input',
            block_id: 'title',
            optional: false,
            label: { type: 'plain_text', text: 'Title' },
            element: { type: 'plain_text_input', action_id: 'value', multiline: false },
          },
        ],
      },
    });
    expect(stub.current.of('chat.postMessage')).toEqual([]);
  });

  it('offers a button in a DM, and the click opens the form', async () => {
    stub.current.reset();
    await dm(base(), 'U_ALICE', 'note x', 'Ev_note_dm');
    const [post] = await stub.current.waitFor('chat.postMessage');
    const actions = post?.args.blocks.find((b: { type: string }) => b.type === 'actions');
    expect(actions.elements).toEqual([
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Open the form' },
        action_id: 'form.open#0:en',
        value: 'note.add',
        style: 'primary',
      },
    ]);
    const payload = click('U_ALICE', 'form.open#0', 'note.add', {
      channel: 'D_ALICE',
      ts: '1700000002.000100',
    });
    await interact(base(), payload);
    const [open] = await stub.current.waitFor('views.open');
    expect(open?.args).toMatchObject({ trigger_id: payload.trigger_id, view: { type: 'modal' } });
  });

  it('shows field errors in the modal and handles a corrected submission once', async () => {
    stub.current.reset();
    handled.length = 0;
    const bad = await interact(base(), submission({ days: '-1', title: '' }));
    expect(bad.status).toBe(200);
    expect(bad.json).toEqual({
      response_action: 'errors',
      errors: { days: expect.any(String), title: expect.any(String) },
    });
    expect(handled).toEqual([]);
    const good = await interact(base(), submission({ days: '2', title: 'trip' }));
    expect(good).toMatchObject({ status: 200, text: '' });
    const [post] = await stub.current.waitFor('chat.postMessage');
    expect(post?.args).toMatchObject({ channel: 'U_ALICE', text: 'noted trip' });
    await interact(base(), submission({ days: '2', title: 'trip' }));
    // a later, different submission answered is the signal that the repeat has been dealt with
    await interact(base(), submission({ days: '3', title: 'sentinel' }));
    const texts = () => stub.current.of('chat.postMessage').map((p) => p.args.text);
    await until(() => texts().includes('noted sentinel'));
    expect(texts()).toEqual(['noted trip', 'noted sentinel']);
    expect(handled).toEqual([
      { days: 2, title: 'trip' },
      { days: 3, title: 'sentinel' },
    ]);
  });

  it('refuses a submission of a view that is not one of ours', async () => {
    stub.current.reset();
    const res = await interact(base(), submission({ days: '1', title: 'x' }, 'V_OTHER', 'not json'));
    expect(res.status).toBe(400);
    expect(stub.current.calls).toEqual([]);
  });
});
