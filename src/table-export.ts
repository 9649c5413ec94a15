import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Text } from './bot/i18n.js';
import type { Locale, ReplyFile } from './bot/types.js';
import { csvLine } from './csv-export.js';

/**
 * How a column's cells are written. Rows carry: `text` strings, `number` numbers, `date`
 * 'YYYY-MM-DD' strings (a calendar day, no zone), `datetime` Dates (an instant, written in UTC),
 * `time` 'HH:mm' strings (a local clock time), `yesno` booleans; null is an empty cell.
 */
export type ColumnKind = 'text' | 'number' | 'date' | 'datetime' | 'time' | 'yesno';
export type Cell = string | number | boolean | Date | null;
export type Column = {
  /** The CSV header: stable, machine-readable. */
  key: string;
  /** The spreadsheet header, in the reader's language. */
  label: Text;
  kind: ColumnKind;
  /** Characters; a spreadsheet's default is too narrow for names and notes. */
  width?: number;
  /** Fixed decimals of a number (CSV text and spreadsheet format). */
  decimals?: number;
};

/** One export: its columns and its rows in batches (a month of attendance is streamed). */
export type Table = { sheet: Text; columns: Column[]; rows: AsyncIterable<Cell[][]> };

export type ExportFormat = 'csv' | 'xlsx';

function csvText(column: Column, cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  if (cell instanceof Date) return cell.toISOString();
  if (typeof cell === 'number')
    return column.decimals === undefined ? String(cell) : cell.toFixed(column.decimals);
  return cell;
}

/** The table as CSV text chunks: a BOM (so Excel reads UTF-8 Chinese), the keys, then the rows. */
export async function* csvChunks(table: Table): AsyncIterable<string> {
  yield `\uFEFF${csvLine(table.columns.map((c) => c.key))}`;
  for await (const batch of table.rows) {
    yield batch
      .map((row) => csvLine(row.map((cell, i) => csvText(table.columns[i] as Column, cell))))
      .join('');
  }
}

function xlsxValue(column: Column, cell: Cell, locale: Locale): ExcelJS.CellValue {
  if (cell === null) return null;
  switch (column.kind) {
    case 'date':
      return typeof cell === 'string' ? new Date(`${cell}T00:00:00Z`) : cell;
    case 'time': {
      // a fraction of a day is what a spreadsheet's time format shows
      const m = typeof cell === 'string' ? /^(\d{2}):(\d{2})$/.exec(cell) : null;
      return m ? (Number(m[1]) * 60 + Number(m[2])) / 1440 : cell;
    }
    case 'yesno':
      return cell === true ? (locale === 'en' ? 'yes' : '是') : locale === 'en' ? 'no' : '否';
    default:
      // a formula is never written: user text stays text (the CSV guard's concern, spreadsheet side)
      return typeof cell === 'string' || typeof cell === 'number' || cell instanceof Date
        ? cell
        : String(cell);
  }
}

const NUMBER_FORMAT: Partial<Record<ColumnKind, string>> = {
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  time: 'hh:mm',
};

/**
 * The table as an .xlsx stream, written row by row (a large month never sits in memory): typed
 * cells, a bold frozen header in the reader's language, column widths, the sheet named in it.
 */
export function xlsxStream(table: Table, locale: Locale): Readable {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = book.addWorksheet(table.sheet[locale].slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c) => ({
    key: c.key,
    width: c.width ?? Math.max(10, c.label[locale].length * 2 + 2),
    style: {
      numFmt: NUMBER_FORMAT[c.kind] ?? (c.decimals === undefined ? undefined : `0.${'0'.repeat(c.decimals)}`),
    },
  }));
  const write = async () => {
    const header = sheet.addRow(table.columns.map((c) => c.label[locale]));
    header.font = { bold: true };
    header.commit();
    for await (const batch of table.rows) {
      for (const row of batch)
        sheet.addRow(row.map((cell, i) => xlsxValue(table.columns[i] as Column, cell, locale))).commit();
    }
    sheet.commit();
    await book.commit();
  };
  write().catch((err: unknown) => out.destroy(err as Error));
  return out;
}

/** A batch source for a table whose rows are all at hand. */
export async function* oneBatch(rows: Cell[][]): AsyncIterable<Cell[][]> {
  yield rows;
}

/** What a workbook sent into a chat may weigh; past it the admin API (streamed) is the way. */
export const CHAT_FILE_MAX_BYTES = 20 * 1024 * 1024;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The table as one .xlsx in memory, for a chat that takes a whole file; null once it grows past
 * `maxBytes` (the rest is not written).
 */
async function xlsxBytes(table: Table, locale: Locale, maxBytes: number) {
  const stream = xlsxStream(table, locale);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).byteLength;
    if (size > maxBytes) {
      stream.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The table as a workbook file to send in the chat; null past `maxBytes`. */
export async function xlsxFile(
  table: Table,
  locale: Locale,
  name: string,
  maxBytes = CHAT_FILE_MAX_BYTES,
): Promise<ReplyFile | null> {
  const bytes = await xlsxBytes(table, locale, maxBytes);
  return bytes && { name: `${name}.xlsx`, contentType: XLSX_TYPE, bytes };
}
