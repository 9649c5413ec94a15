import { beforeEach, describe, expect, it } from 'vitest';
import { AttendanceDay } from '../../../db/models/attendance-day.js';
import { useTestApp } from '../../helpers/app.js';
import { click, dm, interact, slackEnv, until, useSlackStub } from '../../helpers/slack.js';

// one app for both (each start seeds the demo company): every test reads only the calls it caused,
// from a person of its own (a question left open to one would take the other's next message)
const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));
beforeEach(() => stub.current.reset());

type Block = { type: string; elements?: { action_id: string; value: string; text: { text: string } }[] };

describe('natural sentences on Slack', () => {
  it('"just got to the office" → a confirmation card → Submit → a check-in, once', async () => {
    const before = await AttendanceDay.countDocuments({ checkInAt: { $ne: null } });
    await dm(app.current.url, 'U_ALICE', 'just got to the office', 'Ev_nat_1');
    const [post] = await stub.current.waitFor('chat.postMessage');
    const blocks = post?.args.blocks as Block[];
    expect(JSON.stringify(blocks)).toContain('Please confirm: Check in');
    const submit = blocks.find((b) => b.type === 'actions')?.elements?.find((e) => e.text.text === 'Submit');
    if (!submit) throw new Error('no Submit button');
    expect(await AttendanceDay.countDocuments({ checkInAt: { $ne: null } })).toBe(before);

    const where = { channel: String(post?.args.channel), ts: '1.1' };
    const said = (words: string) =>
      until(() => stub.current.calls.some((c) => JSON.stringify(c.args).includes(words)));
    await interact(app.current.url, click('U_ALICE', submit.action_id, submit.value, where));
    await said('Checked in at');
    expect(await AttendanceDay.countDocuments({ checkInAt: { $ne: null } })).toBe(before + 1);

    // the same Submit again (a double click, a retry with a new id) changes nothing
    await interact(app.current.url, click('U_ALICE', submit.action_id, submit.value, where));
    await said('already handled');
    expect(await AttendanceDay.countDocuments({ checkInAt: { $ne: null } })).toBe(before + 1);
  });
});

describe('approval forms on Slack', () => {
  it('a leave missing its kind offers the form, opened with the dates already filled in', async () => {
    await dm(app.current.url, 'U_BOB', 'leave next monday family matter', 'Ev_af_1');
    const [post] = await stub.current.waitFor('chat.postMessage');
    const button = post?.args.blocks.find((b: { type: string }) => b.type === 'actions').elements[0];
    expect(JSON.parse(button.value)).toMatchObject({
      intent: 'approvals.leave',
      draft: { reason: 'family matter' },
    });
    await interact(
      app.current.url,
      click('U_BOB', button.action_id, button.value, { channel: String(post?.args.channel), ts: '1.1' }),
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
