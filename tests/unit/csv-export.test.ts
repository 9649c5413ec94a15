import { describe, expect, it } from 'vitest';
import { csvLine } from '../../src/csv-export.js';

describe('csvLine', () => {
  it('quotes per RFC 4180 and prefixes a cell that would start a formula', () => {
    expect(csvLine(['a,b', 'say "hi"', 'x\ny', 'plain'])).toBe('"a,b","say ""hi""","x\ny",plain\r\n');
    expect(csvLine(['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', 'a=1'])).toBe(
      `'=1+1,'+1,'-1,'@A1,'\t=1,"'\r=1",a=1\r\n`,
    );
  });
});
