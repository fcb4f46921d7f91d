// What an upgrade or a re-run does to a workbook an older version, an interrupted set-up or a user
// left: settings appended below Config and named where they land, a table Excel made but never
// named, Settings left visible, a broken name, columns with no room beside their table. Every
// expected address, row and notice is worked out by hand from the layout in the comments.
import { plan, applyPlanToState, EMPTY_WORKBOOK, RECORD_TABLE } from "../../../src/domain/plan";
import type { Plan, PlanStep, PlanOptions, WorkbookState, TableState } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";
import type { Language } from "../../../src/domain/spec/vocabulary";

const TODAY = "2026-03-15";
const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({ language: "en-US", sample: false, today: TODAY, ...more });
const stepsOf = <K extends PlanStep["kind"]>(p: Plan, kind: K) => p.steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);
const namesOf = (p: Plan) => stepsOf(p, "setNames").flatMap((s) => s.names);

function setUp(language: Language = "en-US"): WorkbookState {
  return applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options({ language })));
}
const withTable = (state: WorkbookState, name: string, change: (t: TableState) => TableState): WorkbookState => ({
  ...state,
  tables: state.tables.map((t) => (t.name === name ? change(t) : t)),
});

// Tasks as set up in English, A..N: ID, Customer, Path, Stage, Action, Output standard, Owner,
// Support, Start, Due (J), Status (K), Completed on, Days late, Reason.
const TASK_HEADERS = [
  "ID",
  "Customer",
  "Path",
  "Stage",
  "Action",
  "Output standard",
  "Owner",
  "Support",
  "Start",
  "Due",
  "Status",
  "Completed on",
  "Days late",
  "Reason",
];

describe("settings an older workbook lacks", () => {
  // Config at A1 (Setting, Value, Name), header row 1; an older version wrote 8 settings (rows 2-9)
  // and had no risk thresholds.
  const older = withTable({ ...setUp(), names: setUp().names.filter((n) => n !== "RiskHighScore" && n !== "RiskMediumScore") }, "Config", (t) => ({
    ...t,
    rowCount: 8,
    address: "A1:C9",
  }));

  it("are appended below Config's last row, and their names point at the Value cells they land in", () => {
    const p = plan(WORKBOOK, older, options());
    expect(stepsOf(p, "appendRows").filter((s) => s.table === "Config")).toEqual([
      {
        kind: "appendRows",
        table: "Config",
        sheet: "Settings",
        rows: [
          ["Risk score: red from", 15, "RiskHighScore"],
          ["Risk score: amber from", 8, "RiskMediumScore"],
        ],
      },
    ]);
    expect(namesOf(p)).toEqual([
      { name: "RiskHighScore", refersTo: "='Settings'!$B$10" },
      { name: "RiskMediumScore", refersTo: "='Settings'!$B$11" },
    ]);
  });

  it("follow Config's columns as the user arranged them, leaving a user's own column blank", () => {
    const arranged = withTable(older, "Config", (t) => ({ ...t, headers: ["Setting", "My notes", "Value", "Name"], address: "A1:D9" }));
    const p = plan(WORKBOOK, arranged, options());
    expect(stepsOf(p, "appendRows").find((s) => s.table === "Config")!.rows).toEqual([
      ["Risk score: red from", null, 15, "RiskHighScore"],
      ["Risk score: amber from", null, 8, "RiskMediumScore"],
    ]);
    expect(namesOf(p).map((n) => n.refersTo)).toEqual(["='Settings'!$C$10", "='Settings'!$C$11"]);
  });

  it("are worded in the workbook's language, on its Settings sheet", () => {
    const zh = setUp("zh-CN");
    const olderZh = withTable({ ...zh, names: zh.names.filter((n) => n !== "RiskMediumScore") }, "Config", (t) => ({
      ...t,
      rowCount: 9,
      address: "A1:C10",
    }));
    const p = plan(WORKBOOK, olderZh, options({ language: "en-US" }));
    expect(stepsOf(p, "appendRows").find((s) => s.table === "Config")!.rows).toEqual([["风险分值：黄色预警", 8, "RiskMediumScore"]]);
    expect(namesOf(p)).toEqual([{ name: "RiskMediumScore", refersTo: "='设置'!$B$11" }]);
  });

  it("leave the schema version blank when its row is added, and set it after the names", () => {
    const noVersion = withTable(
      { ...setUp(), names: setUp().names.filter((n) => n !== "SchemaVersion"), schemaVersion: undefined },
      "Config",
      (t) => t,
    );
    const p = plan(WORKBOOK, noVersion, options());
    // Config holds 10 rows (2-11): the new row is 12.
    expect(stepsOf(p, "appendRows").find((s) => s.table === "Config")!.rows).toEqual([["Schema version", null, "SchemaVersion"]]);
    expect(namesOf(p)).toEqual([{ name: "SchemaVersion", refersTo: "='Settings'!$B$12" }]);
    const kinds = p.steps.map((s) => s.kind);
    expect(kinds.indexOf("setSchemaVersion")).toBeGreaterThan(kinds.indexOf("setNames"));
    expect(stepsOf(p, "setSchemaVersion")).toEqual([{ kind: "setSchemaVersion", version: WORKBOOK.schemaVersion }]);
  });

  it("are not appended when every name is there, even if a row was deleted", () => {
    const p = plan(
      WORKBOOK,
      withTable(setUp(), "Config", (t) => ({ ...t, rowCount: 9, address: "A1:C10" })),
      options(),
    );
    expect(p.steps).toEqual([]);
  });
});

