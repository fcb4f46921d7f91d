// A set-up Excel stopped partway through a batch (the calls before the failing one applied, no
// rollback), then run again, gives exactly the workbook a clean set-up gives: every cell, value,
// number format and validation, column widths, highlight rules, tables (and their styles), names,
// tab colours, frozen rows and page set-up; and what a finished set-up holds, written out by hand.
// At every call of the write batches, none left out, on a web-like and a Windows-like fake. No
// case ends in a notice of something left unrepaired: every stop is repaired by the re-run.
import { describeNotice } from "../../src/domain/plan";
import { isRevisionName } from "../../src/excel/revision";
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

/** Everything the fake keeps of a workbook, ids aside: describeWorkbook and the sheets' and tables' looks. */
function describeAll(workbook: FakeWorkbook) {
  return {
    ...describeWorkbook(workbook),
    looks: workbook.sheets.map((s) => ({ name: s.name, tabColor: s.tabColor, frozenRows: s.frozenRows, pageLayout: s.pageLayout })),
    tableLooks: workbook.tables.map((t) => ({ name: t.name, style: t.style, showHeaders: t.showHeaders, showTotals: t.showTotals })),
  };
}

/** Where two descriptions first differ ("sheets.3.cells.B2.value: 1 ≠ 2"), or "" when they are the same. */
function firstDifference(got: unknown, want: unknown, path = ""): string {
  if (Object.is(got, want)) return "";
  if (typeof got !== "object" || typeof want !== "object" || got === null || want === null || Array.isArray(got) !== Array.isArray(want)) {
    return `${path || "(top)"}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`;
  }
  const keys = new Set([...Object.keys(got), ...Object.keys(want)]);
  for (const key of keys) {
    const diff = firstDifference((got as Record<string, unknown>)[key], (want as Record<string, unknown>)[key], path ? `${path}.${key}` : key);
    if (diff) return diff;
  }
  return "";
}

/** What a finished set-up holds, written out by hand (not taken from a clean run). */
function handWrittenFacts(workbook: FakeWorkbook) {
  const sheets: [name: string, visibility: string, tabColor?: string, frozenRows?: number, orientation?: string][] = [
    ["Overview", "Visible", "#404040", undefined, "Portrait"],
    ["Sheet1", "Visible"],
    // Made first, in a run of its own: Excel on Windows cannot hide a sheet inside an undo group.
    ["Settings", "Hidden"],
    ["Goals", "Visible", "#2E75B6", 1, "Landscape"],
    ["Strategy", "Visible", "#2E75B6", 1, "Landscape"],
    ["Market", "Visible", "#2E75B6", 1, "Landscape"],
    ["Customers", "Visible", "#548235", 1, "Landscape"],
    ["Tasks", "Visible", "#548235", 1, "Landscape"],
    ["Pipeline", "Visible", "#548235", 1, "Landscape"],
    ["Risks", "Visible", "#C00000", 1, "Landscape"],
    ["Review", "Visible", "#7030A0", 1, "Landscape"],
    ["Playbook", "Visible", "#7030A0", 1, "Landscape"],
  ];
  expect(workbook.sheets.map((s) => [s.name, s.visibility, s.tabColor, s.frozenRows, s.pageLayout?.orientation])).toEqual(
    sheets.map(([name, visibility, tabColor, frozenRows, orientation]) => [name, visibility, tabColor, frozenRows, orientation]),
  );
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
  expect(workbook.headers(workbook.table("Tasks")!)).toEqual([
    "ID",
    "Customer",
    "Path",
    "Stage",
    "Action",
    "Output standard",
    "Owner",
    "Support",
    "Start",
    "Due",
    "Status",
    "Completed on",
    "Days late",
    "Reason",
  ]);
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
  expect(workbook.sheets.map((s) => [s.name, s.conditionalFormats.length]).filter(([, n]) => n)).toEqual([
    ["Goals", 4],
    ["Customers", 1],
    ["Tasks", 4],
    ["Risks", 2],
  ]);
  // The revision names (src/excel/revision.ts) count the batches, which differ from run to run.
  expect(
    workbook.names
      .filter((n) => !isRevisionName(n.name))
      .map((n) => n.name)
      .sort(),
  ).toEqual(
    [
      "Language",
      "SchemaVersion",
      "LagAlertDays",
      "DueSoonDays",
      "TierHighValue",
      "TierMediumValue",
      "TierHighWinProbability",
      "RiskHighScore",
      "RiskMediumScore",
      "LtvLifetimeCap",
      "FollowUpDays",
      "StageProbability",
      "StageDays",
      ...["TaskStatus", "DealStatus", "Level", "Path", "Outcome", "RiskStatus", "StrategyMix", "GoalMetric", "MarketFramework"].map(
        (l) => `List_${l}`,
      ),
      ...["MarketFindingType", "LeadSource", "RiskCategory", "StrategyDimension", "BetterWhen", "Stage", "StagesNew", "StagesExisting"].map(
        (l) => `List_${l}`,
      ),
      ...["Tier", "Owner", "Customer"].map((l) => `List_${l}`),
    ].sort(),
  );
  expect(workbook.names.filter((n) => n.formula.includes("#REF!"))).toEqual([]);
}

type Platform = "web" | "windows";
const SLICE = 90;
const SLICES = 16;

