// The check's reader sizes each sync by what Office.js will send back as JSON: a quote or a
// backslash is sent as two characters, a tab or line break as an escape. Text full of them must
// not make a response Excel on the web refuses as over 5 MB.
import { readSnapshot } from "../../src/excel/readSnapshot";
import { FakeExcel, FakeWorkbook } from "../support/fakeExcel";
import { TASK_COLUMNS, bigTasks, taskRow } from "../support/bigTasks";

const WEB_LIMIT = 5 * 1024 * 1024;

async function read(fake: FakeExcel) {
  return fake.run({}, (context) => readSnapshot(context as unknown as Excel.RequestContext));
}

it.each([
  // Twice the bytes of their characters, or more: an estimate of a byte each would be short by half.
  ["quotes and backslashes", '"C:\\"'.repeat(100)],
  ["tabs and line breaks", "\t\r\n".repeat(130)],
])("text full of %s is read whole, no response refused", async (_kind, text) => {
  const { fake } = bigTasks(12_000, (i) => {
    const row = taskRow(i);
    row[4] = text;
    row[TASK_COLUMNS.length - 1] = text;
    return row;
  });
  const result = await read(fake);
  expect(result.refused).toBe(0);
  for (const record of fake.syncRecords) expect(record.responseBytes).toBeLessThanOrEqual(WEB_LIMIT);
  const rows = result.snapshot.tables[0].values;
  expect(rows).toHaveLength(12_000);
  expect(rows[11_999][4]).toBe(text);
});

describe("the first rows read", () => {
  // Until rows are seen, a cell is taken for 300 bytes. With a budget of 60,000 bytes, a 2-column
  // table of 5 rows and a 4-column one share 60,000 / (6 x 300) = 33 rows each; the short table
  // leaves 28 of its rows' worth (28 x 2 x 300 = 16,800 bytes, plus 600 of rounding), which gives
  // the long one 14 rows more (17,400 / 1,200): 47 rows in the first data sync.
  async function syncsFor(longRows: number) {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable(
      "Sheet1",
      "Short",
      "A1",
      ["A", "B"],
      Array.from({ length: 5 }, (_, i) => [`a${i}`, i]),
    );
    wb.seedTable(
      "Sheet1",
      "Long",
      "D1",
      ["A", "B", "C", "D"],
      Array.from({ length: longRows }, (_, i) => [`b${i}`, i, "x", i]),
    );
    const fake = new FakeExcel(wb);
    const result = await fake.run({}, (context) => readSnapshot(context as unknown as Excel.RequestContext, { budgetBytes: 60_000 }));
    expect(result.snapshot.tables.map((t) => t.values.length)).toEqual([5, longRows]);
    expect(result.snapshot.tables[1].values[longRows - 1]).toEqual([`b${longRows - 1}`, longRows - 1, "x", longRows - 1]);
    return result.syncs;
  }

  it("go to the longer tables where the short ones leave room: both tables in one data sync when they fit", async () => {
    // Tables and names; places and headers; then the rows.
    expect(await syncsFor(47)).toBe(3);
    expect(await syncsFor(48)).toBe(4);
  });
});
