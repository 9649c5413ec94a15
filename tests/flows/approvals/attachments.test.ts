import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toIncoming } from '../../../adapters/lark/to-incoming.js';
import { cleanName, cleanType } from '../../../adapters/web/files.js';
import { attachmentField, fromFiles, takeLinks, tooMany } from '../../../flows/approvals/attachments.js';

describe('links in a request', () => {
  it('come out of the text as attachments, trailing punctuation left to the sentence', () => {
    expect(
      takeLinks('打车 去机场 https://files.example/r/77.png。 另见 http://a.example/x?y=1)', 'zh-CN'),
    ).toEqual({
      text: '打车 去机场 另见',
      links: [
        { name: '77.png', url: 'https://files.example/r/77.png', platform: 'link' },
        { name: 'x', url: 'http://a.example/x?y=1', platform: 'link' },
      ],
    });
    expect(takeLinks('lunch with Acme', 'en')).toEqual({ text: 'lunch with Acme', links: [] });
    expect(takeLinks('see https://example.com/', 'en')).toMatchObject({ links: [{ name: 'example.com' }] });
  });

  it('other schemes and huge links are refused by name', () => {
    expect(takeLinks('receipt ftp://files.example/r.pdf', 'en')).toEqual({
      problem: 'Only http(s) links can be attached, not "ftp://files.example/r.pdf"; nothing was filed.',
    });
    expect(takeLinks(`https://example.com/${'a'.repeat(2001)}`, 'zh-CN')).toEqual({
      problem: '链接太长（最多 2000 字）。',
    });
  });

  it('files keep a bounded name; more than 10 is refused; the card names each', () => {
    const [file] = fromFiles([{ platform: 'lark', id: 'om_1/file_v2', name: 'x'.repeat(300) }]);
    expect(file?.name).toHaveLength(200);
    expect(tooMany(10, 'en')).toBeNull();
    expect(tooMany(11, 'zh-CN')).toBe('附件最多 10 个（这次共 11 个），没有提交。请分开发送或删减。');
    expect(
      attachmentField(
        [
          { name: 'a.pdf', url: 'https://example.com/a.pdf', platform: 'link' },
          { name: '发票.pdf', platform: 'lark', fileId: 'om_1/k' },
        ],
        'en',
      ),
    ).toEqual([['Attachments', 'a.pdf https://example.com/a.pdf\n发票.pdf (Lark file)']]);
    expect(attachmentField([], 'en')).toEqual([]);
  });
});

describe('files from the platforms', () => {
  const fixture = JSON.parse(
    readFileSync('tests/fixtures/lark/lark_im_message_receive_v1_group.json', 'utf8'),
  );
  const flat = (e: any) => ({ schema: e.schema, ...e.header, ...e.event });
  const mentioned = fixture.event.message.mentions[0].id.open_id;
  const at = new Date('2026-12-01T01:00:00Z');

  it("Lark: a post's images come with its text", () => {
    const post = structuredClone(fixture);
    post.event.message.message_type = 'post';
    post.event.message.content = JSON.stringify({
      title: '',
      content: [
        [
          { tag: 'at', user_id: '@_user_1' },
          { tag: 'text', text: ' 报销 50 打车' },
        ],
        [{ tag: 'img', image_key: 'img_v2_1' }],
      ],
    });
    const incoming = toIncoming(flat(post), mentioned, at);
    expect(incoming?.text).toBe('报销 50 打车');
    expect(incoming?.files).toEqual([
      { platform: 'lark', id: `${post.event.message.message_id}/img_v2_1`, name: 'image' },
    ]);
  });

  it('web: an upload name is its printable base name, an odd type is octet-stream', () => {
    expect(cleanName('C:\\Users\\me\\..\\发票\u0000.pdf')).toBe('发票.pdf');
    expect(cleanName('  ')).toBe('file');
    expect(cleanType('Application/PDF; charset=binary')).toBe('application/pdf');
    expect(cleanType('text/html<script>')).toBe('application/octet-stream');
  });
});
