// Applies a plan (src/domain/plan) to an ExcelJS workbook: the same steps the Office.js writer
// applies to a live workbook, in the same order, so a file and a set-up workbook are alike.
import ExcelJS from "exceljs";
import type {
  AddColumnsStep,
  AddSheetStep,
  AddTableStep,
  AppendRowsStep,
  CellFormat,
  CellInput,
  ColumnValidation,
  Plan,
  PlanStep,
  SetColumnFormulaStep,
  SetConditionalFormatStep,
  SetFormatsStep,
  SetPrintStep,
  SetRowFormatsStep,
  SetValidationStep,
  StyleTableStep,
  ValidationCheck,
  WriteCellsStep,
} from "../domain/plan/types";
import { SCHEMA_VERSION_NAME } from "../domain/plan/types";
import type { RuleFormat } from "../domain/spec/types";
import { areaAddress, parseArea, type Area } from "../domain/plan/address";
import { fileFormula, needsArrayEntry } from "./formula";
import { teachCalculatedColumns } from "./calculatedColumns";
import { addName, namedCell } from "./names";
import { fitRowHeights } from "./rowHeights";

const DEFAULT_TABLE_STYLE = "TableStyleMedium2";

/** A string stays a string cell whatever it starts with; only `{ formula }` becomes a formula. */
export function cellValue(input: CellInput): ExcelJS.CellValue {
  if (input === null || typeof input !== "object") return input;
  return { formula: fileFormula(input.formula) } as ExcelJS.CellFormulaValue;
}

function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`sheet "${name}" is not in the workbook`);
  return sheet;
}

/** ExcelJS's table model, the part this writer reads and grows. */
export interface TableModel {
  name: string;
  tableRef: string;
  autoFilterRef?: string;
  totalsRow?: boolean;
  columns: { name: string; filterButton?: boolean; calculatedColumnFormula?: string }[];
  rows?: unknown[][];
}

export function tableModel(sheet: ExcelJS.Worksheet, name: string): TableModel {
  const table = (sheet as unknown as { tables: Record<string, { table: TableModel }> }).tables[name];
  if (!table) throw new Error(`table ${name} is not on sheet "${sheet.name}"`);
  return table.table;
}

/** Data body of a table (header excluded, totals excluded). */
export function bodyOf(model: TableModel): Area {
  const area = parseArea(model.tableRef);
  return { ...area, firstRow: area.firstRow + 1, lastRow: area.lastRow - (model.totalsRow ? 1 : 0) };
}

/** Sheet column number of each header, so steps name columns by header wherever users moved them. */
function columnIndex(model: TableModel, header: string): number {
  const at = model.columns.findIndex((c) => c.name === header);
  if (at < 0) throw new Error(`table ${model.name} has no column "${header}"`);
  return parseArea(model.tableRef).firstColumn + at;
}

function resize(model: TableModel, area: Area): void {
  model.tableRef = areaAddress(area);
  model.autoFilterRef = areaAddress({ ...area, lastRow: area.lastRow - (model.totalsRow ? 1 : 0) });
}

function addSheet(workbook: ExcelJS.Workbook, step: AddSheetStep): void {
  const sheet = workbook.addWorksheet(step.sheet, {
    state: step.visible ? "visible" : "hidden",
    ...(step.tabColor ? { properties: { tabColor: { argb: argb(step.tabColor) } } } : {}),
  });
  if (step.first) moveFirst(workbook, sheet);
}

/** ExcelJS orders the sheets it writes by orderNo (not in its typings). */
function moveFirst(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet): void {
  type Ordered = { orderNo: number };
  (sheet as unknown as Ordered).orderNo = Math.min(...workbook.worksheets.map((s) => (s as unknown as Ordered).orderNo)) - 1;
}

