// Workbooks for the writer's tests, built by the tests themselves: set up through the real
// planner on the fake, then edited the way users (and older versions) leave them.
import type { Language } from "../../src/domain/spec/vocabulary";
import type { WorkbookSpec } from "../../src/domain/spec/types";
import type { PlanOptions, WorkbookState } from "../../src/domain/plan/types";
import { plan } from "../../src/domain/plan/plan";
import { WORKBOOK } from "../../src/domain/spec/workbook";
import type { ExcelHost } from "../../src/excel/host";
import { setUpWorkbook, type SetUpOptions } from "../../src/excel/setup";
import { FakeExcel, FakeWorkbook, asExcelRun, cellKey, snapshotCells, type CellValue, type FakeTable } from "./fakeExcel";

export const TODAY = "2026-11-26";

export function hostFor(fake: FakeExcel, undo = true): ExcelHost {
  return { run: asExcelRun(fake), isSetSupported: (name, version) => undo || !(name === "ExcelApi" && version === "1.20") };
}

export function planner(spec: WorkbookSpec = WORKBOOK, options: Partial<PlanOptions> = {}) {
  return (state: WorkbookState) => plan(spec, state, { language: "en-US", sample: true, today: TODAY, ...options });
}

/** A fresh workbook as Excel makes it: one empty sheet. */
export function freshFake(options: ConstructorParameters<typeof FakeExcel>[1] = {}): FakeExcel {
  const fake = new FakeExcel(new FakeWorkbook(), options);
  fake.workbook.addSheet("Sheet1");
  return fake;
}

export async function setUp(fake: FakeExcel, options: Partial<SetUpOptions> & { language?: Language; sample?: boolean; spec?: WorkbookSpec } = {}) {
  const { language = "en-US", sample = true, spec = WORKBOOK, ...rest } = options;
  return setUpWorkbook(hostFor(fake, fake.supportsUndoGrouping), { plan: planner(spec, { language, sample }), ...rest });
}

/** The spec as an older version had it: no Risks sheet, and Tasks without two columns. */
export function olderSpec(missingTaskColumns: readonly string[] = ["support", "daysLate"]): WorkbookSpec {
  return {
    ...WORKBOOK,
    schemaVersion: WORKBOOK.schemaVersion - 1,
    sheets: WORKBOOK.sheets.filter((s) => s.key !== "risks"),
    tables: WORKBOOK.tables
      .filter((t) => t.name !== "Risks")
      .map((t) => (t.name === "Tasks" ? { ...t, columns: t.columns.filter((c) => !missingTaskColumns.includes(c.key)) } : t)),
    conditionalFormats: WORKBOOK.conditionalFormats.filter((cf) => cf.table !== "Risks"),
  };
}

/** Writes rows straight into the model below a table and grows it, as users typing would. */
export function typeRows(workbook: FakeWorkbook, table: FakeTable, rows: readonly (readonly CellValue[])[]): void {
  const blankOnly = table.rect.rows === 2 && [...Array(table.rect.cols).keys()].every((c) => (workbook.peek(table.sheet, table.rect.row + 1, table.rect.col + c)?.value ?? "") === "");
  const first = blankOnly ? table.rect.row + 1 : table.rect.row + table.rect.rows;
  rows.forEach((row, r) => row.forEach((v, c) => {
    const cell = workbook.cell(table.sheet, first + r, table.rect.col + c);
    cell.value = v;
  }));
  table.rect.rows = first - table.rect.row + rows.length;
}

/** Every cell, table, name, rule and validation of a workbook, without the ids Excel assigns. */
export function describeWorkbook(workbook: FakeWorkbook) {
  return {
    sheets: workbook.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: Object.fromEntries(snapshotCells(s)),
      widths: Object.fromEntries(s.columnWidths),
      rules: s.conditionalFormats.map(({ id: _id, ...rule }) => rule),
    })),
    tables: workbook.tables.map((t) => ({ name: t.name, sheet: t.sheet.name, rect: t.rect })),
    names: workbook.names,
  };
}

export { cellKey };
