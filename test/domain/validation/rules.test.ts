// Each rule at its boundaries, one edit at a time on the clean sample workbook (which has no
// finding): what is just allowed gives nothing, what is just past it gives the rule's finding.
import { checkWorkbook, describeFinding, type Finding, type WorkbookSnapshot } from "../../../src/domain/validation";
import { excelSerial } from "../../../src/domain/plan";
import type { Language } from "../../../src/domain/spec/vocabulary";
import { columnIndex, plant, sampleSnapshot, type CellEdit } from "../../support/plantedFaults";

const EN = sampleSnapshot("en-US");
const ZH = sampleSnapshot("zh-CN");
const serial = excelSerial;

type Edit = [CellEdit["table"], number, string, CellEdit["value"]];
const edits = (list: Edit[]): CellEdit[] => list.map(([table, row, column, value]) => ({ table, row, column, value }));

/** The findings after `list`, as "code@Table:row:columnKey" (row: data-row index). */
function findings(list: Edit[], base: WorkbookSnapshot = EN): string[] {
  return checkWorkbook(plant(base, edits(list))).map(name(base));
}
const name = (base: WorkbookSnapshot) => (f: Finding) => {
  const table = base.tables.find((t) => t.name === f.table)!;
  return `${f.code}@${f.table}:${f.row - table.headerRow - 1}:${f.columnKey}`;
};

describe("required", () => {
  it.each([[null], [""], ["   "]])("a required cell holding %p is reported", (value) => {
    expect(findings([["Tasks", 1, "action", value]])).toEqual(["required@Tasks:1:action"]);
  });
  it("an optional blank cell is not", () => {
    expect(findings([["Tasks", 1, "support", null]])).toEqual([]);
  });
  it("an Excel error in a required cell is reported as the error, not as blank", () => {
    expect(findings([["Tasks", 1, "action", "#N/A"]])).toEqual(["cellError@Tasks:1:action"]);
  });
  it("a row with nothing typed in is a spare row, not a faulty one", () => {
    const base = plant(EN, []);
    const tasks = base.tables.find((t) => t.name === "Tasks")! as unknown as {
      values: unknown[][];
      formulas?: unknown[][];
      headers: readonly string[];
    };
    tasks.values.push(tasks.headers.map(() => null));
    tasks.formulas!.push(tasks.headers.map(() => null));
    tasks.values.push(tasks.headers.map(() => "  "));
    tasks.formulas!.push(tasks.headers.map(() => null));
    expect(checkWorkbook(base)).toEqual([]);
  });
});

describe("dates", () => {
  it("a task due the day it starts is in order; a day earlier is not", () => {
    expect(
      findings([
        ["Tasks", 0, "start", serial("2026-03-01")],
        ["Tasks", 0, "due", serial("2026-03-01")],
        ["Tasks", 0, "completedOn", serial("2026-03-01")],
      ]),
    ).toEqual([]);
    expect(
      findings([
        ["Tasks", 0, "start", serial("2026-03-01")],
        ["Tasks", 0, "due", serial("2026-02-28")],
      ]),
    ).toEqual(["dateOrder@Tasks:0:due"]);
  });
  it("compares whole days, so times on the same day are in order", () => {
    expect(
      findings([
        ["Tasks", 1, "start", serial("2026-03-01") + 0.9],
        ["Tasks", 1, "due", serial("2026-03-01") + 0.1],
      ]),
    ).toEqual([]);
  });
  it("reads ISO date text as the date it names, on either side", () => {
    expect(
      findings([
        ["Tasks", 1, "start", "2026-03-02"],
        ["Tasks", 1, "due", serial("2026-03-02")],
      ]),
    ).toEqual([]);
    expect(
      findings([
        ["Tasks", 1, "start", "2026-03-02"],
        ["Tasks", 1, "due", "2026-03-01"],
      ]),
    ).toEqual(["dateOrder@Tasks:1:due"]);
  });
  it.each([
    [1, true],
    [2_958_465, true],
    ["2024-02-29", true],
    [0, false],
    [-1, false],
    [2_958_466, false],
    ["2023-02-29", false],
    ["2026-3-1", false],
    ["01/03/2026", false],
    ["soon", false],
    [true, false],
  ])("a Due of %p is a date: %p", (value, ok) => {
    const got = findings([
      ["Tasks", 3, "start", null],
      ["Tasks", 3, "due", value as CellEdit["value"]],
    ]);
    expect(got).toEqual(ok ? [] : ["notDate@Tasks:3:due"]);
  });
  it("orders Pipeline's closing date and a review period too", () => {
    expect(findings([["Pipeline", 1, "closedOn", serial("2000-01-01")]])).toEqual(["dateOrder@Pipeline:1:closedOn"]);
    expect(findings([["ReviewInputs", 0, "periodEnd", serial("2000-01-01")]])).toEqual(["dateOrder@ReviewInputs:0:periodEnd"]);
  });
});

