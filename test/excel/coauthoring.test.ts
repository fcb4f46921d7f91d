// Two co-authors with the add-in open on one shared workbook (test/support/coauthoring.ts): what one
// changes reaches the other as a Remote event, which is re-read and shown, never answered with a
// write; set-up or upgrade run while a co-author types loses nothing they typed; and set-up or
// upgrade started by both at once, in any order their batches can take, ends in one correct workbook.
import fc from "fast-check";
import { checkLiveWorkbook, watchWorkbook, type LiveCheck } from "../../src/excel/check";
import { isRevisionName } from "../../src/excel/revision";
import { nudgeOwners } from "../../src/excel/paneNudges";
import { addRows, setUpWorkbook } from "../../src/excel/setup";
import { COPIES, ChoiceReplay, SharedWorkbook, everyInterleaving, type Chooser, type Who } from "../support/coauthoring";
import { FakeWorkbook, cellKey } from "../support/fakeExcel";
import { commentsOf } from "../support/fakeComments";
import { describeWorkbook, freshFake, olderWorkbook, planner, setUp, typeRows } from "../support/fakeExcelFixtures";
import { WORKBOOK } from "../../src/domain/spec/workbook";

function sharedFresh(): SharedWorkbook {
  const workbook = new FakeWorkbook();
  workbook.addSheet("Sheet1");
  return new SharedWorkbook(workbook);
}

/** Both copies set up (or upgrade) with the same choices, as two managers pressing Set up at once. */
function bothSetUp(room: SharedWorkbook) {
  const run = (who: Who) => () => setUpWorkbook(room.host(who), { plan: planner() });
  return { A: run("A"), B: run("B") };
}

/** Cells of one table row, left to right. */
function rowValues(workbook: FakeWorkbook, table: string, index: number): unknown[] {
  const t = workbook.table(table)!;
  return Array.from({ length: t.rect.cols }, (_, c) => workbook.peek(t.sheet, t.rect.row + 1 + index, t.rect.col + c)?.value ?? "");
}

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

describe("a co-author's edits reach the other copy as Remote events", () => {
  it("the other copy's live check re-reads and shows them, and writes nothing back", async () => {
    const room = sharedFresh();
    await setUpWorkbook(room.host("A"), { plan: planner() });
    const before = room.writes.length;
    const seen: LiveCheck[] = [];
    const watchA = await watchWorkbook(room.host("A"), (check) => seen.push(check), { debounceMs: 0 });
    const watchB = await watchWorkbook(room.host("B"), () => undefined, { debounceMs: 0 });
    const readsBefore = room.copies.A.syncs;
    const eventsBefore = room.events.length;

    // B's copy writes a Tasks row whose Status is not one of the list's words.
    await room.copies.B.run({}, async (context) => {
      const tasks = context.workbook.tables.getItem("Tasks");
      tasks.getDataBodyRange().getRow(0).getCell(0, 10).values = [["finished-ish"]];
      await context.sync();
    });
    await room.settle();

    const status = room.workbook.table("Tasks")!.rect.row + 2;
    expect(room.events.slice(eventsBefore)).toEqual([
      { to: "A", source: "Remote", sheet: "Tasks", address: `K${status}` },
      { to: "B", source: "Local", sheet: "Tasks", address: `K${status}` },
    ]);
    // A read the workbook again and shows the finding on B's cell.
    expect(room.copies.A.syncs).toBeGreaterThan(readsBefore);
    expect(seen.at(-1)!.findings.filter((f) => f.cell === `K${status}`)).toEqual([
      expect.objectContaining({ sheet: "Tasks", code: "notInList", value: "finished-ish" }),
    ]);
    // The only write since set-up is B's own; nothing answers an event.
    expect(room.writes.slice(before).map((w) => ({ by: w.by, answering: w.answering }))).toEqual([{ by: "B", answering: undefined }]);
    await watchA.stop();
    await watchB.stop();
  });

  it("a co-author typing while both copies watch: each re-reads, neither writes", async () => {
    const room = sharedFresh();
    await setUpWorkbook(room.host("A"), { plan: planner() });
    const before = room.writes.length;
    const found: Record<Who, number> = { A: 0, B: 0 };
    const watches = await Promise.all(
      (["A", "B"] as const).map((who) => watchWorkbook(room.host(who), (check) => (found[who] = check.findings.length), { debounceMs: 0 })),
    );
    const clean = (await checkLiveWorkbook(room.host("A"))).findings.length;
    const eventsBefore = room.events.length;
    room.userEdit("B", (wb) => typeRows(wb, wb.table("Tasks")!, [["T-99", "Nobody Ltd", "new customer", "no such stage"]]));
    await room.settle();
    expect(
      room.events
        .slice(eventsBefore)
        .filter((e) => e.to === "A")
        .map((e) => e.source),
    ).toEqual(["Remote"]);
    expect(found.A).toBeGreaterThan(clean);
    expect(found.B).toBe(found.A);
    expect(room.writes.slice(before)).toEqual([]);
    for (const w of watches) await w.stop();
  });
});