function addTable(workbook: ExcelJS.Workbook, step: AddTableStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const header = parseArea(step.address);
  const rows = step.rows.length > 0 ? step.rows : [step.headers.map(() => null)];
  sheet.addTable({
    name: step.table,
    ref: areaAddress({ ...header, lastRow: header.firstRow, lastColumn: header.firstColumn }),
    headerRow: true,
    style: { theme: (step.style ?? DEFAULT_TABLE_STYLE) as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
    columns: step.headers.map((name) => ({ name, filterButton: true })),
    rows: rows.map((row) => row.map(cellValue)),
  });
  if (step.freezeHeader) sheet.views = [{ state: "frozen", xSplit: 0, ySplit: header.firstRow }];
}

function addColumns(workbook: ExcelJS.Workbook, step: AddColumnsStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  const area = parseArea(model.tableRef);
  const body = bodyOf(model);
  step.columns.forEach((column, i) => {
    const at = area.lastColumn + 1 + i;
    sheet.getCell(area.firstRow, at).value = column.header;
    column.values?.forEach((value, r) => {
      if (body.firstRow + r <= body.lastRow) sheet.getCell(body.firstRow + r, at).value = cellValue(value);
    });
    model.columns.push({ name: column.header, filterButton: true });
  });
  resize(model, { ...area, lastColumn: area.lastColumn + step.columns.length });
}

function appendRows(workbook: ExcelJS.Workbook, step: AppendRowsStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  if (model.totalsRow) throw new Error(`table ${step.table} has a totals row; rows cannot be appended below it`);
  const area = parseArea(model.tableRef);
  step.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      sheet.getCell(area.lastRow + 1 + r, area.firstColumn + c).value = cellValue(value);
    });
  });
  model.rows?.push(...step.rows.map((row) => row.map(cellValue)));
  resize(model, { ...area, lastRow: area.lastRow + step.rows.length });
}

function forEachBodyCell(sheet: ExcelJS.Worksheet, body: Area, column: number, visit: (cell: ExcelJS.Cell) => void): void {
  for (let row = body.firstRow; row <= body.lastRow; row++) visit(sheet.getCell(row, column));
}

function setFormats(workbook: ExcelJS.Workbook, step: SetFormatsStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  const body = bodyOf(model);
  for (const column of step.columns) {
    const at = columnIndex(model, column.column);
    if (column.width !== undefined) sheet.getColumn(at).width = column.width;
    const numberFormat = column.numberFormat;
    if (numberFormat !== undefined) forEachBodyCell(sheet, body, at, (cell) => (cell.numFmt = numberFormat));
  }
}

function setColumnFormula(workbook: ExcelJS.Workbook, step: SetColumnFormulaStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  const body = bodyOf(model);
  for (const column of step.columns) {
    const text = fileFormula(column.formula);
    const at = columnIndex(model, column.column);
    model.columns[at - parseArea(model.tableRef).firstColumn].calculatedColumnFormula = text;
    forEachBodyCell(sheet, body, at, (cell) => (cell.value = { formula: text } as ExcelJS.CellFormulaValue));
  }
}

// 1899-12-31 is serial 1, which Excel shows as 1900-01-01 (ExcelJS converts from a JavaScript date).
const FIRST_EXCEL_DAY = new Date(Date.UTC(1899, 11, 31));

function ruleOf(check: ValidationCheck): ExcelJS.DataValidation {
  switch (check.kind) {
    case "any":
      // No type attribute: ExcelJS writes an "any value" rule, which only carries the input message.
      return { type: "any" as ExcelJS.DataValidation["type"], formulae: [] };
    case "list":
      return { type: "list", formulae: [check.source.replace(/^=/, "")] };
    case "date":
      return { type: "date", operator: "greaterThanOrEqual", formulae: [FIRST_EXCEL_DAY] };
    case "decimal":
      return check.max === undefined
        ? { type: "decimal", operator: "greaterThanOrEqual", formulae: [check.min] }
        : { type: "decimal", operator: "between", formulae: [check.min, check.max] };
    case "whole":
      return { type: "whole", operator: "between", formulae: [check.min, check.max] };
  }
}

function validationOf(column: ColumnValidation): ExcelJS.DataValidation {
  const rule = ruleOf(column.check);
  return {
    ...rule,
    allowBlank: column.allowBlank,
    showErrorMessage: true,
    errorStyle: column.error.style,
    errorTitle: column.error.title,
    error: column.error.message,
    ...(column.prompt ? { showInputMessage: true, promptTitle: column.prompt.title, prompt: column.prompt.message } : {}),
  };
}

function setValidation(workbook: ExcelJS.Workbook, step: SetValidationStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  const body = bodyOf(model);
  for (const column of step.columns) {
    const at = columnIndex(model, column.column);
    (sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations.add(
      areaAddress({ ...body, firstColumn: at, lastColumn: at }),
      validationOf(column),
    );
  }
}

function styleOf(format: RuleFormat): Partial<ExcelJS.Style> {
  const font: Partial<ExcelJS.Font> = {
    ...(format.font ? { color: { argb: argb(format.font) } } : {}),
    ...(format.bold ? { bold: true } : {}),
    ...(format.strike ? { strike: true } : {}),
  };
  return {
    ...(format.numberFormat ? { numFmt: format.numberFormat } : {}),
    // A conditional format's solid fill takes its colour from bgColor (it is a dxf, not a cell style).
    ...(format.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } } } : {}),
    ...(Object.keys(font).length > 0 ? { font } : {}),
  };
}

