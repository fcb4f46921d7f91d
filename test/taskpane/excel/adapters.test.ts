// The pane's Excel adapters on the recording fake, on workbooks made by the real set-up: what the
// panels read is what the sheets hold, and what they write lands where the sheets say.
import { readTasksBoard, createPathTasks, configValues } from "../../../src/excel/paneTasks";
import { readSettings, writeSettings } from "../../../src/excel/paneSettings";
import { readReview, setPortableFormulas, canonicalFormula } from "../../../src/excel/paneReview";
import { readWorkbookInfo, runSetUp } from "../../../src/excel/paneSetup";
import { excelSerial } from "../../../src/domain/plan/address";
import { STAGES_BY_PATH } from "../../../src/domain/spec/vocabulary";
import type { FakeExcel } from "../../support/fakeExcel";
import { TODAY, freshFake, hostFor, setUp } from "../../support/fakeExcelFixtures";

const today = excelSerial(TODAY);

function tableRows(fake: FakeExcel, name: string): unknown[][] {
  const table = fake.workbook.table(name)!;
  const rows: unknown[][] = [];
  for (let r = 1; r < table.rect.rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < table.rect.cols; c++) row.push(fake.workbook.peek(table.sheet, table.rect.row + r, table.rect.col + c)?.value ?? "");
    rows.push(row);
  }
  return rows;
}

describe("set-up from the pane", () => {
  it("reports a new workbook as having no planner sheets, then sets up the chosen ones and says what it added", async () => {
    const fake = freshFake();
    const host = hostFor(fake);
    expect(await readWorkbookInfo(host)).toEqual({ sheets: [] });
    const seen: number[] = [];
    const summary = await runSetUp(host, { language: "zh-CN", sheets: ["tasks"], sample: false, today: TODAY }, (p) => seen.push(p.done / p.total));
    expect(summary.language).toBe("zh-CN");
    expect(summary.steps).toBeGreaterThan(0);
    expect(summary.added.addTable).toBeGreaterThanOrEqual(2);
    expect(seen.at(-1)).toBe(1);
    const info = await readWorkbookInfo(host);
    expect(info.language).toBe("zh-CN");
    expect(info.sheets).toContain("tasks");
    expect(info.sheets).toContain("settings");
    expect(info.sheets).not.toContain("risks");
    // Run again: nothing missing.
    const again = await runSetUp(host, { language: "en-US", sheets: ["tasks"], sample: false, today: TODAY }, () => undefined);
    expect(again).toEqual({ language: "zh-CN", added: {}, steps: 0, notices: [] });
  });
});

describe("Tasks adapter", () => {
  it("reads customers, the roster, each path's stages with Settings' durations, and the thresholds", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "en-US" });
    const board = (await readTasksBoard(hostFor(fake), today))!;
    expect(board.language).toBe("en-US");
    expect(board.customers).toContain("East China Precision Manufacturing Co.");
    expect(board.owners).toEqual(["Manager Wang", "Tech specialist Li", "Sales rep Chen"]);
    expect(board.paths.map((p) => [p.key, p.stages.length])).toEqual([
      ["new", STAGES_BY_PATH.new.length],
      ["existing", STAGES_BY_PATH.existing.length],
    ]);
    expect(board.paths[0].stages[0]).toEqual({ stage: "Lead acquisition", days: 7 });
    expect(board.lagAlertDays).toBe(3);
    expect(board.tasks[0].cell).toBe("A2");
    expect(board.columnKeys.slice(0, 3)).toEqual(["id", "customer", "path"]);
  });

  it("adds the path's stages as rows below Tasks in one undo step, each due when its working days are done", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "zh-CN" });
    const host = hostFor(fake);
    const board = (await readTasksBoard(host, today))!;
    const before = tableRows(fake, "Tasks").length;
    const undoBefore = fake.undoSteps;
    const monday = excelSerial("2026-11-30");
    const added = await createPathTasks(host, board, { customer: board.customers[0], path: "existing", start: monday, owner: "李技术专员" });
    expect(added).toBe(STAGES_BY_PATH.existing.length);
    const rows = tableRows(fake, "Tasks");
    expect(rows).toHaveLength(before + added);
    const first = rows[before];
    expect(first.slice(0, 4)).toEqual([`T-${String(before + 1).padStart(3, "0")}`, board.customers[0], "老客户", "定期回访"]);
    const col = (key: string) => board.columnKeys.indexOf(key);
    expect(first[col("owner")]).toBe("李技术专员");
    expect(first[col("status")]).toBe("未开始");
    expect(first[col("start")]).toBe(monday);
    // 7 working days from Monday 30 November: Wednesday 9 December.
    expect(first[col("due")]).toBe(excelSerial("2026-12-09"));
    expect(rows[before + 1][col("start")]).toBe(excelSerial("2026-12-09"));
    expect(fake.undoSteps - undoBefore).toBe(1);
  });

  it("finds nothing to show in a workbook without Tasks", async () => {
    expect(await readTasksBoard(hostFor(freshFake()), today)).toBeUndefined();
  });
});