describe("numbers, percentages and the 1-5 scale", () => {
  it.each([
    [0, []],
    [1_000_000_000, []],
    [-0.01, ["negative@Customers:0:annualRevenue"]],
    ["12", ["notNumber@Customers:0:annualRevenue"]],
    [true, ["notNumber@Customers:0:annualRevenue"]],
  ])("an annual revenue of %p gives %p", (value, expected) => {
    expect(findings([["Customers", 0, "annualRevenue", value as CellEdit["value"]]])).toEqual(expected);
  });
  it.each([
    [0, []],
    [1, []],
    [0.45, []],
    [1.01, ["percentAsWhole@Customers:0:winProbability"]],
    [45, ["percentAsWhole@Customers:0:winProbability"]],
    [100, ["percentAsWhole@Customers:0:winProbability"]],
    [100.5, ["percentRange@Customers:0:winProbability"]],
    [-0.01, ["percentRange@Customers:0:winProbability"]],
    ["45%", ["notNumber@Customers:0:winProbability"]],
  ])("a win probability of %p gives %p", (value, expected) => {
    expect(findings([["Customers", 0, "winProbability", value]])).toEqual(expected);
  });
  it("hints that 45 was meant as 45%", () => {
    const [f] = checkWorkbook(plant(EN, edits([["Customers", 0, "winProbability", 45]])));
    expect(describeFinding(f, "en-US")).toBe('Customers!G2 "Win probability": 45 means 4500% in Excel; for 45% type 45% or 0.45.');
  });
  it.each([
    [1, []],
    [5, []],
    [0, ["scale1to5@Risks:0:likelihood"]],
    [6, ["scale1to5@Risks:0:likelihood"]],
    [4.5, ["scale1to5@Risks:0:likelihood"]],
    ["3", ["notNumber@Risks:0:likelihood"]],
  ])("a likelihood of %p gives %p", (value, expected) => {
    expect(findings([["Risks", 0, "likelihood", value]])).toEqual(expected);
  });
});

describe("lists", () => {
  it.each([["DONE"], [" done "], ["Done"]])("takes %p for done, in any case with spaces around", (value) => {
    expect(findings([["Tasks", 0, "status", value]])).toEqual([]);
  });
  it("warns about the other language's word and names the workbook's own", () => {
    const got = checkWorkbook(plant(EN, edits([["Tasks", 0, "status", "已完成"]])));
    expect(got.map(name(EN))).toEqual(["otherLanguage@Tasks:0:status"]);
    expect(got[0].severity).toBe("warning");
    expect(got[0].details?.expected).toBe("Done");
    const zh = checkWorkbook(plant(ZH, edits([["Tasks", 0, "status", "Done"]])));
    expect(zh.map((f) => [f.code, f.details?.expected])).toEqual([["otherLanguage", "已完成"]]);
  });
  it.each([["finished"], [3], ["done!"]])("refuses %p as a task status", (value) => {
    expect(findings([["Tasks", 0, "status", value]])).toEqual(["notInList@Tasks:0:status"]);
  });
  it("only warns about a word of the user's own in an open list", () => {
    expect(checkWorkbook(plant(EN, edits([["StrategyPlan", 0, "dimension", "Pricing"]]))).map((f) => [f.code, f.severity])).toEqual([
      ["unlistedWord", "warning"],
    ]);
  });
});