describe("the harness", () => {
  it("catches a copy that answers a co-author's change with a write, and tells Local from Remote", async () => {
    const room = sharedFresh();
    room.recordEvents = true;
    // A careless handler: stamps a cell whenever a co-author changes something.
    await room.copies.A.run({}, async (context) => {
      context.workbook.worksheets.onChanged.add(async (args) => {
        if (args.source !== "Remote") return;
        await room.copies.A.run({}, async (answer) => {
          answer.workbook.worksheets.getItem("Sheet1").getRange("Z1").values = [["seen"]];
          await answer.sync();
        });
      });
      await context.sync();
    });
    await room.copies.B.run({}, async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["hello"]];
      await context.sync();
    });
    await room.settle();
    expect(room.writes.map((w) => ({ by: w.by, answering: w.answering, calls: w.calls }))).toEqual([
      { by: "B", answering: undefined, calls: ["Range.values"] },
      { by: "A", answering: "Remote", calls: ["Range.values"] },
    ]);
    // A's own stamp reaches A as Local (and is not answered again), B as Remote.
    expect(room.events.map((e) => `${e.to} ${e.source} ${e.address}`)).toEqual(["A Remote A1", "B Local A1", "A Local Z1", "B Remote Z1"]);
  });

  it("keeps the rules the revision claim relies on: a name deleted, hidden, refused twice, missing", async () => {
    const fake = freshFake();
    await fake.run({}, async (context) => {
      context.workbook.names.add("Rev_1", "=1").visible = false;
      await context.sync();
    });
    expect(fake.workbook.name("Rev_1")).toMatchObject({ formula: "=1", visible: false });
    // A stale claim: the name it deletes is gone, so nothing after it in the batch applies.
    await fake.run({}, async (context) => {
      context.workbook.names.getItem("Rev_1").delete();
      context.workbook.names.add("Rev_2", "=2");
      await context.sync();
    });
    const stale = fake.run({}, async (context) => {
      context.workbook.names.getItem("Rev_1").delete();
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["late"]];
      await context.sync();
    });
    await expect(stale).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(fake.workbook.peek(fake.workbook.sheets[0], 0, 0)).toBeUndefined();
    await expect(
      fake.run({}, async (context) => {
        context.workbook.names.add("rev_2", "=3");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    expect(fake.workbook.names.map((n) => n.name)).toEqual(["Rev_2"]);
  });

  it("walks every order of two short runs once: 2 batches each meet in 6 orders", async () => {
    const orders: string[] = [];
    const twoBatches = (room: SharedWorkbook, who: Who) => async () => {
      for (const cell of ["A1", "A2"]) {
        await room.copies[who].run({}, async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange(cell).values = [[who]];
          await context.sync();
        });
      }
    };
    const { runs, all } = await everyInterleaving(async (replay) => {
      const room = sharedFresh();
      const { order, stopped } = await room.schedule({ A: twoBatches(room, "A"), B: twoBatches(room, "B") }, replay.choose);
      if (!stopped) orders.push(order);
      return !stopped;
    }, 100);
    expect({ runs, all }).toEqual({ runs: 6, all: true });
    expect(orders.sort()).toEqual(["AABB", "ABAB", "ABBA", "BAAB", "BABA", "BBAA"]);
  });
});

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

