// A Tasks table of any size, written straight into the fake's model (fast, no API calls), every
// row the same length so what Office.js sends back for it can be worked out by hand.
import { WORKBOOK } from "../../src/domain/spec/workbook";
import { FakeExcel, FakeWorkbook, cellKey, type FakeCell, type FakeTable } from "./fakeExcel";

export const TASK_COLUMNS = WORKBOOK.tables.find((t) => t.name === "Tasks")!.columns;
export const DAYS_LATE = TASK_COLUMNS.findIndex((c) => c.key === "daysLate");
export const DAYS_LATE_FORMULA = '=IF([@Due]="","",MAX(0,TODAY()-[@Due]))';

/** Row i of the big table: every row the same length, so its size can be worked out by hand. */
export function taskRow(i: number): (string | number)[] {
  const id = `T${String(i).padStart(6, "0")}`;
  const cells: (string | number)[] = [
    id,
    `C${String(i % 500).padStart(3, "0")}`,
    "new customer",
    "product demo",
    "Demo",
    "Demo done",
    "Rep A",
    "Marketing",
    46000 + (i % 90),
    46100 + (i % 90),
    "in progress",
    "",
    "",
    "",
  ];
  return cells.slice(0, TASK_COLUMNS.length);
}

/** A workbook holding one Tasks table of `rows` rows, written straight into the model. */
export function bigTasks(rows: number, row: (i: number) => (string | number)[] = taskRow): { fake: FakeExcel; table: FakeTable } {
  const workbook = new FakeWorkbook();
  const sheet = workbook.addSheet("Tasks");
  TASK_COLUMNS.forEach((c, col) => (workbook.cell(sheet, 0, col).value = c.header.en));
  for (let r = 0; r < rows; r++) {
    const cells = row(r);
    for (let c = 0; c < TASK_COLUMNS.length; c++) {
      const cell: FakeCell = { value: cells[c], numberFormat: TASK_COLUMNS[c].type === "date" ? "yyyy-mm-dd" : "General" };
      if (c === DAYS_LATE) {
        cell.formula = DAYS_LATE_FORMULA;
        cell.value = "";
      }
      sheet.cells.set(cellKey(r + 1, c), cell);
    }
  }
  const table = workbook.addTable(sheet, { row: 0, col: 0, rows: rows + 1, cols: TASK_COLUMNS.length }, "Tasks");
  return { fake: new FakeExcel(workbook), table };
}