describe("a name that no longer points at cells", () => {
  // Someone deleted LagAlertDays' row from Config (10 rows, 2-11, now 9: 2-10), so the name reads
  // #REF!. Its old row number now holds the next setting, so it gets a row of its own again.
  const state: WorkbookState = withTable({ ...setUp(), notRanges: [{ name: "lagalertdays", formula: "=#REF!" }] }, "Config", (t) => ({
    ...t,
    rowCount: 9,
    address: "A1:C10",
  }));
  const p = plan(WORKBOOK, state, options());

  it("is set again at a new Config row holding its default, and the user is told what it was", () => {
    expect(stepsOf(p, "appendRows").find((s) => s.table === "Config")!.rows).toEqual([["Lag alert after (days late)", 3, "LagAlertDays"]]);
    expect(namesOf(p)).toEqual([{ name: "LagAlertDays", refersTo: "='Settings'!$B$11", repair: true }]);
    expect(p.notices).toEqual([{ code: "nameRepaired", sheet: "Settings", table: "Config", name: "LagAlertDays", was: "=#REF!" }]);
  });

  it("is a range again once repaired, while other broken names stay broken", () => {
    const two: WorkbookState = { ...state, notRanges: [...state.notRanges!, { name: "MyOwnConstant", formula: "=42" }] };
    const after = applyPlanToState(two, plan(WORKBOOK, two, options()));
    expect(after.notRanges).toEqual([{ name: "MyOwnConstant", formula: "=42" }]);
    expect(after.names.filter((n) => n.toLowerCase() === "lagalertdays")).toEqual(["LagAlertDays"]);
    expect(plan(WORKBOOK, after, options()).steps).toEqual([]);
  });

  it("points a list name at its table column again", () => {
    const broken: WorkbookState = { ...setUp(), notRanges: [{ name: "List_Owner", formula: "=#REF!" }] };
    const repaired = plan(WORKBOOK, broken, options());
    expect(namesOf(repaired)).toEqual([{ name: "List_Owner", refersTo: "=Team[Name]", repair: true }]);
    expect(repaired.notices).toEqual([{ code: "nameRepaired", sheet: "Settings", table: "Team", name: "List_Owner", was: "=#REF!" }]);
  });
});

