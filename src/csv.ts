import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { CsvError, parse } from 'csv-parse';

/** Characters handed to the parser between two yields to the event loop. */
const CHUNK = 64 * 1024;

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
 * counts the line a row ends on, and counts `\r\n` in a quoted cell as two). It reads in chunks,
 * yielding to the event loop between them.
 */
export async function parseCsv(input: string): Promise<CsvRow[]> {
  // with `info`, each record comes as { record, info } (the typings do not follow the option)
  const parser = parse({
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    info: true,
  });
  const rows: CsvRow[] = [];
  parser.on('readable', () => {
    for (let r = parser.read(); r !== null; r = parser.read()) {
      const { record, info } = r as { record: string[]; info: { lines: number } };
      rows.push({ line: info.lines - breaksIn(record), fields: record });
    }
  });
  let failed = false;
  const finished = new Promise<void>((res, rej) => {
    parser.once('end', res);
    parser.once('error', (err) => {
      failed = true;
      rej(err);
    });
  });
  finished.catch(() => {}); // awaited below, after the last chunk
  // in chunks, with a turn for everyone else between them: a long file must not stall requests
  const text = input.replace(/\r\n?/g, '\n');
  for (let at = 0; at < text.length && !failed; ) {
    let end = Math.min(at + CHUNK, text.length);
    if (/[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end += 1; // never split a surrogate pair
    parser.write(text.slice(at, end));
    at = end;
    await yieldToEventLoop();
  }
  if (!failed) parser.end();
  try {
    await finished;
  } catch (err) {
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED')
      throw new CsvSyntaxError(Number(err.lines ?? 1), 'a quote is not closed before the end of the file');
    throw err;
  }
  return rows;
}
