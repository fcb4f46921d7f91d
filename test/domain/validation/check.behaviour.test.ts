// The check on small workbooks typed by hand, asserting what a person reads in each finding: the
// sheet, the cell, the column's header, the value and the words it suggests. Every expected value
// is written from the rules (SPEC, src/domain/spec), never taken from the check.
import { checkWorkbook, type Finding, type SnapshotValue, type TableSnapshot, type WorkbookSnapshot } from "../../../src/domain/validation";
import type { Language } from "../../../src/domain/spec/vocabulary";

const table = (
  name: string,
  headers: string[],
  values: SnapshotValue[][],
  where: { sheet?: string; headerRow?: number; firstColumn?: number } = {},
): TableSnapshot => ({
  name,
  sheet: where.sheet ?? name,
  headerRow: where.headerRow ?? 1,
  firstColumn: where.firstColumn ?? 1,
  headers,
  values,
});

const check = (tables: TableSnapshot[], language?: Language): Finding[] =>
  checkWorkbook({ ...(language ? { language } : {}), tables } as WorkbookSnapshot);

/** What the finding tells a person: rule, sheet, cell, column header, value, details. */
const read = (f: Finding) => [f.code, f.sheet, f.cell, f.column, f.value, f.details ?? null];

const STAGE_WORDS_EN =
  "Lead acquisition / Initial needs call / Product demo / Proposal / Negotiation / Signing / Periodic review visit / Needs discovery / Cross-sell / upsell / Renewal negotiation";

describe("the language the check suggests words in", () => {
  const plan = (headers: string[], row: SnapshotValue[]) => table("StrategyPlan", headers, [row], { sheet: "Strategy" });
  /** The suggested word per cell, for cells typed in the other language. */
  const suggested = (findings: Finding[]) => findings.map((f) => [f.code, f.cell, f.details?.expected]);

  it("is the snapshot's own language, whatever language the headers are in", () => {
    expect(suggested(check([plan(["Dimension", "Status"], ["Sales goal", "Done"])], "zh-CN"))).toEqual([
      ["otherLanguage", "A2", "销售目标"],
      ["otherLanguage", "B2", "已完成"],
    ]);
    expect(suggested(check([plan(["维度", "状态"], ["销售目标", "已完成"])], "en-US"))).toEqual([
      ["otherLanguage", "A2", "Sales goal"],
      ["otherLanguage", "B2", "Done"],
    ]);
  });

  it("else the Settings row named Language (not the first row with a language in it), wherever the Config table is listed", () => {
    // Config's own headers are Chinese too: five Chinese headers against none.
    const config = table(
      "Config",
      ["设置项", "值", "名称"],
      [
        ["A note", "zh-CN", "Note"],
        ["Language", " en-us ", " LANGUAGE "],
      ],
      { sheet: "Settings" },
    );
    expect(suggested(check([plan(["维度", "状态"], ["销售目标", "已完成"]), config]))).toEqual([
      ["otherLanguage", "A2", "Sales goal"],
      ["otherLanguage", "B2", "Done"],
    ]);
  });

  it("else the language most of the headers are in; as many of each is English", () => {
    expect(suggested(check([plan(["维度", "状态", "Plan"], ["Sales goal", "Done", "x"])]))).toEqual([
      ["otherLanguage", "A2", "销售目标"],
      ["otherLanguage", "B2", "已完成"],
    ]);
    expect(suggested(check([plan(["维度", "Status"], ["销售目标", "已完成"])]))).toEqual([
      ["otherLanguage", "A2", "Sales goal"],
      ["otherLanguage", "B2", "Done"],
    ]);
  });

  it("names a missing column by its header in the workbook's language", () => {
    expect(check([plan(["Plan"], ["x"])], "zh-CN").map(read)).toEqual([
      ["columnMissing", "Strategy", "A1", "Plan", null, { missing: "维度", missingKey: "dimension" }],
    ]);
    expect(check([plan(["具体规划"], ["x"])], "en-US").map(read)).toEqual([
      ["columnMissing", "Strategy", "A1", "具体规划", null, { missing: "Dimension", missingKey: "dimension" }],
    ]);
  });
});

