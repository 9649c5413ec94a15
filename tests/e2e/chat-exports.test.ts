import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { Upload } from '../../db/models/upload.js';
import { useTestApp } from '../helpers/app.js';
import { type LarkCall, messageEvent, postLarkEvent, useLarkStub } from '../helpers/lark.js';
import { imEvent, postEvent, slackEnv, useSlackStub } from '../helpers/slack.js';

// exports asked for in the chat: web (a link only the asker may follow) and Slack (a DM upload)
const TOKEN = 'verification-token-exports';
const env: Record<string, string> = {
  DATA_DIR: mkdtempSync(join(tmpdir(), 'chat-exports-')),
  LARK_APP_ID: 'cli_exp',
  LARK_APP_SECRET: 'secret-exp',
  LARK_VERIFICATION_TOKEN: TOKEN,
};
const lark = useLarkStub(env, { ou_sun: 'sun.li@demo.example' });
const slack = useSlackStub();
const app = useTestApp(Object.defineProperties(env, Object.getOwnPropertyDescriptors(slackEnv(slack))));

const at = (who: string) => `${who}@demo.example`;
const say = (who: string, text: string) => app.current.post('/web/api/messages', { employee: at(who), text });
const download = (url: string, who: string) =>
  fetch(`${app.current.url}${url}?employee=${encodeURIComponent(at(who))}`);
const linkIn = (text: string) => /\/web\/api\/files\/[\w-]+/.exec(text)?.[0] ?? '';

async function firstSheet(bytes: ArrayBuffer) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  const sheet = book.worksheets[0] as ExcelJS.Worksheet;
  const rows = sheet.getSheetValues().filter(Boolean) as ExcelJS.CellValue[][];
  return { name: sheet.name, rows };
}

