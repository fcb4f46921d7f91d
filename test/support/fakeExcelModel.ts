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
  /** The value is an error (#N/A, #REF!…), not text: Excel's `values` reads it back as its text. */
  error?: boolean;
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
  /** Table.style; Excel gives a new table TableStyleMedium2. */
  style?: string;
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
/** "1,000" or "-12,345.5": en-US thousands separators (a guess for other locales). */
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
/** Excel's error values, as typed and as `values` reads them back. */
export const ERROR_VALUES = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
];

/** Excel's serial number of a calendar date (1900 date system; right from 1900-03-01 on). */
export function dateSerial(year: number, month: number, day: number): number | undefined {
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  if (year < 1900 || year > 9999) return undefined;
  return Math.round(ms / 86_400_000) + 25_569;
}

/** A date as an en-US user types it: 2024-01-05 (ISO) or 1/5/2024; its serial and the format Excel gives the cell. */
function typedDate(text: string): { serial: number; format: string } | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const serial = dateSerial(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return serial === undefined ? undefined : { serial, format: "yyyy-mm-dd" };
  }
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (us) {
    const serial = dateSerial(Number(us[3]), Number(us[1]), Number(us[2]));
    return serial === undefined ? undefined : { serial, format: "m/d/yyyy" };
  }
  return undefined;
}

/**
 * Why Excel would refuse a formula ("=…"), or undefined when it parses: strings, quoted sheet
 * names, brackets and braces closed; parentheses balanced; no operator without its operand; no
 * empty group. It does not know function names (an unknown one is #NAME?, not a refusal).
 */
