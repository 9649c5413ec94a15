import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { click, dm, interact, slackEnv, slash, TEAM, useSlackStub } from '../../helpers/slack.js';

// U_ZHANG is zhang.min, whose own locale is zh-CN; here she writes English.
const stub = useSlackStub();
const app = useTestApp(slackEnv(stub));

type Block = { type: string; text?: { text: string }; elements?: { action_id: string; value: string }[] };
const header = (blocks: Block[]) => blocks.find((b) => b.type === 'header')?.text?.text ?? '';
const fieldsText = (blocks: Block[]) => JSON.stringify(blocks.filter((b) => b.type === 'section'));

describe('Slack: buttons and forms answer in the language they were shown in', () => {
  it('a button on an English card, clicked by a Chinese-speaking person, answers in English', async () => {
    await dm(app.current.url, 'U_ZHANG', 'help', 'Ev_lang_1');
    const [post] = await stub.current.waitFor('chat.postMessage');
    expect(header(post?.args.blocks)).toMatch(/What I can do$/);
    const blocks: Block[] = post?.args.blocks ?? [];
    const first = blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(first?.action_id).toBe('help.topic#0:en');
    expect(first?.value).toBe('approvals');

    stub.current.reset();
    const message = { channel: String(post?.args.channel), ts: '7.1' };
    await interact(app.current.url, click('U_ZHANG', String(first?.action_id), 'approvals', message));
    const [answer] = await stub.current.waitFor('chat.postMessage');
    expect(header(answer?.args.blocks)).toMatch(/Approvals$/);

    // a card posted before buttons carried a language: her own
    stub.current.reset();
    await interact(app.current.url, click('U_ZHANG', 'help.topic#0', 'approvals', message));
    const [old] = await stub.current.waitFor('chat.postMessage');
    expect(header(old?.args.blocks)).toMatch(/审批$/);
  });

  it('a form opened from English is in English, keeps its language, and its submission answers in it', async () => {
    stub.current.reset();
    await slash(app.current.url, 'U_ZHANG', 'expense');
    const [open] = await stub.current.waitFor('views.open');
    const view = open?.args.view;
    expect(view.title.text).toBe('Expense');
    expect(view.submit.text).toBe('Submit');
    expect(JSON.parse(view.private_metadata)).toEqual({ intent: 'approvals.expense', locale: 'en' });

    stub.current.reset();
    const values = { amount: '42', category: 'taxi', reason: 'to the airport' };
    const submitted = await interact(app.current.url, {
      type: 'view_submission',
      team: { id: TEAM, domain: 'demo' },
      user: { id: 'U_ZHANG', username: 'u_zhang', team_id: TEAM },
      view: {
        id: 'V_LANG_1',
        private_metadata: view.private_metadata,
        state: {
          values: Object.fromEntries(
            Object.entries(values).map(([k, v]) => [k, { value: { type: 'plain_text_input', value: v } }]),
          ),
        },
      },
    });
    expect(submitted.status).toBe(200);
    const [reply] = await stub.current.waitFor('chat.postMessage');
    expect(header(reply?.args.blocks)).toMatch(/Expense AP-\d+ · 张敏$/);
    expect(fieldsText(reply?.args.blocks)).toContain('42.00 CNY');
  });
});
