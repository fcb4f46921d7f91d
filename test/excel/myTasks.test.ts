// "My tasks" on the recording fake, on workbooks made by the real set-up: the owner's own sheet
// view is made once and filters by owner and open status; a co-author over the same workbook is
// not filtered; without sheet views the filter is the table's own, seen by everyone, and "All
// tasks" clears only what My tasks set.
import { showAllTasks, showMyTasks, MyTasksError } from "../../src/excel/paneMyTasks";
import type { ExcelHost } from "../../src/excel/host";
import type { Language } from "../../src/domain/spec/vocabulary";
import { tableSpec } from "../../src/domain/spec/workbook";
import { FakeExcel, asExcelRun } from "../support/fakeExcel";
import { freshFake, hostFor, setUp, typeRows } from "../support/fakeExcelFixtures";
import { activeSheetView, filtersSeen, setSharedFilter, sheetViewNames, visibleRows, withoutSheetViews } from "../support/fakeSheetViews";

const header = (key: string, language: Language) => {
  const h = tableSpec("Tasks")!.columns.find((c) => c.key === key)!.header;
  return language === "zh-CN" ? h.zh : h.en;
};

/** Six tasks: Wang Fang's open ones are rows 0 (In progress) and 4 (受阻, blocked, typed in capitals). */
async function plannerWithTasks(language: Language = "en-US"): Promise<FakeExcel> {
  const fake = freshFake();
  await setUp(fake, { language, sample: false });
  const table = fake.workbook.table("Tasks")!;
  const headers = fake.workbook.headers(table);
  const row = (id: string, owner: string, status: string | null) =>
    headers.map((h) =>
      h === header("id", language) ? id : h === header("owner", language) ? owner : h === header("status", language) ? status : null,
    );
  typeRows(fake.workbook, table, [
    row("T-001", "Wang Fang", "In progress"),
    row("T-002", "wang fang ", "Done"),
    row("T-003", "Li Lei", "Not started"),
    row("T-004", "Wang Fang", "已取消"),
    row("T-005", "WANG FANG", "受阻"),
    row("T-006", "Wang Fang", null),
  ]);
  return fake;
}

const ALL = [0, 1, 2, 3, 4, 5];
const noSheetViews = (fake: FakeExcel): ExcelHost => ({
  run: asExcelRun(withoutSheetViews(fake)),
  isSetSupported: (name) => name !== "ExcelApiOnline",
});

