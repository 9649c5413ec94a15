import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { type LarkCall, messageEvent, postLarkEvent, useLarkStub } from '../helpers/lark.js';
import { imEvent, postEvent, slackEnv, useSlackStub } from '../helpers/slack.js';

// analytics charts as images: Slack (an uploaded file in an image block) and Lark (an image key in the card)
const TOKEN = 'verification-token-charts';
const env: Record<string, string> = {
  DATA_DIR: mkdtempSync(join(tmpdir(), 'chart-images-')),
  LARK_APP_ID: 'cli_chart',
  LARK_APP_SECRET: 'secret-chart',
  LARK_VERIFICATION_TOKEN: TOKEN,
};
const lark = useLarkStub(env, { ou_li: 'li.wei@demo.example' });
const slack = useSlackStub();
const app = useTestApp(Object.defineProperties(env, Object.getOwnPropertyDescriptors(slackEnv(slack))));

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
type Block = { type: string; slack_file?: { id: string }; alt_text?: string; text?: { text: string } };
const blocksOf = (call: { args: Record<string, any> } | undefined): Block[] => call?.args.blocks ?? [];

describe('chart images on Slack', () => {
  beforeEach(() => slack.current.reset());

  it('uploads the chart once and shows it as an image block beside the numbers', async () => {
    await postEvent(app.current.url, 'Ev_chart_1', imEvent('U_LI', '客户分析 负责人'));
    const [posted] = await slack.current.waitFor('chat.postMessage');
    const [asked] = slack.current.of('files.getUploadURLExternal');
    expect(asked?.args.filename).toBe('chart.png');
    // shared nowhere: the image is for the block, not a file message of its own
    expect(slack.current.of('files.completeUploadExternal')[0]?.args.channel_id).toBeUndefined();
    const bytes = slack.current.of('upload')[0]?.args.bytes as Buffer;
    expect(bytes.includes(PNG)).toBe(true);
    const blocks = blocksOf(posted);
    const image = blocks.find((b) => b.type === 'image');
    expect(image?.slack_file?.id).toBe(asked?.result?.file_id);
    expect(image?.alt_text).toContain('公海');
    // the numbers stay: the body with counts and shares
    expect(blocks.some((b) => b.type === 'section' && /公海\s*\d+/.test(b.text?.text ?? ''))).toBe(true);

    // the same chart again: the upload is reused
    await postEvent(app.current.url, 'Ev_chart_2', imEvent('U_LI', '客户分析 负责人'));
    const [, again] = await slack.current.waitFor('chat.postMessage', 2);
    expect(blocksOf(again).find((b) => b.type === 'image')?.slack_file?.id).toBe(image?.slack_file?.id);
    expect(slack.current.of('files.getUploadURLExternal')).toHaveLength(1);
  });

  it('an upload that fails leaves the card with its numbers only', async () => {
    slack.current.fail('files.getUploadURLExternal', { error: 'internal_error' });
    await postEvent(app.current.url, 'Ev_chart_3', imEvent('U_LI', 'customer analytics by city'));
    const [posted] = await slack.current.waitFor('chat.postMessage');
    const blocks = blocksOf(posted);
    expect(blocks.some((b) => b.type === 'image')).toBe(false);
    expect(blocks[0]?.text?.text).toContain('Customers by city');
    expect(blocks.some((b) => b.type === 'section' && /\d+\.\d%/.test(b.text?.text ?? ''))).toBe(true);
  });

  it('a block Slack refuses while the upload is processed is sent again with the image', async () => {
    slack.current.fail('chat.postMessage', { error: 'invalid_blocks' });
    await postEvent(app.current.url, 'Ev_chart_4', imEvent('U_LI', 'customer analytics by stage'));
    const [first, second] = await slack.current.waitFor('chat.postMessage', 2);
    expect(first?.fault).toEqual({ error: 'invalid_blocks' });
    expect(blocksOf(second).some((b) => b.type === 'image')).toBe(true);
  });
});

describe('chart images on Lark', () => {
  const fromLi = (text: string) =>
    postLarkEvent(app.current.url, '/lark/events', messageEvent({ token: TOKEN, openId: 'ou_li', text }));
  const cardTo = (c: LarkCall) => c.method === 'POST' && c.body?.msg_type === 'interactive';
  const elementsOf = (
    c: LarkCall | undefined,
  ): { tag: string; img_key?: string; alt?: { content: string } }[] =>
    JSON.parse(c?.body.content ?? '{}').elements ?? [];

  it('uploads the chart as a message image and shows it in the card by its key', async () => {
    await fromLi('客户分析 行业');
    const [card] = await lark.current.waitFor(cardTo);
    const upload = lark.current.calls.find((c) => c.path === '/open-apis/im/v1/images');
    expect(String(upload?.body)).toContain('image_type');
    expect(String(upload?.body)).toContain('PNG');
    const img = elementsOf(card).find((e) => e.tag === 'img');
    expect(img?.img_key).toMatch(/^img_stub_/);
    expect(img?.alt?.content).toContain('客户分析');
    expect(elementsOf(card).some((e) => e.tag === 'div')).toBe(true);
  });

  it('an upload that fails leaves the card with its numbers only', async () => {
    lark.current.fail('POST', /\/im\/v1\/images$/, { code: 234001, msg: 'Invalid request param.' });
    await fromLi('customer analytics by age');
    const [, card] = await lark.current.waitFor(cardTo, 2);
    expect(elementsOf(card).some((e) => e.tag === 'img')).toBe(false);
    expect(JSON.parse(card?.body.content).header.title.content).toBe('Customers by age');
  });
});

describe('follow-up trend from the chat', () => {
  const say = (who: string, text: string) =>
    app.current.post('/web/api/messages', { employee: `${who}@demo.example`, text });

  it('typed or said, it answers with 12 weeks and a line chart the web draws', async () => {
    for (const text of ['跟进趋势', 'how many follow-ups per week lately?']) {
      const res = await say('wang.fang', text);
      const card = res.json.replies[0].card;
      expect(card.title).toMatch(/跟进趋势 · 近 12 周|Follow-ups over the last 12 weeks/);
      expect(card.body.split('\n')).toHaveLength(12);
      expect(card.chart.kind).toBe('line');
      expect(card.chart.svg).toMatch(/^<svg/);
    }
    const refused = await say('bob.smith', 'follow-up trend');
    expect(refused.json.replies[0].card).toBeUndefined();
  });
});
