// The Tasks panel's reads on small workbooks typed by hand: what the board shows comes from the
// cells the user sees (any place on the sheet, either language, blank rows left out), and when
// Settings is missing or damaged the board falls back to the spec's words, never to nothing.
import { readTasksBoard, serialOf, workbookLanguage, configValues } from "../../../src/excel/paneTasks";
import { cellAddress, columnIndex, filledRows, headerOf, readPaneTables, type PaneTable } from "../../../src/excel/paneTables";
import { FakeExcel, FakeWorkbook } from "../../support/fakeExcel";
import { hostFor } from "../../support/fakeExcelFixtures";

const EN_TASK_HEADERS = ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"];
const ZH_TASK_HEADERS = ["编号", "客户名称", "销售路径", "阶段", "关键动作", "负责人", "截止日期", "状态"];

function workbook(): { fake: FakeExcel; wb: FakeWorkbook } {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  return { fake: new FakeExcel(wb), wb };
}

function table(over: Partial<PaneTable> & Pick<PaneTable, "name" | "headers" | "values">): PaneTable {
  return { sheet: "S", headerRowIndex: 0, firstColumnIndex: 0, formulas: over.values, numberFormats: [], ...over };
}

describe("serialOf: the day a user means, as Excel counts it", () => {
  it("gives Excel's serial for a local calendar day, whatever the hour", () => {
    // 1 January 1970 is 25569; 26 November 2026 is 20,783 days later.
    expect(serialOf(new Date(1970, 0, 1))).toBe(25_569);
    expect(serialOf(new Date(2026, 10, 26))).toBe(46_352);
    expect(serialOf(new Date(2026, 10, 26, 23, 59, 59))).toBe(46_352);
    expect(serialOf(new Date(2026, 10, 27, 0, 0, 1))).toBe(46_353);
    // 29 February of a leap year is a day of its own.
    expect(serialOf(new Date(2024, 1, 29))).toBe(45_351);
    expect(serialOf(new Date(2024, 2, 1))).toBe(45_352);
  });
});

describe("the workbook's language", () => {
  const en = table({ name: "Tasks", headers: EN_TASK_HEADERS, values: [] });
  const zh = table({ name: "Tasks", headers: ZH_TASK_HEADERS, values: [] });

  it("is the one Settings records, even when the Tasks headers are in the other", () => {
    expect(workbookLanguage(new Map([["Language", "zh-CN"]]), en)).toBe("zh-CN");
    expect(workbookLanguage(new Map([["Language", "en-US"]]), zh)).toBe("en-US");
  });

  it("without a recorded language (or an unknown one), is the language of the Tasks headers", () => {
    expect(workbookLanguage(new Map(), zh)).toBe("zh-CN");
    expect(workbookLanguage(new Map(), en)).toBe("en-US");
    expect(workbookLanguage(new Map([["Language", "fr-FR"]]), zh)).toBe("zh-CN");
    expect(workbookLanguage(new Map([["Language", "fr-FR"]]), en)).toBe("en-US");
  });
});

describe("Config values", () => {
  it("are read by their Name, trimmed, with rows without a name left out", () => {
    const config = table({
      name: "Config",
      headers: ["Setting", "Value", "Name"],
      values: [
        ["Lag", 5, "  LagAlertDays "],
        ["Nameless", 9, ""],
        ["Nothing", 7, null],
        ["Language", "zh-CN", "Language"],
      ],
    });
    expect([...configValues(config)]).toEqual([
      ["LagAlertDays", 5],
      ["Language", "zh-CN"],
    ]);
  });

  it("are none when Config is missing or has lost its Name or Value column", () => {
    expect(configValues(undefined).size).toBe(0);
    expect(configValues(table({ name: "Config", headers: ["Setting", "Value"], values: [["x", 1]] })).size).toBe(0);
    expect(configValues(table({ name: "Config", headers: ["Setting", "Name"], values: [["x", "LagAlertDays"]] })).size).toBe(0);
  });
});

