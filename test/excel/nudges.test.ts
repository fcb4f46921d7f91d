// Nudges against the recording fake: the preview writes nothing; a nudge writes one comment per
// lagging task with its owner's mention, and one record row; a second run the same day writes
// nothing; two add-in instances nudging at once end with one comment and one record row per task.
import { WORKBOOK } from "../../src/domain/spec/workbook";
import type { ExcelHost } from "../../src/excel/host";
import { NudgeError, nudgeOwners, previewNudges } from "../../src/excel/paneNudges";
import { FakeExcel, FakeOfficeError, asExcelRun, type CellValue, type FakeTable } from "../support/fakeExcel";
import { commentsOf, threadAt } from "../support/fakeComments";
import { freshFake, hostFor, setUp, typeRows } from "../support/fakeExcelFixtures";

const TODAY = 46352; // 2026-11-26, the fixtures' set-up day

/** A Tasks row in the table's column order (ID, customer, path, stage, action, output standard, owner, support, start, due, status). */
const taskRow = (id: string, owner: string, due: number, status = "In progress", action = "", standard = ""): (CellValue | null)[] => [
  id,
  "Acme",
  "New customer",
  "Proposal",
  action,
  standard,
  owner,
  null,
  null,
  due,
  status,
];

const table = (fake: FakeExcel, name: string): FakeTable => fake.workbook.table(name)!;

/** Set up without samples, then the team and tasks typed in as users do. */
async function workbook(language: "en-US" | "zh-CN" = "en-US") {
  const fake = freshFake();
  await setUp(fake, { language, sample: false });
  typeRows(fake.workbook, table(fake, "Team"), [
    ["Chen", "chen@example.com", "Rep"],
    ["Li", "", "Rep"],
    ["Wang", "wang@example.com", "Manager"],
  ]);
  typeRows(fake.workbook, table(fake, "Tasks"), [
    taskRow("T-001", "Chen", TODAY - 5, "In progress", "Proposal submission", "Proposal approved"),
    taskRow("T-002", "Li", TODAY - 6),
    taskRow("T-003", "Wang", TODAY - 4, "Done"),
    taskRow("T-004", "Wang", TODAY - 8),
    taskRow("T-005", "Chen", TODAY - 3),
  ]);
  fake.resetCounters();
  return fake;
}

/** The record's filled rows, as the user reads them on Settings. */
function recordRows(fake: FakeExcel): CellValue[][] {
  const t = table(fake, "Nudges");
  const rows: CellValue[][] = [];
  for (let r = t.rect.row + 1; r < t.rect.row + t.rect.rows; r++) {
    const row = Array.from({ length: t.rect.cols }, (_, c) => fake.workbook.peek(t.sheet, r, t.rect.col + c)?.value ?? "");
    if (row.some((v) => v !== "")) rows.push(row);
  }
  return rows;
}

const writes = (fake: FakeExcel) => fake.operations.filter((op) => op.name !== "Range.select" && op.name !== "Worksheet.activate").length;