// The clean set-up's workbook, the same on both platforms, checked against the hand-written facts once.
let cleanText = "";
let cleanDescription: ReturnType<typeof describeAll>;
beforeAll(async () => {
  const [web, windows] = await Promise.all([writeCalls("web"), writeCalls("windows")]);
  handWrittenFacts(web.clean.workbook);
  cleanDescription = describeAll(web.clean.workbook);
  cleanText = JSON.stringify(cleanDescription);
  expect(firstDifference(describeAll(windows.clean.workbook), cleanDescription)).toBe("");
});

describe.each(["web", "windows"] as const)("a set-up Excel (%s) stopped at any call of its write batches, then run again", (platform) => {
  let calls: Awaited<ReturnType<typeof writeCalls>>["calls"] = [];
  /** Re-runs already made, by the stopped workbook's signature: a stop that leaves the same workbook (at a call the fake keeps nothing of) ends the same way. */
  const ended = new Map<string, string>();

  beforeAll(async () => {
    calls = (await writeCalls(platform)).calls;
  });

  // Set-up makes 1356 calls: every one is in a slice, and no slice is empty.
  it("has over 800 calls to stop at, all of them in the slices, none of which is empty", () => {
    expect(calls.length).toBeGreaterThan(800);
    expect(calls.length).toBeLessThanOrEqual(SLICES * SLICE);
    expect(calls.length).toBeGreaterThan((SLICES - 1) * SLICE);
  });

  // Every call, none left out, in slices so a failure names where it is.
  it.each(Array.from({ length: SLICES }, (_, i) => i))(
    `ends in the clean set-up's workbook, calls ${SLICE}×%i onwards`,
    async (slice) => {
      const mine = calls.slice(slice * SLICE, (slice + 1) * SLICE);
      expect(mine.length).toBeGreaterThan(0);
      const stopped = await stoppedAt(platform, mine);
      for (const [i, { sync, index, call }] of mine.entries()) {
        const signature = stopped[i].signature();
        let difference = ended.get(signature);
        if (difference === undefined) {
          const fake = new FakeExcel(stopped[i], { platform });
          await setUp(fake);
          const described = describeAll(fake.workbook);
          difference = JSON.stringify(described) === cleanText ? "" : firstDifference(described, cleanDescription);
          ended.set(signature, difference);
        }
        expect({ sync, index, call, difference }).toEqual({ sync, index, call, difference: "" });
      }
    },
    300_000,
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

describe("a re-run after a set-up stopped right after a sheet or table was made", () => {
  it("gives the sheet its tab colour and page set-up, and the table its style and frozen header", async () => {
    // The first call after Goals was added, and the first after its table was made, in a clean set-up.
    const points: { sync: number; afterOperations: number }[] = [];
    const clean = freshFake();
    clean.beforeOperation = (sync, index) => {
      const madeSheet = clean.workbook.sheet("Goals") !== undefined;
      const madeTable = clean.workbook.tables.some((t) => t.sheet.name === "Goals");
      if (points.length === 0 && madeSheet) points.push({ sync, afterOperations: index });
      if (points.length === 1 && madeTable) points.push({ sync, afterOperations: index });
    };
    await setUp(clean);
    expect(points).toHaveLength(2);
    for (const [stop, failure] of points.entries()) {
      const stopAfter = ["the sheet", "the table"][stop];
      const stopped = freshFake();
      stopped.failure = failure;
      await expect(setUp(stopped)).rejects.toThrow();
      // What the stop left undone: the tab colour, or the table's style and frozen header.
      const left =
        stop === 0
          ? stopped.workbook.sheet("Goals")?.tabColor
          : (stopped.workbook.tables.find((t) => t.sheet.name === "Goals")?.style ?? stopped.workbook.sheet("Goals")?.frozenRows);
      expect({ stopAfter, left }).toEqual({ stopAfter, left: undefined });
      stopped.failure = undefined;
      await setUp(stopped);
      const goals = stopped.workbook.sheet("Goals")!;
      expect({ stopAfter, tab: goals.tabColor, frozen: goals.frozenRows, print: goals.pageLayout }).toEqual({
        stopAfter,
        tab: "#2E75B6",
        frozen: 1,
        print: {
          orientation: "Landscape",
          zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
          printTitleRows: "$1:$1",
          centerFooter: "&A — page &P of &N",
        },
      });
      expect(stopped.workbook.table("SalesGoals")?.style).toBe("TableStyleMedium2");
    }
  });

  it("leaves a finished workbook's tab colours, page set-up and table styles as the user changed them", async () => {
    const fake = freshFake();
    await setUp(fake);
    const goals = fake.workbook.sheet("Goals")!;
    goals.tabColor = "#FF0000";
    goals.pageLayout = { orientation: "Portrait" };
    goals.frozenRows = undefined;
    fake.workbook.table("SalesGoals")!.style = "TableStyleDark1";
    const again = await setUp(fake);
    expect(again.plan.steps).toEqual([]);
    expect([goals.tabColor, goals.pageLayout, goals.frozenRows, fake.workbook.table("SalesGoals")!.style]).toEqual([
      "#FF0000",
      { orientation: "Portrait" },
      undefined,
      "TableStyleDark1",
    ]);
  });
});