describe('exports from the chat', () => {
  it('web: HR gets a link to the month workbook; only they may download it', async () => {
    const res = await say('sun.li', '导出考勤 2026-11');
    expect(res.status).toBe(200);
    const [reply] = res.json.replies;
    expect(reply.file).toBeUndefined();
    expect(reply.text).toContain('全员 2026-11 的考勤表');
    const link = linkIn(reply.text);
    expect(link).not.toBe('');

    const mine = await download(link, 'sun.li');
    expect(mine.status).toBe(200);
    expect(mine.headers.get('content-disposition')).toContain('attendance-2026-11.xlsx');
    const sheet = await firstSheet(await mine.arrayBuffer());
    expect(sheet.name).toBe('考勤 2026-11');
    expect(sheet.rows[0]?.slice(1, 4)).toEqual(['日期', '邮箱', '姓名']);
    // every employee's 30 days of November, after the header
    expect(sheet.rows.length).toBeGreaterThan(30);

    expect((await download(link, 'bob.smith')).status).toBe(403);
  });

  it('web: a manager exports their own department in English, and no other', async () => {
    const res = await say('wang.fang', 'export attendance 2026-11');
    const link = linkIn(res.json.replies[0].text);
    expect(res.json.replies[0].text).toContain('Attendance for 2026-11, Sales:');
    const sheet = await firstSheet(await (await download(link, 'wang.fang')).arrayBuffer());
    expect(sheet.name).toBe('Attendance 2026-11');
    const departments = new Set(sheet.rows.slice(1).map((r) => r[4]));
    expect([...departments]).toEqual(['Sales']);

    const other = await say('wang.fang', 'export attendance 2026-11 Engineering');
    expect(other.json.replies[0].text).toMatch(/only their own department/);
  });

  it('a free sentence names the month; without one the bot asks for it', async () => {
    const res = await say('sun.li', '把上个月的考勤导出来给我');
    expect(res.json.replies[0].text).toContain('全员 2026-11 的考勤表');
    expect(linkIn(res.json.replies[0].text)).not.toBe('');
    const vague = await say('sun.li', 'can I get the attendance spreadsheet?');
    expect(vague.json.replies[0].text).toContain('Which month should I export?');
  });

  it('someone not allowed is refused and nothing is produced', async () => {
    const before = await Upload.countDocuments();
    const res = await say('bob.smith', '导出考勤 2026-11');
    expect(res.json.replies).toHaveLength(1);
    expect(res.json.replies[0].text).toMatch(/只有人事、管理员或经理/);
    expect(linkIn(res.json.replies[0].text)).toBe('');
    expect(await Upload.countDocuments()).toBe(before);
  });

  it('a bad or future month gets a friendly reply with the usage, and no file', async () => {
    const before = await Upload.countDocuments();
    const bad = await say('sun.li', '导出考勤 2026-13');
    expect(bad.json.replies[0].text).toContain('“2026-13”不是有效的月份');
    expect(bad.json.replies[0].text).toContain('导出考勤 <月份> [部门]');
    const future = await say('sun.li', 'export attendance 2027-03');
    expect(future.json.replies[0].text).toContain('2027-03 has not started yet');
    expect(future.json.replies[0].text).toContain('export attendance <month> [department]');
    expect(await Upload.countDocuments()).toBe(before);
  });

  it('follow-ups: admins and sales managers get the range as a workbook; sales alone are refused', async () => {
    const res = await say('wang.fang', '导出跟进 2026-11-01 2026-11-30');
    expect(res.json.replies[0].text).toContain('2026-11-01 至 2026-11-30 的跟进记录');
    const got = await download(linkIn(res.json.replies[0].text), 'wang.fang');
    expect(got.headers.get('content-disposition')).toContain('followups-2026-11-01-2026-11-30.xlsx');
    const sheet = await firstSheet(await got.arrayBuffer());
    expect(sheet.name).toBe('跟进记录');
    expect(sheet.rows[0]?.slice(1, 3)).toEqual(['时间 (UTC)', '客户']);

    const before = await Upload.countDocuments();
    const refused = await say('alice.chen', 'export follow-ups 2026-11-01 2026-11-30');
    expect(refused.json.replies[0].text).toBe('Only admins and sales managers can export follow-ups.');
    const backwards = await say('li.wei', '导出跟进 2026-11-30 2026-11-01');
    expect(backwards.json.replies[0].text).toContain('to is before from');
    expect(backwards.json.replies[0].text).toContain('导出跟进 <开始日期> <结束日期>');
    expect(await Upload.countDocuments()).toBe(before);
  });

  it('Slack: the workbook is uploaded into the asker’s DM', async () => {
    await postEvent(app.current.url, 'Ev_export_1', imEvent('U_LI', '导出考勤 2026-11 Sales'));
    const [done] = await slack.current.waitFor('files.completeUploadExternal');
    expect(done?.args.channel_id).toBe('D_LI');
    expect(String(done?.args.initial_comment)).toContain('Sales 2026-11 的考勤表');
    const [asked] = slack.current.of('files.getUploadURLExternal');
    expect(asked?.args.filename).toBe('attendance-2026-11-Sales.xlsx');
    const bytes = slack.current.of('upload')[0]?.args.bytes as Buffer;
    // the upload carries the whole workbook: a zip, as long as Slack was told
    expect(bytes.length).toBeGreaterThanOrEqual(Number(asked?.args.length));
    expect(bytes.includes(Buffer.from('PK'))).toBe(true);
    expect(slack.current.of('conversations.open')[0]?.args.users).toBe('U_LI');
  });

  it('Lark: the caption, then the workbook uploaded as a file message', async () => {
    await postLarkEvent(
      app.current.url,
      '/lark/events',
      messageEvent({ token: TOKEN, openId: 'ou_sun', text: 'export attendance 2026-11' }),
    );
    // answered in the chat the message came from: the p2p chat with Sun
    const toSun = (c: LarkCall) => c.method === 'POST' && /ou_sun/.test(String(c.body?.receive_id));
    const [file] = await lark.current.waitFor((c) => toSun(c) && c.body.msg_type === 'file');
    const [upload] = lark.current.calls.filter((c) => c.path === '/open-apis/im/v1/files');
    expect(String(upload?.body)).toContain('attendance-2026-11.xlsx');
    expect(JSON.parse(file?.body.content).file_key).toMatch(/^file_stub_/);
    const caption = lark.current.calls.find((c) => toSun(c) && c.body.msg_type === 'text');
    expect(caption?.body.content).toContain('Attendance for 2026-11, everyone:');
  });
});