describe("nudging the owners of lagging tasks, against the fake", () => {
  it("previews who would be nudged and who cannot be, writing nothing", async () => {
    const fake = await workbook();
    const preview = await previewNudges(hostFor(fake), TODAY);
    expect(writes(fake)).toBe(0);
    expect(preview.status).toBe("ready");
    if (preview.status !== "ready") return;
    expect(preview.plan.nudges.map((n) => [n.taskId, n.owner, n.email, n.daysLate, n.cell])).toEqual([
      ["T-004", "Wang", "wang@example.com", 8, "'Tasks'!A5"],
      ["T-001", "Chen", "chen@example.com", 5, "'Tasks'!A2"],
    ]);
    expect(preview.plan.cannot.map((c) => [c.taskId, c.reason])).toEqual([["T-002", "noEmail"]]);
  });

  it("writes one comment per lagging task on its ID cell, @mentioning the owner, and records it once", async () => {
    const fake = await workbook();
    const result = await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-a" });
    expect(result.nudged.map((n) => n.taskId)).toEqual(["T-004", "T-001"]);
    expect(fake.count("CommentCollection.add")).toBe(2);
    const chen = threadAt(fake.workbook, "Tasks!A2")!;
    expect([chen.contentType, chen.mentions, chen.richContent]).toEqual([
      "Mention",
      [{ id: 0, name: "Chen", email: "chen@example.com" }],
      '<at id="0">Chen</at> Task T-001 (Proposal submission) is 5 days late: it was due 2026-11-21. Output standard due: Proposal approved. ' +
        "Please finish it, or update its status and the reason on the Tasks sheet.",
    ]);
    expect(threadAt(fake.workbook, "Tasks!A5")!.mentions).toEqual([{ id: 0, name: "Wang", email: "wang@example.com" }]);
    expect(commentsOf(fake.workbook)).toHaveLength(2);
    // Task ID, Owner, Email, Nudged on, Days late, Nudge run
    expect(recordRows(fake)).toEqual([
      ["T-004", "Wang", "wang@example.com", TODAY, 8, "run-a"],
      ["T-001", "Chen", "chen@example.com", TODAY, 5, "run-a"],
    ]);
    // The header, the blank row Excel gave the new table (left alone, see appendClaims), the two rows.
    expect(table(fake, "Nudges").rect.rows).toBe(4);
    // Round trips, independent of the number of tasks: read 2, claim 1, read the record again 2, find threads 2, comment 1.
    expect(fake.syncs).toBe(8);
  });

  it("writes nothing on a second run the same day, and says those tasks were nudged today", async () => {
    const fake = await workbook();
    await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-a" });
    fake.resetCounters();
    const again = await nudgeOwners(hostFor(fake), { today: TODAY + 0.5, run: "run-b" });
    expect(writes(fake)).toBe(0);
    expect(again.nudged).toEqual([]);
    expect(again.plan.nudgedToday.map((t) => t.taskId)).toEqual(["T-004", "T-001"]);
    expect(commentsOf(fake.workbook)).toHaveLength(2);
    expect(recordRows(fake)).toHaveLength(2);
  });

  it("nudges again the next day as a reply in the task's thread; a task lagging since today gets its first thread", async () => {
    const fake = await workbook();
    await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-a" });
    const next = await nudgeOwners(hostFor(fake), { today: TODAY + 1, run: "run-b" });
    expect(next.nudged.map((n) => [n.taskId, n.daysLate])).toEqual([
      ["T-004", 9],
      ["T-001", 6],
      ["T-005", 4],
    ]);
    expect(commentsOf(fake.workbook).map((t) => [t.row + 1, t.replies.length])).toEqual([
      [5, 1],
      [2, 1],
      [6, 0],
    ]);
    expect(threadAt(fake.workbook, "Tasks!A2")!.replies.map((r) => [r.contentType, r.mentions, r.content.slice(0, 38)])).toEqual([
      ["Mention", [{ id: 0, name: "Chen", email: "chen@example.com" }], "@Chen Task T-001 (Proposal submission)"],
    ]);
    expect(recordRows(fake).map((r) => [r[0], r[3], r[5]])).toEqual([
      ["T-004", TODAY, "run-a"],
      ["T-001", TODAY, "run-a"],
      ["T-004", TODAY + 1, "run-b"],
      ["T-001", TODAY + 1, "run-b"],
      ["T-005", TODAY + 1, "run-b"],
    ]);
  });

  it("writes the comment in the workbook's language (a Chinese workbook)", async () => {
    const fake = await workbook("zh-CN");
    await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-a" });
    expect(threadAt(fake.workbook, "任务矩阵!A2")!.content).toBe(
      "@Chen 任务 T-001（Proposal submission）已滞后5天，截止日期为2026-11-21。输出标准：Proposal approved。请尽快完成，或在“任务矩阵”中更新状态并填写滞后原因。",
    );
  });

  it("with two add-in instances nudging at once, writes one comment and one record row per task", async () => {
    const first = await workbook();
    const second = new FakeExcel(first.workbook);
    const [a, b] = await Promise.all([
      nudgeOwners(hostFor(first), { today: TODAY, run: "run-a" }),
      nudgeOwners(hostFor(second), { today: TODAY, run: "run-b" }),
    ]);
    const threads = commentsOf(first.workbook);
    expect(threads.map((t) => `${t.sheet.name}!${t.row + 1}`).sort()).toEqual(["Tasks!2", "Tasks!5"]);
    expect(threads.every((t) => t.replies.length === 0)).toBe(true);
    const rows = recordRows(first);
    expect(rows.map((r) => r[0]).sort()).toEqual(["T-001", "T-004"]);
    // Each task was nudged by exactly one of them, and the other says it was taken meanwhile.
    const nudgedBy = (id: string) => [a, b].filter((r) => r.nudged.some((n) => n.taskId === id)).length;
    expect([nudgedBy("T-001"), nudgedBy("T-004")]).toEqual([1, 1]);
    expect(a.nudged.length + b.nudged.length).toBe(2);
    expect(a.takenMeanwhile.length + b.takenMeanwhile.length).toBe(2);
    // The record's row for a task is the run that wrote its comment.
    for (const r of rows) {
      const winner = r[5] === "run-a" ? a : b;
      expect(winner.nudged.map((n) => n.taskId)).toContain(r[0]);
    }
  });

  it("when Excel refuses a comment, keeps the ones before it, and records only those", async () => {
    const fake = await workbook();
    let adds = 0;
    fake.beforeOperation = (_sync, _index, name) => {
      if (name === "CommentCollection.add" && ++adds === 2) throw new FakeOfficeError("GeneralException", "The service is busy.");
    };
    const error = await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-a" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NudgeError);
    expect((error as NudgeError).describe("en-US")).toBe(
      "Excel refused a comment (GeneralException: The service is busy.). Not nudged, and not recorded, so the next try includes them: T-001.",
    );
    expect(commentsOf(fake.workbook).map((t) => t.mentions[0].name)).toEqual(["Wang"]);
    expect(recordRows(fake).map((r) => r[0])).toEqual(["T-004"]);
    fake.beforeOperation = undefined;
    const retry = await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-b" });
    expect(retry.nudged.map((n) => n.taskId)).toEqual(["T-001"]);
    expect(commentsOf(fake.workbook)).toHaveLength(2);
  });

  it("when Excel refuses the record, adds no comment", async () => {
    const fake = await workbook();
    fake.beforeOperation = (_sync, _index, name) => {
      if (name === "Range.formulas") throw new FakeOfficeError("AccessDenied", "The sheet is protected.");
    };
    const error = await nudgeOwners(hostFor(fake), { today: TODAY }).catch((e: unknown) => e);
    expect((error as NudgeError).describe("zh-CN")).toBe(
      "Excel拒绝写入“设置”中的提醒记录（AccessDenied：The sheet is protected.）。未添加任何批注；请重试。",
    );
    expect(commentsOf(fake.workbook)).toHaveLength(0);
  });

  it("offers nothing where Excel has no comment mentions (ExcelApi 1.11), and touches no workbook", async () => {
    const fake = await workbook();
    const old: ExcelHost = { run: asExcelRun(fake), isSetSupported: (name, version) => !(name === "ExcelApi" && version === "1.11") };
    expect(await previewNudges(old, TODAY)).toEqual({ status: "unsupported" });
    await expect(nudgeOwners(old, { today: TODAY })).rejects.toMatchObject({ failure: { kind: "unsupported" } });
    expect(fake.syncs).toBe(0);
  });

  it("asks for an update of a workbook set up before the Nudges record existed", async () => {
    const fake = freshFake();
    await setUp(fake, { sample: true, spec: { ...WORKBOOK, tables: WORKBOOK.tables.filter((t) => t.name !== "Nudges") } });
    expect(await previewNudges(hostFor(fake), TODAY)).toEqual({ status: "noRecord" });
    await expect(nudgeOwners(hostFor(fake), { today: TODAY })).rejects.toMatchObject({ failure: { kind: "recordMissing" } });
    expect(commentsOf(fake.workbook)).toHaveLength(0);
  });

  it("says a workbook without Tasks is not set up", async () => {
    const fake = freshFake();
    expect(await previewNudges(hostFor(fake), TODAY)).toEqual({ status: "noTasks" });
  });
});
