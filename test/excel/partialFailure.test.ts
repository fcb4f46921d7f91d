// A set-up Excel stopped partway through a batch (the calls before the failing one applied, no
// rollback), then run again, gives exactly the workbook a clean set-up gives: every cell, value,
// number format and validation, column widths, highlight rules, tables and names.
import { describeWorkbook, freshFake, setUp } from "../support/fakeExcelFixtures";

// Calls a re-run cannot redo, because what they set is not part of what the planner reads: a new
// table's name and style, a sheet's visibility, tab colour and frozen rows, and the parts of a
// highlight rule after the rule itself (left for the writer; see the report of issue 3).
const NOT_REDONE = /^(Table\.name|Table\.style|Worksheet\.|ConditionalFormatCollection\.add|CfPart\.)/;

describe("a set-up stopped partway through a batch", () => {
  it("is finished by a re-run into exactly the workbook a clean set-up makes", async () => {
    const clean = freshFake();
    await setUp(clean);
    const expected = describeWorkbook(clean.workbook);
    const cases: { sync: number; applied: number; call: string }[] = [];
    for (const record of clean.syncRecords) {
      const calls = clean.operations.filter((op) => op.sync === record.sync);
      calls.forEach((op, applied) => {
        // Every table made over headers already written, every record write after the record grew,
        // and every thirteenth call besides.
        const chosen = op.name === "TableCollection.add" || (op.name === "Range.formulas" && calls[applied - 1]?.name === "Table.resize") || applied % 13 === 0;
        if (chosen && !NOT_REDONE.test(op.name)) cases.push({ sync: record.sync, applied, call: op.name });
      });
    }
    expect(cases.length).toBeGreaterThan(60);
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