describe("a set-up Excel stopped after making a table but before naming it", () => {
  // Only Tasks chosen: Tasks, and Customers, Settings and the Settings tables it reads.
  const unnamed = (headers: readonly string[], record: readonly string[] = []): WorkbookState => ({
    sheets: [
      { name: "Sheet1", visible: true, empty: true },
      { name: "Tasks", visible: true, empty: false, usedRange: "A1:N2" },
    ],
    tables: [{ name: "Table1", sheet: "Tasks", headers, rowCount: 0, address: "A1:N2", validated: false, typed: headers.map(() => false) }],
    names: [],
    record,
  });

  it("gets the spec's name, and the rules and formulas it missed, without a second Tasks table", () => {
    const p = plan(WORKBOOK, unnamed(TASK_HEADERS), options({ sheets: ["tasks"] }));
    expect(stepsOf(p, "renameTable")).toEqual([{ kind: "renameTable", from: "Table1", table: "Tasks", sheet: "Tasks" }]);
    expect(stepsOf(p, "addTable").map((s) => s.table)).not.toContain("Tasks");
    expect(stepsOf(p, "addSheet").map((s) => s.sheet)).not.toContain("Tasks");
    expect(stepsOf(p, "addColumns")).toEqual([]);
    expect(
      stepsOf(p, "setColumnFormula")
        .find((s) => s.table === "Tasks")!
        .columns.map((c) => c.column),
    ).toEqual(["Days late"]);
    // Due is J, Status K: the lagging highlight reads them from row 2.
    const lagging = stepsOf(p, "setConditionalFormat")
      .find((s) => s.table === "Tasks")!
      .rules.find((r) => r.id === "lagging")!;
    expect(lagging.formula).toContain("TODAY()-$J2>LagAlertDays");
    // Table style and frozen header, which the set-up may not have reached.
    expect(stepsOf(p, "styleTable").find((s) => s.table === "Tasks")).toMatchObject({ tableStyle: "TableStyleMedium2", freezeHeader: true });
    const renamed = applyPlanToState(unnamed(TASK_HEADERS), p);
    expect(renamed.tables.map((t) => t.name)).toContain("Tasks");
    expect(renamed.tables.map((t) => t.name)).not.toContain("Table1");
  });

  it("is recognised by its Chinese headers too", () => {
    const zh = ["编号", ...TASK_HEADERS.slice(1)];
    expect(stepsOf(plan(WORKBOOK, unnamed(zh), options({ sheets: ["tasks"] })), "renameTable")).toEqual([]);
    const chinese = stepsOf(plan(WORKBOOK, EMPTY_WORKBOOK, options({ language: "zh-CN" })), "addTable").find((s) => s.table === "Tasks")!.headers;
    expect(stepsOf(plan(WORKBOOK, unnamed(chinese), options({ sheets: ["tasks"] })), "renameTable")).toEqual([
      { kind: "renameTable", from: "Table1", table: "Tasks", sheet: "Tasks" },
    ]);
  });

  it("is someone's table when AddinRecord already mentions Tasks, and a new Tasks goes on a new sheet", () => {
    const p = plan(WORKBOOK, unnamed(TASK_HEADERS, ["cf:Tasks.lagging"]), options({ sheets: ["tasks"] }));
    expect(stepsOf(p, "renameTable")).toEqual([]);
    expect(stepsOf(p, "addTable").find((s) => s.table === "Tasks")!.sheet).toBe("Tasks (2)");
    expect(p.notices).toContainEqual({ code: "sheetNameTaken", sheet: "Tasks (2)", table: "Tasks", wanted: "Tasks" });
  });

  it("is someone's table when a header differs or one is added", () => {
    for (const headers of [[...TASK_HEADERS, "Notes"], TASK_HEADERS.map((h) => (h === "Reason" ? "Why" : h)), TASK_HEADERS.slice(0, -1)]) {
      expect(stepsOf(plan(WORKBOOK, unnamed(headers), options({ sheets: ["tasks"] })), "renameTable")).toEqual([]);
    }
  });

  it("is not taken for a table the spec names, even with Tasks' headers", () => {
    const state = unnamed(TASK_HEADERS);
    const named = { ...state, tables: state.tables.map((t) => ({ ...t, name: "Playbook" })) };
    expect(stepsOf(plan(WORKBOOK, named, options({ sheets: ["tasks"] })), "renameTable")).toEqual([]);
  });
});