describe("a column that is missing", () => {
  it("is named at the table's first header cell, a user's own column there too", () => {
    const plan = table("StrategyPlan", ["My notes", "Status"], [["x", "Done"]], { sheet: "Strategy", headerRow: 3, firstColumn: 2 });
    const [finding] = check([plan], "en-US");
    expect(finding).toEqual({
      severity: "error",
      code: "columnMissing",
      sheet: "Strategy",
      table: "StrategyPlan",
      row: 3,
      columnNumber: 2,
      column: "My notes",
      cell: "B3",
      value: null,
      details: { missing: "Dimension", missingKey: "dimension" },
    });
  });

  it("in Customers leaves the customers that tasks name unchecked, rather than calling each one unknown", () => {
    const customers = table("Customers", ["Industry", "Owner"], [["Retail", "Chen"]]);
    const tasks = table(
      "Tasks",
      ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"],
      [["T-1", "Acme", "New customer", "Proposal", "Call", "Chen", "2026-03-01", "In progress"]],
    );
    expect(check([customers, tasks], "en-US").map((f) => [f.code, f.sheet, f.cell, f.details?.missing])).toEqual([
      ["columnMissing", "Customers", "A1", "Customer"],
    ]);
  });

  it("is not one in Customers when it is there: a customer it does not list is named with where it was looked for", () => {
    const customers = table("Customers", ["Customer", "Owner"], [["Acme", "Chen"]], { sheet: "Clients" });
    const tasks = table(
      "Tasks",
      ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"],
      [
        ["T-1", " ACME ", "New customer", "Proposal", "Call", "Chen", "2026-03-01", "In progress"],
        ["T-2", "Globex", "New customer", "Proposal", "Call", "Chen", "2026-03-01", "In progress"],
      ],
    );
    expect(check([customers, tasks], "en-US").map(read)).toEqual([
      ["refMissing", "Tasks", "B3", "Customer", "Globex", { table: "Customers", sheet: "Clients", column: "Customer" }],
    ]);
  });
});

