// Argument coercion for every SALES function, declared once per parameter (as HyperFormula's
// implementedFunctions does): kind, what a blank means, bounds. Bodies get plain values.
import { isMetricError, metricError, type CellPosition, type MetricError } from "../domain/metrics/errors";
import { isBlank, type NumberGrid, type WordGrid } from "../domain/metrics/grid";
import type { Language } from "../domain/spec/vocabulary";
import { isExcelError, passedOnCode, toExcelError } from "./excelErrors";

export type Kind =
  | "number" // one number
  | "percent" // one number in 0..1
  | "sum" // a range (or one value) of numbers, added up
  | "numbers" // a range of numbers, blanks kept in place
  | "percents" // a range of numbers in 0..1
  | "words" // a range of stage or status words
  | "wordList" // a short range of words, read in order (a stage list)
  | "word" // one word
  | "language" // en-US or zh-CN
  | "cell"; // one value of any type, judged by the body

interface KindValue {
  number: number;
  percent: number;
  sum: number;
  numbers: NumberGrid;
  percents: NumberGrid;
  words: WordGrid;
  wordList: readonly string[];
  word: string;
  language: Language;
  cell: unknown;
}

/** What a blank (or omitted) argument becomes: an error, nothing, or a default. */
type BlankMeans<K extends Kind> = "required" | "absent" | KindValue[K];

export interface Parameter<K extends Kind = Kind, B extends BlankMeans<K> = BlankMeans<K>> {
  readonly name: string;
  readonly kind: K;
  readonly blank: B;
  /**
   * Whether a 0 reads as a blank cell. Older Excel builds on Windows pass a blank cell as 0
   * (office-js issues 4702, 5262), so where 0 cannot be meant (a word, a date, a lifetime
   * cap) it is read as the blank it came from. Elsewhere 0 is a number like any other.
   */
  readonly zeroIsBlank: boolean;
  /** Smallest allowed number (inclusive). */
  readonly min?: number;
  /** Single numbers must be greater than this. */
  readonly above?: number;
  /** Whether the formula may leave the argument out (Excel's autocomplete shows it in brackets). */
  readonly optional: boolean;
}

export type ValueOf<P> = P extends Parameter<infer K, infer B> ? (B extends "absent" ? KindValue[K] | undefined : KindValue[K]) : never;

export type Values<Ps extends readonly Parameter[]> = { -readonly [I in keyof Ps]: ValueOf<Ps[I]> };

/**
 * A parameter. It is optional in the formula when a blank is allowed, unless `optional: false`
 * says the argument must be given even though its cell may be empty (TIER's value).
 */
export function param<K extends Kind, const B extends BlankMeans<K> = "required">(
  name: string,
  kind: K,
  options: { blank?: B; min?: number; above?: number; optional?: boolean; zeroIsBlank?: boolean } = {},
): Parameter<K, B> {
  const blank = (options.blank ?? "required") as B;
  return {
    name,
    kind,
    blank,
    zeroIsBlank: options.zeroIsBlank ?? WORD_KINDS.has(kind),
    min: options.min,
    above: options.above,
    optional: options.optional ?? blank !== "required",
  };
}

/** Kinds that read words: a number there is never meant, so a 0 is a blank cell. */
const WORD_KINDS: ReadonlySet<Kind> = new Set<Kind>(["words", "wordList", "word", "language"]);

type Cell = unknown;

/** An Excel data type as a cell holding one arrives (Excel.CellValue: type, basicValue, and text for entities). */
interface DataTypeCell {
  readonly type: string;
  readonly basicValue?: unknown;
  readonly basicType?: string;
  readonly text?: unknown;
}

function isDataType(value: object): value is DataTypeCell {
  return typeof (value as { type?: unknown }).type === "string" && !Array.isArray(value);
}

/**
 * What a cell holding a data type means to a function. The generated metadata turns on
 * allowCustomDataForDataTypeAny, so Excel hands such a cell over as an object: a formatted
 * number as { type: "Double", basicValue: 5, numberFormat }, an entity as its card with the
 * text it shows. Its basic value is what Excel's own formulas calculate with
 * (docs/excel/excel-data-types-concepts.md); an entity's basic value is #VALUE!, so its shown
 * text is read instead, and a data type whose basic value is an error is that error.
 */
