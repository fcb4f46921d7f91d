// Set-up and upgrade started by both co-authors at once (test/support/coauthoring.ts), in every order
// their batches can take (or, for the longer upgrade, the other's run dropped in at each point),
// end in one correct workbook. Minutes of walking: `npm run mutate` leaves this file out, as it
// does the partial-failure sweep; the short co-authoring cases are in coauthoring.test.ts.
import fc from "fast-check";
import { watchWorkbook } from "../../src/excel/check";
import { isRevisionName } from "../../src/excel/revision";
import { setUpWorkbook } from "../../src/excel/setup";
import { COPIES, ChoiceReplay, SharedWorkbook, everyInterleaving, type Chooser, type Who } from "../support/coauthoring";
import { bothSetUp, sharedFresh } from "../support/coauthoringRuns";
import { FakeWorkbook, cellKey } from "../support/fakeExcel";
import { describeWorkbook, freshFake, olderWorkbook, planner, setUp } from "../support/fakeExcelFixtures";

/**
 * What a finished set-up with sample rows holds, written out by hand from the spec (SPEC.md §2, §3):
 * each sheet, table and name once, the highlight rules per sheet, the sample rows per table, each
 * AddinRecord item once, one Overview, one legend per highlighted table.
 */
function oneCleanWorkbook(workbook: FakeWorkbook): void {
  expect(workbook.sheets.map((s) => `${s.name}${s.visibility === "Visible" ? "" : " (hidden)"}`)).toEqual([
    "Overview",
    "Sheet1",
    "Settings (hidden)",
    "Goals",
    "Strategy",
    "Market",
    "Customers",
    "Tasks",
    "Pipeline",
    "Risks",
    "Review",
    "Playbook",
  ]);
  // Data rows per table: the sample rows, the Settings lists; Nudges is made empty (a header row
  // alone gets one blank data row).
  expect(Object.fromEntries(workbook.tables.filter((t) => t.name !== "AddinRecord").map((t) => [t.name, t.rect.rows - 1]))).toEqual({
    Config: 10,
    Stages: 10,
    Tiers: 4,
    Team: 3,
    Lists: 6,
    Nudges: 1,
    SalesGoals: 3,
    StrategyPlan: 3,
    MarketAnalysis: 3,
    Customers: 5,
    Tasks: 7,
    Pipeline: 4,
    Risks: 4,
    ReviewInputs: 2,
    ReviewMetrics: 9,
    ReviewFunnel: 6,
    Playbook: 2,
  });
  expect(workbook.tables.filter((t) => t.name === "AddinRecord")).toHaveLength(1);
  // Highlight rules: Tasks lagging / overdue / due soon / closed; Customers next contact past;
  // Risks score high / medium; Goals' number formats for counts and rates, two ranges each.
  expect(Object.fromEntries(workbook.sheets.map((s) => [s.name, s.conditionalFormats.length]).filter(([, n]) => n))).toEqual({
    Goals: 4,
    Customers: 1,
    Tasks: 4,
    Risks: 2,
  });
  const names = workbook.names.filter((n) => !isRevisionName(n.name)).map((n) => n.name.toLowerCase());
  expect(names).toHaveLength(33);
  expect(new Set(names).size).toBe(names.length);
  for (const wanted of ["language", "schemaversion", "lagalertdays", "list_taskstatus", "list_owner", "list_customer"])
    expect(names).toContain(wanted);
  const record = workbook.table("AddinRecord")!;
  const items = Array.from({ length: record.rect.rows - 1 }, (_, r) =>
    String(workbook.peek(record.sheet, record.rect.row + 1 + r, record.rect.col)?.value ?? ""),
  );
  expect(items.filter((item, i) => items.indexOf(item) !== i)).toEqual([]);
  expect(items.filter((item) => /^(legend|sheet):/.test(item)).sort()).toEqual([
    "legend:Customers",
    "legend:Risks",
    "legend:Tasks",
    "sheet:overview",
  ]);
  // Each validated column once: a drop-down on every Tasks data cell of Status, none doubled into other columns.
  const tasks = workbook.table("Tasks")!;
  const status = workbook.headers(tasks).indexOf("Status");
  for (let r = 1; r < tasks.rect.rows; r++) {
    expect(tasks.sheet.validations.get(cellKey(tasks.rect.row + r, tasks.rect.col + status))?.rule).toEqual({
      list: { inCellDropDown: true, source: "=List_TaskStatus" },
    });
  }
}