describe("status rules", () => {
  it("a done task needs a completion date; one in the other language's word too", () => {
    expect(findings([["Tasks", 0, "completedOn", null]])).toEqual(["requiredWhen@Tasks:0:completedOn"]);
    expect(
      findings([
        ["Tasks", 0, "completedOn", null],
        ["Tasks", 0, "status", "已完成"],
      ]),
    ).toEqual(["otherLanguage@Tasks:0:status", "requiredWhen@Tasks:0:completedOn"]);
  });
  it.each([["cancelled"], ["in progress"], ["blocked"], ["not started"]])("a %s task has no completion date", (status) => {
    expect(
      findings([
        ["Tasks", 1, "status", status],
        ["Tasks", 1, "completedOn", serial("2026-03-01")],
      ]),
    ).toEqual(["blankUnless@Tasks:1:completedOn"]);
  });
  it("says only that a completion date that is no date is not a date", () => {
    expect(findings([["Tasks", 1, "completedOn", "soon"]])).toEqual(["notDate@Tasks:1:completedOn"]);
  });
  it("asks nothing of the completion date while the status is blank or unknown", () => {
    expect(findings([["Tasks", 0, "status", null]])).toEqual(["required@Tasks:0:status"]);
    expect(
      findings([
        ["Tasks", 1, "status", "paused"],
        ["Tasks", 1, "completedOn", serial("2026-03-01")],
      ]),
    ).toEqual(["notInList@Tasks:1:status"]);
  });
  it("a lost deal needs a reason and a closing date; a won one a closing date only", () => {
    expect(findings([["Pipeline", 2, "lostReason", "  "]])).toEqual(["requiredWhen@Pipeline:2:lostReason"]);
    expect(findings([["Pipeline", 2, "closedOn", null]])).toEqual(["requiredWhen@Pipeline:2:closedOn"]);
    expect(findings([["Pipeline", 1, "closedOn", null]])).toEqual(["requiredWhen@Pipeline:1:closedOn"]);
    expect(
      findings([
        ["Pipeline", 1, "lostReason", null],
        ["Pipeline", 0, "closedOn", null],
      ]),
    ).toEqual([]);
  });
});

describe("unique and references", () => {
  it("reports each later copy of an ID, naming the first row, in any case", () => {
    const got = checkWorkbook(
      plant(
        EN,
        edits([
          ["Tasks", 2, "id", "t-001"],
          ["Tasks", 4, "id", " T-001"],
        ]),
      ),
    );
    expect(got.map(name(EN))).toEqual(["duplicate@Tasks:2:id", "duplicate@Tasks:4:id"]);
    expect(got.map((f) => f.details?.firstRow)).toEqual([2, 2]);
  });
  it("does not count blank IDs as copies of each other", () => {
    expect(
      findings([
        ["Tasks", 2, "id", null],
        ["Tasks", 3, "id", null],
      ]),
    ).toEqual(["required@Tasks:2:id", "required@Tasks:3:id"]);
  });
  it("finds a customer in Customers in any case, and reports one that is not there", () => {
    expect(findings([["Tasks", 0, "customer", " EAST CHINA PRECISION MANUFACTURING CO."]])).toEqual([]);
    expect(findings([["Pipeline", 0, "customer", "Acme"]])).toEqual(["refMissing@Pipeline:0:customer"]);
    expect(findings([["Risks", 0, "customer", null]])).toEqual([]);
  });
  it("follows Customers: a renamed customer leaves its tasks pointing nowhere", () => {
    expect(findings([["Customers", 1, "customer", "Suzhou Smart Equipment Ltd"]])).toEqual([
      "refMissing@Tasks:5:customer",
      "refMissing@Tasks:6:customer",
      "refMissing@Pipeline:1:customer",
      "refMissing@Risks:2:customer",
    ]);
  });
  it("warns about an owner who is not on the roster, unless there is no roster yet", () => {
    expect(findings([["Tasks", 0, "owner", "sales rep chen"]])).toEqual([]);
    expect(findings([["Tasks", 0, "owner", "Nobody"]])).toEqual(["notOnRoster@Tasks:0:owner"]);
    const noRoster = { ...EN, tables: EN.tables.filter((t) => t.name !== "Team") };
    expect(findings([["Tasks", 0, "owner", "Nobody"]], noRoster)).toEqual([]);
    const emptyRoster = { ...EN, tables: EN.tables.map((t) => (t.name === "Team" ? { ...t, values: [[null, null, null]] } : t)) };
    expect(findings([["Tasks", 0, "owner", "Nobody"]], emptyRoster)).toEqual([]);
  });
});

