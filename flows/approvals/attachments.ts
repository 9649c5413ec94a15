import type { AttachmentRef } from '../../db/models/approval-request.js';
import type { ParseContext, ParseResult, SentenceReader } from '../../src/bot/flow.js';
import { type Text, tr } from '../../src/bot/i18n.js';
import type { IncomingFile, Locale } from '../../src/bot/types.js';

/** A file or link on a request: `platform` says where `fileId` lives (`link`: nowhere, it is the url). */
export type Attachment = AttachmentRef;

/** A card and a document stay small: at most this many, names cut to this length. */
export const MAX_ATTACHMENTS = 10;
const MAX_NAME = 200;
const MAX_URL = 2000;

const t = {
  tooMany: {
    'zh-CN': '附件最多 {max} 个（这次共 {n} 个），没有提交。请分开发送或删减。',
    en: 'At most {max} attachments ({n} here); nothing was filed. Send fewer.',
  },
  badLink: {
    'zh-CN': '只能附上 http(s) 链接，“{link}”不行，没有提交。',
    en: 'Only http(s) links can be attached, not "{link}"; nothing was filed.',
  },
  longLink: {
    'zh-CN': '链接太长（最多 {max} 字）。',
    en: 'That link is too long (at most {max} characters).',
  },
  label: { 'zh-CN': '附件', en: 'Attachments' },
  larkFile: { 'zh-CN': '飞书文件', en: 'Lark file' },
} satisfies Record<string, Text>;

/** Anything written as `scheme://…`; a trailing bracket or full stop belongs to the sentence. */
const LINK = /\b[a-z][a-z0-9+.-]*:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?)\]}'"，。；：！？）】》」]+$/u;

const cut = (name: string) => (name.length > MAX_NAME ? `${name.slice(0, MAX_NAME - 1)}…` : name);

/** A link's name: its last path segment when it has one ("receipt.pdf"), else its host. */
function linkName(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).pop();
  let name = url.host;
  try {
    name = last ? decodeURIComponent(last) : url.host;
  } catch {
    name = last ?? url.host;
  }
  return cut(name);
}

/** Links written in a request's text become attachments; the rest of the text is read as before. */
export function takeLinks(
  text: string,
  locale: Locale,
): { text: string; links: Attachment[] } | { problem: string } {
  const links: Attachment[] = [];
  for (const match of text.matchAll(LINK)) {
    const written = match[0].replace(TRAILING, '');
    if (written.length > MAX_URL) return { problem: tr(locale, t.longLink, { max: MAX_URL }) };
    const url = URL.canParse(written) ? new URL(written) : null;
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      return { problem: tr(locale, t.badLink, { link: written.slice(0, 80) }) };
    links.push({ name: linkName(url), url: url.href, platform: 'link' });
  }
  const rest = links.length ? text.replace(LINK, ' ').replace(/\s+/g, ' ').trim() : text;
  return { text: rest, links };
}

/** The files of a turn as attachments; a web upload links to its download route. */
export const fromFiles = (files: IncomingFile[]): Attachment[] =>
  files.map((f) => ({
    name: cut(f.name),
    ...(f.url && f.url.length <= MAX_URL ? { url: f.url } : {}),
    platform: f.platform,
    fileId: f.id,
  }));

/** A request's arguments apart from its attachments: the links read from its text, then the turn's files. */
export function splitAttachments(
  data: Record<string, unknown>,
  files: IncomingFile[],
): { fields: Record<string, unknown>; attachments: Attachment[] } {
  const { links, ...fields } = data;
  return { fields, attachments: [...((links as Attachment[] | undefined) ?? []), ...fromFiles(files)] };
}

/** Null when `n` attachments fit on one request, else what to tell the requester. */
export const tooMany = (n: number, locale: Locale): string | null =>
  n > MAX_ATTACHMENTS ? tr(locale, t.tooMany, { max: MAX_ATTACHMENTS, n }) : null;

/** A parse result with the links taken from its text added to the arguments (`links`). */
function withLinks<A>(parsed: ParseResult<A>, links: Attachment[]): ParseResult<A> {
  if (!links.length || !('args' in parsed)) return parsed;
  return { args: { ...parsed.args, links } };
}

type Read<A> = (text: string, ctx: ParseContext) => ParseResult<A>;

/** Wraps a request's parser (grammar or sentence reader): links out of the text, into `links`. */
export const readingLinks =
  <A>(read: Read<A>): Read<A> =>
  (text, ctx) => {
    const taken = takeLinks(text, ctx.locale);
    if ('problem' in taken) return { problem: taken.problem };
    return withLinks(read(taken.text, ctx), taken.links);
  };

/** The sentence readers of request types, reading links the same way as the grammar. */
export const linkReaders = (readers: Record<string, SentenceReader>, intents: Set<string>) =>
  Object.fromEntries(
    Object.entries(readers).map(([intent, read]) => [
      intent,
      intents.has(intent) ? readingLinks(read) : read,
    ]),
  );

/** The card line: each attachment's name and where to open it (a Lark file opens in Lark). */
export function attachmentField(list: Attachment[] | undefined, locale: Locale): [string, string][] {
  if (!list?.length) return [];
  const lines = list.map((a) =>
    a.url ? `${a.name} ${a.url}` : a.platform === 'lark' ? `${a.name} (${tr(locale, t.larkFile)})` : a.name,
  );
  return [[tr(locale, t.label), lines.join('\n')]];
}
