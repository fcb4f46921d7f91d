// Computed cells stay live for everyone: blank Score cells in rows users typed with Excel's
// "Fill formulas in tables" off get the formula, rows the add-in appends carry it, and a column a
// user typed values into is left theirs. Score is likelihood × impact, blank until both are given
// (SPEC section 2), so its formula is written out here by hand.
import { plan, applyPlanToState, EMPTY_WORKBOOK, RECORD_TABLE } from "../../../src/domain/plan";
import { rowsWithFormulas } from "../../../src/domain/plan/plan";
import type { Plan, PlanStep, PlanOptions, WorkbookState, TableState } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";

const TODAY = "2026-03-15";
const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({ language: "en-US", sample: false, today: TODAY, ...more });
const stepsOf = <K extends PlanStep["kind"]>(p: Plan, kind: K) => p.steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);

const SCORE =
  '=IF(OR(Risks[[#This Row],[Likelihood]]="",Risks[[#This Row],[Impact]]=""),"",Risks[[#This Row],[Likelihood]]*Risks[[#This Row],[Impact]])';
const SCORE_ZH =
  '=IF(OR(Risks[[#This Row],[可能性]]="",Risks[[#This Row],[影响程度]]=""),"",Risks[[#This Row],[可能性]]*Risks[[#This Row],[影响程度]])';

const setUp = (language: PlanOptions["language"] = "en-US") =>
  applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options({ language })));
const withRisks = (state: WorkbookState, change: Partial<TableState>): WorkbookState => ({
  ...state,
  tables: state.tables.map((t) => (t.name === "Risks" ? { ...t, ...change } : t)),
});

describe("blank computed cells in rows users typed", () => {
  // Risks A..K, Score in F; the user typed rows 5-9 and 12 with the fill option off.
  const state = withRisks(setUp(), { rowCount: 12, address: "A1:K13", blanks: [{ column: "Score", address: "F5:F9,F12" }] });

  it("get the column's formula, in exactly those cells", () => {
    expect(stepsOf(plan(WORKBOOK, state, options()), "fillFormulas")).toEqual([
      { kind: "fillFormulas", table: "Risks", sheet: "Risks", columns: [{ column: "Score", formula: SCORE, areas: ["F5:F9", "F12"] }] },
    ]);
  });

  it("read the workbook's own headers, in a Chinese workbook", () => {
    const zh = withRisks(setUp("zh-CN"), { blanks: [{ column: "风险分值", address: "F3" }] });
    expect(stepsOf(plan(WORKBOOK, zh, options()), "fillFormulas")).toEqual([
      { kind: "fillFormulas", table: "Risks", sheet: "风险预警", columns: [{ column: "风险分值", formula: SCORE_ZH, areas: ["F3"] }] },
    ]);
  });

  it("are nothing to do when there are none", () => {
    for (const blanks of [[], [{ column: "Score", address: "" }]]) {
      expect(plan(WORKBOOK, withRisks(setUp(), { blanks }), options()).steps).toEqual([]);
    }
  });

  it("get nothing in a column the add-in did not make, nor in a column that is not computed", () => {
    const theirs = { ...state, record: state.record.filter((i) => i !== "column:Risks.score") };
    expect(stepsOf(plan(WORKBOOK, theirs, options()), "fillFormulas")).toEqual([]);
    const notComputed = withRisks(setUp(), { blanks: [{ column: "Risk", address: "A5" }] });
    expect(stepsOf(plan(WORKBOOK, notComputed, options()), "fillFormulas")).toEqual([]);
  });

  it("get nothing when the formula reads a column the user removed", () => {
    const noImpact = withRisks(state, {
      headers: state.tables.find((t) => t.name === "Risks")!.headers.filter((h) => h !== "Impact"),
      address: "A1:J13",
    });
    expect(stepsOf(plan(WORKBOOK, noImpact, options()), "fillFormulas")).toEqual([]);
  });
});

