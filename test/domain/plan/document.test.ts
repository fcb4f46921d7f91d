// The workbook as a document: numbers formatted by meaning, long text wrapping at widths that
// suit the language, headers that look like headers without a table style, and every visible
// sheet printing one page wide with its header row repeated. Expected values are written out here.
import { plan, applyPlanToState, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { Plan, PlanStep, WorkbookState } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";
import { olderSpec } from "../../support/fakeExcelFixtures";

const TODAY = "2026-12-01";
const stepsOf = <K extends PlanStep["kind"]>(p: Plan, kind: K) => p.steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);
const english = plan(WORKBOOK, EMPTY_WORKBOOK, { language: "en-US", sample: true, today: TODAY });
const chinese = plan(WORKBOOK, EMPTY_WORKBOOK, { language: "zh-CN", sample: true, today: TODAY });

describe("formats by meaning", () => {
  it("never uses #,##0.## (Excel shows 15 in it as '15.')", () => {
    const formats = [
      ...WORKBOOK.tables.flatMap((t) => t.columns.map((c) => c.numberFormat)),
      ...WORKBOOK.conditionalFormats.map((r) => r.format.numberFormat),
      ...WORKBOOK.tables.flatMap((t) => (t.rowFormats ?? []).map((f) => f.numberFormat)),
    ].filter((f): f is string => typeof f === "string");
    expect(formats.filter((f) => f.includes(".#"))).toEqual([]);
  });

  it("gives each review metric row its own format: rates in %, money without decimals, ratios and months with one, counts whole", () => {
    const step = stepsOf(english, "setRowFormats").find((s) => s.table === "ReviewMetrics")!;
    const table = stepsOf(english, "addTable").find((s) => s.table === "ReviewMetrics")!;
    const metric = table.keys.indexOf("metric");
    const byName = Object.fromEntries(step.rows.map((r) => [table.rows[r.row][metric], r.numberFormat]));
    expect(byName).toEqual({
      "Lead → opportunity conversion (%)": "0%",
      "Opportunity → deal conversion (%)": "0%",
      "Win rate (%)": "0%",
      "Customer acquisition cost, CAC (amount)": "#,##0",
      "Customer lifetime value, LTV (amount)": "#,##0",
      "LTV / CAC (times)": "0.0",
      "CAC payback (months)": "0.0",
      "Weighted open pipeline (amount)": "#,##0",
      "Tasks lagging beyond alert days (count)": "#,##0",
    });
    for (const r of step.rows) expect(r.columns).toEqual(["Target", "Actual", "Variance"]);
  });

  it("shows a goal's Baseline, Target and Actual as its Metric means them, in either language", () => {
    const rules = stepsOf(english, "setConditionalFormat").find((s) => s.table === "SalesGoals")!.rules;
    const shown = Object.fromEntries(rules.map((r) => [r.format.numberFormat, r.formula]));
    expect(Object.keys(shown).sort()).toEqual(["#,##0", "0%"]);
    expect(shown["0%"]).toBe('=OR(LOWER(TRIM($D2))="conversion rate",LOWER(TRIM($D2))="转化率")');
    expect(shown["#,##0"]).toContain('LOWER(TRIM($D2))="new customers"');
    expect(shown["#,##0"]).toContain('LOWER(TRIM($D2))="销售额"');
    expect(shown["#,##0"]).not.toContain("other");
    for (const r of rules) expect(r.columns).toEqual(["Baseline", "Target", "Actual"]);
  });

  it("shows churn to a tenth of a percent, so 2.5% is not 3%", () => {
    const formats = stepsOf(english, "setFormats").find((s) => s.table === "ReviewInputs")!.columns;
    expect(formats.find((c) => c.key === "churnRate")!.numberFormat).toBe("0.0%");
    expect(formats.find((c) => c.key === "grossMargin")!.numberFormat).toBe("0%");
    expect(formats.find((c) => c.key === "newCustomers")!.numberFormat).toBe("#,##0");
  });
});