function setConditionalFormat(workbook: ExcelJS.Workbook, step: SetConditionalFormatStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  const body = bodyOf(model);
  const whole = parseArea(model.tableRef);
  for (const rule of step.rules) {
    const ranges = rule.columns
      ? rule.columns.map((header) => {
          const at = columnIndex(model, header);
          return areaAddress({ ...body, firstColumn: at, lastColumn: at });
        })
      : [areaAddress({ ...body, firstColumn: whole.firstColumn, lastColumn: whole.lastColumn })];
    sheet.addConditionalFormatting({
      ref: ranges.join(" "),
      rules: [
        {
          type: "expression",
          formulae: [fileFormula(rule.formula)],
          style: styleOf(rule.format),
        } as ExcelJS.ConditionalFormattingRule,
      ],
    });
  }
}

function setRowFormats(workbook: ExcelJS.Workbook, step: SetRowFormatsStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  const body = bodyOf(model);
  for (const r of step.rows) {
    for (const column of r.columns) sheet.getCell(body.firstRow + r.row, columnIndex(model, column)).numFmt = r.numberFormat;
  }
}

/** ExcelJS's workbook default font, named so every reader draws the same one. */
const BODY_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2 };

/** A cell's own look (a cell style, so its fill is fgColor, unlike a conditional format's). */
function setLook(cell: ExcelJS.Cell, look: CellFormat): void {
  if (look.fill) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(look.fill) } };
  const font: Partial<ExcelJS.Font> = {
    ...(look.font ? { color: { argb: argb(look.font) } } : {}),
    ...(look.bold ? { bold: true } : {}),
    ...(look.italic ? { italic: true } : {}),
    ...(look.size ? { size: look.size } : {}),
  };
  // A font without a name is drawn in the reader's own default (a serif in LibreOffice).
  if (Object.keys(font).length) cell.font = { ...BODY_FONT, ...cell.font, ...font };
  if (look.wrap) cell.alignment = { ...cell.alignment, wrapText: true, vertical: "top" };
  if (look.numberFormat) cell.numFmt = look.numberFormat;
}

function styleTable(workbook: ExcelJS.Workbook, step: StyleTableStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  const model = tableModel(sheet, step.table);
  const whole = parseArea(model.tableRef);
  const body = bodyOf(model);
  if (step.header) {
    for (let column = whole.firstColumn; column <= whole.lastColumn; column++) {
      setLook(sheet.getCell(whole.firstRow, column), { ...step.header, wrap: true });
      // A row's cells start at its top, so a one-line cell sits beside the first line of a wrapped one.
      forEachBodyCell(sheet, body, column, (cell) => (cell.alignment = { ...cell.alignment, vertical: "top" }));
    }
  }
  for (const header of step.wrap) {
    forEachBodyCell(sheet, body, columnIndex(model, header), (cell) => setLook(cell, { wrap: true }));
  }
  // tableStyle: a file is written whole (addTable sets the style); only Excel meets an interrupted set-up.
  if (step.freezeHeader) sheet.views = [{ state: "frozen", xSplit: 0, ySplit: whole.firstRow }];
  fitRowHeights(sheet, whole.firstRow, whole.lastRow, whole.firstColumn, whole.lastColumn);
}

function setPrint(workbook: ExcelJS.Workbook, step: SetPrintStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  if (step.tabColor) sheet.properties.tabColor = { argb: argb(step.tabColor) };
  // Paper size is left to the printer; one page wide, as many tall as needed (fitToHeight 0).
  sheet.pageSetup = {
    ...sheet.pageSetup,
    orientation: step.orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(step.titleRows ? { printTitlesRow: step.titleRows.replace(/\$/g, "") } : {}),
  };
  sheet.headerFooter = { ...sheet.headerFooter, oddFooter: `&C${step.footer}` };
}