describe("stages", () => {
  it("a stage must be one of its path's stages", () => {
    expect(findings([["Tasks", 5, "stage", "proposal"]])).toEqual(["stageNotOnPath@Tasks:5:stage"]);
    expect(findings([["Tasks", 5, "stage", "Needs discovery"]])).toEqual([]);
    expect(findings([["Tasks", 0, "path", "existing customer"]])).toEqual(["stageNotOnPath@Tasks:0:stage"]);
    expect(findings([["Tasks", 0, "path", "老客户"]])).toEqual(["otherLanguage@Tasks:0:path", "stageNotOnPath@Tasks:0:stage"]);
  });
  it("asks nothing of the stage while the path is blank or not a path", () => {
    expect(findings([["Tasks", 0, "path", null]])).toEqual(["required@Tasks:0:path"]);
    expect(findings([["Tasks", 5, "path", "upsell"]])).toEqual(["notInList@Tasks:5:path"]);
  });
  it("takes any stage of either path where the table has no path (Pipeline)", () => {
    expect(findings([["Pipeline", 0, "stage", "renewal negotiation"]])).toEqual([]);
  });
  it("takes a stage a user added to the Settings Stages table, on its path", () => {
    const base = {
      ...EN,
      tables: EN.tables.map((t) => (t.name === "Stages" ? { ...t, values: [...t.values, ["new customer", "Pilot", 0.5, 10]] } : t)),
    };
    expect(findings([["Tasks", 1, "stage", "pilot"]], base)).toEqual([]);
    expect(findings([["Tasks", 5, "stage", "pilot"]], base)).toEqual(["stageNotOnPath@Tasks:5:stage"]);
    expect(findings([["Tasks", 1, "stage", "pilot"]])).toEqual(["notInList@Tasks:1:stage"]);
  });
});

describe("probability against the stage's default", () => {
  // Pipeline row 0: open, at proposal (default 60%).
  it.each([
    [0.85, []],
    [0.35, []],
    [0.86, ["probabilityFar@Pipeline:0:probability"]],
    [0.34, ["probabilityFar@Pipeline:0:probability"]],
    [null, []],
  ])("an open deal at proposal with %p gives %p", (value, expected) => {
    expect(findings([["Pipeline", 0, "probability", value]])).toEqual(expected);
  });
  it("leaves won and lost deals alone", () => {
    expect(findings([["Pipeline", 1, "stage", "lead acquisition"]])).toEqual([]);
  });
  it("reads the default from the Settings Stages table when it is there", () => {
    const stages = EN.tables.find((t) => t.name === "Stages")!;
    const p = columnIndex(stages, "probability");
    const base = {
      ...EN,
      tables: EN.tables.map((t) =>
        t.name === "Stages"
          ? { ...t, values: t.values.map((r) => (String(r[1]).toLowerCase() === "proposal" ? r.map((v, i) => (i === p ? 0.9 : v)) : r)) }
          : t,
      ),
    };
    expect(findings([["Pipeline", 0, "probability", 0.95]], base)).toEqual([]);
    expect(findings([], base)).toEqual(["probabilityFar@Pipeline:0:probability"]);
  });
});

