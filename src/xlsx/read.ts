// Reads an ExcelJS workbook into the WorkbookState the planner takes, so a file is planned
// exactly like a live workbook.
import type ExcelJS from "exceljs";
import { LANGUAGE_NAME, RECORD_TABLE, SCHEMA_VERSION_NAME, type SheetState, type TableState, type WorkbookState } from "../domain/plan/types";
import { LANGUAGES, type Language } from "../domain/spec/vocabulary";
import { parseArea } from "../domain/plan/address";
import { bodyOf, tableModel, type TableModel } from "./apply";
import { definedNames, namedCell } from "./names";

function hasValues(sheet: ExcelJS.Worksheet): boolean {
  let found = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (!found) row.eachCell({ includeEmpty: false }, (cell) => (found ||= cell.value !== null && cell.value !== ""));
  });
  return found;
}

function tablesOf(sheet: ExcelJS.Worksheet): TableModel[] {
  const tables = (sheet as unknown as { tables: Record<string, unknown> }).tables;
  return Object.keys(tables).map((name) => tableModel(sheet, name));
}

function tableState(sheet: ExcelJS.Worksheet, model: TableModel): TableState {
  const area = parseArea(model.tableRef);
  const body = bodyOf(model);
  const headers: string[] = [];
  for (let column = area.firstColumn; column <= area.lastColumn; column++) headers.push(sheet.getCell(area.firstRow, column).text);
  return {
    name: model.name,
    sheet: sheet.name,
    headers,
    rowCount: body.lastRow - body.firstRow + 1,
    address: model.tableRef,
  };
}

function recordItems(workbook: ExcelJS.Workbook): string[] {
  for (const sheet of workbook.worksheets) {
    const model = tablesOf(sheet).find((t) => t.name === RECORD_TABLE);
    if (!model) continue;
    const body = bodyOf(model);
    const items: string[] = [];
    for (let row = body.firstRow; row <= body.lastRow; row++) {
      const text = sheet.getCell(row, body.firstColumn).text;
      if (text !== "") items.push(text);
    }
    return items;
  }
  return [];
}

export function readState(workbook: ExcelJS.Workbook): WorkbookState {
  const sheets: SheetState[] = workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    visible: sheet.state === "visible",
    empty: !hasValues(sheet),
  }));
  const tables = workbook.worksheets.flatMap((sheet) => tablesOf(sheet).map((model) => tableState(sheet, model)));
  const version = namedCell(workbook, SCHEMA_VERSION_NAME)?.value;
  const language = namedCell(workbook, LANGUAGE_NAME)?.value;
  return {
    sheets,
    tables,
    names: definedNames(workbook).map((n) => n.name),
    record: recordItems(workbook),
    ...(typeof version === "number" ? { schemaVersion: version } : {}),
    ...(LANGUAGES.includes(language as Language) ? { language: language as Language } : {}),
  };
}