describe("stages and their default probabilities", () => {
  const PIPELINE = ["Opportunity", "Customer", "Stage", "Status", "Probability", "Created"];
  const deal = (stage: SnapshotValue, probability: SnapshotValue, status = "Open"): SnapshotValue[] => [
    "Deal",
    "Acme",
    stage,
    status,
    probability,
    "2026-03-01",
  ];
  const pipeline = (...rows: SnapshotValue[][]) => table("Pipeline", PIPELINE, rows);
  const stages = (...rows: SnapshotValue[][]) => table("Stages", ["Path", "Stage", "Default probability"], rows, { sheet: "Settings" });

  it("asks about an open deal more than 25 points from its stage's built-in default, naming the stage as typed", () => {
    // Proposal's default is 60%: 35% and 85% are 25 points away, 34% and 86% more.
    const findings = check([pipeline(deal("Proposal", 0.35), deal(" proposal ", 0.34), deal("Proposal", 0.85), deal("Proposal", 0.86))], "en-US");
    expect(findings.map(read)).toEqual([
      ["probabilityFar", "Pipeline", "E3", "Probability", 0.34, { default: 0.6, stage: "proposal" }],
      ["probabilityFar", "Pipeline", "E5", "Probability", 0.86, { default: 0.6, stage: "Proposal" }],
    ]);
  });

  it("leaves won and lost deals alone: their probability is the outcome", () => {
    expect(
      check([pipeline(deal("Proposal", 0, "Won"), deal("Proposal", 1, "Lost"), deal("Proposal", 0, "赢单"))], "en-US").map((f) => f.code),
    ).toEqual(["otherLanguage"]);
  });

  it("has no default on the existing-customer path, so any probability goes there", () => {
    expect(check([pipeline(deal("Renewal negotiation", 0), deal("Needs discovery", 1))], "en-US")).toEqual([]);
  });

  it("goes by the Settings Stages table's defaults, a 0% default included, and takes its own stages", () => {
    const findings = check(
      [
        pipeline(deal("Proposal", 0.6), deal("On hold", 0.26), deal("On hold", 0.25), deal("Proposal", 0.55)),
        stages(["New customer", "Proposal", 0.3], ["New customer", "On hold", 0]),
      ],
      "en-US",
    );
    expect(findings.map(read)).toEqual([
      ["probabilityFar", "Pipeline", "E2", "Probability", 0.6, { default: 0.3, stage: "Proposal" }],
      ["probabilityFar", "Pipeline", "E3", "Probability", 0.26, { default: 0, stage: "On hold" }],
    ]);
  });

  it("lists the stages a cell may hold when one does not, leaving out the Stages table's blank and error rows", () => {
    const findings = check(
      [pipeline(deal("Closing", null)), stages(["New customer", null, 0.5], ["New customer", "#N/A", 0.5], [null, "On hold", 0.1])],
      "en-US",
    );
    expect(findings.map(read)).toEqual([
      ["notInList", "Pipeline", "C2", "Stage", "Closing", { expected: `${STAGE_WORDS_EN} / On hold` }],
      ["cellError", "Settings", "B3", "Stage", "#N/A", null],
    ]);
  });

  it("reads a Stages default of 100%, and ignores one above it (reported there), keeping no default for that stage", () => {
    const findings = check(
      [pipeline(deal("Proposal", 0.7), deal("Negotiation", 0.1)), stages(["New customer", "Proposal", 1], ["New customer", "Negotiation", 1.5])],
      "en-US",
    );
    expect(findings.map(read)).toEqual([
      ["probabilityFar", "Pipeline", "E2", "Probability", 0.7, { default: 1, stage: "Proposal" }],
      // 1.5 is read as 1.5% typed as a whole number (Excel holds 1.5% as 0.015).
      ["percentAsWhole", "Settings", "C3", "Default probability", 1.5, { percent: 1.5 }],
    ]);
  });

  it("takes a Stages row in the other language as the built-in stage it names, not as a stage of its own", () => {
    const findings = check([pipeline(deal("Proposal", 0.6), deal("Closing", null)), stages(["新客户", "方案制定", 0.3])], "en-US");
    expect(findings.map(read)).toEqual([
      ["probabilityFar", "Pipeline", "E2", "Probability", 0.6, { default: 0.3, stage: "Proposal" }],
      ["notInList", "Pipeline", "C3", "Stage", "Closing", { expected: STAGE_WORDS_EN }],
    ]);
  });

  it("suggests the Stages table's own words without the spaces typed around them", () => {
    const findings = check(
      [pipeline(deal("方案制定", null), deal("Closing", null)), stages(["New customer", " Proposal ", 0.6], ["New customer", "  On hold ", 0.1])],
      "en-US",
    );
    expect(findings.map(read)).toEqual([
      ["otherLanguage", "Pipeline", "C2", "Stage", "方案制定", { expected: "Proposal" }],
      ["notInList", "Pipeline", "C3", "Stage", "Closing", { expected: `${STAGE_WORDS_EN} / On hold` }],
    ]);
  });

  it("lists the built-in stages alone when there is no Stages table", () => {
    expect(check([pipeline(deal("Closing", null))], "en-US").map(read)).toEqual([
      ["notInList", "Pipeline", "C2", "Stage", "Closing", { expected: STAGE_WORDS_EN }],
    ]);
  });
});

