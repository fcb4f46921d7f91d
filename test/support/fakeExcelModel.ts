// The plain in-memory workbook behind the recording fake of the Excel JavaScript API.
// Tests seed it directly (fast, no API calls) and compare it cell by cell before and after.
// The cell rules here are Excel's own, so a writer that forgets them fails a test:
// text typed into `values` that starts with "=" (or "+"/"-"/"@" before a non-number) becomes a
// formula, numeric-looking text becomes a number, a leading apostrophe keeps text as typed,
// and a cell formatted as Text ("@") keeps whatever is written as text.

export type CellValue = string | number | boolean;

export interface FakeCell {
  /** What Excel shows; "" for blank. Formula cells hold "" here: the fake does not calculate. */
  value: CellValue;
  formula?: string;
  numberFormat: string;
  /** Excel's prefix character: the cell was written as "'text". */
  quotePrefix?: boolean;
}

/** Zero-based rectangle on one sheet. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface FakeValidation {
  /** The rule exactly as written through the API (Excel.DataValidationRule). */
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface FakeConditionalFormat {
  id: string;
  type: string;
  rect: Rect;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  strike?: boolean;
  numberFormat?: string;
  stopIfTrue?: boolean;
}

/** A sheet's page set-up, as far as the product sets it (ExcelApi 1.9 PageLayout). */
export interface FakePageLayout {
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  printTitleRows?: string;
  centerFooter?: string;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  tabColor?: string;
  frozenRows?: number;
  cells: Map<number, FakeCell>;
  validations: Map<number, FakeValidation>;
  columnWidths: Map<number, number>;
  conditionalFormats: FakeConditionalFormat[];
  pageLayout?: FakePageLayout;
}

export interface FakeTable {
  id: string;
  name: string;
  sheet: FakeSheet;
  /** Header row (when shown) and totals row (when shown) included. */
  rect: Rect;
  /** A user's table may hide its header row or show a totals row. */
  showHeaders?: boolean;
  showTotals?: boolean;
}

export interface FakeName {
  name: string;
  formula: string;
  comment: string;
  /** NamedItem.visible (ExcelApi 1.1); absent is visible. */
  visible?: boolean;
}

export const MAX_COLUMNS = 16384;
export const DEFAULT_NUMBER_FORMAT = "General";

export function cellKey(row: number, col: number): number {
  return row * MAX_COLUMNS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLUMNS);
}

export function keyCol(key: number): number {
  return key % MAX_COLUMNS;
}

