// Nudges as Settings tunes them and as the record reads to a user: the lag threshold on Settings
// decides who is lagging, the record's dates show as dates, and a column a user added to the
// record keeps its place and stays blank in the add-in's rows.
import { NudgeError, nudgeOwners, previewNudges } from "../../src/excel/paneNudges";
import type { ExcelHost } from "../../src/excel/host";
import { FakeOfficeError, asExcelRun, type CellValue, type FakeExcel, type FakeTable } from "../support/fakeExcel";
import { commentsOf, threadAt } from "../support/fakeComments";
import { freshFake, hostFor, insertUserColumn, setUp, typeRows } from "../support/fakeExcelFixtures";

const TODAY = 46352; // 2026-11-26

const taskRow = (id: string, owner: string, due: number): (CellValue | null)[] => [
  id,
  "Acme",
  "New customer",
  "Proposal",
  "",
  "",
  owner,
  null,
  null,
  due,
  "In progress",
];

const table = (fake: FakeExcel, name: string): FakeTable => fake.workbook.table(name)!;

async function workbook(): Promise<FakeExcel> {
  const fake = freshFake();
  await setUp(fake, { language: "en-US", sample: false });
  typeRows(fake.workbook, table(fake, "Team"), [
    ["Chen", "chen@example.com", "Rep"],
    ["Wang", "wang@example.com", "Manager"],
  ]);
  typeRows(fake.workbook, table(fake, "Tasks"), [
    taskRow("T-001", "Chen", TODAY - 5),
    taskRow("T-002", "Wang", TODAY - 8),
    taskRow("T-003", "Chen", TODAY - 4),
  ]);
  fake.resetCounters();
  return fake;
}

/** Sets the Value of Config's row named `name`, as a user edits Settings. */
function setConfig(fake: FakeExcel, name: string, value: CellValue): void {
  const config = table(fake, "Config");
  const headers = fake.workbook.headers(config);
  const [nameCol, valueCol] = [headers.indexOf("Name"), headers.indexOf("Value")];
  for (let r = 1; r < config.rect.rows; r++) {
    if (fake.workbook.peek(config.sheet, config.rect.row + r, config.rect.col + nameCol)?.value === name) {
      fake.workbook.cell(config.sheet, config.rect.row + r, config.rect.col + valueCol).value = value;
      return;
    }
  }
  throw new Error(`No Config row ${name}`);
}

async function nudgedIds(fake: FakeExcel): Promise<string[]> {
  const preview = await previewNudges(hostFor(fake), TODAY);
  if (preview.status !== "ready") throw new Error(preview.status);
  return preview.plan.nudges.map((n) => n.taskId).sort();
}

describe("the lag threshold on Settings", () => {
  it("nudges only the tasks more days late than Settings says", async () => {
    const fake = await workbook();
    // Default 3: 5, 8 and 4 days late are all lagging.
    expect(await nudgedIds(fake)).toEqual(["T-001", "T-002", "T-003"]);
    setConfig(fake, "LagAlertDays", 5);
    expect(await nudgedIds(fake)).toEqual(["T-002"]);
    setConfig(fake, "LagAlertDays", 4);
    expect(await nudgedIds(fake)).toEqual(["T-001", "T-002"]);
  });

  it("a threshold that is not a number reads as the default, 3 days", async () => {
    const fake = await workbook();
    setConfig(fake, "LagAlertDays", "a week");
    expect(await nudgedIds(fake)).toEqual(["T-001", "T-002", "T-003"]);
  });
});

describe("the record of nudges", () => {
  /** The record's cells, row by row below its header, as [value, number format]. */
  function record(fake: FakeExcel): [CellValue, string][][] {
    const t = table(fake, "Nudges");
    const rows: [CellValue, string][][] = [];
    for (let r = t.rect.row + 1; r < t.rect.row + t.rect.rows; r++) {
      const row = Array.from({ length: t.rect.cols }, (_, c): [CellValue, string] => {
        const cell = fake.workbook.peek(t.sheet, r, t.rect.col + c);
        return [cell?.value ?? "", cell?.numberFormat ?? "General"];
      });
      if (row.some(([v]) => v !== "")) rows.push(row);
    }
    return rows;
  }

  it("shows the day as a date and the days late as a whole number", async () => {
    const fake = await workbook();
    setConfig(fake, "LagAlertDays", 5);
    // Nudged late in the day: the record keeps the day.
    await nudgeOwners(hostFor(fake), { today: TODAY + 0.75, run: "run-a" });
    expect(record(fake)).toEqual([
      [
        ["T-002", "General"],
        ["Wang", "General"],
        ["wang@example.com", "General"],
        [TODAY, "yyyy-mm-dd"],
        [8, "0"],
        ["run-a", "General"],
      ],
    ]);
  });

  it("a user's own column in the record stays where it is, blank in the add-in's rows", async () => {
    const fake = await workbook();
    setConfig(fake, "LagAlertDays", 5);
    const nudges = table(fake, "Nudges");
    insertUserColumn(fake.workbook, nudges, "Email", "Note", () => "");
    await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-a" });
    expect(fake.workbook.headers(nudges)).toEqual(["Task ID", "Owner", "Note", "Email", "Nudged on", "Days late", "Nudge run"]);
    expect(record(fake).map((row) => row.map(([v]) => v))).toEqual([["T-002", "Wang", "", "wang@example.com", TODAY, 8, "run-a"]]);
  });

  it("nothing lagging: nothing written, not even a claim", async () => {
    const fake = await workbook();
    setConfig(fake, "LagAlertDays", 30);
    const result = await nudgeOwners(hostFor(fake), { today: TODAY, run: "run-a" });
    expect(result.nudged).toEqual([]);
    expect(result.takenMeanwhile).toEqual([]);
    expect(fake.operations).toEqual([]);
    expect(record(fake)).toEqual([]);
  });
});

