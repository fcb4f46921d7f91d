// The check's reader sizes each sync by what Office.js will send back as JSON: a quote or a
// backslash is sent as two characters, a tab or line break as an escape. Text full of them must
// not make a response Excel on the web refuses as over 5 MB.
import { readSnapshot } from "../../src/excel/readSnapshot";
import type { FakeExcel } from "../support/fakeExcel";
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
