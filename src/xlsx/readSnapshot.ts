// Reads every table of an .xlsx (loaded by loadWorkbook) into the WorkbookSnapshot the check
// takes, cell by cell as Excel would show it through Office.js: dates as serial numbers, rich
// text and hyperlinks as their text, errors as "#N/A", formula cells as their cached result
// (null when the file holds none, as files written without Excel do) with the formula beside.
import type ExcelJS from "exceljs";
import { LANGUAGE_NAME } from "../domain/plan/types";
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";
import type { SnapshotValue, TableSnapshot, WorkbookSnapshot } from "../domain/validation/types";
import { bodyOf, tableModel, type TableModel } from "./apply";
import { parseArea } from "../domain/plan/address";
import { displayFormula } from "./formula";
import { namedCell } from "./names";

const DAY_MS = 24 * 60 * 60 * 1000;
// Serial 25569 is 1970-01-01 in Excel's 1900 date system. ExcelJS turns a date-formatted number
// into a Date with the file's own date system, so going back with the 1900 system gives every
// file the serials the check's dates (and a 1900 workbook in Excel) use.
const UNIX_EPOCH_SERIAL = 25569;

export function excelSerial(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / DAY_MS;
}

type Plain = ExcelJS.CellValue | ExcelJS.CellRichTextValue["richText"] | undefined;

/** A value as a cell shows it: what a formula's result, a hyperlink or rich text holds. */
function plainValue(value: Plain): SnapshotValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : excelSerial(value);
  if (Array.isArray(value)) return plainValue(value.map((run) => run.text ?? "").join(""));
  if ("error" in value) return String(value.error);
  if ("richText" in value) return plainValue(value.richText);
  if ("hyperlink" in value) return plainValue((value as ExcelJS.CellHyperlinkValue).text as Plain);
  if ("formula" in value || "sharedFormula" in value) return plainValue((value as ExcelJS.CellFormulaValue).result as Plain);
  return null;
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  if (value === null || typeof value !== "object" || !("formula" in value || "sharedFormula" in value)) return null;
  // ExcelJS gives a shared formula's followers their own translated text through `formula`.
  const text = cell.formula;
  return text ? displayFormula(text) : null;
}

function tablesOf(sheet: ExcelJS.Worksheet): TableModel[] {
  const tables = (sheet as unknown as { tables: Record<string, unknown> }).tables;
  return Object.keys(tables).map((name) => tableModel(sheet, name));
}

function tableSnapshot(sheet: ExcelJS.Worksheet, model: TableModel, hidesHeaders: boolean): TableSnapshot {
  const area = parseArea(model.tableRef);
  // A hidden header row is not in the table's range: its names are the table's own column names.
  const body = hidesHeaders ? { ...bodyOf(model), firstRow: area.firstRow } : bodyOf(model);
  const headerRow = hidesHeaders ? area.firstRow - 1 : area.firstRow;
  const headers: string[] = [];
  for (let column = area.firstColumn; column <= area.lastColumn; column++) {
    const text = hidesHeaders ? null : plainValue(sheet.getCell(headerRow, column).value);
    headers.push(text === null ? (model.columns[column - area.firstColumn]?.name ?? "") : String(text));
  }
  const values: SnapshotValue[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  for (let row = body.firstRow; row <= body.lastRow; row++) {
    const rowValues: SnapshotValue[] = [];
    const rowFormulas: (string | null)[] = [];
    const rowFormats: string[] = [];
    for (let column = area.firstColumn; column <= area.lastColumn; column++) {
      const cell = sheet.getCell(row, column);
      rowValues.push(plainValue(cell.value));
      rowFormulas.push(formulaOf(cell));
      rowFormats.push(cell.numFmt || "General");
    }
    values.push(rowValues);
    formulas.push(rowFormulas);
    numberFormats.push(rowFormats);
  }
  return { name: model.name, sheet: sheet.name, headerRow, firstColumn: area.firstColumn, headers, values, formulas, numberFormats };
}

export interface ReadOptions {
  /**
   * Tables whose header row is hidden (see headerlessTables in ./zipEntry: ExcelJS cannot tell
   * them from tables that show it). Without it, every table is read as showing its headers.
   */
  readonly headerless?: ReadonlySet<string>;
}

/** Every table of every sheet (users' own included: the check leaves tables it does not know). */
export function readSnapshot(workbook: ExcelJS.Workbook, options: ReadOptions = {}): WorkbookSnapshot {
  const tables = workbook.worksheets.flatMap((sheet) =>
    tablesOf(sheet).map((model) => tableSnapshot(sheet, model, options.headerless?.has(model.name) ?? false)),
  );
  const language = plainValue(namedCell(workbook, LANGUAGE_NAME)?.value);
  return {
    ...(LANGUAGES.includes(language as Language) ? { language: language as Language } : {}),
    tables,
  };
}