/** Office.js-style error: a code and a message, thrown by context.sync(). */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly debugInfo: { code: string; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B3" or "B3:D9" (optionally with "$"), relative to a sheet. */
export function parseAddress(address: string): Rect {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(address.trim());
  if (!match) throw new FakeOfficeError("InvalidArgument", `The argument is invalid or missing or has an incorrect format: "${address}".`);
  const c1 = lettersToColumn(match[1]);
  const r1 = Number(match[2]) - 1;
  const c2 = match[3] ? lettersToColumn(match[3]) : c1;
  const r2 = match[4] ? Number(match[4]) - 1 : r1;
  return { row: Math.min(r1, r2), col: Math.min(c1, c2), rows: Math.abs(r2 - r1) + 1, cols: Math.abs(c2 - c1) + 1 };
}

export function rectAddress(rect: Rect): string {
  const first = `${columnLetters(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${columnLetters(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u0080-\uFFFF][A-Za-z0-9_.\u0080-\uFFFF]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1:B2" or "'My sheet'!A1" into sheet name and local address. */
export function splitSheetAddress(address: string): { sheet?: string; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { local: address };
  let sheet = address.slice(0, bang).replace(/^=/, "");
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase("en-US") === b.toLocaleLowerCase("en-US");
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;

/**
 * What Excel makes of a string typed (or written to `values`) into a cell.
 * Excel turns "=x" into a formula, "+x"/"-x"/"@x" into one unless x is a number, "12" into 12,
 * "TRUE" into true; a leading apostrophe or a cell in Text format ("@") keeps the text.
 */
export function typeIntoCell(cell: FakeCell, input: CellValue | null | undefined): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  delete cell.formula;
  delete cell.quotePrefix;
  if (typeof input !== "string") {
    cell.value = input;
    return;
  }
  if (input === "") {
    cell.value = "";
    return;
  }
  if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
    return;
  }
  if (cell.numberFormat === "@") {
    cell.value = input;
    return;
  }
  const first = input[0];
  if (first === "=" && input.length > 1) {
    cell.formula = input;
    cell.value = "";
    return;
  }
  if (NUMBER.test(input.trim())) {
    const text = input.trim();
    cell.value = text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text);
    return;
  }
  if (first === "+" || first === "-") {
    cell.formula = `=${input}`;
    cell.value = "";
    return;
  }
  if (first === "@" && input.length > 1) {
    cell.formula = `=${input.slice(1)}`;
    cell.value = "";
    return;
  }
  if (/^(true|false)$/i.test(input)) {
    cell.value = input.toLowerCase() === "true";
    return;
  }
  cell.value = input;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  readonly names: FakeName[] = [];
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => sameName(s.name, name));
  }

  requireSheet(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: worksheet "${name}".`);
    return sheet;
  }

  table(name: string): FakeTable | undefined {
    return this.tables.find((t) => sameName(t.name, name));
  }

  name(name: string): FakeName | undefined {
    return this.names.find((n) => sameName(n.name, name));
  }

  addSheet(name: string): FakeSheet {
    if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
      throw new FakeOfficeError("InvalidArgument", `The worksheet name "${name}" is not valid.`);
    }
    if (this.sheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
    const sheet: FakeSheet = {
      id: this.newId("sheet"),
      name,
      visibility: "Visible",
      cells: new Map(),
      validations: new Map(),
      columnWidths: new Map(),
      conditionalFormats: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  cell(sheet: FakeSheet, row: number, col: number): FakeCell {
    const key = cellKey(row, col);
    let cell = sheet.cells.get(key);
    if (!cell) {
      cell = { value: "", numberFormat: DEFAULT_NUMBER_FORMAT };
      sheet.cells.set(key, cell);
    }
    return cell;
  }

  peek(sheet: FakeSheet, row: number, col: number): FakeCell | undefined {
    return sheet.cells.get(cellKey(row, col));
  }

  /** Seeds cells as if typed by a user, from the top-left corner given. */
  type(sheetName: string, address: string, rows: readonly (readonly (CellValue | null)[])[]): void {
    const sheet = this.requireSheet(sheetName);
    const at = parseAddress(address);
    rows.forEach((row, r) => row.forEach((value, c) => typeIntoCell(this.cell(sheet, at.row + r, at.col + c), value)));
  }

  /** Seeds a table over header + rows written at `address` (top-left). */
  seedTable(
    sheetName: string,
    tableName: string,
    address: string,
    header: readonly string[],
    rows: readonly (readonly (CellValue | null)[])[],
  ): FakeTable {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    this.type(sheetName, address, [header, ...rows]);
    const at = parseAddress(address);
    return this.addTable(sheet, { row: at.row, col: at.col, rows: 1 + Math.max(1, rows.length), cols: header.length }, tableName);
  }

  addTable(sheet: FakeSheet, rect: Rect, name?: string): FakeTable {
    for (const other of this.tables) {
      if (other.sheet === sheet && intersects(other.rect, rect)) {
        throw new FakeOfficeError("InvalidArgument", `A table can't overlap another table (${other.name}).`);
      }
    }
    const tableName = name ?? this.freeTableName();
    this.checkTableName(tableName);
    // Excel gives a table made of a header row alone one blank data row.
    const table: FakeTable = { id: this.newId("table"), name: tableName, sheet, rect: { ...rect, rows: Math.max(2, rect.rows) } };
    this.normalizeHeaders(table);
    this.tables.push(table);
    return table;
  }

  checkTableName(name: string, except?: FakeTable): void {
    if (!/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.\\\u0080-\uFFFF]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `The table name "${name}" is not valid.`);
    }
    const clash = this.tables.find((t) => t !== except && sameName(t.name, name)) ?? this.names.find((n) => sameName(n.name, name));
    if (clash) throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" is already in use.`);
  }

  private freeTableName(): string {
    for (let i = 1; ; i++) if (!this.table(`Table${i}`)) return `Table${i}`;
  }

  /** Excel makes every header a unique, non-blank text. */
  normalizeHeaders(table: FakeTable): void {
    const seen = new Set<string>();
    for (let c = 0; c < table.rect.cols; c++) {
      const cell = this.cell(table.sheet, table.rect.row, table.rect.col + c);
      let text = cell.formula ? "" : String(cell.value);
      if (text === "") text = `Column${c + 1}`;
      let unique = text;
      for (let n = 2; seen.has(unique.toLocaleLowerCase("en-US")); n++) unique = `${text}${n}`;
      seen.add(unique.toLocaleLowerCase("en-US"));
      delete cell.formula;
      cell.value = unique;
    }
  }

  headers(table: FakeTable): string[] {
    const out: string[] = [];
    for (let c = 0; c < table.rect.cols; c++) out.push(String(this.peek(table.sheet, table.rect.row, table.rect.col + c)?.value ?? ""));
    return out;
  }

  addName(name: string, formula: string, comment = ""): FakeName {
    if (!/^[A-Za-z_\\\u0080-\uFFFF][A-Za-z0-9_.\\\u0080-\uFFFF]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rRcC]$/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `The name "${name}" is not valid.`);
    }
    if (this.name(name) || this.table(name)) throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
    const item = { name, formula: formula.startsWith("=") ? formula : `=${formula}`, comment };
    this.names.push(item);
    return item;
  }

  addConditionalFormat(sheet: FakeSheet, rect: Rect, type: string): FakeConditionalFormat {
    const cf: FakeConditionalFormat = { id: this.newId("{cf-"), type, rect: { ...rect } };
    cf.id += "}";
    // A new rule takes the top priority, as in Excel.
    sheet.conditionalFormats.unshift(cf);
    return cf;
  }

  /**
   * Inserts one column of cells at `col` within rows [row, row+rows) and shifts what is to its
   * right by one, as Excel does when a column is added to a table.
   */
  shiftRight(sheet: FakeSheet, col: number, row: number, rows: number): void {
    for (const map of [sheet.cells, sheet.validations] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [key, value] of map) {
        const r = keyRow(key);
        if (r >= row && r < row + rows && keyCol(key) >= col) moved.push([key, value]);
      }
      for (const [key] of moved) map.delete(key);
      for (const [key, value] of moved) map.set(key + 1, value);
    }
    for (const cf of sheet.conditionalFormats) {
      if (cf.rect.row >= row && cf.rect.row + cf.rect.rows <= row + rows) {
        if (cf.rect.col >= col) cf.rect.col += 1;
        else if (cf.rect.col + cf.rect.cols > col) cf.rect.cols += 1;
      }
    }
    for (const table of this.tables) {
      if (table.sheet === sheet && table.rect.col > col && intersects(table.rect, { row, col: 0, rows, cols: MAX_COLUMNS })) table.rect.col += 1;
    }
  }

  /**
   * A table's calculated columns as the fake knows them: columns whose every data cell holds the
   * same formula (the product writes this-row references, the same text in every row).
   */
  calculatedColumns(table: FakeTable): Map<number, string> {
    const out = new Map<number, string>();
    const body = table.rect.row + 1;
    const rows = table.rect.rows - 1 - (table.showTotals ? 1 : 0);
    for (let c = 0; c < table.rect.cols; c++) {
      const first = this.peek(table.sheet, body, table.rect.col + c)?.formula;
      if (!first || rows < 1) continue;
      let same = true;
      for (let r = 1; r < rows && same; r++) same = this.peek(table.sheet, body + r, table.rect.col + c)?.formula === first;
      if (same) out.set(c, first);
    }
    return out;
  }

  /**
   * Deletes a sheet as Excel does: its tables go, and every name that referred to its cells or to
   * those tables becomes #REF! (the name stays, now not a range).
   */
  deleteSheet(name: string): void {
    const sheet = this.requireSheet(name);
    const gone = this.tables.filter((t) => t.sheet === sheet);
    const quoted = [sheet.name, `'${sheet.name.replace(/'/g, "''")}'`];
    for (const n of this.names) {
      const body = n.formula.slice(1);
      if (quoted.some((q) => body.startsWith(`${q}!`)) || gone.some((t) => body.toLowerCase().startsWith(`${t.name.toLowerCase()}[`)))
        n.formula = "=#REF!";
    }
    for (const t of gone) this.tables.splice(this.tables.indexOf(t), 1);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
  }

  /** A deep copy, used for undo and for before/after comparisons. */
  clone(): FakeWorkbook {
    const copy = new FakeWorkbook();
    copy.nextId = this.nextId;
    const sheetMap = new Map<FakeSheet, FakeSheet>();
    for (const s of this.sheets) {
      const cells = new Map<number, FakeCell>();
      for (const [k, c] of s.cells) cells.set(k, { ...c });
      const validations = new Map<number, FakeValidation>();
      for (const [k, v] of s.validations) validations.set(k, v);
      const sheet: FakeSheet = {
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        tabColor: s.tabColor,
        frozenRows: s.frozenRows,
        cells,
        validations,
        columnWidths: new Map(s.columnWidths),
        conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, rect: { ...cf.rect } })),
      };
      sheetMap.set(s, sheet);
      copy.sheets.push(sheet);
    }
    for (const t of this.tables) copy.tables.push({ ...t, sheet: sheetMap.get(t.sheet)!, rect: { ...t.rect } });
    for (const n of this.names) copy.names.push({ ...n });
    return copy;
  }

  /** Replaces this workbook's content with another's (undo). */
  restore(from: FakeWorkbook): void {
    const copy = from.clone();
    this.sheets.splice(0, this.sheets.length, ...copy.sheets);
    this.tables.splice(0, this.tables.length, ...copy.tables);
    this.names.splice(0, this.names.length, ...copy.names);
    this.nextId = copy.nextId;
  }
}

export interface CellSnapshot {
  value: CellValue;
  formula?: string;
  numberFormat: string;
  validation?: string;
}

/** Every non-blank cell of a sheet (value, formula, format, validation), keyed by its address. */
export function snapshotCells(sheet: FakeSheet): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  const keys = new Set<number>([...sheet.cells.keys(), ...sheet.validations.keys()]);
  for (const key of keys) {
    const cell = sheet.cells.get(key);
    const validation = sheet.validations.get(key);
    if (!validation && (!cell || (cell.value === "" && !cell.formula && cell.numberFormat === DEFAULT_NUMBER_FORMAT))) continue;
    const snap: CellSnapshot = { value: cell?.value ?? "", numberFormat: cell?.numberFormat ?? DEFAULT_NUMBER_FORMAT };
    if (cell?.formula) snap.formula = cell.formula;
    if (validation) snap.validation = JSON.stringify(validation);
    out.set(`${columnLetters(keyCol(key))}${keyRow(key) + 1}`, snap);
  }
  return out;
}