describe("SMART goals", () => {
  // Goals row 0: new customers, baseline 10, target 15.
  it.each([
    [[["SalesGoals", 0, "target", 30]], []],
    [[["SalesGoals", 0, "target", 31]], ["smart@SalesGoals:0:target"]],
    [[["SalesGoals", 0, "target", 0]], ["smart@SalesGoals:0:target"]],
    [[["SalesGoals", 0, "goal", "12345"]], ["smart@SalesGoals:0:goal"]],
    [
      [
        ["SalesGoals", 0, "start", serial("2026-06-01")],
        ["SalesGoals", 0, "deadline", serial("2026-06-01")],
      ],
      ["smart@SalesGoals:0:deadline"],
    ],
    [
      [
        ["SalesGoals", 0, "start", serial("2026-06-01")],
        ["SalesGoals", 0, "deadline", serial("2026-06-02")],
      ],
      [],
    ],
    [
      [
        ["SalesGoals", 2, "target", 1],
        ["SalesGoals", 2, "baseline", null],
      ],
      [],
    ],
    [
      [
        ["SalesGoals", 2, "target", 1.01],
        ["SalesGoals", 2, "baseline", null],
      ],
      ["smart@SalesGoals:2:target"],
    ],
  ] as [Edit[], string[]][])("%j gives %j", (list, expected) => {
    expect(findings(list)).toEqual(expected);
  });
  it("does not report a letter again at a cell already reported", () => {
    expect(findings([["SalesGoals", 0, "metric", "profit"]])).toEqual(["notInList@SalesGoals:0:metric"]);
    expect(findings([["SalesGoals", 0, "target", null]])).toEqual(["required@SalesGoals:0:target"]);
  });
  it("names the letters SALES.SMART would show", () => {
    // A target of 0 is no target (M) and not positive (A): 0 is how a blank target reaches SALES.SMART on older Windows builds.
    const [f] = checkWorkbook(plant(EN, edits([["SalesGoals", 0, "target", 0]])));
    expect(f.details).toEqual({ letters: "M A" });
  });
});

describe("computed columns", () => {
  it("a typed value over the formula and a cleared formula are warnings naming a row to copy from", () => {
    const got = checkWorkbook(
      plant(
        EN,
        edits([
          ["Tasks", 0, "daysLate", 3],
          ["Risks", 1, "score", null],
        ]),
      ),
    );
    expect(got.map((f) => [f.code, f.severity, f.cell, f.details?.fromRow])).toEqual([
      ["formulaOverwritten", "warning", "M2", 3],
      ["formulaMissing", "warning", "F3", 2],
    ]);
    expect(describeFinding(got[0], "en-US")).toContain("copy the cell of row 3");
  });
  it("says nothing of formulas when the reader read none", () => {
    const noFormulas = { ...EN, tables: EN.tables.map(({ formulas: _formulas, ...t }) => t) };
    expect(findings([["Tasks", 0, "daysLate", 3]], noFormulas)).toEqual([]);
  });
});