function basicValueOf(value: DataTypeCell): Cell {
  if ((value.type === "Entity" || value.type === "LinkedEntity") && typeof value.text === "string") return value.text;
  if (value.type === "Empty") return null;
  if (value.type === "Error" || value.basicType === "Error") {
    const code = typeof value.basicValue === "string" && value.basicValue.startsWith("#") ? value.basicValue : "#VALUE!";
    return { code };
  }
  return value.basicValue === undefined ? value : value.basicValue;
}

/** One cell as the function reads it: a data type as its basic value, a 0 standing for a blank as blank. */
function plainCell(p: Parameter, value: Cell): Cell {
  if (value === 0) return p.zeroIsBlank ? null : 0;
  if (typeof value !== "object" || value === null || isExcelError(value) || !isDataType(value)) return value;
  const basic = basicValueOf(value);
  return basic === 0 && p.zeroIsBlank ? null : basic;
}

function needsPlaining(p: Parameter, value: Cell): boolean {
  return value === 0 ? p.zeroIsBlank : typeof value === "object" && value !== null;
}

/**
 * A range with every cell as the function reads it: the same range when nothing changes,
 * otherwise a copy. Only called once a range is known (or likely) to need it, so a million
 * plain cells are not walked twice.
 */
function plainGrid(p: Parameter, grid: readonly (readonly Cell[])[]): readonly (readonly Cell[])[] {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    for (let c = 0; c < row.length; c++) {
      if (needsPlaining(p, row[c])) return grid.map((cells) => (Array.isArray(cells) ? cells.map((cell) => plainCell(p, cell)) : cells));
    }
  }
  return grid;
}

/** A cell's content in a message: never "[object Object]". */
function describe(value: Cell): string {
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && value !== null) {
    const { text, basicValue, type } = value as { text?: unknown; basicValue?: unknown; type?: unknown };
    for (const shown of [text, basicValue, type]) if (typeof shown === "string" || typeof shown === "number") return String(shown);
    return Array.isArray(value) ? "a range" : "a data type";
  }
  return String(value);
}

/** The 1-based place of a range cell in messages; none for a single value. */
function positionOf(row?: number, column?: number): CellPosition | undefined {
  return row === undefined ? undefined : { row: row + 1, column: (column ?? 0) + 1 };
}

function passOn(name: string, value: CustomFunctions.Error, row?: number, column?: number): MetricError {
  return metricError(passedOnCode(value.code), "errorValue", [name, value.code], positionOf(row, column));
}

/** Excel hands a range as rows of cells; one value or a single row still reads as rows. */
function asGrid(value: Cell): readonly (readonly Cell[])[] {
  if (!Array.isArray(value)) return [[value]];
  if (value.length > 0 && !Array.isArray(value[0])) return [value];
  return value as Cell[][];
}

/** One value from an argument that may be a 1×1 range. */
function single(p: Parameter, value: Cell): Cell | MetricError {
  if (!Array.isArray(value)) return value;
  const grid = asGrid(value);
  if (grid.length === 1 && grid[0].length === 1) return grid[0][0];
  return metricError("#VALUE!", "notOneValue", [p.name]);
}

function numberProblem(p: Parameter, value: number, row?: number, column?: number): MetricError | undefined {
  const cell = positionOf(row, column);
  if (value - value !== 0) return metricError("#NUM!", "notFinite", [p.name], cell);
  if ((p.kind === "percent" || p.kind === "percents") && !(value >= 0 && value <= 1)) {
    return metricError("#NUM!", "notAPercent", [p.name, value], cell);
  }
  if (p.min !== undefined && value < p.min) return metricError("#NUM!", "belowMinimum", [p.name, p.min], cell);
  if (p.above !== undefined && !(value > p.above)) return metricError("#NUM!", "notAboveMinimum", [p.name, p.above], cell);
  return undefined;
}