describe("a task's stage and its path", () => {
  const TASKS = ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"];
  let id = 0;
  const task = (path: SnapshotValue, stage: SnapshotValue): SnapshotValue[] => [
    `T-${++id}`,
    "Acme",
    path,
    stage,
    "Call",
    "Chen",
    "2026-03-01",
    "In progress",
  ];

  it("reports a stage of the other path at the stage cell, with the path as typed", () => {
    expect(
      check(
        [
          table("Tasks", TASKS, [
            task(" existing customer ", "Proposal"),
            task("New customer", "Renewal negotiation"),
            task("New customer", "Proposal"),
          ]),
        ],
        "en-US",
      ).map(read),
    ).toEqual([
      ["stageNotOnPath", "Tasks", "D2", "Stage", "Proposal", { path: "Path", pathValue: "existing customer" }],
      ["stageNotOnPath", "Tasks", "D3", "Stage", "Renewal negotiation", { path: "Path", pathValue: "New customer" }],
    ]);
  });

  it("goes by the path the Stages table gives a stage of its own; a stage without one fits either path", () => {
    const stages = table(
      "Stages",
      ["Path", "Stage", "Default probability"],
      [
        ["Existing customer", "On hold", null],
        [null, "Parked", null],
      ],
      { sheet: "Settings" },
    );
    expect(check([table("Tasks", TASKS, [task("New customer", "On hold"), task("New customer", "Parked")]), stages], "en-US").map(read)).toEqual([
      ["stageNotOnPath", "Tasks", "D2", "Stage", "On hold", { path: "Path", pathValue: "New customer" }],
    ]);
  });

  it("goes by the Stages table's path for a built-in stage, and keeps the built-in path where the row has none", () => {
    const stages = table(
      "Stages",
      ["Path", "Stage", "Default probability"],
      [
        ["Existing customer", "Proposal", 0.6],
        [null, "Product demo", 0.4],
      ],
      { sheet: "Settings" },
    );
    const tasks = [task("New customer", "Proposal"), task("Existing customer", "Proposal"), task("Existing customer", "Product demo")];
    expect(check([table("Tasks", TASKS, tasks), stages], "en-US").map(read)).toEqual([
      ["stageNotOnPath", "Tasks", "D2", "Stage", "Proposal", { path: "Path", pathValue: "New customer" }],
      ["stageNotOnPath", "Tasks", "D4", "Stage", "Product demo", { path: "Path", pathValue: "Existing customer" }],
    ]);
  });

  it("reports a stage in the other language, then that it is off the path, in that order at the one cell", () => {
    expect(check([table("Tasks", TASKS, [task("Existing customer", "产品演示")])], "en-US").map(read)).toEqual([
      ["otherLanguage", "Tasks", "D2", "Stage", "产品演示", { expected: "Product demo" }],
      ["stageNotOnPath", "Tasks", "D2", "Stage", "产品演示", { path: "Path", pathValue: "Existing customer" }],
    ]);
  });
});

