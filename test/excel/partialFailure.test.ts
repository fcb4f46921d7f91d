// A set-up Excel stopped partway through a batch (the calls before the failing one applied, no
// rollback), then run again, gives exactly the workbook a clean set-up gives: every cell, value,
// number format and validation, column widths, highlight rules, tables and names; and what a
// finished set-up holds by hand (Settings hidden, every table named, every highlight coloured).
// At every call of the write batches, on a web-like and a Windows-like fake.
import { describeNotice } from "../../src/domain/plan";
import { FakeExcel, type FakeWorkbook } from "../support/fakeExcel";
import { cellKey, describeWorkbook, freshFake, setUp } from "../support/fakeExcelFixtures";

/** Every write call of a clean set-up on a fake of that platform, as (sync, index in its batch, name). */
async function writeCalls(platform: Platform) {
  const clean = freshFake({ platform });
  await setUp(clean);
  const calls = clean.syncRecords.flatMap((record) =>
    clean.operations.filter((op) => op.sync === record.sync).map((op, index) => ({ sync: record.sync, index, call: op.name })),
  );
  return { clean, calls };
}

/**
 * The workbooks Excel leaves when it stops at each of `wanted` calls (the calls before it applied,
 * no rollback): copied from one set-up as it runs, which the injected-failure test below shows is
 * the same as a set-up that fails there.
 */
async function stoppedAt(platform: Platform, wanted: readonly { sync: number; index: number }[]): Promise<FakeWorkbook[]> {
  const keys = new Map(wanted.map((w, i) => [`${w.sync}:${w.index}`, i]));
  const out: FakeWorkbook[] = [];
  const fake = freshFake({ platform });
  fake.beforeOperation = (sync, index) => {
    const at = keys.get(`${sync}:${index}`);
    if (at !== undefined) out[at] = fake.workbook.clone();
  };
  await setUp(fake);
  return out;
}

/** What a finished set-up holds, written out by hand (not taken from a clean run). */
function handWrittenFacts(workbook: FakeWorkbook) {
  expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual(
    [
      ["Overview", "Visible"],
      ["Sheet1", "Visible"],
      // Made first, in a run of its own: Excel on Windows cannot hide a sheet inside an undo group.
      ["Settings", "Hidden"],
      ["Goals", "Visible"],
      ["Strategy", "Visible"],
      ["Market", "Visible"],
      ["Customers", "Visible"],
      ["Tasks", "Visible"],
      ["Pipeline", "Visible"],
      ["Risks", "Visible"],
      ["Review", "Visible"],
      ["Playbook", "Visible"],
    ].filter(([name]) => workbook.sheet(name)),
  );
  expect(workbook.sheet("Settings")?.visibility).toBe("Hidden");
  expect(workbook.tables.map((t) => `${t.sheet.name}!${t.name}`).sort()).toEqual(
    [
      "Settings!Config",
      "Settings!Stages",
      "Settings!Tiers",
      "Settings!Team",
      "Settings!AddinRecord",
      "Settings!Lists",
      "Settings!Nudges",
      "Goals!SalesGoals",
      "Strategy!StrategyPlan",
      "Market!MarketAnalysis",
      "Customers!Customers",
      "Tasks!Tasks",
      "Pipeline!Pipeline",
      "Risks!Risks",
      "Review!ReviewInputs",
      "Review!ReviewMetrics",
      "Review!ReviewFunnel",
      "Playbook!Playbook",
    ].sort(),
  );
  for (const sheet of workbook.sheets) {
    for (const rule of sheet.conditionalFormats) {
      // Every highlight has its formula and shows something.
      expect({
        sheet: sheet.name,
        formula: Boolean(rule.formula),
        shows: Boolean(rule.fill ?? rule.fontColor ?? rule.numberFormat ?? rule.strike),
      }).toEqual({ sheet: sheet.name, formula: true, shows: true });
    }
  }
  expect(workbook.sheet("Tasks")!.conditionalFormats).toHaveLength(4);
  expect(workbook.names.filter((n) => n.formula.includes("#REF!"))).toEqual([]);
}

type Platform = "web" | "windows";
const SLICE = 90;
const SLICES = 20;

describe.each(["web", "windows"] as const)("a set-up Excel (%s) stopped at any call of its write batches, then run again", (platform) => {
  let calls: Awaited<ReturnType<typeof writeCalls>>["calls"] = [];
  let expected: ReturnType<typeof describeWorkbook>;

  beforeAll(async () => {
    const run = await writeCalls(platform);
    calls = run.calls;
    expected = describeWorkbook(run.clean.workbook);
    handWrittenFacts(run.clean.workbook);
  });

  it("has over 800 calls to stop at", () => {
    expect(calls.length).toBeGreaterThan(800);
  });

  // Every call, none left out, in slices so a failure names where it is.
  it.each(Array.from({ length: SLICES }, (_, i) => i))(
    `ends in the clean set-up's workbook, calls ${SLICE}×%i onwards`,
    async (slice) => {
      const mine = calls.slice(slice * SLICE, (slice + 1) * SLICE);
      if (slice === SLICES - 1) expect(calls.length).toBeLessThanOrEqual(SLICES * SLICE);
      const stopped = await stoppedAt(platform, mine);
      for (const [i, { sync, index, call }] of mine.entries()) {
        const fake = new FakeExcel(stopped[i], { platform });
        await setUp(fake);
        expect({ sync, index, call, workbook: describeWorkbook(fake.workbook) }).toEqual({ sync, index, call, workbook: expected });
        handWrittenFacts(fake.workbook);
      }
    },
    120_000,
  );
});

describe("a set-up stopped by an injected failure", () => {
  it("leaves the workbook the sweep copies at that call, and a re-run finishes it", async () => {
    const { calls } = await writeCalls("windows");
    const chosen = calls.filter((c, i) => i % 97 === 0 || c.call === "Table.name" || c.call === "Worksheet.visibility");
    const stopped = await stoppedAt("windows", chosen);
    for (const [i, { sync, index, call }] of chosen.entries()) {
      const fake = freshFake({ platform: "windows" });
      fake.failure = { sync, afterOperations: index };
      await expect(setUp(fake)).rejects.toThrow();
      expect({ sync, index, call, workbook: describeWorkbook(fake.workbook) }).toEqual({ sync, index, call, workbook: describeWorkbook(stopped[i]) });
      fake.failure = undefined;
      await setUp(fake);
      handWrittenFacts(fake.workbook);
    }
  }, 120_000);
});

describe("a re-run after a set-up stopped once the tables were made, and then used", () => {
  it("keeps a user's rule and the values typed into a computed column, and says so", async () => {
    // Stopped at the plan's first defined name: the batch's first NamedItemCollection.add is its revision claim (src/excel/revision.ts).
    const clean = freshFake();
    await setUp(clean);
    const batch = clean.operations.filter((op) => op.sync === 4);
    const firstName = batch.findIndex((op, i) => op.name === "NamedItemCollection.add" && batch.slice(0, i).some((o) => o.name === op.name));
    const fake = freshFake();
    fake.failure = { sync: 4, afterOperations: firstName };
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
