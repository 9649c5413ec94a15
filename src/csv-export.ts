/**
 * A cell a spreadsheet would read as a formula (= + - @, or a tab or CR before one) gets a
 * leading ' so it shows as text: names, notes and tags come from users (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One RFC 4180 line, CRLF-terminated, every cell guarded by csvCell. */
export function csvLine(fields: string[]): string {
  return `${fields.map(csvCell).join(',')}\r\n`;
}
