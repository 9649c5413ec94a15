import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { click, dm, interact, slackEnv, useSlackStub } from '../../helpers/slack.js';

const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));

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
});
