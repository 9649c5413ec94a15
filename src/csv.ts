import { CsvError, parse } from 'csv-parse/sync';

export type CsvRow = { line: number; fields: string[] };

/** A file that cannot be read as CSV (a quote never closed); `line` is where reading stopped. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const breaksIn = (fields: string[]) => fields.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);

/**
 * Reads CSV (RFC 4180, by csv-parse) as spreadsheets and people write it: a BOM, any line ends
 * and a mix of them (all read as `\n`, inside quoted cells too), a quote inside an unquoted cell
 * kept as text, rows of differing length, blank rows skipped. Each row comes with the 1-based
 * line it starts on, so a problem points at the line a person sees in their editor (csv-parse
 * counts the line a row ends on, and counts `\r\n` in a quoted cell as two).
 */
export function parseCsv(input: string): CsvRow[] {
  try {
    // with `info`, each record comes as { record, info } (the typings do not follow the option)
    const records = parse(input.replace(/\r\n?/g, '\n'), {
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records.map(({ record, info }) => ({ line: info.lines - breaksIn(record), fields: record }));
  } catch (err) {
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new CsvSyntaxError(Number(err.lines ?? 1), 'a quote is not closed before the end of the file');
    throw err;
  }
}