describe("the planner's tables as the pane reads them", () => {
  it("finds a column by its header in either language, case and spaces aside; a renamed one is missing", () => {
    const t = { name: "Tasks" as const, headers: ["  id ", "客户名称", "DUE", "My notes"] };
    expect(columnIndex(t, "id")).toBe(0);
    expect(columnIndex(t, "customer")).toBe(1);
    expect(columnIndex(t, "due")).toBe(2);
    expect(columnIndex(t, "owner")).toBe(-1);
    expect(columnIndex(t, "no such key")).toBe(-1);
    expect(headerOf(t, "due")).toBe("DUE");
    expect(headerOf(t, "owner")).toBeUndefined();
  });

  it("addresses a data cell on its sheet from where the table sits", () => {
    const t = table({ name: "Tasks", headers: [], values: [], headerRowIndex: 4, firstColumnIndex: 2 });
    // Header on row 5 from column C: the first data row is row 6.
    expect(cellAddress(t, 0, 0)).toBe("C6");
    expect(cellAddress(t, 3, 1)).toBe("D9");
    const wide = table({ name: "Tasks", headers: [], values: [], headerRowIndex: 0, firstColumnIndex: 25 });
    expect(cellAddress(wide, 0, 1)).toBe("AA2");
  });

  it("counts a row holding anything (0 and FALSE too) as a row, and a blank row as none", () => {
    const t = table({
      name: "Tasks",
      headers: ["ID", "Due"],
      values: [
        ["", ""],
        [null, 0],
        ["", null],
        [false, ""],
        ["T-1", 46000],
      ],
    });
    expect(filledRows(t)).toEqual([1, 3, 4]);
  });

  it("reads the tables that exist in two syncs, changing nothing, and leaves the missing ones out", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "C5", EN_TASK_HEADERS, [["T-1", "Acme", "New customer", "Proposal", "Send", "Ann", 46_000, "in progress"]]);
    fake.resetCounters();
    const tables = await fake.run({}, (context) => readPaneTables(context as unknown as Excel.RequestContext, ["Tasks", "Customers"]));
    expect([...tables.keys()]).toEqual(["Tasks"]);
    const tasks = tables.get("Tasks")!;
    expect(tasks.sheet).toBe("Plan");
    expect([tasks.headerRowIndex, tasks.firstColumnIndex]).toEqual([4, 2]);
    expect(tasks.headers).toEqual(EN_TASK_HEADERS);
    expect(tasks.values).toEqual([["T-1", "Acme", "New customer", "Proposal", "Send", "Ann", 46_000, "in progress"]]);
    expect(fake.syncs).toBe(2);
    expect(fake.operations).toEqual([]);
  });

  it("reads a workbook without any of them in one sync", async () => {
    const { fake } = workbook();
    const tables = await fake.run({}, (context) => readPaneTables(context as unknown as Excel.RequestContext, ["Tasks", "Config"]));
    expect(tables.size).toBe(0);
    expect(fake.syncs).toBe(1);
  });
});

