// The Set up panel's Excel side: which of the planner's sheets a workbook already has (found by
// their tables, whatever a user did to the letter case), and the summary the panel shows after a
// set-up: what was added, by kind, without the add-in's own bookkeeping rows.
import { readWorkbookInfo, summarize } from "../../../src/excel/paneSetup";
import type { Plan } from "../../../src/domain/plan/types";
import { FakeExcel, FakeWorkbook } from "../../support/fakeExcel";
import { hostFor } from "../../support/fakeExcelFixtures";

describe("readWorkbookInfo", () => {
  it("lists the planner's sheets whose tables are there, in the planner's order, table names in any case", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Risks", "RISKS", "A1", ["Risk"], [["x"]]);
    wb.seedTable("Mine", "tasks", "B2", ["ID"], [["T-1"]]);
    wb.seedTable("Mine", "MyOwnTable", "F2", ["Note"], [["n"]]);
    const info = await readWorkbookInfo(hostFor(new FakeExcel(wb)));
    expect(info).toEqual({ sheets: ["tasks", "risks"] });
  });

  it("names the language Settings records", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("设置", "Config", "A1", ["设置项", "值", "名称"], [["工作簿语言", "zh-CN", "Language"]]);
    wb.addName("Language", "=设置!$B$2");
    const info = await readWorkbookInfo(hostFor(new FakeExcel(wb)));
    expect(info.sheets).toEqual(["settings"]);
    expect(info.language).toBe("zh-CN");
  });
});

describe("summarize", () => {
  const plan = (steps: Plan["steps"]): Plan => ({ language: "zh-CN", schemaVersion: 3, notices: [], steps });

  it("counts each kind of step, leaving out the rows that record what the add-in made", () => {
    const done = plan([
      { kind: "addSheet", key: "tasks", sheet: "Tasks", visible: true },
      { kind: "addSheet", key: "risks", sheet: "Risks", visible: true },
      { kind: "hideSheet", sheet: "Settings" },
      { kind: "appendRows", table: "Tasks", sheet: "Tasks", rows: [["T-1"]] },
      { kind: "appendRows", table: "AddinRecord", sheet: "Settings", rows: [["Tasks"]] },
    ]);
    expect(summarize(done)).toEqual({ language: "zh-CN", added: { addSheet: 2, hideSheet: 1, appendRows: 1 }, steps: 4, notices: [] });
  });

  it("a set-up that only recorded its own bookkeeping added nothing", () => {
    expect(summarize(plan([{ kind: "appendRows", table: "AddinRecord", sheet: "Settings", rows: [["x"]] }]))).toEqual({
      language: "zh-CN",
      added: {},
      steps: 0,
      notices: [],
    });
  });
});
