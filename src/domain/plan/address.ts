// A1 addresses, as plain numbers: columns and rows are 1-based.

export interface Area {
  readonly firstColumn: number;
  readonly firstRow: number;
  readonly lastColumn: number;
  readonly lastRow: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

function parseCell(text: string): { column: number; row: number } {
  const m = CELL.exec(text.trim());
  if (!m) throw new Error(`Not a cell address: "${text}"`);
  return { column: columnNumber(m[1]), row: Number(m[2]) };
}

/** "A1:N501", "Tasks!A1:N501", "'My sheet'!$A$1" or "A1" as an area. */
export function parseArea(address: string): Area {
  const bang = address.lastIndexOf("!");
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [from, to = from] = local.split(":");
  const a = parseCell(from);
  const b = parseCell(to);
  return {
    firstColumn: Math.min(a.column, b.column),
    firstRow: Math.min(a.row, b.row),
    lastColumn: Math.max(a.column, b.column),
    lastRow: Math.max(a.row, b.row),
  };
}

export function areaAddress(area: Area): string {
  const from = `${columnLetters(area.firstColumn)}${area.firstRow}`;
  const to = `${columnLetters(area.lastColumn)}${area.lastRow}`;
  return from === to ? from : `${from}:${to}`;
}

/** A sheet name as it must appear in a reference: always quoted, quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** Absolute reference to rows first..last of one column, e.g. "'Settings'!$F$2:$F$7". */
export function absoluteColumnRange(sheet: string, column: number, firstRow: number, lastRow: number): string {
  const letters = columnLetters(column);
  const cells = firstRow === lastRow ? `$${letters}$${firstRow}` : `$${letters}$${firstRow}:$${letters}$${lastRow}`;
  return `${quoteSheet(sheet)}!${cells}`;
}

/** Excel's serial day number of a "YYYY-MM-DD" calendar date (1900 date system). */
export function excelSerial(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`today must be a date written YYYY-MM-DD, not "${isoDate}"`);
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return utc / 86_400_000 + 25_569;
}