describe("SMART goals, each letter at the cell it is about", () => {
  const GOALS = ["Goal", "Metric", "Baseline", "Target", "Start", "Deadline", "Owner", "SMART"];
  const goal = (more: Partial<Record<"goal" | "metric" | "baseline" | "target" | "start" | "deadline", SnapshotValue>>): SnapshotValue[] => {
    const g = { goal: "Win new logos", metric: "New customers", baseline: null, target: 10, start: "2026-01-01", deadline: "2026-12-31", ...more };
    return [g.goal, g.metric, g.baseline, g.target, g.start, g.deadline, "Chen", null];
  };
  const smart = (...rows: SnapshotValue[][]) => check([table("SalesGoals", GOALS, rows, { sheet: "Goals" })], "en-US").map(read);

  it("passes a goal in words with a metric, a positive target and a deadline after its start", () => {
    expect(smart(goal({}), goal({ start: null }), goal({ baseline: 5, target: 15 }))).toEqual([]);
  });

  it("S at the goal when it is a number", () => {
    expect(smart(goal({ goal: 2026 }))).toEqual([["smart", "Goals", "A2", "Goal", 2026, { letters: "S" }]]);
  });

  it("M and A together at a target of 0", () => {
    expect(smart(goal({ target: 0 }))).toEqual([["smart", "Goals", "D2", "Target", 0, { letters: "M A" }]]);
  });

  it("A at a target more than 3 times a positive baseline, or above 100% for a conversion rate", () => {
    expect(
      smart(goal({ baseline: 5, target: 16 }), goal({ metric: "Conversion rate", target: 1.5 }), goal({ metric: "Conversion rate", target: 1 })),
    ).toEqual([
      ["smart", "Goals", "D2", "Target", 16, { letters: "A" }],
      ["smart", "Goals", "D3", "Target", 1.5, { letters: "A" }],
    ]);
  });

  it("T at a deadline on or before the start", () => {
    expect(smart(goal({ start: "2026-12-31" }), goal({ start: "2027-01-01" }))).toEqual([
      ["smart", "Goals", "F2", "Deadline", "2026-12-31", { letters: "T" }],
      ["smart", "Goals", "F3", "Deadline", "2026-12-31", { letters: "T" }],
    ]);
  });

  it("a cell already reported (not a number, not in the list) gets no SMART letter on top", () => {
    expect(smart(goal({ target: -3 }), goal({ metric: "Profit" }))).toEqual([
      ["negative", "Goals", "D2", "Target", -3, null],
      ["notInList", "Goals", "B3", "Metric", "Profit", { expected: "New customers / Revenue / Deals won / Conversion rate / Other" }],
    ]);
  });

  it("two letters at two cells of one row come left to right", () => {
    expect(smart(goal({ goal: "  ", target: 0, start: "2027-01-01" }))).toEqual([
      ["required", "Goals", "A2", "Goal", "  ", null],
      ["smart", "Goals", "D2", "Target", 0, { letters: "M A" }],
      ["smart", "Goals", "F2", "Deadline", "2026-12-31", { letters: "T" }],
    ]);
  });
});

describe("dates typed as text", () => {
  const TASKS = ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"];
  const due = (value: SnapshotValue) =>
    check([table("Tasks", TASKS, [["T-1", "Acme", "New customer", "Proposal", "Call", "Chen", value, "In progress"]])], "en-US").map((f) => [
      f.code,
      f.cell,
    ]);

  it.each(["2028-02-29", " 2026-03-01 ", "9999-12-31", "1900-01-01"])("%j is a date", (text) => {
    expect(due(text)).toEqual([]);
  });

  it.each([
    "2026-02-29",
    "2026-02-30",
    "2026-04-31",
    "2026-13-01",
    "2026-00-10",
    "2026-03-00",
    "2026-03-32",
    "0099-12-31",
    "0050-06-15",
    "1899-12-31",
  ])("%j is no date, not a day it would roll over to", (text) => {
    expect(due(text)).toEqual([["notDate", "G2"]]);
  });
});

describe("Excel's error values", () => {
  const TASKS = ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"];
  const row = (id: SnapshotValue, action: SnapshotValue): SnapshotValue[] =>
    ["T-1", "Acme", "New customer", "Proposal", action, "Chen", "2026-03-01", "In progress"].map((v, i) => (i === 0 ? id : v));

  it("are read as errors in any case, as Excel's own words", () => {
    expect(
      check([table("Tasks", TASKS, [row("T-1", "#n/a"), row("T-2", "#DIV/0!"), row("T-3", "#SPILL!"), row("T-4", "#Value!")])], "en-US").map(read),
    ).toEqual([
      ["cellError", "Tasks", "E2", "Action", "#n/a", null],
      ["cellError", "Tasks", "E3", "Action", "#DIV/0!", null],
      ["cellError", "Tasks", "E4", "Action", "#SPILL!", null],
      ["cellError", "Tasks", "E5", "Action", "#Value!", null],
    ]);
  });

  it("but text that only starts with # is what a person typed", () => {
    expect(check([table("Tasks", TASKS, [row("#1", "#N/A yet"), row("#2", "Call #2"), row("#3", " #N/A")])], "en-US")).toEqual([]);
  });
});

