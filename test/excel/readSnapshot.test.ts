import { readSnapshot } from "../../src/excel/readSnapshot";
import type { FakeExcel } from "../support/fakeExcel";
import { DAYS_LATE, DAYS_LATE_FORMULA, TASK_COLUMNS, bigTasks, taskRow } from "../support/bigTasks";
import { freshFake, setUp } from "../support/fakeExcelFixtures";

// Excel on the web refuses a response over 5 MB (docs/concepts/resource-limits-and-performance-optimization.md).
const WEB_LIMIT = 5 * 1024 * 1024;
// The reader promises to expect at most 4 MB a sync, leaving a fifth of the limit as headroom.
const READER_BUDGET = 4 * 1024 * 1024;
// Until it has seen a table's rows, it takes a cell for 300 bytes (value, formula and format).
const PRIOR_CELL_BYTES = 300;

async function read(fake: FakeExcel, budgetBytes?: number) {
  return fake.run({}, (context) => readSnapshot(context as unknown as Excel.RequestContext, { budgetBytes }));
}

describe("the Office.js reader", () => {
  it("reads a 100,000-row Tasks table within Excel on the web's 5 MB limit, in the syncs the limit allows", async () => {
    const { fake } = bigTasks(100_000);
    const result = await read(fake);

    // What Office.js sends back for one row, worked out by hand: its values (a formula cell
    // reads "" here, the fake does not calculate), its formulas and its number formats, as JSON.
    const values = taskRow(0).map((v, c) => (c === DAYS_LATE ? "" : v));
    const formulas = values.map((v, c) => (c === DAYS_LATE ? DAYS_LATE_FORMULA : v));
    const formats = TASK_COLUMNS.map((c) => (c.type === "date" ? "yyyy-mm-dd" : "General"));
    const rowBytes = [values, formulas, formats].reduce((sum, row) => sum + JSON.stringify(row).length + 1, 0);
    const rowsPerSync = Math.floor(READER_BUDGET / rowBytes);
    // Tables and the Language name; places and headers; the first rows at the assumed cell
    // size; then syncs filled at the measured row size.
    const firstRows = Math.floor(READER_BUDGET / (TASK_COLUMNS.length * PRIOR_CELL_BYTES));
    const expected = 2 + 1 + Math.ceil((100_000 - firstRows) / rowsPerSync);
    expect(result.syncs).toBe(expected);
    expect(fake.syncs).toBe(expected);
    // No reader could do it in fewer data syncs than the limit itself allows.
    expect(expected - 2).toBeGreaterThanOrEqual(Math.ceil((100_000 * rowBytes) / WEB_LIMIT));
    expect(result.refused).toBe(0);
    for (const record of fake.syncRecords) expect(record.responseBytes).toBeLessThanOrEqual(WEB_LIMIT);
    // Reads only.
    expect(fake.operations).toEqual([]);

    const tasks = result.snapshot.tables[0];
    expect(tasks.values).toHaveLength(100_000);
    expect(tasks.values[0]).toEqual(values.map((v) => (v === "" ? null : v)));
    expect(tasks.values[99_999][0]).toBe("T099999");
    expect(tasks.values[54_321][8]).toBe(46000 + (54_321 % 90));
    expect(tasks.formulas![77_777][DAYS_LATE]).toBe(DAYS_LATE_FORMULA);
    expect(tasks.formulas![77_777][0]).toBeNull();
    expect(tasks.numberFormats![12_345][9]).toBe("yyyy-mm-dd");
  });

  it("Chinese text: counted at its largest (a \\uXXXX escape each), so no response is refused", async () => {
    // Mostly Chinese rows: 3 bytes a character in UTF-8, so an estimate of one byte would be
    // short by far more than the budget's headroom.
    const text = "客户需求确认书，提交技术方案并安排产品演示".repeat(10);
    const { fake } = bigTasks(20_000, (i) => {
      const row = taskRow(i);
      row[4] = text;
      row[5] = text;
      return row;
    });
    const result = await read(fake);
    expect(result.refused).toBe(0);
    for (const record of fake.syncRecords) expect(record.responseBytes).toBeLessThanOrEqual(WEB_LIMIT);
    expect(result.snapshot.tables[0].values[19_999][4]).toBe(text);
  });

  it("reads each row exactly once, in order, whatever the chunks", async () => {
    const { fake } = bigTasks(2_345);
    const result = await read(fake, 40_000);
    const rows = result.chunks.filter((c) => c.table === "Tasks").sort((a, b) => a.firstRow - b.firstRow);
    let next = 0;
    for (const chunk of rows) {
      expect(chunk.firstRow).toBe(next);
      next += chunk.rows;
    }
    expect(next).toBe(2_345);
    expect(result.snapshot.tables[0].values.map((row) => row[0])).toEqual(Array.from({ length: 2_345 }, (_, i) => taskRow(i)[0]));
  });

  it("rows far longer than the first ones: a refused response is read again, nothing lost, and the rest goes at the new size", async () => {
    const long = "x".repeat(20_000);
    // Short rows first, then rows of 20,000-character notes that break the estimate made from them.
    const { fake } = bigTasks(3_000, (i) => {
      const row = taskRow(i);
      if (i >= 1_000) row[TASK_COLUMNS.length - 1] = long;
      return row;
    });
    const budget = 1_000_000;
    const result = await read(fake, budget);
    expect(result.refused).toBeGreaterThan(0);
    const notes = result.snapshot.tables[0].values.map((row) => row[TASK_COLUMNS.length - 1]);
    expect(notes.filter((n) => n === long)).toHaveLength(2_000);
    expect(notes.slice(0, 1_000).every((n) => n === null)).toBe(true);
    // A refusal costs a sync or two, not one per row: beside the refused ones and the two that
    // find the tables, the syncs carry close to the budget each.
    const accepted = fake.syncRecords.filter((s) => s.responseBytes <= WEB_LIMIT);
    expect(accepted).toHaveLength(result.syncs - result.refused);
    const bytesRead = accepted.reduce((sum, s) => sum + s.responseBytes, 0);
    expect(result.refused).toBeLessThanOrEqual(4);
    expect(result.syncs - result.refused - 2).toBeLessThanOrEqual(Math.ceil((1.1 * bytesRead) / budget));
  });

  it("a row that alone is larger than Excel sends back fails the read with Excel's error, after a few tries", async () => {
    // 2,700,000 characters, read as value and as formula: over 5 MB for that one row.
    const { fake } = bigTasks(5, (i) => {
      const row = taskRow(i);
      if (i === 2) row[TASK_COLUMNS.length - 1] = "x".repeat(2_700_000);
      return row;
    });
    await expect(read(fake)).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fake.syncs).toBeLessThan(20);
  });

  it("a set-up workbook: every table where it is, headers as shown, the language, blanks as null", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "zh-CN", sample: true });
    fake.resetCounters();
    const { snapshot, syncs } = await read(fake);
    expect(snapshot.language).toBe("zh-CN");
    expect(snapshot.tables.map((t) => t.name).sort()).toEqual(fake.workbook.tables.map((t) => t.name).sort());
    // A small workbook: tables, places, one sync of rows.
    expect(syncs).toBe(3);
    for (const table of fake.workbook.tables) {
      const read = snapshot.tables.find((t) => t.name === table.name)!;
      expect(read.sheet).toBe(table.sheet.name);
      expect(read.headerRow).toBe(table.rect.row + 1);
      expect(read.firstColumn).toBe(table.rect.col + 1);
      expect(read.headers).toEqual(fake.workbook.headers(table));
      expect(read.values).toHaveLength(table.rect.rows - 1);
      read.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell = fake.workbook.peek(table.sheet, table.rect.row + 1 + r, table.rect.col + c);
          expect(value).toEqual(cell === undefined || cell.value === "" ? null : cell.value);
          expect(read.formulas![r][c]).toEqual(cell?.formula ?? null);
          expect(read.numberFormats![r][c]).toEqual(cell?.numberFormat ?? "General");
        }),
      );
    }
    const tasks = snapshot.tables.find((t) => t.name === "Tasks")!;
    expect(tasks.sheet).toBe("任务矩阵");
    expect(tasks.headers[0]).toBe("编号");
  });

  it("a table the user added, beside ours and with its header moved down the sheet, is read too", async () => {
    const fake = freshFake();
    fake.workbook.seedTable(
      "Sheet1",
      "MyNotes",
      "C5",
      ["Note", "When"],
      [
        ["call back", 46001],
        ["=1+1", 46002],
      ],
    );
    const { snapshot } = await read(fake);
    expect(snapshot.tables).toEqual([
      {
        name: "MyNotes",
        sheet: "Sheet1",
        headerRow: 5,
        firstColumn: 3,
        headers: ["Note", "When"],
        values: [
          ["call back", 46001],
          [null, 46002],
        ],
        formulas: [
          [null, null],
          ["=1+1", null],
        ],
        numberFormats: [
          ["General", "General"],
          ["General", "General"],
        ],
      },
    ]);
    expect(snapshot.language).toBeUndefined();
  });

  it("a user's table with a totals row: the totals are not data", async () => {
    const fake = freshFake();
    const table = fake.workbook.seedTable(
      "Sheet1",
      "Sums",
      "A1",
      ["Item", "Amount"],
      [
        ["a", 1],
        ["b", 2],
        ["Total", 3],
      ],
    );
    table.showTotals = true;
    const { snapshot } = await read(fake);
    expect(snapshot.tables[0].values).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("a Language name that is not a cell (a constant) gives no language, and no error", async () => {
    const fake = freshFake();
    fake.workbook.addName("Language", '="zh-CN"');
    fake.workbook.seedTable("Sheet1", "Notes", "A1", ["Note"], [["x"]]);
    const { snapshot } = await read(fake);
    expect(snapshot.language).toBeUndefined();
    expect(snapshot.tables).toHaveLength(1);
  });

  it("a workbook without tables: two syncs, nothing read", async () => {
    const fake = freshFake();
    const result = await read(fake);
    expect(result.snapshot.tables).toEqual([]);
    expect(result.syncs).toBe(2);
  });
});