describe("reading", () => {
  it("wraps the long-text columns of every new table, and no date or number column", () => {
    const tasks = stepsOf(english, "styleTable").find((s) => s.table === "Tasks")!;
    expect(tasks.wrap).toEqual(["Customer", "Action", "Output standard", "Support", "Reason"]);
    const goals = stepsOf(english, "styleTable").find((s) => s.table === "SalesGoals")!;
    expect(goals.wrap).toEqual(["Goal", "Linked strategy"]);
  });

  it("gives every new table's header cells their own bold and fill, the colours of its table style", () => {
    const looks = Object.fromEntries(stepsOf(english, "styleTable").map((s) => [s.table, s.header]));
    expect(looks.Tasks).toEqual({ fill: "#4472C4", font: "#FFFFFF", bold: true });
    expect(looks.ReviewMetrics).toEqual({ fill: "#A5A5A5", font: "#FFFFFF", bold: true });
    expect(looks.AddinRecord).toEqual({ bold: true });
    expect(Object.keys(looks).sort()).toEqual(WORKBOOK.tables.map((t) => t.name).sort());
  });

  it("makes long-text columns narrower in Chinese, where the same words take fewer, wider characters", () => {
    const width = (p: Plan, table: string, key: string) =>
      stepsOf(p, "setFormats")
        .find((s) => s.table === table)!
        .columns.find((c) => c.key === key)!.width!;
    expect(width(english, "Tasks", "outputStandard")).toBe(36);
    expect(width(chinese, "Tasks", "outputStandard")).toBe(25);
    expect(width(chinese, "SalesGoals", "goal")).toBe(28);
    // Dates and numbers need the same room in both.
    expect(width(chinese, "Tasks", "due")).toBe(width(english, "Tasks", "due"));
  });
});

describe("printing", () => {
  it("sets up every visible sheet: landscape, one page wide, header row repeated, sheet name and page in the footer", () => {
    const prints = stepsOf(english, "setPrint");
    expect(prints.map((p) => p.sheet).sort()).toEqual([
      "Customers",
      "Goals",
      "Market",
      "Overview",
      "Pipeline",
      "Playbook",
      "Review",
      "Risks",
      "Strategy",
      "Tasks",
    ]);
    // The overview has no table: portrait, no title rows.
    expect(prints.find((p) => p.sheet === "Overview")).toEqual({
      kind: "setPrint",
      sheet: "Overview",
      orientation: "portrait",
      footer: "&A — page &P of &N",
    });
    for (const p of prints.filter((p) => p.sheet !== "Overview"))
      expect(p).toMatchObject({ orientation: "landscape", titleRows: "$1:$1", footer: "&A — page &P of &N" });
    expect(stepsOf(chinese, "setPrint")[0].footer).toBe("&A — 第 &P 页，共 &N 页");
  });
});

describe("an upgrade of a workbook an older version made", () => {
  const older = plan(olderSpec(), EMPTY_WORKBOOK, { language: "en-US", sample: true, today: TODAY });
  const state: WorkbookState = applyPlanToState(EMPTY_WORKBOOK, older);
  const upgrade = plan(WORKBOOK, state, { language: "en-US", sample: true, today: TODAY });

  it("styles only what it adds: the new sheet's table and print, and wrapping on the appended text column", () => {
    expect(stepsOf(upgrade, "setPrint").map((p) => p.sheet)).toEqual(["Risks"]);
    const looks = stepsOf(upgrade, "styleTable");
    expect(looks.find((s) => s.table === "Risks")!.header).toBeDefined();
    const tasks = looks.find((s) => s.table === "Tasks")!;
    expect(tasks).toEqual({ kind: "styleTable", table: "Tasks", sheet: "Tasks", wrap: ["Support"] });
    expect(stepsOf(upgrade, "setRowFormats")).toEqual([]);
  });

  it("leaves nothing to do once applied", () => {
    const done = applyPlanToState(state, upgrade);
    expect(plan(WORKBOOK, done, { language: "en-US", sample: true, today: TODAY }).steps).toEqual([]);
  });
});