describe("columns found by header", () => {
  const tasksWith = (change: (headers: string[], rows: unknown[][], formulas: unknown[][]) => void): WorkbookSnapshot => {
    const base = plant(EN, []);
    const tasks = base.tables.find((t) => t.name === "Tasks")! as unknown as { headers: string[]; values: unknown[][]; formulas: unknown[][] };
    change(tasks.headers, tasks.values, tasks.formulas);
    return base;
  };
  it("finds columns the user moved, renamed in case or spacing, or wrote in the other language, beside columns of their own", () => {
    const base = tasksWith((headers, rows, formulas) => {
      for (const grid of [[headers], rows, formulas]) for (const row of grid) row.reverse();
      headers[0] = "  reason ";
      headers[headers.length - 1] = "编号";
      headers.push("My notes");
      rows.forEach((r) => r.push("anything"));
      formulas.forEach((r) => r.push(null));
    });
    expect(checkWorkbook(base)).toEqual([]);
    const got = checkWorkbook(plant(base, edits([["Tasks", 1, "id", "T-001"]])));
    expect(got.map((f) => [f.code, f.cell, f.column])).toEqual([["duplicate", "N3", "编号"]]);
  });
  it("reports a missing required column once, at the table's header row, and checks the rest", () => {
    const base = tasksWith((headers) => {
      headers[headers.indexOf("Due")] = "Deadline (old)";
    });
    const got = checkWorkbook(plant(base, edits([["Tasks", 1, "id", "T-001"]])));
    expect(got.map((f) => [f.code, f.severity, f.cell, f.details?.missing])).toEqual([
      ["columnMissing", "error", "A1", "Due"],
      ["duplicate", "error", "A3", undefined],
    ]);
  });
  it("does not miss an optional column the user deleted", () => {
    const base = tasksWith((headers) => {
      headers[headers.indexOf("Start")] = "Kick-off";
    });
    expect(checkWorkbook(base)).toEqual([]);
  });
});

describe("the workbook's language", () => {
  const unlabelled = (base: WorkbookSnapshot, config = true): WorkbookSnapshot => ({
    tables: base.tables.filter((t) => config || t.name !== "Config"),
  });
  it.each<[string, Language, WorkbookSnapshot, boolean]>([
    ["Settings", "zh-CN", unlabelled(ZH), true],
    ["the headers", "zh-CN", unlabelled(ZH, false), false],
    ["the headers", "en-US", unlabelled(EN, false), false],
  ])("comes from %s when the snapshot does not say (%s)", (_from, language, base) => {
    const word = language === "zh-CN" ? "done" : "已完成";
    const got = checkWorkbook(plant(base, edits([["Tasks", 0, "status", word]])));
    expect(got.map((f) => [f.code, f.details?.expected])).toEqual([["otherLanguage", language === "zh-CN" ? "已完成" : "Done"]]);
  });
});

describe("a workbook as much English as Chinese", () => {
  it("reads as English, the default", () => {
    const tasks = EN.tables.find((t) => t.name === "Tasks")!;
    const zhTasks = ZH.tables.find((t) => t.name === "Tasks")!;
    const half = tasks.headers.map((h, i) => (i % 2 === 0 ? h : zhTasks.headers[i]));
    expect(half.filter((h, i) => h === zhTasks.headers[i]).length).toBe(half.filter((h, i) => h === tasks.headers[i]).length);
    const base = { tables: [{ ...tasks, headers: half }] };
    const got = checkWorkbook(plant(base, edits([["Tasks", 0, "status", "已完成"]])));
    expect(got.map((f) => [f.code, f.details?.expected])).toEqual([["otherLanguage", "Done"]]);
  });
});

describe("findings name their cell", () => {
  it("for a table that does not start at A1 (ReviewMetrics at M1)", () => {
    const [f] = checkWorkbook(plant(EN, edits([["ReviewMetrics", 2, "target", "high"]])));
    expect([f.sheet, f.cell, f.row, f.columnNumber, f.column, f.columnKey, f.value]).toEqual(["Review", "N4", 4, 14, "Target", "target", "high"]);
  });
  it("in the words of both languages", () => {
    const [f] = checkWorkbook(plant(ZH, edits([["Tasks", 1, "action", null]])));
    expect(describeFinding(f, "zh-CN")).toBe("任务矩阵!E3“关键动作”：“关键动作”为必填项。");
    expect(describeFinding(f, "en-US")).toBe('任务矩阵!E3 "关键动作": "关键动作" is required.');
  });
});

