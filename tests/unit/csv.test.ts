import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../flows/org/csv.js';
import { csvLine } from '../../src/csv.js';

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

describe('csvLine', () => {
  it('quotes per RFC 4180 and prefixes a cell that would start a formula', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 'plain'])).toBe('"a,b","say ""hi""","x\ny",plain\r\n');
    expect(csvLine(['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', 'a=1'])).toBe(
      `'=1+1,'+1,'-1,'@A1,'\t=1,"'\r=1",a=1\r\n`,
    );
  });
});
