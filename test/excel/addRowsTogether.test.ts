// Two co-authors each add a customer's path to Tasks at the same moment, from their own task pane:
// the one whose read went stale (the other's rows landed first) reads again and adds its rows
// below the other's, and neither is told its rows may have been half added.
import { addRows, setUpWorkbook } from "../../src/excel/setup";
import { sharedFresh } from "../support/coauthoringRuns";
import { planner } from "../support/fakeExcelFixtures";
import type { FakeWorkbook } from "../support/fakeExcel";

function ids(workbook: FakeWorkbook): unknown[] {
  const t = workbook.table("Tasks")!;
  return Array.from({ length: t.rect.rows - 1 }, (_, r) => workbook.peek(t.sheet, t.rect.row + 1 + r, t.rect.col)?.value ?? "");
}

it("both paths land, each row once, the later below the earlier, with no error", async () => {
  const room = sharedFresh();
  await setUpWorkbook(room.host("A"), { plan: planner(undefined, { sample: false }) });
  const add = (who: "A" | "B", prefix: string) => () =>
    addRows(room.host(who), {
      table: "Tasks",
      rows: [
        [`${prefix}-1`, "Acme", "new customer"],
        [`${prefix}-2`, "Acme", "new customer"],
      ],
    });
  // A reads (its batches that write nothing); then B reads and writes all its batches; then A writes from its stale read.
  let aRead = false;
  const run = await room.schedule({ A: add("A", "A"), B: add("B", "B") }, (ready, _step, writes) => {
    if (!aRead && ready.includes("A") && !writes.A) return "A";
    aRead = true;
    return ready.includes("B") ? "B" : "A";
  });
  expect(run.results.A).toMatchObject({ status: "fulfilled" });
  expect(run.results.B).toMatchObject({ status: "fulfilled" });
  expect(run.order).toMatch(/^A+B+A+$/);
  // A new table keeps its first (blank) row; B's rows fill it and the next, A's follow.
  expect(ids(room.workbook).filter((v) => v !== "")).toEqual(["B-1", "B-2", "A-1", "A-2"]);
  // A's first write was refused (the revision moved on): it read again rather than failing.
  expect(room.writes.filter((w) => w.by === "A" && w.failed)).toHaveLength(1);
});