describe("Settings an interrupted set-up left visible", () => {
  // A set-up stopped before the batch that hides Settings and records what it made.
  function interrupted(settingsVisible: boolean | undefined, record: readonly string[] = []): WorkbookState {
    const state = setUp();
    return {
      ...state,
      sheets: state.sheets.map((s) => (s.name === "Settings" ? { ...s, visible: settingsVisible } : s)),
      names: [],
      record,
      tables: state.tables.map((t) => ({ ...t, validated: false, typed: t.headers.map(() => false) })),
    };
  }

  it("is hidden again, and the workbook then reads it hidden", () => {
    const state = interrupted(true);
    const p = plan(WORKBOOK, state, options());
    expect(stepsOf(p, "hideSheet")).toEqual([{ kind: "hideSheet", sheet: "Settings" }]);
    expect(applyPlanToState(state, p).sheets.find((s) => s.name === "Settings")!.visible).toBe(false);
  });

  it("stays as it is when it is hidden or its visibility is unknown", () => {
    for (const visible of [false, undefined]) expect(stepsOf(plan(WORKBOOK, interrupted(visible), options()), "hideSheet")).toEqual([]);
  });

  it("stays visible when AddinRecord holds any Settings table: a user may have shown it on purpose", () => {
    for (const item of ["column:Config.value", "dv:Nudges.nudgedOn"]) {
      expect(stepsOf(plan(WORKBOOK, interrupted(true, [item]), options()), "hideSheet")).toEqual([]);
    }
  });
});

describe("columns with no room beside their table", () => {
  // Tasks without Completed on and Days late: A..L (12 columns), rows 1-501. The two go into M and N.
  const older = withTable(setUp(), "Tasks", (t) => ({
    ...t,
    headers: TASK_HEADERS.filter((h) => h !== "Completed on" && h !== "Days late"),
    rowCount: 500,
    address: "A1:L501",
  }));
  const record = older.record.filter((i) => !/^(column|dv):Tasks\.(completedOn|daysLate)$/.test(i));
  const withRight = (usedRight: string | undefined) =>
    withTable({ ...older, record }, "Tasks", (t) => ({ ...t, usedRight, ...(usedRight === undefined ? {} : { checkedRight: 5 }) }));

  it.each([
    ["blank", ""],
    ["used from O, two free columns", "O2:O9"],
    ["not read", undefined],
  ])("are added when the cells right of it are %s", (_, usedRight) => {
    const p = plan(WORKBOOK, withRight(usedRight), options());
    expect(stepsOf(p, "addColumns")).toEqual([
      {
        kind: "addColumns",
        table: "Tasks",
        sheet: "Tasks",
        columns: [
          { key: "completedOn", header: "Completed on" },
          { key: "daysLate", header: "Days late" },
        ],
      },
    ]);
    expect(p.notices.map((n) => n.code)).not.toContain("columnsBlocked");
  });

  it("are not added when a user's cell is in the second column they need, and the notice names the cells", () => {
    const p = plan(WORKBOOK, withRight("N2:N9"), options());
    expect(p.notices).toEqual([
      {
        code: "columnsBlocked",
        sheet: "Tasks",
        table: "Tasks",
        columns: [
          { key: "completedOn", header: "Completed on" },
          { key: "daysLate", header: "Days late" },
        ],
        cells: "M1:N501",
      },
    ]);
    // Nothing at all for the table: no columns, formulas, rules, fills, and nothing recorded for them.
    expect(p.steps.filter((s) => "table" in s && s.table === "Tasks")).toEqual([]);
    const recorded = stepsOf(p, "appendRows")
      .filter((s) => s.table === RECORD_TABLE)
      .flatMap((s) => s.rows.map((r) => r[0]));
    expect(recorded.filter((i) => String(i).includes("Tasks"))).toEqual([]);
  });

  it("are not added when the cell right beside the table is taken", () => {
    const p = plan(WORKBOOK, withRight("M5"), options());
    expect(p.notices.map((n) => n.code)).toEqual(["columnsBlocked"]);
    expect(stepsOf(p, "addColumns")).toEqual([]);
  });
});