describe("formulas in cells people fill", () => {
  const withFormula = (table: string, row: number, key: string, value: null | number, formula: string): WorkbookSnapshot => {
    const base = plant(EN, []);
    const t = base.tables.find((x) => x.name === table)! as unknown as { headers: string[]; values: unknown[][]; formulas: unknown[][] };
    const at = columnIndex({ name: table, headers: t.headers }, key);
    t.values[row][at] = value;
    t.formulas[row][at] = formula;
    return base;
  };
  it("checks the value a formula gave", () => {
    expect(findings([], withFormula("Tasks", 1, "due", 1, "=Tasks[[#This Row],[Start]]-10000"))).toEqual(["dateOrder@Tasks:1:due"]);
  });
  it("does not call a formula whose value the file did not keep blank", () => {
    expect(findings([], withFormula("Tasks", 1, "due", null, "=Tasks[[#This Row],[Start]]+7"))).toEqual([]);
    expect(findings([], withFormula("Tasks", 0, "completedOn", null, "=TODAY()"))).toEqual([]);
  });
  it("counts a row with only such a formula as a row, not a spare one", () => {
    const base = plant(EN, []);
    const tasks = base.tables.find((t) => t.name === "Tasks")! as unknown as { headers: string[]; values: unknown[][]; formulas: unknown[][] };
    tasks.values.push(tasks.headers.map(() => null));
    tasks.formulas.push(tasks.headers.map((_, i) => (i === columnIndex({ name: "Tasks", headers: tasks.headers }, "due") ? "=TODAY()" : null)));
    const got = findings([], base);
    expect(got).toContain("required@Tasks:7:id");
    expect(got).not.toContain("required@Tasks:7:due");
  });
});

describe("computed values", () => {
  it("an error a formula shows is not a finding of its own: its inputs are", () => {
    const base = plant(EN, []);
    const customers = base.tables.find((t) => t.name === "Customers")! as unknown as { headers: string[]; values: unknown[][] };
    customers.values[0][columnIndex({ name: "Customers", headers: customers.headers }, "tier")] = "#VALUE!";
    expect(findings([], base)).toEqual([]);
    expect(findings([["Customers", 0, "value", "lots"]], base)).toEqual(["notNumber@Customers:0:value"]);
  });
});

describe("stage words", () => {
  it("warns about a stage in the other language and names the workbook's own", () => {
    const got = checkWorkbook(plant(EN, edits([["Tasks", 3, "stage", "方案制定"]])));
    expect(got.map((f) => [f.code, f.cell, f.details?.expected])).toEqual([["otherLanguage", "D5", "Proposal"]]);
    const zh = checkWorkbook(plant(ZH, edits([["Pipeline", 0, "stage", "PROPOSAL"]])));
    expect(zh.map((f) => [f.code, f.details?.expected])).toEqual([["otherLanguage", "方案制定"]]);
  });
});

describe("Settings", () => {
  const config = EN.tables.find((t) => t.name === "Config")!;
  const rowOf = (name: string) => config.values.findIndex((r) => r[columnIndex(config, "name")] === name);
  it.each([
    ["LagAlertDays", "three", ["notNumber@Config:R:value"]],
    ["TierHighWinProbability", -0.5, ["negative@Config:R:value"]],
    ["LagAlertDays", null, ["required@Config:R:value"]],
    ["LagAlertDays", 0, []],
    ["RiskHighScore", 20, []],
    ["Language", "zh-CN", []],
  ] as [string, CellEdit["value"], string[]][])("a %s of %p gives %p", (name, value, expected) => {
    const r = rowOf(name);
    expect(findings([["Config", r, "value", value]])).toEqual(expected.map((e) => e.replace(":R:", `:${r}:`)));
  });
});
