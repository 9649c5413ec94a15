import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, parseCsv } from '../../src/csv.js';

describe('parseCsv', () => {
  it('reads quotes, commas, CRLF, a BOM and blank lines, keeping line numbers', async () => {
    const csv = '\uFEFFname,email\r\n"Li, Wei",li@x.example\r\n\r\n"say ""hi""","multi\nline"\nlast,row';
    expect(await parseCsv(csv)).toEqual([
      { line: 1, fields: ['name', 'email'] },
      { line: 2, fields: ['Li, Wei', 'li@x.example'] },
      { line: 4, fields: ['say "hi"', 'multi\nline'] },
      { line: 6, fields: ['last', 'row'] },
    ]);
  });

  it('returns nothing for an empty file', async () => {
    expect(await parseCsv('')).toEqual([]);
  });
});

describe('parseCsv, as people write files', () => {
  it('takes mixed line ends, a stray quote inside a cell, short rows and rows of spaces', async () => {
    const csv = 'sku,name,unit\r\nSKU-1,5" pipe\nSKU-2,"elbow\r\n90°",pcs\r   ,  \nSKU-3';
    expect(await parseCsv(csv)).toEqual([
      { line: 1, fields: ['sku', 'name', 'unit'] },
      { line: 2, fields: ['SKU-1', '5" pipe'] },
      { line: 3, fields: ['SKU-2', 'elbow\n90°', 'pcs'] },
      { line: 6, fields: ['SKU-3'] },
    ]);
  });

  it('reads a long file in chunks without splitting a row, a cell or a character', async () => {
    const rows = Array.from({ length: 8000 }, (_, i) => `${i},"名字 ${i}\n😀 第二行",x`);
    const read = await parseCsv(['n,name,z', ...rows].join('\r\n'));
    expect(read).toHaveLength(8001);
    expect(read[8000]).toEqual({ line: 16_000, fields: ['7999', '名字 7999\n😀 第二行', 'x'] });
    expect(read.every((r, i) => i === 0 || r.fields[1] === `名字 ${i - 1}\n😀 第二行`)).toBe(true);
  });

  it('names the line of a quote that is never closed', async () => {
    await expect(parseCsv('a,b\n1,2\n3,"four\n5,6\n')).rejects.toThrow(CsvSyntaxError);
    try {
      await parseCsv('a,b\n1,2\n3,"four\n5,6\n');
    } catch (err) {
      expect(err).toMatchObject({
        line: expect.any(Number),
        message: 'a quote is not closed before the end of the file',
      });
    }
  });
});
