import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApprovalRequest } from '../../db/models/approval-request.js';
import { Employee } from '../../db/models/employee.js';
import { Upload } from '../../db/models/upload.js';
import { useTestApp } from '../helpers/app.js';
import { launchChromium } from '../helpers/browser.js';
import { type LarkCall, messageEvent, postLarkEvent, useLarkStub } from '../helpers/lark.js';
import { imEvent, postEvent, slackEnv, until, useSlackStub } from '../helpers/slack.js';

// one app with Slack, Lark and the web chat: a file from each lands on a request the same way
const TOKEN = 'verification-token-attachments';
const env: Record<string, string> = {
  // uploads land in DATA_DIR/uploads: a folder of this run's own
  DATA_DIR: mkdtempSync(join(tmpdir(), 'attachments-')),
  LARK_APP_ID: 'cli_att',
  LARK_APP_SECRET: 'secret-att',
  LARK_VERIFICATION_TOKEN: TOKEN,
};
const lark = useLarkStub(env, { ou_zhang: 'zhang.min@demo.example' });
const slack = useSlackStub();
const app = useTestApp(Object.defineProperties(env, Object.getOwnPropertyDescriptors(slackEnv(slack))));

const ALICE = 'alice.chen@demo.example';
const idOf = async (email: string) => String((await Employee.findOne({ email }).lean().orFail())._id);
const requestOf = (no: string) => ApprovalRequest.findById(no).lean().orFail();
const numberIn = (text: string) => /AP-\d+/.exec(text)?.[0] ?? '';
const cardText = (json: any) => JSON.stringify(json.replies ?? json);

async function upload(employee: string, name: string, bytes: Uint8Array, type = 'application/pdf') {
  const res = await fetch(
    `${app.current.url}/web/api/files?employee=${encodeURIComponent(employee)}&name=${encodeURIComponent(name)}`,
    { method: 'POST', headers: { 'content-type': type }, body: new Blob([bytes as Uint8Array<ArrayBuffer>]) },
  );
  return { status: res.status, json: await res.json() };
}
const say = (text: string, files?: string[], employee = ALICE) =>
  app.current.post('/web/api/messages', { employee, text, ...(files ? { files } : {}) });
const download = (url: string, employee: string) =>
  fetch(`${app.current.url}${url}?employee=${encodeURIComponent(employee)}`);