describe("a highlight whose column a user removed", () => {
  // Goals A..M without Baseline, which the add-in made (recorded), and its two value-format
  // highlights not made yet.
  const state = withTable(setUp(), "SalesGoals", (t) => ({ ...t, headers: t.headers.filter((h) => h !== "Baseline"), address: "A1:L2" }));
  const older = { ...state, record: state.record.filter((i) => !i.startsWith("cf:SalesGoals.")) };
  const p = plan(WORKBOOK, older, options());

  it("is not set, and the user is told which column it needs", () => {
    expect(stepsOf(p, "setConditionalFormat")).toEqual([]);
    const missing = { table: "SalesGoals", column: { key: "baseline", header: "Baseline" } };
    expect(p.notices).toEqual([
      { code: "columnMissing", sheet: "Goals", table: "SalesGoals", column: { key: "baseline", header: "Baseline" } },
      {
        code: "formulaSkipped",
        sheet: "Goals",
        table: "SalesGoals",
        what: { kind: "highlight", rule: "countValues", description: expect.anything() },
        missing,
      },
      {
        code: "formulaSkipped",
        sheet: "Goals",
        table: "SalesGoals",
        what: { kind: "highlight", rule: "rateValues", description: expect.anything() },
        missing,
      },
    ]);
  });

  it("is set over the columns as they now stand once Baseline is back, anywhere in the table", () => {
    const back = withTable(older, "SalesGoals", (t) => ({ ...t, headers: [...t.headers, "baseline"], address: "A1:M2" }));
    const rules = stepsOf(plan(WORKBOOK, back, options()), "setConditionalFormat")[0].rules;
    expect(rules.map((r) => r.columns)).toEqual([
      ["baseline", "Target", "Actual"],
      ["baseline", "Target", "Actual"],
    ]);
    // Metric is still D.
    expect(rules.find((r) => r.id === "rateValues")!.formula).toBe('=OR(LOWER(TRIM($D2))="conversion rate",LOWER(TRIM($D2))="转化率")');
  });
});

describe("formulas that read a column a user renamed or removed", () => {
  it("hold back each computed column that needs another held back, and say which column each lacks", () => {
    // An older Customers without Tier, Follow-up days and Next contact, whose Value (made by the
    // add-in) a user removed: Tier reads Value, Follow-up days reads Tier, Next contact reads Follow-up days.
    const full = setUp();
    const older: WorkbookState = {
      ...full,
      record: full.record.filter((i) => !/^column:Customers\.(tier|followUpDays|nextContact)$/.test(i)),
      tables: full.tables.map((t) =>
        t.name === "Customers"
          ? { ...t, headers: t.headers.filter((h) => !["Value", "Tier", "Follow-up days", "Next contact"].includes(h)), address: "A1:L2" }
          : t,
      ),
    };
    const p = plan(WORKBOOK, older, options());
    const where = { sheet: "Customers", table: "Customers" } as const;
    const heldBack = (key: string, header: string, needs: string, needsHeader: string) => ({
      code: "formulaSkipped",
      ...where,
      what: { kind: "column", column: { key, header } },
      missing: { table: "Customers", column: { key: needs, header: needsHeader } },
    });
    expect(p.notices).toEqual([
      { code: "columnMissing", ...where, column: { key: "value", header: "Value" } },
      heldBack("tier", "Tier", "value", "Value"),
      heldBack("followUpDays", "Follow-up days", "tier", "Tier"),
      heldBack("nextContact", "Next contact", "followUpDays", "Follow-up days"),
    ]);
    expect(p.steps).toEqual([]);
  });

  it("leave a new table's cells that read the column blank, and say so once per column", () => {
    // Review's metrics and funnel are new; Pipeline's Stage (made by the add-in) is now "Phase".
    // Lead → opportunity, opportunity → deal and weighted pipeline (rows 1, 2 and 8) read it.
    const full = setUp();
    const state: WorkbookState = {
      ...full,
      record: full.record.filter((i) => !/:(ReviewMetrics|ReviewFunnel)\./.test(i)),
      tables: full.tables
        .filter((t) => t.name !== "ReviewMetrics" && t.name !== "ReviewFunnel")
        .map((t) => (t.name === "Pipeline" ? { ...t, headers: t.headers.map((h) => (h === "Stage" ? "Phase" : h)) } : t)),
    };
    const p = plan(WORKBOOK, state, options());
    const metrics = stepsOf(p, "addTable").find((s) => s.table === "ReviewMetrics")!;
    expect(metrics.rows.map((r) => r[2] === null)).toEqual([true, true, false, false, false, false, false, true, false]);
    const missing = { table: "Pipeline", column: { key: "stage", header: "Stage" } };
    expect(p.notices).toEqual([
      { code: "columnMissing", sheet: "Pipeline", table: "Pipeline", column: { key: "stage", header: "Stage" } },
      {
        code: "formulaSkipped",
        sheet: "Review",
        table: "ReviewMetrics",
        what: { kind: "cellFormula", column: { key: "actual", header: "Actual" } },
        missing,
      },
      {
        code: "formulaSkipped",
        sheet: "Review",
        table: "ReviewFunnel",
        what: { kind: "columnFormula", column: { key: "reached", header: "Reached" } },
        missing,
      },
    ]);
  });
});