export function formulaProblem(formula: string): string | undefined {
  const text = formula.startsWith("=") ? formula.slice(1) : formula;
  if (text.trim() === "") return "the formula is empty";
  // A stack of open groups: "(" of a function call, "(" of a plain group, "{" of an array.
  const groups: ("call" | "group" | "array")[] = [];
  // What may come next: an operand (or prefix operator) or an operator (after an operand).
  let want: "operand" | "operator" = "operand";
  let afterSeparator = false; // just after "(" of a call or ",": an empty argument is allowed
  let lastWasName = false;
  let i = 0;
  const operand = (): string | undefined => {
    if (want === "operator") return `two values with nothing between them at "${text.slice(i, i + 12)}"`;
    want = "operator";
    afterSeparator = false;
    return undefined;
  };
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      // A space between two references is Excel's intersection operator.
      let j = i;
      while (j < text.length && /\s/.test(text[j])) j++;
      if (want === "operator" && j < text.length && /[A-Za-z_$'\u0080-\uFFFF(]/.test(text[j]) && !/^(TRUE|FALSE)\b/i.test(text.slice(j))) {
        want = "operand";
      }
      i = j;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close < 0) return "a string is not closed";
        if (text[close + 1] === '"') j = close + 2;
        else {
          j = close + 1;
          break;
        }
      }
      const problem = operand();
      if (problem) return problem;
      lastWasName = false;
      i = j;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      for (;;) {
        const close = text.indexOf("'", j);
        if (close < 0) return "a quoted sheet name is not closed";
        if (text[close + 1] === "'") j = close + 2;
        else {
          j = close + 1;
          break;
        }
      }
      if (text[j] !== "!") return "a quoted sheet name is not followed by !";
      i = j + 1;
      // The reference after the sheet name is read as a name below.
      const m = /^[A-Za-z0-9_$.:\u0080-\uFFFF]+/.exec(text.slice(i));
      if (!m) return "a sheet name without a reference";
      const problem = operand();
      if (problem) return problem;
      lastWasName = false;
      i += m[0].length;
      continue;
    }
    if (ch === "[") {
      // A structured reference (Table[Column], [@Column], Table[[#This Row],[Column]]).
      let depth = 0;
      let j = i;
      for (; j < text.length; j++) {
        if (text[j] === "'") {
          j++;
          continue;
        }
        if (text[j] === "[") depth++;
        else if (text[j] === "]" && --depth === 0) break;
      }
      if (depth !== 0) return "a [ is not closed";
      if (!lastWasName) {
        const problem = operand();
        if (problem) return problem;
      }
      lastWasName = false;
      i = j + 1;
      continue;
    }
    if (ch === "#") {
      const error = ERROR_VALUES.find((e) => text.slice(i, i + e.length).toUpperCase() === e);
      if (error) {
        const problem = operand();
        if (problem) return problem;
        lastWasName = false;
        i += error.length;
        continue;
      }
      // A spilled range reference: A1#.
      if (want === "operator" && i > 0 && /[A-Za-z0-9_$]/.test(text[i - 1])) {
        i++;
        continue;
      }
      return `unknown # at "${text.slice(i, i + 12)}"`;
    }
    if (/[0-9.]/.test(ch)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
      // A row range such as 1:1 or a number; a reference like 1A is not a number.
      const row = /^\$?\d+:\$?\d+/.exec(text.slice(i));
      const token = row?.[0] ?? m?.[0];
      if (!token) return `a lone . at "${text.slice(i, i + 12)}"`;
      const problem = operand();
      if (problem) return problem;
      lastWasName = false;
      i += token.length;
      continue;
    }
    if (/[A-Za-z_$\\\u0080-\uFFFF]/.test(ch)) {
      const m = /^[A-Za-z0-9_$.\\\u0080-\uFFFF]+(![A-Za-z0-9_$.:\u0080-\uFFFF]+|:\$?[A-Za-z0-9_$.]+)?/.exec(text.slice(i))!;
      const problem = operand();
      if (problem) return problem;
      i += m[0].length;
      lastWasName = !m[0].includes("!");
      if (text[i] === "(") {
        groups.push("call");
        want = "operand";
        afterSeparator = true;
        lastWasName = false;
        i++;
      }
      continue;
    }
    lastWasName = false;
    if (ch === "(") {
      if (want === "operator") return `a ( after a value at "${text.slice(i, i + 12)}"`;
      groups.push("group");
      i++;
      continue;
    }
    if (ch === "{") {
      if (want === "operator") return `a { after a value`;
      const close = text.indexOf("}", i);
      if (close < 0) return "a { is not closed";
      const items = text.slice(i + 1, close).split(/[,;]/);
      if (items.some((item) => item.trim() === "")) return "an array constant with an empty item";
      const problem = operand();
      if (problem) return problem;
      i = close + 1;
      continue;
    }
    if (ch === ")") {
      const open = groups.pop();
      if (!open) return "a ) without its (";
      if (want === "operand" && !(open === "call" && afterSeparator)) return `a ) after an operator at "${text.slice(Math.max(0, i - 8), i + 1)}"`;
      want = "operator";
      afterSeparator = false;
      i++;
      continue;
    }
    if (ch === ",") {
      if (groups[groups.length - 1] !== "call") return "a , outside a function's arguments";
      if (want === "operand" && !afterSeparator) return `a , after an operator at "${text.slice(Math.max(0, i - 8), i + 1)}"`;
      want = "operand";
      afterSeparator = true;
      i++;
      continue;
    }
    if (ch === "%") {
      if (want !== "operator") return "a % without a value before it";
      i++;
      continue;
    }
    const op = /^(<>|<=|>=|[-+*/^&=<>:])/.exec(text.slice(i))?.[0];
    if (!op) return `an unknown character ${ch}`;
    if (want === "operand") {
      if (op !== "+" && op !== "-") return `an operator ${op} without a value before it`;
    } else want = "operand";
    afterSeparator = false;
    i += op.length;
  }
  if (groups.length) return "a ( is not closed";
  if (want === "operand") return "the formula ends with an operator";
  return undefined;
}

/**
 * What Excel makes of a string typed (or written to `values`) into a cell, en-US.
 * Excel turns "=x" into a formula (refusing one that does not parse), "+x"/"-x"/"@x" into one
 * unless x is a number, "12" and "1,000" into numbers, "2024-01-05" into a date serial with a
 * date format, "TRUE" into true, "#N/A" into an error value; a leading apostrophe or a cell in
 * Text format ("@") keeps the text. A refused formula leaves the cell as it was.
 */
export function typeIntoCell(cell: FakeCell, input: CellValue | null | undefined): void {
  if (input === null || input === undefined) return; // null leaves the cell as it is
  const typed = typedValue(input, cell.numberFormat);
  if (typed.formula !== undefined) {
    const problem = formulaProblem(typed.formula);
    if (problem) throw new FakeOfficeError("InvalidArgument", `Excel does not accept the formula ${typed.formula}: ${problem}.`);
  }
  delete cell.formula;
  delete cell.quotePrefix;
  delete cell.error;
  cell.value = typed.value;
  if (typed.formula !== undefined) cell.formula = typed.formula;
  if (typed.quotePrefix) cell.quotePrefix = true;
  if (typed.error) cell.error = true;
  if (typed.format && cell.numberFormat === DEFAULT_NUMBER_FORMAT) cell.numberFormat = typed.format;
}