describe("My tasks where Excel has named sheet views", () => {
  it("makes the owner's view once, switches to it, and shows only their open tasks in either language", async () => {
    const fake = await plannerWithTasks();
    const host = hostFor(fake);
    const first = await showMyTasks(host, "Wang Fang", "en-US");
    expect(first).toEqual({ mode: "sheetView", sheet: "Tasks", count: 2, view: "My tasks - Wang Fang" });
    expect(activeSheetView(fake, "Tasks")).toBe("My tasks - Wang Fang");
    expect(visibleRows(fake, "Tasks")).toEqual([0, 4]);
    expect(filtersSeen(fake, "Tasks")).toEqual({
      Owner: ["Wang Fang", "wang fang ", "WANG FANG"],
      Status: ["In progress", "受阻"],
    });
    expect(fake.activeSheet).toBe("Tasks");

    // Again (a status changed meanwhile): the same view, the filter brought up to date, no second view.
    const t = fake.workbook.table("Tasks")!;
    const status = fake.workbook.headers(t).indexOf("Status");
    fake.workbook.cell(t.sheet, t.rect.row + 1, t.rect.col + status).value = "Done";
    expect(await showMyTasks(host, "Wang Fang", "en-US")).toMatchObject({ count: 1, view: "My tasks - Wang Fang" });
    expect(sheetViewNames(fake.workbook, "Tasks")).toEqual(["My tasks - Wang Fang"]);
    expect(fake.count("NamedSheetViewCollection.add")).toBe(1);
    expect(visibleRows(fake, "Tasks")).toEqual([4]);
  });

  it("reuses a view of that name whatever its case, rather than failing to add a double", async () => {
    const fake = await plannerWithTasks();
    await hostFor(fake).run({}, async (context) => {
      context.workbook.worksheets.getItem("Tasks").namedSheetViews.add("MY TASKS - WANG FANG");
      await context.sync();
    });
    expect(await showMyTasks(hostFor(fake), "Wang Fang", "en-US")).toMatchObject({ view: "MY TASKS - WANG FANG" });
    expect(sheetViewNames(fake.workbook, "Tasks")).toEqual(["MY TASKS - WANG FANG"]);
  });

  it("leaves a co-author over the same workbook unfiltered, and gives each owner their own view", async () => {
    const fake = await plannerWithTasks();
    const coauthor = new FakeExcel(fake.workbook);
    await showMyTasks(hostFor(fake), "Wang Fang", "en-US");
    expect(visibleRows(coauthor, "Tasks")).toEqual(ALL);
    expect(filtersSeen(coauthor, "Tasks")).toEqual({});
    expect(activeSheetView(coauthor, "Tasks")).toBeUndefined();

    expect(await showMyTasks(hostFor(coauthor), "Li Lei", "en-US")).toMatchObject({ count: 1, view: "My tasks - Li Lei" });
    expect(visibleRows(coauthor, "Tasks")).toEqual([2]);
    expect(visibleRows(fake, "Tasks")).toEqual([0, 4]);
    expect(sheetViewNames(fake.workbook, "Tasks")).toEqual(["My tasks - Wang Fang", "My tasks - Li Lei"]);
  });

  it("names the view in the workbook's language", async () => {
    const fake = await plannerWithTasks("zh-CN");
    expect(await showMyTasks(hostFor(fake), "Wang Fang", "zh-CN")).toMatchObject({ sheet: "任务矩阵", view: "我的任务-Wang Fang", count: 2 });
  });

  it("goes back to every task by leaving the view, which stays for next time", async () => {
    const fake = await plannerWithTasks();
    const host = hostFor(fake);
    await showMyTasks(host, "Wang Fang", "en-US");
    expect(await showAllTasks(host)).toBe("sheetView");
    expect(activeSheetView(fake, "Tasks")).toBeUndefined();
    expect(visibleRows(fake, "Tasks")).toEqual(ALL);
    expect(sheetViewNames(fake.workbook, "Tasks")).toEqual(["My tasks - Wang Fang"]);
  });

  it("filters nothing and makes no view for an owner without open tasks", async () => {
    const fake = await plannerWithTasks();
    expect(await showMyTasks(hostFor(fake), "Sales rep Chen", "en-US")).toEqual({ mode: "sheetView", sheet: "Tasks", count: 0 });
    expect(sheetViewNames(fake.workbook, "Tasks")).toEqual([]);
    expect(filtersSeen(fake, "Tasks")).toEqual({});
  });
});

describe("My tasks where Excel has no sheet views", () => {
  it("filters the table itself, which every co-author sees, and never touches sheet views", async () => {
    const fake = await plannerWithTasks();
    const coauthor = new FakeExcel(fake.workbook);
    expect(await showMyTasks(noSheetViews(fake), "Wang Fang", "en-US")).toEqual({ mode: "sharedFilter", sheet: "Tasks", count: 2 });
    expect(visibleRows(fake, "Tasks")).toEqual([0, 4]);
    expect(visibleRows(coauthor, "Tasks")).toEqual([0, 4]);
    expect(fake.operations.some((op) => op.name.startsWith("NamedSheetView"))).toBe(false);
  });

  it("clears only the Owner and Status filters on All tasks, keeping a filter the user set on another column", async () => {
    const fake = await plannerWithTasks();
    const host = noSheetViews(fake);
    setSharedFilter(fake.workbook, "Tasks", "ID", ["T-001", "T-003"]);
    await showMyTasks(host, "Wang Fang", "en-US");
    expect(visibleRows(fake, "Tasks")).toEqual([0]);
    expect(await showAllTasks(host)).toBe("sharedFilter");
    expect(filtersSeen(fake, "Tasks")).toEqual({ ID: ["T-001", "T-003"] });
    expect(visibleRows(fake, "Tasks")).toEqual([0, 2]);
  });
});

describe("My tasks on a workbook it cannot filter", () => {
  it("says the workbook has no Tasks table, in either language", async () => {
    const fake = freshFake();
    const error = await showMyTasks(hostFor(fake), "Wang Fang", "en-US").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MyTasksError);
    expect((error as MyTasksError).describe("zh-CN")).toBe("此工作簿没有任务表：请先初始化规划器。");
  });

  it("names the sheet and the missing column when Status was renamed", async () => {
    const fake = await plannerWithTasks();
    const t = fake.workbook.table("Tasks")!;
    fake.workbook.cell(t.sheet, t.rect.row, t.rect.col + fake.workbook.headers(t).indexOf("Status")).value = "State";
    const error = (await showAllTasks(hostFor(fake)).catch((e: unknown) => e)) as MyTasksError;
    expect(error.message).toBe('The Tasks table on sheet "Tasks" has no Status column.');
    expect(error.describe("zh-CN")).toBe("工作表“Tasks”上的任务表缺少状态列。");
  });
});