describe("readTasksBoard on a hand-made workbook", () => {
  it("shows the tasks the sheet holds, where they sit, with only numbers taken as due dates", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "B3", EN_TASK_HEADERS, [
      [" T-1 ", "Acme", "New customer", "Proposal", "Send", " Ann ", 46_010, " in progress "],
      ["", "", "", "", "", "", "", ""],
      ["T-2", "Beta", "New customer", "Demo", "Show", "Bo", "next week", "not started"],
    ]);
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.sheet).toBe("Plan");
    expect(board.today).toBe(46_000);
    expect(board.tasks).toEqual([
      { id: "T-1", owner: "Ann", due: 46_010, status: "in progress", cell: "B4" },
      { id: "T-2", owner: "Bo", status: "not started", cell: "B6" },
    ]);
    expect(fake.operations).toEqual([]);
    expect(fake.runs).toEqual([{ delayForCellEdit: true }]);
  });

  it("a Tasks table without ID, Owner, Due or Status columns still lists its rows, pointing at their first cell", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "D2", ["Customer", "Action"], [["Acme", "Call"]]);
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.tasks).toEqual([{ id: "", owner: "", status: "", cell: "D3" }]);
    expect(board.columnKeys).toEqual(["customer", "action"]);
  });

  it("names each Tasks column by the spec's key, a user's own column by none", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "A1", ["ID", "My notes", "Owner"], [["T-1", "x", "Ann"]]);
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.columnKeys).toEqual(["id", undefined, "owner"]);
  });

  it("offers each customer and each team member once, trimmed, without blanks", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "A1", EN_TASK_HEADERS, []);
    wb.seedTable(
      "Clients",
      "Customers",
      "A1",
      ["Customer", "Industry"],
      [
        ["Acme", "x"],
        [" Acme ", "y"],
        ["", "z"],
        ["Beta", ""],
      ],
    );
    wb.seedTable(
      "Settings",
      "Team",
      "V1",
      ["Name", "Email"],
      [
        ["Ann", "a@x"],
        ["", "b@x"],
        ["Bo", ""],
        ["Ann", "c@x"],
      ],
    );
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.customers).toEqual(["Acme", "Beta"]);
    expect(board.owners).toEqual(["Ann", "Bo"]);
  });

  it("offers no customers or owners when those tables lost the column that names them", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "A1", EN_TASK_HEADERS, []);
    wb.seedTable("Clients", "Customers", "A1", ["Client", "Industry"], [["Acme", "x"]]);
    wb.seedTable("Settings", "Team", "V1", ["Who", "Email"], [["Ann", "a@x"]]);
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.customers).toEqual([]);
    expect(board.owners).toEqual([]);
  });

  it("takes each path's stages and days from the Stages table, in its order, either language and any case", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "A1", EN_TASK_HEADERS, []);
    wb.seedTable("Settings", "Config", "A1", ["Setting", "Value", "Name"], [["Language", "en-US", "Language"]]);
    wb.seedTable(
      "Settings",
      "Stages",
      "H1",
      ["Path", "Stage", "Default probability", "Default days"],
      [
        ["NEW CUSTOMER", "First call", 0.1, 2],
        ["老客户", "Visit", null, 5],
        ["New customer", "", 0.2, 9],
        ["new customer", "Close", 1, "soon"],
        ["Partner", "Other", 0.5, 4],
      ],
    );
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.paths).toEqual([
      {
        key: "new",
        word: "New customer",
        stages: [
          { stage: "First call", days: 2 },
          { stage: "Close", days: 0 },
        ],
      },
      { key: "existing", word: "Existing customer", stages: [{ stage: "Visit", days: 5 }] },
    ]);
  });

  it("without Settings, speaks the language of the Tasks headers and falls back to the method's own stages and thresholds", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("计划", "Tasks", "A1", ZH_TASK_HEADERS, []);
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.language).toBe("zh-CN");
    expect(board.notStartedWord).toBe("未开始");
    expect(board.paths.map((p) => p.word)).toEqual(["新客户", "老客户"]);
    expect(board.paths[0].stages.map((s) => s.stage)).toEqual(["线索获取", "初步需求沟通", "产品演示", "方案制定", "商务谈判", "签约"]);
    expect(board.paths[0].stages[0].days).toBe(7);
    expect(board.paths[1].stages.map((s) => s.stage)).toEqual(["定期回访", "需求挖掘", "交叉销售/增购", "续约谈判"]);
    expect(board.lagAlertDays).toBe(3);
    expect(board.dueSoonDays).toBe(3);
    expect(board.customers).toEqual([]);
    expect(board.owners).toEqual([]);
  });

  it("a path with no row in Stages keeps the method's stages; the other path keeps the sheet's", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "A1", EN_TASK_HEADERS, []);
    wb.seedTable("Settings", "Stages", "H1", ["Path", "Stage", "Default probability", "Default days"], [["Existing customer", "Visit", null, 5]]);
    const board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.language).toBe("en-US");
    expect(board.notStartedWord).toBe("Not started");
    expect(board.paths[0].stages[0]).toEqual({ stage: "Lead acquisition", days: 7 });
    expect(board.paths[0].stages).toHaveLength(6);
    expect(board.paths[1].stages).toEqual([{ stage: "Visit", days: 5 }]);
  });

  it("uses the thresholds Settings holds, and the defaults for one that is not a number", async () => {
    const { fake, wb } = workbook();
    wb.seedTable("Plan", "Tasks", "A1", EN_TASK_HEADERS, []);
    wb.seedTable(
      "Settings",
      "Config",
      "A1",
      ["Setting", "Value", "Name"],
      [
        ["Lag", 0, "LagAlertDays"],
        ["Soon", 10, "DueSoonDays"],
      ],
    );
    let board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.lagAlertDays).toBe(0);
    expect(board.dueSoonDays).toBe(10);
    const config = wb.table("Config")!;
    wb.cell(config.sheet, 1, 1).value = "five";
    wb.cell(config.sheet, 2, 1).value = "";
    board = (await readTasksBoard(hostFor(fake), 46_000))!;
    expect(board.lagAlertDays).toBe(3);
    expect(board.dueSoonDays).toBe(3);
  });
});