describe('attachments on requests', () => {
  it('Slack: a file shared with "报销 120 打车" is on the expense and its card', async () => {
    const file = {
      id: 'F0TAXI1',
      name: 'taxi-receipt.pdf',
      url_private: 'https://files.slack.com/files-pri/T0DEMO-F0TAXI1/taxi-receipt.pdf',
      size: 2048,
      mimetype: 'application/pdf',
    };
    const event = { ...imEvent('U_BOB', '报销 120 打车'), subtype: 'file_share', files: [file] };
    await postEvent(app.current.url, 'Ev_att_slack_1', event);
    const reply = await until(() =>
      slack.current
        .of('chat.postMessage')
        .find((c) => c.args.channel === 'D_BOB' && JSON.stringify(c.args.blocks ?? '').includes('AP-')),
    );
    const blocks = JSON.stringify(reply.args.blocks);
    expect(blocks).toContain('taxi-receipt.pdf');
    expect(blocks).toContain(file.url_private);
    const request = await requestOf(numberIn(blocks));
    expect(request).toMatchObject({ type: 'expense', data: { amount: 120, category: 'taxi' } });
    expect(request.attachments).toEqual([
      { name: 'taxi-receipt.pdf', url: file.url_private, platform: 'slack', fileId: 'F0TAXI1' },
    ]);
  });

  it('Lark: a file message waits in the chat and goes onto the next request', async () => {
    const fileEvent = messageEvent({ token: TOKEN, openId: 'ou_zhang', text: '' });
    const message = (fileEvent.event as { message: Record<string, unknown> }).message;
    message.message_type = 'file';
    message.content = JSON.stringify({ file_key: 'file_v2_abc', file_name: '发票.pdf' });
    await postLarkEvent(app.current.url, '/lark/events', fileEvent);
    const toZhang = (c: LarkCall) => c.method === 'POST' && /ou_zhang/.test(String(c.body?.receive_id));
    const cardTo = (c: LarkCall) =>
      toZhang(c) && c.body.msg_type === 'interactive' && /AP-\d+/.test(c.body.content);
    const [held] = await lark.current.waitFor((c) => toZhang(c) && /收到 1 个文件/.test(c.body.content));
    expect(held).toBeDefined();

    const text = messageEvent({ token: TOKEN, openId: 'ou_zhang', text: '报销 80 打车 去机场' });
    await postLarkEvent(app.current.url, '/lark/events', text);
    const [card] = await lark.current.waitFor(cardTo);
    expect(card?.body.content).toContain('发票.pdf');
    const request = await requestOf(numberIn(card?.body.content ?? ''));
    expect(request.attachments).toEqual([
      { name: '发票.pdf', url: null, platform: 'lark', fileId: `${message.message_id}/file_v2_abc` },
    ]);

    // used once: the next request has none
    const again = messageEvent({ token: TOKEN, openId: 'ou_zhang', text: '报销 20 打车 回公司' });
    await postLarkEvent(app.current.url, '/lark/events', again);
    const cards = await lark.current.waitFor(cardTo, 2);
    const second = await requestOf(numberIn(cards[1]?.body.content ?? ''));
    expect(second.attachments).toEqual([]);
  });

  it('web: an upload and a link in the text go onto the request; its readers may download it', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4 hotel invoice');
    const up = await upload(ALICE, '../../etc/hotel\u0007.pdf', bytes);
    expect(up.status).toBe(201);
    expect(up.json).toMatchObject({ platform: 'web', name: 'hotel.pdf', size: bytes.byteLength });
    const res = await say('expense 300 travel hotel in Hangzhou https://example.com/invoices/88.pdf.', [
      up.json.id,
    ]);
    expect(res.status).toBe(200);
    const no = numberIn(cardText(res.json));
    const request = await requestOf(no);
    // the link is an attachment, not part of the reason
    expect(request.data).toMatchObject({ amount: 300, category: 'travel', reason: 'hotel in Hangzhou' });
    expect(request.attachments).toEqual([
      { name: '88.pdf', url: 'https://example.com/invoices/88.pdf', platform: 'link', fileId: null },
      { name: 'hotel.pdf', url: `/web/api/files/${up.json.id}`, platform: 'web', fileId: up.json.id },
    ]);
    expect(cardText(res.json)).toContain(`hotel.pdf /web/api/files/${up.json.id}`);

    const own = await download(up.json.url, ALICE);
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(bytes);
    // Wang Fang, Alice's manager, approves it
    expect(request.waitingFor.map(String)).toContain(await idOf('wang.fang@demo.example'));
    expect((await download(up.json.url, 'wang.fang@demo.example')).status).toBe(200);
    // a warehouse clerk has nothing to do with Alice's expense
    const stranger = await download(up.json.url, 'wu.jun@demo.example');
    expect(stranger.status).toBe(403);
    expect(Buffer.from(await stranger.arrayBuffer()).toString()).not.toContain('hotel invoice');
  });

  it('attach AP-n: the requester adds a link while pending; nobody else can', async () => {
    const res = await say('expense 40 taxi to the client');
    const no = numberIn(cardText(res.json));
    const added = await say(`attach ${no} https://example.com/r/40.png`);
    expect(cardText(added.json)).toContain(`Attached 1 to ${no}`);
    const request = await requestOf(no);
    expect(request.attachments).toEqual([
      { name: '40.png', url: 'https://example.com/r/40.png', platform: 'link', fileId: null },
    ]);
    expect(request.history.at(-1)).toMatchObject({ action: 'attached', comment: '40.png' });

    const other = await say(`attach ${no} https://example.com/r/x.png`, undefined, 'zhang.min@demo.example');
    expect(cardText(other.json)).toContain('Only the requester');
    expect((await requestOf(no)).attachments).toHaveLength(1);
  });

  it('bad input is answered and writes nothing: 11 files, a non-http link, an upload over 10 MB, foreign files', async () => {
    const requests = await ApprovalRequest.countDocuments({});
    const up = await upload(ALICE, 'a.txt', new TextEncoder().encode('a'), 'text/plain');
    const eleven = await say('expense 50 taxi airport', Array(11).fill(up.json.id));
    expect(cardText(eleven.json)).toContain('At most 10 attachments (11 here)');

    const ftp = await say('报销 50 打车 ftp://files.example/r.pdf');
    expect(cardText(ftp.json)).toContain('只能附上 http(s) 链接');
    const js = await say('attach AP-1001 javascript://alert(1)');
    expect(cardText(js.json)).toContain('Only http(s) links');

    const uploads = await Upload.countDocuments({});
    const big = await upload(ALICE, 'big.bin', new Uint8Array(10 * 1024 * 1024 + 1));
    expect(big.status).toBe(413);
    expect(big.json.error).toMatch(/too large/);
    expect(await Upload.countDocuments({})).toBe(uploads);

    // someone else's upload cannot be sent as one's own
    const foreign = await say('expense 50 taxi airport', [up.json.id], 'zhang.min@demo.example');
    expect(foreign.status).toBe(400);
    expect(await ApprovalRequest.countDocuments({})).toBe(requests);
  });
});

describe('attachments from the /web page in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a chosen file goes up with a free sentence, is kept with the confirmation and lands on Submit', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.current.url}/web`);
    await page.locator(`#who option[value="${ALICE}"]`).waitFor({ state: 'attached' });
    await page.selectOption('#who', ALICE);
    await page.setInputFiles('#files', {
      name: 'taxi.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not really a png'),
    });
    await page.fill('#text', 'I paid 86 dollars for a taxi to the Contoso office, can I get that back?');
    await page.press('#text', 'Enter');
    const card = page.locator('.card').last();
    await expect.poll(() => card.locator('h3').textContent()).toMatch(/^Please confirm:/);
    await expect
      .poll(() => card.locator('dd').allTextContents())
      .toContainEqual(expect.stringMatching(/^taxi\.png /));
    await card.getByRole('button', { name: 'Submit' }).click();
    const filed = page.locator('.card').last();
    await expect.poll(() => filed.locator('h3').textContent()).toMatch(/^Expense AP-\d+/);
    const no = numberIn((await filed.locator('h3').textContent()) ?? '');
    const request = await requestOf(no);
    expect(request.attachments).toMatchObject([{ name: 'taxi.png', platform: 'web' }]);
    const got = await download(request.attachments?.[0]?.url ?? '', ALICE);
    expect(await got.text()).toBe('not really a png');
    await page.close();
  });
});