function notNumber(p: Parameter, value: Cell, row?: number, column?: number): MetricError {
  if (isExcelError(value)) return passOn(p.name, value, row, column);
  const cell = positionOf(row, column);
  if (Array.isArray(value)) return metricError("#VALUE!", "notOneValue", [p.name], cell);
  return metricError("#VALUE!", "notANumber", [p.name, describe(value)], cell);
}

/** The lowest and highest number a range cell may hold: both bounds checked in one comparison. */
function boundsOf(p: Parameter): [number, number] {
  const percent = p.kind === "percents";
  const low = Math.max(p.min ?? -Infinity, percent ? 0 : -Infinity);
  return [low, percent ? 1 : Infinity];
}

/** scanNumbers met a cell to read as plainCell does (a data type, a 0 that is a blank). */
const NEEDS_PLAIN = Symbol("needs plain");

/**
 * Checks a range of numbers in place: no copy, no allocation per cell. Returns the sum, or
 * the first problem (an error passed on, text, a number out of bounds) with its cell, or
 * NEEDS_PLAIN for a range to scan again once plainGrid has read its cells.
 */
function scanNumbers(p: Parameter, grid: readonly (readonly Cell[])[], plained = false): number | MetricError | typeof NEEDS_PLAIN {
  const [low, high] = boundsOf(p);
  const zeroIsBlank = p.zeroIsBlank && !plained;
  let total = 0;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) return notNumber(p, row, r, 0);
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value === "number") {
        if (value >= low && value <= high && value - value === 0) {
          if (value === 0 && zeroIsBlank) return NEEDS_PLAIN;
          total += value;
          continue;
        }
        return numberProblem(p, value, r, c) ?? metricError("#NUM!", "notFinite", [p.name]);
      }
      if (value === "" || value === null || value === undefined) continue;
      if (!plained && typeof value === "object" && !isExcelError(value)) return NEEDS_PLAIN;
      return notNumber(p, value, r, c);
    }
  }
  return total;
}

/** The range as the body reads it, with its sum, or the problem. */
function numbersOf(p: Parameter, grid: readonly (readonly Cell[])[]): { grid: readonly (readonly Cell[])[]; total: number } | MetricError {
  let total = scanNumbers(p, grid);
  if (total === NEEDS_PLAIN) {
    grid = plainGrid(p, grid);
    total = scanNumbers(p, grid, true);
  }
  return isMetricError(total) ? total : { grid, total: total as number };
}

/** Why a cell of a words range is wrong: an error passed on, or not text; undefined for text. */
function wordCellProblem(p: Parameter, value: Cell, row: number, column: number): MetricError | undefined {
  if (typeof value === "string") return undefined;
  if (isExcelError(value)) return passOn(p.name, value, row, column);
  return metricError("#VALUE!", "notAWord", [p.name, describe(value)], positionOf(row, column));
}

/** The words of a short range in reading order, blanks left out (a stage list). */
function wordList(p: Parameter, grid: readonly (readonly Cell[])[]): string[] | MetricError {
  const words: string[] = [];
  for (let r = 0; r < grid.length; r++) {
    const row = asGrid(grid[r])[0];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (isBlank(value) || (typeof value === "string" && value.trim() === "")) continue;
      const problem = wordCellProblem(p, value, r, c);
      if (problem) return problem;
      words.push(value as string);
    }
  }
  return words;
}

function languageOf(p: Parameter, value: Cell): Language | MetricError {
  if (typeof value === "string") {
    if (/^\s*(en\b|english|英文|英语)/i.test(value)) return "en-US";
    if (/^\s*(zh\b|chinese|中文)/i.test(value)) return "zh-CN";
  }
  return metricError("#VALUE!", "unknownLanguage", [p.name, describe(value)]);
}

function isBlankArgument(p: Parameter, value: Cell): boolean {
  if (isBlank(value)) return true;
  // An omitted or empty range argument: Excel may hand [[""]] or [[null]].
  if (p.kind !== "cell" && Array.isArray(value)) {
    const grid = asGrid(value);
    return grid.length === 1 && grid[0].length === 1 && isBlank(plainCell(p, grid[0][0]));
  }
  return false;
}

/** One value from an argument that may be a 1×1 range, read as plainCell does. */
function plainSingle(p: Parameter, value: Cell): Cell | MetricError {
  const one = single(p, value);
  return isMetricError(one) ? one : plainCell(p, one);
}

