// A set-up Excel stopped partway through a batch (the calls before the failing one applied, no
// rollback), then run again, gives exactly the workbook a clean set-up gives: every cell, value,
// number format and validation, column widths, highlight rules, tables and names.
import { describeNotice } from "../../src/domain/plan";
import { cellKey, describeWorkbook, freshFake, setUp } from "../support/fakeExcelFixtures";

// Calls a re-run cannot redo, because what they set is not part of what the planner reads: a new
// table's name, the hidden Settings sheet's visibility, and the parts of a highlight rule after
// the rule itself: its format, number format and priority (left for the writer). A table's style, a sheet's tab colour and frozen rows are
// not compared here (describeWorkbook leaves them out), so those calls stay in.
const NOT_REDONE = /^(Table\.name|Worksheet\.visibility|CfPart\.|CfFormat\.|ConditionalFormat\.priority)/;

describe("a set-up stopped partway through a batch", () => {
  it("is finished by a re-run into exactly the workbook a clean set-up makes", async () => {
    const clean = freshFake();
    await setUp(clean);
    const expected = describeWorkbook(clean.workbook);
    const cases: { sync: number; applied: number; call: string }[] = [];
    for (const record of clean.syncRecords) {
      const calls = clean.operations.filter((op) => op.sync === record.sync);
      let recordWrites = 0;
      calls.forEach((op, applied) => {
        // Every table made over headers already written, the first record writes after the record
        // grew (the rest are alike), and every 23rd call besides.
        const afterGrowth = op.name === "Range.formulas" && calls[applied - 1]?.name === "Table.resize" && recordWrites++ < 3;
        const chosen = op.name === "TableCollection.add" || afterGrowth || applied % 23 === 0;
        if (chosen && !NOT_REDONE.test(op.name)) cases.push({ sync: record.sync, applied, call: op.name });
      });
    }
    expect(cases.length).toBeGreaterThan(40);
    for (const { sync, applied, call } of cases) {
      const fake = freshFake();
      fake.failure = { sync, afterOperations: applied };
      await expect(setUp(fake)).rejects.toThrow();
      fake.failure = undefined;
      await setUp(fake);
      expect({ sync, applied, call, workbook: describeWorkbook(fake.workbook) }).toEqual({ sync, applied, call, workbook: expected });
    }
  });
});

describe("a re-run after a set-up stopped once the tables were made, and then used", () => {
  it("keeps a user's rule and the values typed into a computed column, and says so", async () => {
    const fake = freshFake();
    fake.failure = { sync: 4, operation: "NamedItemCollection.add" };
    await expect(setUp(fake)).rejects.toThrow();
    fake.failure = undefined;
    const wb = fake.workbook;
    const tasks = wb.table("Tasks")!;
    const headers = wb.headers(tasks);
    const daysLate = tasks.rect.col + headers.indexOf("Days late");
    const status = tasks.rect.col + headers.indexOf("Status");
    const firstRow = tasks.rect.row + 1;
    wb.cell(tasks.sheet, firstRow, daysLate).value = 12;
    const theirs = { rule: { list: { inCellDropDown: true, source: "open,shut" } } };
    for (let r = 0; r < tasks.rect.rows - 1; r++) tasks.sheet.validations.set(cellKey(firstRow + r, status), theirs);

    const result = await setUp(fake);
    expect(wb.peek(tasks.sheet, firstRow, daysLate)).toMatchObject({ value: 12 });
    expect(wb.peek(tasks.sheet, firstRow, daysLate)?.formula).toBeUndefined();
    for (let r = 0; r < tasks.rect.rows - 1; r++) expect(tasks.sheet.validations.get(cellKey(firstRow + r, status))).toEqual(theirs);
    expect(result.plan.notices.filter((n) => n.code === "cellsKept").map((n) => describeNotice(n, "en-US"))).toEqual([
      "Tasks: in table Tasks, some cells have validation rules already, so no drop-down or check was added.",
      'Tasks: in table Tasks, the column "Days late" holds typed values, so its formula was not set.',
    ]);
    // The other tables are completed as a clean set-up makes them: Customers gets its drop-downs.
    const customers = wb.table("Customers")!;
    expect(customers.sheet.validations.size).toBeGreaterThan(0);
    const again = await setUp(fake);
    expect(again.plan.steps).toEqual([]);
  });
});