describe("the order findings come in", () => {
  it("by the spec's sheets (Goals before Tasks), whatever order the tables are read in", () => {
    const tasks = table(
      "Tasks",
      ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"],
      [["T-1", "Acme", "New customer", "Proposal", null, "Chen", "2026-03-01", "In progress"]],
    );
    const goals = table("SalesGoals", ["Goal", "Metric", "Target", "Deadline", "Owner"], [["Win", "Profit", 10, "2026-12-31", "Chen"]], {
      sheet: "Goals",
    });
    expect(check([tasks, goals], "en-US").map((f) => [f.sheet, f.cell, f.code])).toEqual([
      ["Goals", "B2", "notInList"],
      ["Tasks", "E2", "required"],
    ]);
  });

  it("by the spec's sheets, not by their names: Tasks before Settings", () => {
    const tasks = table(
      "Tasks",
      ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"],
      [["T-1", "Acme", "New customer", "Proposal", null, "Chen", "2026-03-01", "In progress"]],
    );
    const team = table("Team", ["Name"], [["Chen"], ["Chen"]], { sheet: "Settings" });
    expect(check([team, tasks], "en-US").map((f) => [f.sheet, f.cell, f.code])).toEqual([
      ["Tasks", "E2", "required"],
      ["Settings", "A3", "duplicate"],
    ]);
  });

  it("left to right along a row, whatever order the columns stand in", () => {
    const tasks = table(
      "Tasks",
      ["Action", "Stage", "ID", "Customer", "Path", "Owner", "Due", "Status"],
      [[null, "方案制定", "T-1", "Acme", "New customer", "Chen", "2026-03-01", "In progress"]],
    );
    expect(check([tasks], "en-US").map((f) => [f.cell, f.code])).toEqual([
      ["A2", "required"],
      ["B2", "otherLanguage"],
    ]);
  });

  it("tables of one spec sheet put on two sheets: by the sheet's name, then row, then column", () => {
    const team = table(
      "Team",
      ["Name", "Email"],
      [
        ["Chen", "c@x"],
        ["chen ", "d@x"],
      ],
      { sheet: "People", headerRow: 4, firstColumn: 3 },
    );
    const config = table(
      "Config",
      ["Setting", "Value", "Name"],
      [
        ["Lag alert days", "three", "LagAlertDays"],
        ["Due soon days", -1, "DueSoonDays"],
      ],
      { sheet: "Settings" },
    );
    expect(check([config, team], "en-US").map(read)).toEqual([
      ["duplicate", "People", "C6", "Name", "chen ", { firstRow: 5 }],
      ["notNumber", "Settings", "B2", "Value", "three", null],
      ["negative", "Settings", "B3", "Value", -1, null],
    ]);
  });
});

describe("rules between two cells of a row name the other cell as the user sees it", () => {
  const TASKS = ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "开始日期", "Status", "Completed on"];
  const task = (id: string, due: SnapshotValue, start: SnapshotValue, status: SnapshotValue, completedOn: SnapshotValue): SnapshotValue[] => [
    id,
    "Acme",
    "New customer",
    "Proposal",
    "Call",
    "Chen",
    due,
    start,
    status,
    completedOn,
  ];

  it("a due date before the start names the start's header and its day; the same day is in order", () => {
    // 46083 is 2026-03-02 (46096 is 2026-03-15); a time of day does not move the day.
    const tasks = table("Tasks", TASKS, [
      task("T-1", "2026-03-01", 46083.75, "In progress", null),
      task("T-2", 46083.1, 46083.75, "In progress", null),
    ]);
    expect(check([tasks], "en-US").map(read)).toEqual([
      ["dateOrder", "Tasks", "G2", "Due", "2026-03-01", { other: "开始日期", otherValue: "2026-03-02" }],
    ]);
  });

  it("a completion date is needed for a done task and refused for another, naming the status as typed", () => {
    const tasks = table("Tasks", TASKS, [
      task("T-1", "2026-03-09", null, "  DONE ", null),
      task("T-2", "2026-03-09", null, "Blocked", "2026-03-05"),
      task("T-3", "2026-03-09", null, "Blocked", "soon"),
    ]);
    expect(check([tasks], "en-US").map(read)).toEqual([
      ["requiredWhen", "Tasks", "J2", "Completed on", null, { when: "Status", status: "DONE" }],
      ["blankUnless", "Tasks", "J3", "Completed on", "2026-03-05", { when: "Status", status: "Blocked" }],
      ["notDate", "Tasks", "J4", "Completed on", "soon", null],
    ]);
  });

  it("nothing is asked of an optional column the table does not have", () => {
    const tasks = table(
      "Tasks",
      ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"],
      [["T-1", "Acme", "New customer", "Proposal", "Call", "Chen", "2026-03-01", "Done"]],
    );
    const deals = table("Pipeline", ["Opportunity", "Customer", "Stage", "Status", "Created"], [["Deal 1", "Acme", "Signing", "Lost", "2026-03-01"]]);
    expect(check([tasks, deals], "en-US")).toEqual([]);
  });

  it("a lost deal needs its reason; a won deal may keep one", () => {
    const PIPELINE = ["Opportunity", "Customer", "Stage", "Status", "Created", "Closed on", "Lost reason"];
    const rows = [
      ["Deal 1", "Acme", "Signing", "Lost", "2026-03-01", "2026-03-02", "  "],
      ["Deal 2", "Acme", "Signing", "Won", "2026-03-01", "2026-03-02", "Price"],
    ];
    expect(check([table("Pipeline", PIPELINE, rows)], "en-US").map(read)).toEqual([
      ["requiredWhen", "Pipeline", "G2", "Lost reason", "  ", { when: "Status", status: "Lost" }],
    ]);
  });
});

