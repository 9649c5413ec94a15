import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../flows/org/csv.js';

describe('parseCsv', () => {
  it('reads quotes, commas, CRLF, a BOM and blank lines, keeping line numbers', () => {
    const csv = '\uFEFFname,email\r\n"Li, Wei",li@x.example\r\n\r\n"say ""hi""","multi\nline"\nlast,row';
    expect(parseCsv(csv)).toEqual([
      { line: 1, fields: ['name', 'email'] },
      { line: 2, fields: ['Li, Wei', 'li@x.example'] },
      { line: 4, fields: ['say "hi"', 'multi\nline'] },
      { line: 6, fields: ['last', 'row'] },
    ]);
  });

  it('returns nothing for an empty file', () => {
    expect(parseCsv('')).toEqual([]);
  });
});
