// Workbooks for the writer's tests, built by the tests themselves: set up through the real
// planner on the fake, then edited the way users (and older versions) leave them.
import type { Language } from "../../src/domain/spec/vocabulary";
import type { WorkbookSpec } from "../../src/domain/spec/types";
import type { PlanOptions, WorkbookState } from "../../src/domain/plan/types";
import { plan } from "../../src/domain/plan/plan";
import { WORKBOOK } from "../../src/domain/spec/workbook";
import type { ExcelHost } from "../../src/excel/host";
import { setUpWorkbook, type SetUpOptions } from "../../src/excel/setup";
import { isRevisionName } from "../../src/excel/revision";
// Plugs named sheet views and column filters into the fake for every test that builds on these fixtures.
import "./fakeSheetViews";
// And charts (the Review panel's funnel chart).
import "./fakeCharts";
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
    // Legends came later: an older workbook has none beside its tables.
    legends: [],
  };
}

/**
 * Types rows straight into the model below a table, as users do: the table grows over them and,
 * as Excel does for a growing table, its number formats, validations, calculated-column formulas
 * and the conditional formats on its body follow into the new rows.
 */
export function typeRows(workbook: FakeWorkbook, table: FakeTable, rows: readonly (readonly (CellValue | null)[])[]): void {
  const { sheet } = table;
  const body = table.rect.row + 1;
  const oldRows = table.rect.rows - 1;
  const firstRow = [...Array(table.rect.cols).keys()].map((c) => workbook.peek(sheet, body, table.rect.col + c));
  const blankOnly = oldRows === 1 && firstRow.every((cell) => !cell || cell.formula !== undefined || cell.value === "");
  const first = blankOnly ? body : body + oldRows;
  rows.forEach((row, r) => {
    for (let c = 0; c < table.rect.cols; c++) {
      const model = firstRow[c];
      const cell = workbook.cell(sheet, first + r, table.rect.col + c);
      if (model) cell.numberFormat = model.numberFormat;
      const validation = sheet.validations.get(cellKey(body, table.rect.col + c));
      if (validation) sheet.validations.set(cellKey(first + r, table.rect.col + c), validation);
      const value = row[c];
      if (value !== null && value !== undefined) cell.value = value;
      else if (model?.formula) {
        cell.formula = model.formula;
        cell.value = "";
      }
    }
  });
  const newRows = first - body + rows.length;
  for (const cf of sheet.conditionalFormats) {
    if (cf.rect.row === body && cf.rect.rows === oldRows && cf.rect.col >= table.rect.col && cf.rect.col < table.rect.col + table.rect.cols)
      cf.rect.rows = newRows;
  }
  table.rect.rows = newRows + 1;
}

/** Inserts a user's column into a table before `beforeHeader`, with a value in every row. */
export function insertUserColumn(
  workbook: FakeWorkbook,
  table: FakeTable,
  beforeHeader: string,
  header: string,
  value: (row: number) => CellValue,
): void {
  const index = workbook.headers(table).indexOf(beforeHeader);
  if (index < 0) throw new Error(`No column ${beforeHeader} in ${table.name}`);
  const col = table.rect.col + index;
  workbook.shiftRight(table.sheet, col, table.rect.row, table.rect.rows);
  table.rect.cols += 1;
  workbook.cell(table.sheet, table.rect.row, col).value = header;
  for (let r = 1; r < table.rect.rows; r++) workbook.cell(table.sheet, table.rect.row + r, col).value = value(r);
}

export interface OlderWorkbookOptions {
  readonly language?: Language;
  /** Tasks rows typed in after the older set-up. */
  readonly taskRows: number;
  /** Rows typed into Customers and Pipeline. */
  readonly otherRows: number;
}

/**
 * A workbook set up by an older version (no Risks sheet, Tasks without Support and Days late),
 * then used: rows typed in, a user column inserted in Tasks, a user highlight rule, and the
 * Owner header renamed.
 */
export async function olderWorkbook(options: OlderWorkbookOptions): Promise<FakeExcel> {
  const fake = freshFake();
  await setUp(fake, { spec: olderSpec(), sample: false, language: options.language ?? "en-US" });
  const wb = fake.workbook;
  const customers = wb.table("Customers")!;
  typeRows(
    wb,
    customers,
    Array.from({ length: options.otherRows }, (_, i) => [
      i === 0 ? '=HYPERLINK("http://example.com","Acme")' : `Customer ${i + 1}`,
      "Manufacturing",
      "East",
      10_000_000 + i,
    ]),
  );
  const pipeline = wb.table("Pipeline")!;
  typeRows(
    wb,
    pipeline,
    Array.from({ length: options.otherRows }, (_, i) => [`Deal ${i + 1}`, `Customer ${(i % 50) + 1}`, "online"]),
  );
  const tasks = wb.table("Tasks")!;
  const start = 46_000;
  typeRows(
    wb,
    tasks,
    Array.from({ length: options.taskRows }, (_, i) => [
      `T${String(i + 1).padStart(5, "0")}`,
      `Customer ${(i % 500) + 1}`,
      "new customer",
      "product demo",
      `Demo ${i + 1}`,
      "Demo done",
      `Rep ${i % 7}`,
      start + (i % 90),
      start + (i % 90) + 14,
      i % 3 === 0 ? "done" : "in progress",
      null,
      null,
    ]),
  );
  insertUserColumn(wb, tasks, wb.headers(tasks)[4], "My notes", (r) => (r % 2 ? `note ${r}` : "@call back"));
  const ownerIndex = wb.headers(tasks).findIndex((h) => h === "Owner" || h === "负责人");
  wb.cell(tasks.sheet, tasks.rect.row, tasks.rect.col + ownerIndex).value = "Responsible";
  const status = wb.headers(tasks).findIndex((h) => h === "Status" || h === "状态");
  const userRule = wb.addConditionalFormat(
    tasks.sheet,
    { row: tasks.rect.row + 1, col: tasks.rect.col + status, rows: tasks.rect.rows - 1, cols: 1 },
    "CellValue",
  );
  Object.assign(userRule, { formula: '="blocked"', fill: "#7030A0" });
  return fake;
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
    // The revision names count write batches (src/excel/revision.ts): bookkeeping, not the workbook's content.
    names: workbook.names.filter((n) => !isRevisionName(n.name)),
  };
}

export { cellKey };