describe("a Settings column an older version lacked", () => {
  // Stages H..J without Default days (its ten stage rows, 2-11), Lists AH..AT without Better when
  // (six rows, 2-7), and neither's name defined.
  const full = setUp();
  const older: WorkbookState = {
    ...full,
    names: full.names.filter((n) => n !== "StageDays" && n !== "List_BetterWhen"),
    record: full.record.filter((i) => !/^(column|dv):(Stages\.days|Lists\.betterWhen)$/.test(i)),
    tables: full.tables.map((t) =>
      t.name === "Stages"
        ? { ...t, headers: ["Path", "Stage", "Default probability"], address: "H1:J11" }
        : t.name === "Lists"
          ? { ...t, headers: t.headers.slice(0, 13), address: "AH1:AT7" }
          : t,
    ),
  };
  const p = plan(WORKBOOK, older, options());

  it("comes with the values of the rows the table has: each stage's days, the list's words", () => {
    // New customer: 7, 5, 7, 10, 10, 5 days; existing: 7, 10, 14, 10 (SPEC section 2 stages).
    expect(stepsOf(p, "addColumns")).toEqual([
      {
        kind: "addColumns",
        table: "Stages",
        sheet: "Settings",
        columns: [{ key: "days", header: "Default days", values: [7, 5, 7, 10, 10, 5, 7, 10, 14, 10] }],
      },
      {
        kind: "addColumns",
        table: "Lists",
        sheet: "Settings",
        columns: [{ key: "betterWhen", header: "Better when", values: ["Higher", "Lower", null, null, null, null] }],
      },
    ]);
  });

  it("is named where it lands", () => {
    expect(namesOf(p)).toEqual([
      { name: "List_BetterWhen", refersTo: "='Settings'!$AU$2:$AU$3" },
      { name: "StageDays", refersTo: "='Settings'!$K$2:$K$11" },
    ]);
  });

  it("fills only the rows there are, when a user deleted some", () => {
    const fewer = withTable(older, "Stages", (t) => ({ ...t, rowCount: 6, address: "H1:J7" }));
    expect(stepsOf(plan(WORKBOOK, fewer, options()), "addColumns")[0].columns[0].values).toEqual([7, 5, 7, 10, 10, 5]);
  });
});

describe("a table whose new columns have no room", () => {
  it("gets no formulas in its blank computed cells either: nothing is written for it", () => {
    // Risks A..J without Review by, a user's note right beside it in L, and blank Score cells.
    const full = setUp();
    const state = withTable({ ...full, record: full.record.filter((i) => !i.endsWith("Risks.reviewBy")) }, "Risks", (t) => ({
      ...t,
      headers: t.headers.filter((h) => h !== "Review by"),
      address: "A1:J13",
      rowCount: 12,
      usedRight: "K3",
      blanks: [{ column: "Score", address: "F5:F9" }],
    }));
    const p = plan(WORKBOOK, state, options());
    expect(p.notices.map((n) => n.code)).toEqual(["columnsBlocked"]);
    expect(p.steps.filter((s) => "table" in s && s.table === "Risks")).toEqual([]);
  });
});

