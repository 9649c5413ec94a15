import { Readable } from 'node:stream';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Locale } from '../bot/types.js';
import { csvChunks, type ExportFormat, type Table, xlsxStream } from '../table-export.js';

/** `?format=`: csv (the default, what scripts read) or xlsx (what an office opens). */
export const formatParam = z.enum(['csv', 'xlsx']).default('csv');

/** The reader's language for a spreadsheet's headers and sheet name: `?lang=`, else Accept-Language. */
export function readerLocale(c: Context): Locale {
  const asked = c.req.query('lang') ?? c.req.header('accept-language') ?? '';
  return /^zh/i.test(asked.trim()) ? 'zh-CN' : 'en';
}

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The export as a streamed download; `name` is the file name without its extension. */
export function tableResponse(c: Context, table: Table, name: string, format: ExportFormat): Response {
  const body = format === 'xlsx' ? xlsxStream(table, readerLocale(c)) : Readable.from(csvChunks(table));
  return new Response(Readable.toWeb(body) as ReadableStream, {
    status: 200,
    headers: {
      'content-type': TYPES[format],
      'content-disposition': `attachment; filename="${name}.${format}"`,
    },
  });
}