describe("set-up run by both co-authors at once", () => {
  // The first set-up read (two syncs) and its write batches: every order in which the two copies'
  // batches can meet, with every re-read a refused batch leads to.
  it("ends in one correct workbook, the same as one copy's set-up, in every interleaving of their batches", async () => {
    const alone = freshFake();
    await setUp(alone);
    const expected = describeWorkbook(alone.workbook);
    const orders = new Set<string>();
    const { runs, all } = await everyInterleaving(async (replay) => {
      const room = sharedFresh();
      const { results, order, stopped } = await room.schedule(bothSetUp(room), replay.choose);
      if (stopped) return false;
      orders.add(order);
      expect({ order, A: results.A?.status, B: results.B?.status }).toEqual({ order, A: "fulfilled", B: "fulfilled" });
      oneCleanWorkbook(room.workbook);
      expect({ order, workbook: describeWorkbook(room.workbook) }).toEqual({ order, workbook: expected });
      return true;
    }, 2000);
    expect(all).toBe(true);
    expect(runs).toBe(orders.size);
    // Reported: how many interleavings were walked.
    expect(runs).toBeGreaterThan(10);
    console.log(`set-up by both at once: ${runs} interleavings`);
  }, 1_200_000);
});

/** The first copy's first `k` batches go, then the other's whole run, then the rest of the first's. */
function oneSwitch(first: Who, k: number): Chooser {
  return (ready, step) => (ready.length === 1 ? ready[0] : step < k ? first : ready.find((w) => w !== first)!);
}

describe("upgrade run by both co-authors at once", () => {
  // An upgrade has more batches than a set-up, so rather than every order: the other copy's whole
  // run dropped in at each point of the first's, both ways round, strict alternation, and 20 drawn ones.
  it("ends in one upgraded workbook, the same as one copy's upgrade, for the other's run dropped in anywhere", async () => {
    const base = await olderWorkbook({ taskRows: 6, otherRows: 4 });
    const alone = new FakeWorkbook();
    alone.restore(base.workbook);
    const single = new SharedWorkbook(alone);
    await setUpWorkbook(single.host("A"), { plan: planner() });
    const expected = describeWorkbook(alone);
    const batches = single.copies.A.syncs;
    const choosers: [string, Chooser][] = [
      ...(["A", "B"] as const).flatMap((first) =>
        Array.from({ length: batches + 1 }, (_, k): [string, Chooser] => [`${first} ${k} batches first`, oneSwitch(first, k)]),
      ),
      ["alternating", (ready, step) => ready[step % ready.length]],
      ...fc
        .sample(fc.array(fc.nat(1), { maxLength: 40 }), { seed: 20261201, numRuns: 20 })
        .map((choices, n): [string, Chooser] => [`drawn ${n}`, new ChoiceReplay(choices, false).choose]),
    ];
    const orders = new Set<string>();
    for (const [name, choose] of choosers) {
      const workbook = new FakeWorkbook();
      workbook.restore(base.workbook);
      const room = new SharedWorkbook(workbook);
      const { results, order } = await room.schedule(bothSetUp(room), choose);
      orders.add(order);
      expect({ name, order, A: results.A?.status, B: results.B?.status }).toEqual({ name, order, A: "fulfilled", B: "fulfilled" });
      expect({ name, order, workbook: describeWorkbook(workbook) }).toEqual({ name, order, workbook: expected });
      // By hand: Risks made once, Tasks given Support and Days late once, its four rules plus the user's own.
      expect(workbook.sheets.filter((s) => s.name === "Risks")).toHaveLength(1);
      const tasks = workbook.table("Tasks")!;
      expect(workbook.headers(tasks).filter((h) => h === "Support" || h === "Days late")).toEqual(["Support", "Days late"]);
      expect(tasks.sheet.conditionalFormats).toHaveLength(5);
    }
    expect(orders.size).toBeGreaterThan(2 * batches);
    console.log(`upgrade by both at once: ${orders.size} interleavings`);
  }, 600_000);
});

describe("set-up by both at once, drawn from seeds", () => {
  it("ends in one correct workbook for random interleavings, the edge orders among them", async () => {
    const choosers: Record<string, Chooser> = {
      "A first, then B": (ready) => (ready.includes("A") ? "A" : "B"),
      "B first, then A": (ready) => (ready.includes("B") ? "B" : "A"),
      alternating: (ready, step) => ready[step % ready.length],
    };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...Object.keys(choosers)), fc.array(fc.nat(1), { maxLength: 40 })), async (pick) => {
        const room = sharedFresh();
        // Both panes' live checks are open meanwhile: they re-read on each other's batches and write nothing.
        const watches = await Promise.all(COPIES.map((who) => watchWorkbook(room.host(who), () => undefined, { debounceMs: 0 })));
        const choose = typeof pick === "string" ? choosers[pick] : new ChoiceReplay(pick, false).choose;
        const { results } = await room.schedule(bothSetUp(room), choose);
        await room.settle();
        for (const watch of watches) await watch.stop();
        expect([results.A?.status, results.B?.status]).toEqual(["fulfilled", "fulfilled"]);
        oneCleanWorkbook(room.workbook);
        expect(room.events.some((e) => e.source === "Remote")).toBe(true);
        expect(room.writes.filter((w) => w.answering !== undefined)).toEqual([]);
      }),
      { seed: 20261201, numRuns: 25, examples: Object.keys(choosers).map((k): [string] => [k]) },
    );
  }, 600_000);
});