describe("rows the add-in appends", () => {
  const state = setUp();
  const row = (score: string | number | null): (string | number | null)[] => [
    "Price war",
    null,
    null,
    3,
    4,
    score,
    null,
    "Hold price",
    "Wang",
    null,
    null,
  ];

  it("carry the formula in a blank computed cell, and keep whatever else they hold", () => {
    expect(rowsWithFormulas(WORKBOOK, state, "risks", [row(null), row(12)])).toEqual([
      ["Price war", null, null, 3, 4, { formula: SCORE }, null, "Hold price", "Wang", null, null],
      ["Price war", null, null, 3, 4, 12, null, "Hold price", "Wang", null, null],
    ]);
  });

  it("carry the formula in a computed cell a row leaves out", () => {
    const short = ["Price war", null, null, 3, 4];
    const filled = rowsWithFormulas(WORKBOOK, state, "Risks", [short])[0];
    expect(filled.slice(0, 6)).toEqual(["Price war", null, null, 3, 4, { formula: SCORE }]);
  });

  it("follow the columns as the table has them, a user's moved or added ones included", () => {
    // The user moved Score to the front and added a column of their own at the end.
    const headers = [
      "Score",
      "Risk",
      "Customer",
      "Category",
      "Likelihood",
      "Impact",
      "Early signal",
      "Contingency",
      "Owner",
      "Status",
      "Review by",
      "Mine",
    ];
    const moved = withRisks(state, { headers, address: "A1:L2" });
    const cells = (first: null | { formula: string }) => [first, "Price war", null, null, 3, 4, null, "Hold price", "Wang", null, null, null];
    expect(rowsWithFormulas(WORKBOOK, moved, "Risks", [cells(null)])).toEqual([cells({ formula: SCORE })]);
  });

  it("carry no formula that would read a column the table lacks, and pass other tables' rows as they are", () => {
    const noImpact = withRisks(state, { headers: state.tables.find((t) => t.name === "Risks")!.headers.filter((h) => h !== "Impact") });
    const bare = ["Price war", null, null, 3, null, null, "Hold price", "Wang", null, null];
    expect(rowsWithFormulas(WORKBOOK, noImpact, "Risks", [bare])).toEqual([bare]);
    expect(rowsWithFormulas(WORKBOOK, state, "MyTable", [[null, 1]])).toEqual([[null, 1]]);
  });
});

describe("a computed column an interrupted set-up left holding typed values", () => {
  // Every table there, nothing recorded; Score (F) holds numbers someone typed, or it is not known.
  const full = setUp();
  const interrupted = (scoreTyped: boolean | undefined): WorkbookState => ({
    ...full,
    names: [],
    record: [],
    tables: full.tables.map((t) => ({
      ...t,
      validated: false,
      typed: t.headers.map((h) => (t.name === "Risks" && h === "Score" ? scoreTyped : false)) as boolean[],
    })),
  });
  const recorded = (p: Plan) =>
    stepsOf(p, "appendRows")
      .find((s) => s.table === RECORD_TABLE)!
      .rows.map((r) => String(r[0]));

  it.each([
    ["typed values", true],
    ["what it holds unknown", undefined],
  ])("with %s gets no formula, is not recorded as the add-in's, and the user is told", (_, typed) => {
    const p = plan(WORKBOOK, interrupted(typed), options());
    expect(stepsOf(p, "setColumnFormula").find((s) => s.table === "Risks")).toBeUndefined();
    expect(recorded(p)).not.toContain("column:Risks.score");
    expect(recorded(p)).toContain("column:Risks.likelihood");
    expect(p.notices).toEqual([{ code: "cellsKept", sheet: "Risks", table: "Risks", reason: "typed", column: { key: "score", header: "Score" } }]);
  });

  it("with formulas gets its formula again and is recorded", () => {
    const p = plan(WORKBOOK, interrupted(false), options());
    expect(stepsOf(p, "setColumnFormula").find((s) => s.table === "Risks")!.columns).toEqual([
      { key: "score", column: "Score", formula: SCORE, usesFunctions: false },
    ]);
    expect(recorded(p)).toContain("column:Risks.score");
    expect(p.notices).toEqual([]);
  });
});

describe("cells that already have validation rules in an interrupted set-up's tables", () => {
  const full = setUp();
  const state: WorkbookState = {
    ...full,
    names: [],
    record: [],
    tables: full.tables.map((t) => ({ ...t, validated: t.name !== "Tasks", typed: t.headers.map(() => false) })),
  };
  const p = plan(WORKBOOK, state, options());

  it("keep their rules in every table that would get one; tables with no rule to set are not mentioned", () => {
    // Config, Lists, AddinRecord and ReviewFunnel have only optional text and computed columns.
    expect(
      p.notices
        .filter((n) => n.code === "cellsKept")
        .map((n) => n.table)
        .sort(),
    ).toEqual(
      [
        "Stages",
        "Tiers",
        "Team",
        "Nudges",
        "SalesGoals",
        "StrategyPlan",
        "MarketAnalysis",
        "Customers",
        "Pipeline",
        "Risks",
        "ReviewInputs",
        "ReviewMetrics",
        "Playbook",
      ].sort(),
    );
    expect(stepsOf(p, "setValidation").map((s) => s.table)).toEqual(["Tasks"]);
  });
});
