// Office.js writer, measured in the recording fake: context.sync() calls (Excel round trips,
// the cost that matters), queued operations and request bytes, for a full set-up and for the
// upgrade of a used 10,000-task workbook.
import type { FakeExcel } from "../test/support/fakeExcel";
import { freshFake, olderWorkbook, setUp } from "../test/support/fakeExcelFixtures";

function measure(fake: FakeExcel, started: number) {
  return {
    syncs: fake.syncs,
    operations: fake.operations.length,
    largestRequestBytes: Math.max(...fake.syncRecords.map((s) => s.requestBytes)),
    totalRequestBytes: fake.syncRecords.reduce((sum, s) => sum + s.requestBytes, 0),
    tableRowAdds: fake.count("TableRowCollection.add"),
    ms: Date.now() - started,
  };
}

export async function run(): Promise<Record<string, unknown>> {
  let started = Date.now();
  const fresh = freshFake();
  const setUpResult = await setUp(fresh);
  const setup = { ...measure(fresh, started), steps: setUpResult.plan.steps.length };

  // Excel on Windows and Mac: the hidden Settings sheet is made in a run before the undo group.
  started = Date.now();
  const windows = freshFake({ platform: "windows" });
  await setUp(windows);
  const setupWindows = { ...measure(windows, started), runs: windows.runs.length };

  const used = await olderWorkbook({ taskRows: 10_000, otherRows: 500 });
  used.resetCounters();
  started = Date.now();
  const upgradeResult = await setUp(used);
  const upgrade = { ...measure(used, started), steps: upgradeResult.plan.steps.length, tasks: 10_000 };

  return { syncBudget: 6, setup, setupWindows, upgrade };
}