describe("a computed cell without its formula", () => {
  const RISKS = ["Risk", "Contingency", "Owner", "Score"];
  const risks = (rows: [SnapshotValue, string | null][]) => ({
    ...table(
      "Risks",
      RISKS,
      rows.map(([score], i) => [`Risk ${i + 1}`, "Plan B", "Chen", score]),
    ),
    formulas: rows.map(([, formula]) => [null, null, null, formula]),
  });

  it("points at the nearest row that still has it, the row above when both are as near", () => {
    const findings = check(
      [
        risks([
          [6, "=[@Likelihood]*[@Impact]"],
          [null, null],
          [9, null],
          [4, "=[@Likelihood]*[@Impact]"],
          [null, "  "],
        ]),
      ],
      "en-US",
    );
    expect(findings.map(read)).toEqual([
      ["formulaMissing", "Risks", "D3", "Score", null, { fromRow: 2 }],
      ["formulaOverwritten", "Risks", "D4", "Score", 9, { fromRow: 5 }],
      ["formulaMissing", "Risks", "D6", "Score", null, { fromRow: 5 }],
    ]);
  });

  it("does not make a spare row a faulty one: a row with only its calculated cells is left alone", () => {
    const spare = {
      ...table("Risks", RISKS, [
        ["Risk 1", "Plan B", "Chen", 6],
        [null, null, "  ", 0],
      ]),
      formulas: [
        [null, null, null, "=[@Likelihood]*[@Impact]"],
        [null, null, null, "=[@Likelihood]*[@Impact]"],
      ],
    };
    expect(check([spare], "en-US")).toEqual([]);
  });

  it("looks further up when the rows next to it lost the formula too", () => {
    const findings = check(
      [
        risks([
          [6, "=[@Likelihood]*[@Impact]"],
          [null, null],
          [null, null],
          [null, null],
        ]),
      ],
      "en-US",
    );
    expect(findings.map((f) => [f.cell, f.details?.fromRow])).toEqual([
      ["D3", 2],
      ["D4", 2],
      ["D5", 2],
    ]);
  });

  it("prefers the row above when the nearest rows with it are as far above as below", () => {
    const f = "=[@Likelihood]*[@Impact]";
    const findings = check(
      [
        risks([
          [6, f],
          [null, null],
          [null, null],
          [null, null],
          [4, f],
        ]),
      ],
      "en-US",
    );
    expect(findings.map((x) => [x.cell, x.details?.fromRow])).toEqual([
      ["D3", 2],
      ["D4", 2],
      ["D5", 6],
    ]);
  });

  it("names no row when no row has it", () => {
    expect(
      check(
        [
          risks([
            [null, null],
            [2, null],
          ]),
        ],
        "en-US",
      ).map((x) => [x.code, x.cell, x.details ?? null]),
    ).toEqual([
      ["formulaMissing", "D2", null],
      ["formulaOverwritten", "D3", null],
    ]);
    expect(check([risks([[3, null]])], "en-US").map(read)).toEqual([["formulaOverwritten", "Risks", "D2", "Score", 3, null]]);
  });

  it("reads a cell of spaces left where the formula was as cleared, not as a typed value", () => {
    expect(check([risks([[" ", null]])], "en-US").map(read)).toEqual([["formulaMissing", "Risks", "D2", "Score", " ", null]]);
  });
});

