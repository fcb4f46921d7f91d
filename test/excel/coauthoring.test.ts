// Two co-authors with the add-in open on one shared workbook (test/support/coauthoring.ts): what one
// changes reaches the other as a Remote event, which is re-read and shown, never answered with a
// write; set-up or upgrade run while a co-author types loses nothing they typed; a rule or nudges
// run by both at once end done once. The long walks of set-up and upgrade by both at once, in every
// order their batches can take: coauthoringWalks.test.ts.
import { checkLiveWorkbook, watchWorkbook, type LiveCheck } from "../../src/excel/check";
import { nudgeOwners } from "../../src/excel/paneNudges";
import { addRows, setUpWorkbook } from "../../src/excel/setup";
import { SharedWorkbook, everyInterleaving, type Who } from "../support/coauthoring";
import { bothSetUp, sharedFresh } from "../support/coauthoringRuns";
import { FakeWorkbook } from "../support/fakeExcel";
import { commentsOf } from "../support/fakeComments";
import { freshFake, olderWorkbook, planner, setUp, typeRows } from "../support/fakeExcelFixtures";
import { WORKBOOK } from "../../src/domain/spec/workbook";

/** Cells of one table row, left to right. */
function rowValues(workbook: FakeWorkbook, table: string, index: number): unknown[] {
  const t = workbook.table(table)!;
  return Array.from({ length: t.rect.cols }, (_, c) => workbook.peek(t.sheet, t.rect.row + 1 + index, t.rect.col + c)?.value ?? "");
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