describe("a reply Excel refuses on the next day", () => {
  it("keeps the replies before it, names the tasks not nudged, and records only the ones nudged", async () => {
    const fake = await workbook();
    await nudgeOwners(hostFor(fake), { today: TODAY, run: "day-1" });
    expect(commentsOf(fake.workbook)).toHaveLength(3);
    let replies = 0;
    fake.beforeOperation = (_sync, _index, name) => {
      if (name === "CommentReplyCollection.add" && ++replies === 2) throw new FakeOfficeError("GeneralException", "The service is busy.");
    };
    const error = (await nudgeOwners(hostFor(fake), { today: TODAY + 1, run: "day-2" }).catch((e: unknown) => e)) as NudgeError;
    fake.beforeOperation = undefined;
    // Most days late first: T-002 (9), T-001 (6), T-003 (5); the second reply failed, and the one after it never went.
    expect(error.message).toBe(
      "Excel refused a comment (GeneralException: The service is busy.). Not nudged, and not recorded, so the next try includes them: T-001, T-003.",
    );
    expect(["Tasks!A2", "Tasks!A3", "Tasks!A4"].map((a) => threadAt(fake.workbook, a)!.replies.length)).toEqual([0, 1, 0]);
    const record = table(fake, "Nudges");
    const day2: unknown[] = [];
    for (let r = record.rect.row + 1; r < record.rect.row + record.rect.rows; r++) {
      if (fake.workbook.peek(record.sheet, r, record.rect.col + 5)?.value === "day-2")
        day2.push(fake.workbook.peek(record.sheet, r, record.rect.col)?.value);
    }
    expect(day2).toEqual(["T-002"]);
    // The next try nudges exactly the two left.
    const retry = await nudgeOwners(hostFor(fake), { today: TODAY + 1, run: "day-2b" });
    expect(retry.nudged.map((n) => n.taskId)).toEqual(["T-001", "T-003"]);
  });
});

describe("NudgeError", () => {
  it("says what this Excel lacks, in either language", async () => {
    const fake = await workbook();
    const old: ExcelHost = { run: asExcelRun(fake), isSetSupported: (name, version) => !(name === "ExcelApi" && version === "1.13") };
    const error = (await nudgeOwners(old, { today: TODAY }).catch((e: unknown) => e)) as NudgeError;
    expect(error).toBeInstanceOf(NudgeError);
    expect(error.name).toBe("NudgeError");
    expect(error.message).toBe("This Excel cannot add comments that @mention people (ExcelApi 1.11 and 1.13 are needed).");
    expect(error.describe("zh-CN")).not.toBe(error.message);
    expect(error.describe("zh-CN")).toContain("1.11");
    expect(await previewNudges(old, TODAY)).toEqual({ status: "unsupported" });
  });

  it("lists the tasks not nudged with the language's own separator", () => {
    const error = new NudgeError({ kind: "comments", code: "GeneralException", message: "busy", notNudged: ["T-1", "T-2"] });
    expect(error.message).toBe(
      "Excel refused a comment (GeneralException: busy). Not nudged, and not recorded, so the next try includes them: T-1, T-2.",
    );
    expect(error.describe("zh-CN")).toContain("T-1、T-2");
  });

  it("a workbook without Tasks cannot be nudged, and says so", async () => {
    const error = (await nudgeOwners(hostFor(freshFake()), { today: TODAY }).catch((e: unknown) => e)) as NudgeError;
    expect(error.failure).toEqual({ kind: "tasksMissing" });
    expect(error.message).toBe("The Tasks table is gone. Open Set up and update the workbook.");
  });
});