describe("legends", () => {
  it("explains the Tasks colours beside the table, in the rules' own colours, thresholds read live from Settings", () => {
    const legend = stepsOf(english, "writeCells").find((s) => s.record === "legend:Tasks")!;
    // Tasks runs A..N; one blank column, then the legend in P from the header row down.
    expect(legend.cells).toEqual([
      { address: "P1", value: "Colours", format: { bold: true } },
      {
        address: "P2",
        value: { formula: '="Lagging: more than "&LagAlertDays&" days late"' },
        format: { fill: "#C00000", font: "#FFFFFF", bold: true, wrap: true },
      },
      { address: "P3", value: { formula: '="Overdue: 1 to "&LagAlertDays&" days late"' }, format: { fill: "#FFC7CE", font: "#9C0006", wrap: true } },
      { address: "P4", value: { formula: '="Due within "&DueSoonDays&" days"' }, format: { fill: "#FFEB9C", font: "#9C5700", wrap: true } },
      { address: "P5", value: "Done or cancelled", format: { font: "#A6A6A6", wrap: true } },
    ]);
    expect(legend.onlyIntoBlank).toBeUndefined();
    const record = english.steps[english.steps.length - 1] as Extract<PlanStep, { kind: "appendRows" }>;
    expect(record.rows.map((r) => r[0])).toEqual(expect.arrayContaining(["legend:Tasks", "legend:Customers", "legend:Risks"]));
  });

  it("words the legend in the workbook's language", () => {
    const legend = stepsOf(chinese, "writeCells").find((s) => s.record === "legend:Risks")!;
    expect(legend.cells.map((c) => c.value)).toEqual([
      "颜色说明",
      { formula: '="风险分值"&RiskHighScore&"及以上"' },
      { formula: '="风险分值"&RiskMediumScore&"至"&(RiskHighScore-1)' },
    ]);
  });

  it("puts an older workbook's legend beside the table after its new columns, only into blank cells, once", () => {
    const older = plan(olderSpec(), EMPTY_WORKBOOK, { language: "en-US", sample: true, today: TODAY });
    const state = applyPlanToState(EMPTY_WORKBOOK, older);
    const upgrade = plan(WORKBOOK, state, { language: "en-US", sample: true, today: TODAY });
    const legend = stepsOf(upgrade, "writeCells").find((s) => s.record === "legend:Tasks")!;
    expect(legend.cells[0].address).toBe("P1");
    expect(legend.onlyIntoBlank).toBe(true);
    const again = plan(WORKBOOK, applyPlanToState(state, upgrade), { language: "en-US", sample: true, today: TODAY });
    expect(stepsOf(again, "writeCells")).toEqual([]);
  });
});

describe("the overview", () => {
  const overview = stepsOf(english, "writeCells").find((s) => s.record === "sheet:overview")!;
  const at = (address: string) => overview.cells.find((c) => c.address === address)?.value;

  it("is a new sheet, first in the tab order, made once", () => {
    expect(stepsOf(english, "addSheet").find((s) => s.sheet === "Overview")).toMatchObject({ first: true, visible: true });
    const again = plan(WORKBOOK, applyPlanToState(EMPTY_WORKBOOK, english), { language: "en-US", sample: true, today: TODAY });
    expect(again.steps).toEqual([]);
  });

  it("links each of the five steps to its sheets, as the workbook names them", () => {
    expect(at("A5")).toBe("1. Goals and market: SMART goals, PEST and five forces, customer profile");
    expect(at("B5")).toEqual({ formula: `=HYPERLINK("#'Goals'!A1","Goals")` });
    const zh = stepsOf(chinese, "writeCells").find((s) => s.record === "sheet:overview")!;
    expect(zh.cells.find((c) => c.address === "B7")!.value).toEqual({ formula: `=HYPERLINK("#'任务矩阵'!A1","任务矩阵")` });
  });

  it("reads the tables through their real headers, in native formulas only", () => {
    const formulas = overview.cells.flatMap((c) => (typeof c.value === "object" && c.value !== null ? [c.value.formula] : []));
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => /SALES\./.test(f))).toEqual([]);
    expect(at("B12")).toEqual({ formula: '=IFERROR(AVERAGE(SalesGoals[Attainment]),"")' });
    expect(String((at("B15") as { formula: string }).formula)).toContain("Tasks[Due]");
  });

  it("leaves a sheet of that name alone when it is someone's", () => {
    const state: WorkbookState = {
      ...EMPTY_WORKBOOK,
      sheets: [...EMPTY_WORKBOOK.sheets, { name: "Overview", visible: true, empty: false, usedRange: "A1:C3", top: [["My notes"]] }],
    };
    const p = plan(WORKBOOK, state, { language: "en-US", sample: true, today: TODAY });
    expect(stepsOf(p, "writeCells").filter((s) => s.sheet === "Overview")).toEqual([]);
    expect(stepsOf(p, "addSheet").map((s) => s.sheet)).not.toContain("Overview");
  });
});
