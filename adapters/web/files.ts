import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { IncomingFile } from '../../src/bot/types.js';
import type { Clock } from '../../src/clock.js';

/** Storage for files uploaded in the web chat, provided by the app's wiring (src/web-files.ts). */
export type WebFiles = {
  save(employeeId: string, file: UploadedFile, at: Date): Promise<IncomingFile>;
  /** The sender's own uploads as message files; null when any is unknown or someone else's. */
  ofSender(employeeId: string, ids: string[]): Promise<IncomingFile[] | null>;
  /** A file for a reader; `forbidden` when they may not see it (nor any request it is on). */
  open(readerId: string, id: string): Promise<UploadedFile | 'forbidden' | null>;
};
export type UploadedFile = { name: string; mimeType: string; bytes: Uint8Array };

/** One upload is at most this big: a receipt or a contract scan, not a video. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The base name only, printable, bounded: a name never becomes a path or a header injection. */
export function cleanName(raw: string | undefined | null): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const printable = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return printable.slice(0, 200) || 'file';
}

/** `type/subtype` as sent, or octet-stream: a made-up type is never echoed back. */
export function cleanType(raw: string | undefined | null): string {
  const type = (raw ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}$/.test(type)
    ? type
    : 'application/octet-stream';
}

type Who = (c: Context) => Promise<{ id: string } | { error: string; status: 400 | 403 | 404 }>;

/**
 * `POST /api/files` (multipart field `file`, or the raw body named by `?name=`) and
 * `GET /api/files/:id`, both for `?employee=`. A download is always an attachment with
 * `nosniff`: an uploaded page never runs as the web chat.
 */
export function fileRoutes(files: WebFiles, personOf: Who, now: Clock) {
  const routes = new Hono();
  const tooLarge = (c: Context) =>
    c.json({ error: `file too large (at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB)` }, 413);
  routes.post(
    '/api/files',
    bodyLimit({ maxSize: MAX_UPLOAD_BYTES + 64 * 1024, onError: tooLarge }),
    async (c) => {
      const who = await personOf(c);
      if ('error' in who) return c.json({ error: who.error }, who.status);
      const file = await readUpload(c);
      if ('error' in file) return c.json({ error: file.error }, 400);
      if (file.bytes.byteLength > MAX_UPLOAD_BYTES) return tooLarge(c);
      return c.json(await files.save(who.id, file, now()), 201);
    },
  );
  routes.get('/api/files/:id', async (c) => {
    const who = await personOf(c);
    if ('error' in who) return c.json({ error: who.error }, who.status);
    const file = await files.open(who.id, c.req.param('id'));
    if (file === 'forbidden') return c.json({ error: 'you may not see this file' }, 403);
    if (!file) return c.json({ error: 'no such file' }, 404);
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.mimeType,
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });
  return routes;
}

async function readUpload(c: Context): Promise<UploadedFile | { error: string }> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') return { error: 'a multipart field "file" is required' };
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { name: cleanName(file.name), mimeType: cleanType(file.type), bytes };
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) return { error: 'the file is empty' };
  return { name: cleanName(c.req.query('name')), mimeType: cleanType(type), bytes };
}