function writeCells(workbook: ExcelJS.Workbook, step: WriteCellsStep): void {
  const sheet = sheetOf(workbook, step.sheet);
  if (step.onlyIntoBlank && step.cells.some((c) => !blankOr(sheet.getCell(c.address).value, cellValue(c.value)))) return;
  for (const c of step.cells) {
    const cell = sheet.getCell(c.address);
    cell.value = cellValue(c.value);
    if (c.format) setLook(cell, c.format);
  }
  for (const w of step.widths ?? []) sheet.getColumn(w.column).width = w.width;
  if (step.moveFirst) moveFirst(workbook, sheet);
  const areas = step.cells.map((c) => parseArea(c.address));
  const edge = (pick: (a: Area) => number, f: (...n: number[]) => number) => f(...areas.map(pick));
  if (areas.length)
    fitRowHeights(
      sheet,
      edge((a) => a.firstRow, Math.min),
      edge((a) => a.lastRow, Math.max),
      edge((a) => a.firstColumn, Math.min),
      edge((a) => a.lastColumn, Math.max),
    );
}

/** A cell is free for `value` when blank or holding it already. */
function blankOr(now: ExcelJS.CellValue, value: ExcelJS.CellValue): boolean {
  return now === null || now === undefined || now === "" || JSON.stringify(now) === JSON.stringify(value);
}

function setSchemaVersion(workbook: ExcelJS.Workbook, version: number): void {
  const cell = namedCell(workbook, SCHEMA_VERSION_NAME);
  if (!cell) throw new Error(`the name ${SCHEMA_VERSION_NAME} does not point at one cell`);
  cell.value = version;
}

function applyStep(workbook: ExcelJS.Workbook, step: PlanStep): void {
  switch (step.kind) {
    case "addSheet":
      return addSheet(workbook, step);
    case "hideSheet":
      sheetOf(workbook, step.sheet).state = "hidden";
      return;
    case "renameTable":
      // A file's reader names every table it reads; a table Excel left unnamed only comes from Office.js.
      throw new Error(`table ${step.from} cannot be renamed to ${step.table} in a file`);
    case "addTable":
      return addTable(workbook, step);
    case "addColumns":
      return addColumns(workbook, step);
    case "appendRows":
      return appendRows(workbook, step);
    case "setNames":
      // A file's reader reports no broken names, so a repair never reaches a file.
      for (const name of step.names) if (!name.repair) addName(workbook, name.name, name.refersTo);
      return;
    case "setFormats":
      return setFormats(workbook, step);
    case "setColumnFormula":
      return setColumnFormula(workbook, step);
    case "setValidation":
      return setValidation(workbook, step);
    case "setConditionalFormat":
      return setConditionalFormat(workbook, step);
    case "setRowFormats":
      return setRowFormats(workbook, step);
    case "styleTable":
      return styleTable(workbook, step);
    case "setPrint":
      return setPrint(workbook, step);
    case "writeCells":
      return writeCells(workbook, step);
    case "fillFormulas":
      for (const column of step.columns) {
        for (const address of column.areas) {
          const area = parseArea(address);
          for (let r = area.firstRow; r <= area.lastRow; r++)
            sheetOf(workbook, step.sheet).getCell(r, area.firstColumn).value = cellValue({ formula: column.formula });
        }
      }
      return;
    case "setSchemaVersion":
      return setSchemaVersion(workbook, step.version);
  }
}

/** ExcelJS writes <f t="array" ref="..."> for these; its typings leave them out. */
interface ArrayFormula {
  shareType?: "array" | "shared";
  ref?: string;
}

/**
 * Stores as a one-cell array formula every formula that needs array evaluation
 * (needsArrayEntry), so Excel 365 does not read it as a legacy formula and reduce a range to
 * one cell. A one-cell array formula is allowed inside a table.
 */
function storeArrayFormulas(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = cell.value as (ExcelJS.CellFormulaValue & ArrayFormula) | null;
        if (value && typeof value === "object" && "formula" in value && !value.shareType && needsArrayEntry(value.formula)) {
          const array: ExcelJS.CellFormulaValue & ArrayFormula = { formula: value.formula, shareType: "array", ref: cell.address };
          cell.value = array;
        }
      }),
    );
  }
}

export function applyPlan(workbook: ExcelJS.Workbook, plan: Plan): void {
  teachCalculatedColumns();
  for (const step of plan.steps) applyStep(workbook, step);
  storeArrayFormulas(workbook);
  // Cached values are not written; Excel recomputes every formula when it opens the file.
  workbook.calcProperties = { ...workbook.calcProperties, fullCalcOnLoad: true };
}