describe("an upgrade that only adds a highlight rule, run by both at once", () => {
  // Rules have no names: nothing in Excel refuses a second one. The revision name each write batch
  // moves on is what stops the copy whose read went stale.
  it("adds the rule once, in every interleaving", async () => {
    const base = freshFake();
    await setUp(base, {
      spec: {
        ...WORKBOOK,
        schemaVersion: WORKBOOK.schemaVersion - 1,
        conditionalFormats: WORKBOOK.conditionalFormats.filter((cf) => cf.id !== "lagging"),
      },
    });
    expect(base.workbook.sheet("Tasks")!.conditionalFormats).toHaveLength(3);
    const { runs, all } = await everyInterleaving(async (replay) => {
      const workbook = new FakeWorkbook();
      workbook.restore(base.workbook);
      const room = new SharedWorkbook(workbook);
      const { results, order, stopped } = await room.schedule(bothSetUp(room), replay.choose);
      if (stopped) return false;
      expect({ order, A: results.A?.status, B: results.B?.status }).toEqual({ order, A: "fulfilled", B: "fulfilled" });
      const rules = workbook.sheet("Tasks")!.conditionalFormats;
      expect({ order, lagging: rules.filter((cf) => cf.formula?.endsWith(">LagAlertDays)")).length, all: rules.length }).toEqual({
        order,
        lagging: 1,
        all: 4,
      });
      const record = workbook.table("AddinRecord")!;
      const items = Array.from(
        { length: record.rect.rows - 1 },
        (_, r) => workbook.peek(record.sheet, record.rect.row + 1 + r, record.rect.col)?.value,
      );
      expect({ order, recorded: items.filter((item) => item === "cf:Tasks.lagging").length }).toEqual({ order, recorded: 1 });
      return true;
    }, 500);
    expect(all).toBe(true);
    console.log(`a rule added by both at once: ${runs} interleavings`);
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

describe("set-up and upgrade while a co-author types", () => {
  /** B types a Tasks row and changes a Customers cell before A's batch number `at` (or before every batch). */
  async function upgradeWhileTyping(at: number | "every") {
    const base = await olderWorkbook({ taskRows: 6, otherRows: 4 });
    const room = new SharedWorkbook(base.workbook);
    const typed: string[] = [];
    let batch = 0;
    const { results } = await room.schedule(
      { A: () => setUpWorkbook(room.host("A"), { plan: planner() }) },
      (ready) => ready[0],
      () => {
        if (at === "every" || at === batch) {
          const id = `B-${batch}`;
          typed.push(id);
          room.userEdit("B", (wb) => {
            typeRows(wb, wb.table("Tasks")!, [[id, "Customer 1", "new customer", "product demo", `typed by B before batch ${batch}`]]);
            const customers = wb.table("Customers")!;
            wb.cell(customers.sheet, customers.rect.row + 1, customers.rect.col + 1).value = `Industry ${batch}`;
          });
        }
        batch++;
      },
    );
    return { room, results, typed, batches: batch };
  }

  it("rows the task pane adds (a customer's path) go below the rows B typed meanwhile, never over them", async () => {
    const fresh = sharedFresh();
    await setUpWorkbook(fresh.host("A"), { plan: planner() });
    for (let at = 0; at < 6; at++) {
      const workbook = new FakeWorkbook();
      workbook.restore(fresh.workbook);
      const room = new SharedWorkbook(workbook);
      let batch = 0;
      const { results } = await room.schedule(
        {
          A: () =>
            addRows(room.host("A"), {
              table: "Tasks",
              rows: [
                ["P-1", "Customer 1", "new customer"],
                ["P-2", "Customer 1", "new customer"],
              ],
            }),
        },
        (ready) => ready[0],
        () => {
          if (batch++ === at) room.userEdit("B", (wb) => typeRows(wb, wb.table("Tasks")!, [["B-1", "Customer 2", "existing customer"]]));
        },
      );
      expect({ at, status: results.A?.status }).toEqual({ at, status: "fulfilled" });
      const tasks = workbook.table("Tasks")!;
      const ids = Array.from({ length: tasks.rect.rows - 1 }, (_, r) => rowValues(workbook, "Tasks", r)[0]);
      // The seven sample rows, then both A's rows and B's, each once, whenever B typed.
      expect({ at, ids: [...ids.slice(7)].sort() }).toEqual({ at, ids: at < batch ? ["B-1", "P-1", "P-2"] : ["P-1", "P-2"] });
    }
  }, 600_000);

  it("an upgrade keeps every row and cell B typed between its batches, inside the table, whenever B typed", async () => {
    const { batches } = await upgradeWhileTyping(-1);
    for (const at of [...Array.from({ length: batches }, (_, i) => i), "every" as const]) {
      const { room, results, typed } = await upgradeWhileTyping(at);
      expect({ at, status: results.A?.status }).toEqual({ at, status: "fulfilled" });
      const wb = room.workbook;
      const tasks = wb.table("Tasks")!;
      const ids = Array.from({ length: tasks.rect.rows - 1 }, (_, r) => rowValues(wb, "Tasks", r)[0]);
      // Every typed row is there, once, inside the table.
      for (const id of typed) expect({ at, id, times: ids.filter((v) => v === id).length }).toEqual({ at, id, times: 1 });
      const customers = wb.table("Customers")!;
      expect({ at, industry: wb.peek(customers.sheet, customers.rect.row + 1, customers.rect.col + 1)?.value }).toEqual({
        at,
        industry: `Industry ${at === "every" ? batches - 1 : at}`,
      });
      // The upgrade itself is complete: Support and Days late, the lagging rule over every row.
      expect(wb.headers(tasks).filter((h) => h === "Support" || h === "Days late")).toEqual(["Support", "Days late"]);
      const lagging = tasks.sheet.conditionalFormats.find((cf) => cf.formula?.endsWith(">LagAlertDays)"))!;
      expect({ at, rows: lagging.rect.rows }).toEqual({ at, rows: tasks.rect.rows - 1 });
    }
  }, 600_000);
});

describe("nudges run by both co-authors at once", () => {
  const today = 46352; // 2026-11-26
  /** A Tasks row in the table's column order (ID, customer, path, stage, action, output standard, owner, support, start, due, status). */
  const task = (id: string, owner: string, due: number, status = "In progress") =>
    [id, "Acme", "New customer", "Proposal", "", "", owner, null, null, due, status] as const;

  // Chen's T-001 and Wang's T-004 lag; Li has no email; Wang's T-003 is done.
  async function teamWithLaggingTasks(): Promise<FakeWorkbook> {
    const fake = freshFake();
    await setUp(fake, { sample: false });
    typeRows(fake.workbook, fake.workbook.table("Team")!, [
      ["Chen", "chen@example.com", "Rep"],
      ["Li", "", "Rep"],
      ["Wang", "wang@example.com", "Manager"],
    ]);
    typeRows(fake.workbook, fake.workbook.table("Tasks")!, [
      task("T-001", "Chen", today - 5),
      task("T-002", "Li", today - 6),
      task("T-003", "Wang", today - 4, "Done"),
      task("T-004", "Wang", today - 8),
    ]);
    return fake.workbook;
  }

  it("end with one comment and one record row per lagging task, in every interleaving of their batches", async () => {
    const start = await teamWithLaggingTasks();
    const orders = new Set<string>();
    const { runs, all } = await everyInterleaving(async (replay) => {
      const room = new SharedWorkbook(start.clone());
      const nudge = (who: Who) => () => nudgeOwners(room.host(who), { today, run: `run-${who}` });
      const { results, order, stopped } = await room.schedule({ A: nudge("A"), B: nudge("B") }, replay.choose);
      if (stopped) return false;
      orders.add(order);
      expect({ order, A: results.A?.status, B: results.B?.status }).toEqual({ order, A: "fulfilled", B: "fulfilled" });
      const threads = commentsOf(room.workbook);
      expect({ order, threads: threads.map((t) => `${t.sheet.name}!${t.row + 1}:${t.replies.length}`).sort() }).toEqual({
        order,
        threads: ["Tasks!2:0", "Tasks!5:0"],
      });
      const record = room.workbook.table("Nudges")!;
      const filled: string[] = [];
      for (let r = 1; r < record.rect.rows; r++) {
        const id = room.workbook.peek(record.sheet, record.rect.row + r, record.rect.col)?.value;
        if (id !== undefined && id !== null && id !== "") filled.push(String(id));
      }
      expect({ order, filled: filled.sort() }).toEqual({ order, filled: ["T-001", "T-004"] });
      // Each task is nudged by one copy alone; the other says it was taken meanwhile or already done.
      const done = [results.A, results.B].flatMap((r) => (r?.status === "fulfilled" ? r.value.nudged.map((n) => n.taskId) : []));
      expect({ order, done: done.sort() }).toEqual({ order, done: ["T-001", "T-004"] });
      return true;
    }, 3000);
    expect(all).toBe(true);
    expect(runs).toBe(orders.size);
    expect(runs).toBeGreaterThan(10);
    console.log(`nudges by both at once: ${runs} interleavings`);
  }, 1_200_000);
});