describe("a computed column held back before a list column it comes before", () => {
  it("leaves the list column its own header, drop-down and format", () => {
    // An older Customers without Tier, Follow-up days, Next contact and Strategy, whose Value a user
    // removed: the three computed columns wait; Strategy is appended alone, at M.
    const full = setUp();
    const gone = ["Value", "Tier", "Follow-up days", "Strategy", "Next contact"];
    const state: WorkbookState = {
      ...full,
      record: full.record.filter((i) => !/^(column|dv):Customers\.(tier|followUpDays|nextContact|strategy)$/.test(i)),
      tables: full.tables.map((t) => (t.name === "Customers" ? { ...t, headers: t.headers.filter((h) => !gone.includes(h)), address: "A1:K2" } : t)),
    };
    const p = plan(WORKBOOK, state, options());
    expect(stepsOf(p, "addColumns")).toEqual([
      { kind: "addColumns", table: "Customers", sheet: "Customers", columns: [{ key: "strategy", header: "Strategy" }] },
    ]);
    expect(stepsOf(p, "setValidation")[0].columns.map((c) => [c.key, c.column, c.check])).toEqual([
      ["strategy", "Strategy", { kind: "list", source: "=List_StrategyMix" }],
    ]);
    expect(stepsOf(p, "setFormats")[0].columns).toEqual([{ key: "strategy", column: "Strategy", width: 14 }]);
  });
});

describe("an interrupted set-up's table whose formula reads a column another table could not get", () => {
  it("keeps all its columns, and skips only that formula, saying so", () => {
    // Every table is the set-up's (nothing recorded) but Pipeline, the user's own, whose Stage is
    // "Phase" and which has a note right beside it (M2), so Stage cannot be added. ReviewFunnel's
    // Reached counts Pipeline's stages.
    const full = setUp();
    const state: WorkbookState = {
      ...full,
      names: [],
      record: [],
      tables: full.tables.map((t) => ({
        ...t,
        validated: false,
        typed: t.headers.map(() => false),
        ...(t.name === "Pipeline" ? { headers: t.headers.map((h) => (h === "Stage" ? "Phase" : h)), usedRight: "M2" } : {}),
      })),
    };
    const p = plan(WORKBOOK, state, options());
    expect(p.notices).toContainEqual({
      code: "formulaSkipped",
      sheet: "Review",
      table: "ReviewFunnel",
      what: { kind: "columnFormula", column: { key: "reached", header: "Reached" } },
      missing: { table: "Pipeline", column: { key: "stage", header: "Stage" } },
    });
    const funnel = stepsOf(p, "setColumnFormula").find((s) => s.table === "ReviewFunnel")!;
    expect(funnel.columns.map((c) => c.column)).toEqual(["Conversion from previous stage", "Default probability"]);
    expect(
      stepsOf(p, "setFormats")
        .find((s) => s.table === "ReviewFunnel")!
        .columns.map((c) => c.column),
    ).toEqual(["Stage", "Reached", "Conversion from previous stage", "Default probability"]);
  });
});

describe("a Settings column a user renamed, whose name is gone too", () => {
  it("gets no name rather than one pointing at no column", () => {
    // Stages' Default probability (made by the add-in) is now "Win %", and StageProbability was deleted.
    const full = setUp();
    const state = withTable({ ...full, names: full.names.filter((n) => n !== "StageProbability") }, "Stages", (t) => ({
      ...t,
      headers: t.headers.map((h) => (h === "Default probability" ? "Win %" : h)),
    }));
    const p = plan(WORKBOOK, state, options());
    expect(namesOf(p)).toEqual([]);
    expect(p.notices).toEqual([
      { code: "columnMissing", sheet: "Settings", table: "Stages", column: { key: "probability", header: "Default probability" } },
    ]);
  });
});
