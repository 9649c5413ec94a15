import { describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../../db/models/approval-request.js';
import { useTestApp } from '../../helpers/app.js';
import { cardOf, chatAs, noOf } from '../../helpers/chat.js';
import { click, dm, interact, slackEnv, TEAM, until, useSlackStub } from '../../helpers/slack.js';

const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));
const { say } = chatAs(app);

const submit = (user: string, intent: string, values: Record<string, string>, viewId: string) => ({
  type: 'view_submission',
  team: { id: TEAM, domain: 'demo' },
  user: { id: user, username: user.toLowerCase(), team_id: TEAM },
  api_app_id: 'A0PNCHHK2',
  token: 'x',
  trigger_id: '1.2.submit',
  view: {
    id: viewId,
    team_id: TEAM,
    type: 'modal',
    callback_id: 'form',
    private_metadata: JSON.stringify({ intent }),
    hash: `${viewId}.hash`,
    state: {
      values: Object.fromEntries(
        Object.entries(values).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }]),
      ),
    },
  },
});

describe('approval forms on Slack', () => {
  it('a leave missing its kind offers the form, opened with the dates already filled in', async () => {
    await dm(app.current.url, 'U_ALICE', 'leave next monday family matter', 'Ev_af_1');
    const [post] = await stub.current.waitFor('chat.postMessage');
    const button = post?.args.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
    expect(JSON.parse(button.value)).toMatchObject({
      intent: 'approvals.leave',
      draft: { reason: 'family matter' },
    });
    await interact(
      app.current.url,
      click('U_ALICE', button.action_id, button.value, { channel: String(post?.args.channel), ts: '1.1' }),
    );
    const [open] = await stub.current.waitFor('views.open');
    const blocks = open?.args.view.blocks as { block_id: string; element: Record<string, unknown> }[];
    const from = blocks.find((b) => b.block_id === 'from')?.element;
    expect(from).toMatchObject({
      type: 'datepicker',
      initial_date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(blocks.find((b) => b.block_id === 'reason')?.element).toMatchObject({
      initial_value: 'family matter',
    });
  });

  it('Reject opens a form for the reason; an empty reason is refused in the form, a real one rejects', async () => {
    stub.current.reset();
    const no = noOf(cardOf(await say('bob.smith', 'expense 30 taxi airport')));
    await interact(
      app.current.url,
      click('U_CHEN', 'approvals.reject#1', no, { channel: 'DCHEN', ts: '2.2' }),
    );
    const [open] = await stub.current.waitFor('views.open');
    expect(open?.args.view.private_metadata).toContain('approvals.reject');
    const noField = (
      (open?.args.view.blocks ?? []) as { block_id: string; element: { initial_value?: string } }[]
    ).find((b) => b.block_id === 'no');
    expect(noField?.element.initial_value).toBe(no);

    const empty = await interact(
      app.current.url,
      submit('U_CHEN', 'approvals.reject', { no, reason: '' }, 'V_REJ_1'),
    );
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { reason: expect.any(String) } });
    expect((await ApprovalRequest.findOne({ no }).lean())?.status).toBe('pending');

    const real = await interact(
      app.current.url,
      submit('U_CHEN', 'approvals.reject', { no, reason: 'use the shuttle' }, 'V_REJ_2'),
    );
    expect(real.status).toBe(200);
    await until(async () => (await ApprovalRequest.findOne({ no }).lean())?.status === 'rejected');
  });
});