/** The plain value the body receives, or the problem to report. */
export function coerce(p: Parameter, argument: Cell): unknown {
  const value = Array.isArray(argument) ? argument : plainCell(p, argument);
  if (isBlankArgument(p, value)) {
    if (p.blank === "required") return metricError("#VALUE!", "missing", [p.name]);
    if (p.blank === "absent") return undefined;
    return p.blank;
  }
  switch (p.kind) {
    case "number":
    case "percent": {
      const one = plainSingle(p, value);
      if (typeof one !== "number") return isMetricError(one) ? one : notNumber(p, one);
      return numberProblem(p, one) ?? one;
    }
    case "sum": {
      const numbers = numbersOf(p, asGrid(value));
      return isMetricError(numbers) ? numbers : numbers.total;
    }
    case "numbers":
    case "percents": {
      const numbers = numbersOf(p, asGrid(value));
      return isMetricError(numbers) ? numbers : numbers.grid;
    }
    case "words":
      // Not scanned here: the body reads every cell it needs as a word anyway, and one pass
      // instead of two keeps a million rows fast. A cell it could not read (a 0 standing for a
      // blank, a data type) sends it back through invoke with plainGrid's reading; one still
      // unread is explained by wordCellProblem.
      return asGrid(value);
    case "wordList":
      return wordList(p, plainGrid(p, asGrid(value)));
    case "word": {
      const one = plainSingle(p, value);
      if (typeof one === "string") return one;
      if (isMetricError(one)) return one;
      if (isExcelError(one)) return passOn(p.name, one);
      return metricError("#VALUE!", "notAWord", [p.name, describe(one)]);
    }
    case "language": {
      const one = plainSingle(p, value);
      return isMetricError(one) ? one : languageOf(p, one);
    }
    case "cell": {
      const one = plainSingle(p, value);
      if (isMetricError(one)) return one;
      if (isExcelError(one)) return passOn(p.name, one);
      return isBlank(one) ? undefined : one;
    }
  }
}

/** An unknown word the body met in a words range may be no word at all: say what it is instead. */
function explainWordCell(params: readonly Parameter[], values: readonly unknown[], error: MetricError): MetricError {
  if (error.key !== "unknownWord" || !error.cell) return error;
  const i = params.findIndex((p) => p.kind === "words" && p.name === error.args[0]);
  if (i < 0) return error;
  const grid = values[i] as WordGrid;
  const { row, column } = error.cell;
  return wordCellProblem(params[i], grid[row - 1]?.[column - 1], row - 1, column - 1) ?? error;
}

/**
 * Replaces each words range that holds cells to read as plainCell does with its plain copy;
 * whether any changed. Called only after the body met a cell it could not read.
 */
function plainWords(params: readonly Parameter[], values: unknown[]): boolean {
  let changed = false;
  params.forEach((p, i) => {
    if (p.kind !== "words" || values[i] === undefined) return;
    const plain = plainGrid(p, values[i] as WordGrid);
    if (plain !== values[i]) {
      values[i] = plain;
      changed = true;
    }
  });
  return changed;
}

/**
 * Coerces the arguments per the declared parameters, runs the body, and turns any problem
 * into a thrown CustomFunctions.Error; a result Excel cannot hold (NaN, ±∞) is #NUM!.
 */
export function invoke<const Ps extends readonly Parameter[], R>(
  params: Ps,
  args: readonly unknown[],
  body: (...values: Values<Ps>) => R | MetricError,
): R {
  const values: unknown[] = new Array(params.length);
  for (let i = 0; i < params.length; i++) {
    const value = coerce(params[i], args[i]);
    if (isMetricError(value)) throw toExcelError(value);
    values[i] = value;
  }
  let result = body(...(values as Values<Ps>));
  if (isMetricError(result) && plainWords(params, values)) result = body(...(values as Values<Ps>));
  if (isMetricError(result)) throw toExcelError(explainWordCell(params, values, result));
  if (typeof result === "number" && !Number.isFinite(result)) throw toExcelError(metricError("#NUM!", "tooLarge", []));
  return result;
}
