import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCsvRows } from '../../src/csv-import.js';

const shelf = {
  noun: 'shelf',
  columns: ['code', 'max_load', 'room'],
  required: ['code'],
  schema: z.object({
    code: z.string().regex(/^S\d+$/, 'must look like S12'),
    maxLoad: z.coerce.number().int().min(1).max(500),
    room: z.string().default('main'),
  }),
  columnOf: { maxLoad: 'max_load' },
  unique: { column: 'code', key: (r: { code: string }) => r.code },
  toInput: (cell: (c: string) => string | undefined) => ({
    code: cell('code') ?? '',
    maxLoad: cell('max_load'),
    room: cell('room'),
  }),
};

describe('readCsvRows', () => {
  it('reads good rows in any column order, trimming cells and leaving absent columns to defaults', async () => {
    expect(await readCsvRows('MAX_LOAD , code\n 40 ,S1\n"120",S2\n', shelf)).toEqual({
      rows: [
        { line: 2, value: { code: 'S1', maxLoad: 40, room: 'main' } },
        { line: 3, value: { code: 'S2', maxLoad: 120, room: 'main' } },
      ],
      errors: [],
    });
  });

  it('names every bad line in the file’s own column names, counting lines inside quoted cells', async () => {
    const csv = 'code,max_load,room\nS1,10,"north\nwing"\nX9,10,\nS3,9000,\nS1,20,\n';
    expect(await readCsvRows(csv, shelf)).toEqual({
      rows: [{ line: 2, value: { code: 'S1', maxLoad: 10, room: 'north\nwing' } }],
      errors: [
        { line: 4, message: 'code must look like S12' },
        { line: 5, message: expect.stringMatching(/^max_load /) },
        { line: 6, message: 'code S1 already appears on line 2' },
      ],
    });
  });

  it('refuses a header with an unknown or a missing required column, and a file with no rows', async () => {
    const usage = 'header must use code,max_load,room (code required)';
    expect((await readCsvRows('code,colour\nS1,red\n', shelf)).errors).toEqual([{ line: 1, message: usage }]);
    expect((await readCsvRows('room\nnorth\n', shelf)).errors).toEqual([{ line: 1, message: usage }]);
    expect((await readCsvRows('', shelf)).errors).toEqual([{ line: 1, message: usage }]);
    expect(await readCsvRows('code,room\n\n', shelf)).toEqual({
      rows: [],
      errors: [{ line: 1, message: 'no shelf rows after the header' }],
    });
  });

  it('answers a file with an unclosed quote with one problem, and no rows', async () => {
    const read = await readCsvRows('code,room\nS1,"north\nS2,south\n', shelf);
    expect(read.rows).toEqual([]);
    expect(read.errors).toEqual([
      { line: expect.any(Number), message: 'a quote is not closed before the end of the file' },
    ]);
  });
});
