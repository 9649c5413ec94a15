import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { type Cell, type Table, xlsxFile } from '../../src/table-export.js';

async function* batches(count: number): AsyncIterable<Cell[][]> {
  // distinct text per row: a zip would squeeze repeated rows to nothing
  for (let b = 0; b < count; b++)
    yield Array.from({ length: 500 }, (_, i) => [`row ${b}-${i} ${((b * 500 + i) * 7919).toString(36)}`]);
}
const table = (count: number): Table => ({
  sheet: { 'zh-CN': '表', en: 'Sheet' },
  columns: [{ key: 'text', label: { 'zh-CN': '内容', en: 'Text' }, kind: 'text' }],
  rows: batches(count),
});

describe('a workbook for the chat', () => {
  it('is a whole .xlsx when it fits', async () => {
    const file = await xlsxFile(table(1), 'en', 'small', 1024 * 1024);
    expect(file?.name).toBe('small.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(new Uint8Array(file?.bytes ?? []).buffer);
    expect(book.worksheets[0]?.rowCount).toBe(501);
  });

  it('is nothing once it grows past the cap', async () => {
    expect(await xlsxFile(table(40), 'en', 'big', 20 * 1024)).toBeNull();
  });
});