describe("Settings adapter", () => {
  it("reads what Settings holds and writes back only what changed, the roster's new people below it", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "en-US" });
    const host = hostFor(fake);
    const settings = (await readSettings(host))!;
    expect(settings.thresholds.LagAlertDays).toBe(3);
    expect(settings.stages[0]).toEqual({ path: "New customer", stage: "Lead acquisition", probability: 0.1, days: 7 });
    expect(settings.team.map((m) => m.name)).toEqual(["Manager Wang", "Tech specialist Li", "Sales rep Chen"]);
    fake.resetCounters();
    const result = await writeSettings(host, {
      ...settings,
      thresholds: { ...settings.thresholds, LagAlertDays: 5 },
      stages: settings.stages.map((s, i) => (i === 0 ? { ...s, days: 9 } : s)),
      team: [...settings.team, { name: "=Zhao", email: "zhao@example.com", role: "Rep" }],
    });
    expect(result).toEqual({ cells: 2, members: 1 });
    const again = (await readSettings(host))!;
    expect(again.thresholds.LagAlertDays).toBe(5);
    expect(again.stages[0].days).toBe(9);
    expect(again.stages[1]).toEqual(settings.stages[1]);
    // A name starting with = stays text.
    expect(again.team.at(-1)).toEqual({ name: "=Zhao", email: "zhao@example.com", role: "Rep" });
    expect(configValues).toBeDefined();
  });
});

describe("Review adapter", () => {
  it("reads one card per review metric, with its target and the direction that is better", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "en-US" });
    const review = (await readReview(hostFor(fake)))!;
    expect(review.cards.length).toBe(9);
    const cac = review.cards.find((c) => c.metric === "Customer acquisition cost, CAC (amount)")!;
    expect(cac.target).toBe(20000);
    expect(cac.better).toBe("lower");
    expect(cac.percent).toBeUndefined();
    expect(review.cards.find((c) => c.metric === "Win rate (%)")!.percent).toBe(true);
    // The fake does not calculate: no actual, no mark.
    expect(cac.actual).toBeUndefined();
    expect(cac.onTrack).toBeUndefined();
    expect(review.portable).toBe(true);
  });

  it("switches the SALES.* cells to their twins and back, leaving a formula a user wrote alone", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "en-US" });
    const host = hostFor(fake);
    const metrics = fake.workbook.table("ReviewMetrics")!;
    // A user's own formula in the CAC row's Actual cell (row 4 of the metrics, column 3).
    const cacCell = fake.workbook.cell(metrics.sheet, metrics.rect.row + 4, metrics.rect.col + 2);
    cacCell.formula = "=1+1";
    const toFunctions = await setPortableFormulas(host, false);
    expect(toFunctions.kept).toBe(1);
    expect(toFunctions.changed).toBeGreaterThan(5);
    expect((await readReview(host))!.portable).toBe(false);
    const winRate = fake.workbook.peek(metrics.sheet, metrics.rect.row + 3, metrics.rect.col + 2)!;
    expect(winRate.formula).toMatch(/SALES\.WINRATE\(/);
    expect(cacCell.formula).toBe("=1+1");
    const back = await setPortableFormulas(host, true);
    expect(back).toEqual({ changed: toFunctions.changed, kept: 1 });
    expect((await readReview(host))!.portable).toBe(true);
    expect(winRate.formula).not.toMatch(/SALES\./);
  });

  it("reads [@Due] and Tasks[[#This Row],[Due]] as the same reference, spaces and case aside", () => {
    expect(canonicalFormula("=Tasks[[#This Row],[Due]] + 1", "Tasks")).toBe(canonicalFormula("=[@Due]+1", "Tasks"));
    expect(canonicalFormula("=[@[Due date]]", "Tasks")).toBe(canonicalFormula("=[@Due date]", "Tasks"));
    expect(canonicalFormula("=[@Due]", "Tasks")).not.toBe(canonicalFormula("=[@Start]", "Tasks"));
  });
});