describe("cells reported once, and cells not reported", () => {
  const TASKS = ["ID", "Customer", "Path", "Stage", "Action", "Owner", "Due", "Status"];

  it("an Excel error in two IDs is two errors, not a duplicate", () => {
    const rows = ["#N/A", "#N/A"].map((id) => [id, "Acme", "New customer", "Proposal", "Call", "Chen", "2026-03-01", "In progress"]);
    expect(check([table("Tasks", TASKS, rows)], "en-US").map((f) => [f.code, f.cell])).toEqual([
      ["cellError", "A2"],
      ["cellError", "A3"],
    ]);
  });

  it("a setting holding an Excel error is that error only; one whose formula's value the file did not keep is not blank", () => {
    const config = {
      ...table(
        "Config",
        ["Setting", "Value", "Name"],
        [
          ["Lag alert days", "#VALUE!", "LagAlertDays"],
          ["Due soon days", null, "DueSoonDays"],
          ["Risk high score", null, "RiskHighScore"],
        ],
      ),
      formulas: [
        [null, null, null],
        [null, "=2+1", null],
        [null, null, null],
      ],
    };
    expect(check([config], "en-US").map((f) => [f.code, f.cell])).toEqual([
      ["cellError", "B2"],
      ["required", "B4"],
    ]);
  });

  it("a setting a formula gives is checked by the value it gives; a Config table without its Value column is asked nothing", () => {
    const config = {
      ...table("Config", ["Setting", "Value", "Name"], [["Lag alert days", "three", "LagAlertDays"]]),
      formulas: [[null, '="three"', null]],
    };
    expect(check([config], "en-US").map((f) => [f.code, f.cell])).toEqual([["notNumber", "B2"]]);
    expect(check([table("Config", ["Setting", "Name"], [["Lag alert days", "LagAlertDays"]])], "en-US")).toEqual([]);
  });

  it("a copy names the row of the first use, wherever that is", () => {
    const team = table("Team", ["Name"], [["Li"], ["Chen"], ["Wang"], [" CHEN"]], { sheet: "Settings", headerRow: 10 });
    expect(check([team], "en-US").map(read)).toEqual([["duplicate", "Settings", "A14", "Name", " CHEN", { firstRow: 12 }]]);
  });

  it("a deal whose status is not in the list still has its probability compared with the stage's default", () => {
    const rows = [["Deal", "Acme", "Proposal", "Paused", 0.95, "2026-03-01"]];
    expect(
      check([table("Pipeline", ["Opportunity", "Customer", "Stage", "Status", "Probability", "Created"], rows)], "en-US").map((f) => [
        f.code,
        f.cell,
      ]),
    ).toEqual([
      ["notInList", "D2"],
      ["probabilityFar", "E2"],
    ]);
  });

  it("a spare row among goals gets no SMART letters", () => {
    const GOALS = ["Goal", "Metric", "Target", "Deadline", "Owner", "SMART"];
    const rows = [
      ["Win new logos", "New customers", 10, "2026-12-31", "Chen", null],
      [null, null, null, null, null, null],
    ];
    expect(check([table("SalesGoals", GOALS, rows, { sheet: "Goals" })], "en-US")).toEqual([]);
  });
});