/** The formula Excel would make of `input` typed into a cell of that number format, if any. */
export function typedFormula(input: CellValue | null | undefined, numberFormat: string): string | undefined {
  return input === null || input === undefined ? undefined : typedValue(input, numberFormat).formula;
}

function typedValue(
  input: CellValue,
  numberFormat: string,
): { value: CellValue; formula?: string; quotePrefix?: boolean; error?: boolean; format?: string } {
  if (typeof input !== "string" || input === "") return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (numberFormat === "@") return { value: input };
  const first = input[0];
  if (first === "=" && input.length > 1) return { value: "", formula: input };
  const text = input.trim();
  if (NUMBER.test(text)) return { value: text.endsWith("%") ? Number(text.slice(0, -1)) / 100 : Number(text) };
  if (GROUPED_NUMBER.test(text)) return { value: Number(text.replace(/,/g, "")), format: text.includes(".") ? "#,##0.00" : "#,##0" };
  const date = typedDate(text);
  if (date) return { value: date.serial, format: date.format };
  const error = ERROR_VALUES.find((e) => e === text.toUpperCase());
  if (error) return { value: error, error: true };
  if (first === "+" || first === "-") return { value: "", formula: `=${input}` };
  if (first === "@" && input.length > 1) return { value: "", formula: `=${input.slice(1)}` };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === "true" };
  return { value: input };
}

/**
 * Why Excel refuses a worksheet name, or undefined: blank, over 31 characters, any of : \ / ? * [ ],
 * an apostrophe first or last, or "History" (Excel keeps it for its own change history).
 */
export function sheetNameProblem(name: string): string | undefined {
  if (name.trim() === "") return "it is blank";
  if (name.length > 31) return "it is longer than 31 characters";
  if (/[:\\/?*[\]]/.test(name)) return "it holds one of : \\ / ? * [ ]";
  if (name.startsWith("'") || name.endsWith("'")) return "it starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return '"History" is reserved';
  return undefined;
}

/** The 140 HTML (CSS) colour names, the "named HTML color" the typings accept (which list Excel takes is a guess). */
const HTML_COLOR_NAMES = new Set(
  (
    "aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood cadetblue " +
    "chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkkhaki " +
    "darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray darkturquoise " +
    "darkviolet deeppink deepskyblue dimgray dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold " +
    "goldenrod gray green greenyellow honeydew hotpink indianred indigo ivory khaki lavender lavenderblush lawngreen lemonchiffon " +
    "lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightpink lightsalmon lightseagreen lightskyblue " +
    "lightslategray lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine mediumblue mediumorchid " +
    "mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream " +
    "mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen paleturquoise " +
    "palevioletred papayawhip peachpuff peru pink plum powderblue purple red rosybrown royalblue saddlebrown salmon sandybrown " +
    "seagreen seashell sienna silver skyblue slateblue slategray snow springgreen steelblue tan teal thistle tomato turquoise " +
    "violet wheat white whitesmoke yellow yellowgreen"
  ).split(" "),
);

/** A colour as the typings take it: #RRGGBB or a named HTML colour. */
export function isExcelColor(value: unknown): boolean {
  return typeof value === "string" && (/^#[0-9A-Fa-f]{6}$/.test(value) || HTML_COLOR_NAMES.has(value.toLowerCase()));
}

/** Table.style: TableStyleLight1-21, TableStyleMedium1-28, TableStyleDark1-11 (no custom style exists in the fake). */
export function isTableStyle(value: unknown): boolean {
  const m = typeof value === "string" ? /^TableStyle(Light|Medium|Dark)(\d+)$/.exec(value) : null;
  if (!m || m[2].startsWith("0")) return false;
  const n = Number(m[2]);
  return n >= 1 && n <= ({ Light: 21, Medium: 28, Dark: 11 } as Record<string, number>)[m[1]];
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

  /** Refuses a name Excel refuses for a new or renamed sheet (`except`: the sheet being renamed). */
  checkSheetName(name: string, except?: FakeSheet): void {
    const problem = sheetNameProblem(name);
    if (problem) throw new FakeOfficeError("InvalidArgument", `The worksheet name "${name}" is not valid: ${problem}.`);
    const other = this.sheet(name);
    if (other && other !== except) throw new FakeOfficeError("ItemAlreadyExists", `A worksheet named "${name}" already exists.`);
  }

  addSheet(name: string): FakeSheet {
    this.checkSheetName(name);
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

  /**
   * Excel makes every header a unique, non-blank text: a blank one becomes "Column<n>", a repeated
   * one gets a number ("Name2"). The columns just `written` (offsets in the table) give way to
   * the others, as a header typed over a duplicate is the one renamed.
   */
  normalizeHeaders(table: FakeTable, written?: ReadonlySet<number>): void {
    const seen = new Set<string>();
    const order = [...Array(table.rect.cols).keys()];
    if (written) order.sort((a, b) => Number(written.has(a)) - Number(written.has(b)) || a - b);
    for (const c of order) {
      const cell = this.cell(table.sheet, table.rect.row, table.rect.col + c);
      let text = cell.formula ? "" : String(cell.value);
      if (text === "") text = `Column${c + 1}`;
      let unique = text;
      for (let n = 2; seen.has(unique.toLocaleLowerCase("en-US")); n++) unique = `${text}${n}`;
      seen.add(unique.toLocaleLowerCase("en-US"));
      delete cell.formula;
      delete cell.error;
      cell.value = unique;
    }
  }

  /** After cells of `rect` were written: the headers of every table whose header row they touch. */
  normalizeWrittenHeaders(sheet: FakeSheet, rect: Rect): void {
    for (const table of this.tables) {
      if (table.sheet !== sheet || table.showHeaders === false) continue;
      const header = { ...table.rect, rows: 1 };
      if (!intersects(header, rect)) continue;
      const written = new Set<number>();
      for (let c = Math.max(rect.col, header.col); c < Math.min(rect.col + rect.cols, header.col + header.cols); c++) written.add(c - header.col);
      this.normalizeHeaders(table, written);
    }
  }

  /**
   * Inserts `count` rows of cells at `row` within columns [col, col+cols) and shifts what is below
   * down, as Excel does when rows are added to a table (TableRowCollection.add, alwaysInsert).
   * A table below that only partly spans those columns would be split: InsertDeleteConflict.
   */
  shiftDown(sheet: FakeSheet, row: number, col: number, cols: number, count: number, except?: FakeTable): void {
    const band = { row, col, rows: 1_048_576 - row, cols };
    for (const table of this.tables) {
      if (table === except || table.sheet !== sheet || !intersects(table.rect, band)) continue;
      if (table.rect.col < col || table.rect.col + table.rect.cols > col + cols)
        throw new FakeOfficeError("InsertDeleteConflict", `The insert operation would move part of table ${table.name}.`);
    }
    for (const map of [sheet.cells, sheet.validations] as Map<number, unknown>[]) {
      const moved: [number, unknown][] = [];
      for (const [key, value] of map) {
        const c = keyCol(key);
        if (keyRow(key) >= row && c >= col && c < col + cols) moved.push([key, value]);
      }
      for (const [key] of moved) map.delete(key);
      for (const [key, value] of moved) map.set(key + count * MAX_COLUMNS, value);
    }
    for (const cf of sheet.conditionalFormats) {
      if (cf.rect.col >= col && cf.rect.col + cf.rect.cols <= col + cols) {
        if (cf.rect.row >= row) cf.rect.row += count;
        else if (cf.rect.row + cf.rect.rows > row) cf.rect.rows += count;
      }
    }
    for (const table of this.tables) if (table !== except && table.sheet === sheet && intersects(table.rect, band)) table.rect.row += count;
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
        pageLayout: s.pageLayout && { ...s.pageLayout, zoom: s.pageLayout.zoom && { ...s.pageLayout.zoom } },
      };
      sheetMap.set(s, sheet);
      copy.sheets.push(sheet);
    }
    for (const t of this.tables) copy.tables.push({ ...t, sheet: sheetMap.get(t.sheet)!, rect: { ...t.rect } });
    for (const n of this.names) copy.names.push({ ...n });
    return copy;
  }

  /** A text that differs whenever two workbooks differ in anything the fake keeps (ids included). */
  signature(): string {
    return JSON.stringify({
      nextId: this.nextId,
      sheets: this.sheets.map((s) => ({
        ...s,
        cells: [...s.cells],
        validations: [...s.validations],
        columnWidths: [...s.columnWidths],
      })),
      tables: this.tables.map((t) => ({ ...t, sheet: t.sheet.id })),
      names: this.names,
    });
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
  error?: boolean;
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
    if (cell?.error) snap.error = true;
    if (validation) snap.validation = JSON.stringify(validation);
    out.set(`${columnLetters(keyCol(key))}${keyRow(key) + 1}`, snap);
  }
  return out;
}
