// The drop-downs and checks a table gets (data validation), written out by hand from SPEC
// section 3 and the column types: which rule, which input message, which error and how strict.
import { plan, applyPlanToState, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { ColumnValidation, Plan, PlanStep, PlanOptions, WorkbookState } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";
import type { WorkbookSpec } from "../../../src/domain/spec/types";

const TODAY = "2026-03-15";
const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({ language: "en-US", sample: false, today: TODAY, ...more });
const stepsOf = <K extends PlanStep["kind"]>(p: Plan, kind: K) => p.steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);
const rulesOf = (p: Plan, table: string): readonly ColumnValidation[] => stepsOf(p, "setValidation").find((s) => s.table === table)?.columns ?? [];

const LIST_ERROR = "Pick a value from the drop-down list (the words are on the Settings sheet).";
const stop = (message: string) => ({ title: "Check this entry", message, style: "stop" });

describe("a new Risks table", () => {
  const english = plan(WORKBOOK, EMPTY_WORKBOOK, options());

  it("gets a rule on every column but the computed Score and the optional text Early signal", () => {
    expect(rulesOf(english, "Risks")).toEqual([
      {
        id: "dv:Risks.risk",
        key: "risk",
        column: "Risk",
        check: { kind: "any" },
        allowBlank: true,
        prompt: { title: "Risk", message: "Required. Text." },
        error: stop(""),
      },
      {
        id: "dv:Risks.customer",
        key: "customer",
        column: "Customer",
        check: { kind: "list", source: "=List_Customer" },
        allowBlank: true,
        prompt: { title: "Customer", message: "Pick an existing row." },
        error: stop("Pick an existing row; add it to its own sheet first."),
      },
      {
        id: "dv:Risks.category",
        key: "category",
        column: "Category",
        check: { kind: "list", source: "=List_RiskCategory" },
        allowBlank: true,
        prompt: { title: "Category", message: "Pick from the list." },
        error: stop(LIST_ERROR),
      },
      {
        id: "dv:Risks.likelihood",
        key: "likelihood",
        column: "Likelihood",
        check: { kind: "whole", min: 1, max: 5 },
        allowBlank: true,
        prompt: { title: "Likelihood", message: "1 (rare) to 5 (almost certain)." },
        error: stop("Enter a whole number from 1 to 5."),
      },
      {
        id: "dv:Risks.impact",
        key: "impact",
        column: "Impact",
        check: { kind: "whole", min: 1, max: 5 },
        allowBlank: true,
        prompt: { title: "Impact", message: "1 (minor) to 5 (severe)." },
        error: stop("Enter a whole number from 1 to 5."),
      },
      {
        id: "dv:Risks.contingency",
        key: "contingency",
        column: "Contingency",
        check: { kind: "any" },
        allowBlank: true,
        prompt: { title: "Contingency", message: "Required. Text." },
        error: stop(""),
      },
      {
        // The roster may lag behind the team: a name not on it is questioned, not refused.
        id: "dv:Risks.owner",
        key: "owner",
        column: "Owner",
        check: { kind: "list", source: "=List_Owner" },
        allowBlank: true,
        prompt: { title: "Owner", message: "Required. Pick from the list." },
        error: { title: "Check this entry", message: LIST_ERROR, style: "warning" },
      },
      {
        id: "dv:Risks.status",
        key: "status",
        column: "Status",
        check: { kind: "list", source: "=List_RiskStatus" },
        allowBlank: true,
        prompt: { title: "Status", message: "Pick from the list." },
        error: stop(LIST_ERROR),
      },
      {
        // An optional date: no input message, a date check.
        id: "dv:Risks.reviewBy",
        key: "reviewBy",
        column: "Review by",
        check: { kind: "date" },
        allowBlank: true,
        error: stop("Enter a date, e.g. 2025-07-01."),
      },
    ]);
  });

  it("speaks Chinese in a Chinese workbook", () => {
    const chinese = plan(WORKBOOK, EMPTY_WORKBOOK, options({ language: "zh-CN" }));
    const owner = rulesOf(chinese, "Risks").find((r) => r.key === "owner")!;
    expect(owner).toMatchObject({
      column: "负责人",
      prompt: { title: "负责人", message: "必填。从下拉列表中选择。" },
      error: { title: "请检查输入", message: "请从下拉列表中选择（选项见“设置”工作表）。", style: "warning" },
    });
    expect(rulesOf(chinese, "Risks").find((r) => r.key === "risk")!.prompt).toEqual({ title: "风险", message: "必填。文本。" });
  });

  it("records each rule it sets, and only those", () => {
    const record = stepsOf(english, "appendRows")
      .at(-1)!
      .rows.map((r) => String(r[0]));
    expect(record.filter((i) => i.startsWith("dv:Risks.")).sort()).toEqual(
      ["risk", "customer", "category", "likelihood", "impact", "contingency", "owner", "status", "reviewBy"].map((k) => `dv:Risks.${k}`).sort(),
    );
  });
});

describe("number and percent checks", () => {
  const english = plan(WORKBOOK, EMPTY_WORKBOOK, options());
  it("allow 0 or more for an amount, 0% to 100% for a percentage", () => {
    const pipeline = rulesOf(english, "Pipeline");
    expect(pipeline.find((r) => r.key === "amount")).toMatchObject({ check: { kind: "decimal", min: 0 }, error: stop("Enter a number, 0 or more.") });
    expect(pipeline.find((r) => r.key === "amount")!.check).not.toHaveProperty("max");
    expect(pipeline.find((r) => r.key === "probability")).toMatchObject({
      check: { kind: "decimal", min: 0, max: 1 },
      error: stop("Enter a percentage from 0% to 100%."),
    });
  });
});

describe("rules on a table users have worked in", () => {
  const state = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options()));
  const withTasks = (change: (headers: readonly string[]) => string[], record: (item: string) => boolean): WorkbookState => ({
    ...state,
    record: state.record.filter(record),
    tables: state.tables.map((t) => (t.name === "Tasks" ? { ...t, headers: change(t.headers) } : t)),
  });

  it("go on a column the add-in made that has no rule yet, titled by its header as the table shows it", () => {
    const later = withTasks(
      (h) => h.map((x) => (x === "Status" ? "STATUS" : x)),
      (i) => i !== "dv:Tasks.status",
    );
    const p = plan(WORKBOOK, later, options());
    expect(rulesOf(p, "Tasks").map((r) => [r.key, r.column, r.prompt?.title])).toEqual([["status", "STATUS", "STATUS"]]);
    expect(stepsOf(p, "appendRows").at(-1)!.rows).toEqual([["dv:Tasks.status"]]);
  });

  it("never go on a column that matches a spec header but that the add-in did not make", () => {
    // Status was the user's own before the add-in came: neither the column nor its rule recorded.
    const theirs = withTasks(
      (h) => [...h],
      (i) => i !== "dv:Tasks.status" && i !== "column:Tasks.status",
    );
    expect(stepsOf(plan(WORKBOOK, theirs, options()), "setValidation")).toEqual([]);
  });

  it.each([
    ["exactly 32 characters, kept", "Due" + " ".repeat(29), "Due" + " ".repeat(29)],
    ["33 characters, cut to 32 with an ellipsis", "Due" + " ".repeat(30), "Due" + " ".repeat(28) + "…"],
  ])("keep an input message title Excel accepts: a header of %s", (_, header, title) => {
    const padded = withTasks(
      (h) => h.map((x) => (x === "Due" ? header : x)),
      (i) => i !== "dv:Tasks.due",
    );
    const rule = rulesOf(plan(WORKBOOK, padded, options()), "Tasks")[0];
    expect(rule.column).toBe(header);
    expect(rule.prompt!.title).toBe(title);
  });
});

describe("an input message longer than Excel's 255 characters", () => {
  const withInput = (length: number): WorkbookSpec => ({
    ...WORKBOOK,
    tables: WORKBOOK.tables.map((t) =>
      t.name === "Playbook"
        ? { ...t, columns: t.columns.map((c) => (c.key === "lesson" ? { ...c, input: { en: "x".repeat(length), zh: "字".repeat(length) } } : c)) }
        : t,
    ),
  });
  const message = (length: number) =>
    rulesOf(plan(withInput(length), EMPTY_WORKBOOK, options()), "Playbook").find((r) => r.key === "lesson")!.prompt!.message;

  // Lesson is required: its message is "Required. " (10 characters) and the column's own words.
  it("is kept whole at 255 and cut to 255 with an ellipsis above it", () => {
    expect(message(245)).toBe("Required. " + "x".repeat(245));
    expect(message(246)).toBe("Required. " + "x".repeat(244) + "…");
  });
});

describe("the Stage drop-down on Tasks", () => {
  // SPEC: Stage offers the stages of the row's Path (either language, any case), all of them until
  // the path is known. Path is C in a new Tasks table; the rule reads the row's own Path cell.
  const stageRule = (column: string) =>
    `=IF(OR(LOWER(TRIM($${column}2))="existing customer",LOWER(TRIM($${column}2))="老客户"),List_StagesExisting,` +
    `IF(OR(LOWER(TRIM($${column}2))="new customer",LOWER(TRIM($${column}2))="新客户"),List_StagesNew,List_Stage))`;

  it("reads the row's Path", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options());
    expect(rulesOf(p, "Tasks").find((r) => r.key === "stage")!.check).toEqual({ kind: "list", source: stageRule("C") });
  });

  it("reads Path where the user moved it, and falls back to no rule when Path is gone", () => {
    const state = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options()));
    const headers = (h: readonly string[]) => ["Priority (mine)", ...h];
    const moved: WorkbookState = {
      ...state,
      record: state.record.filter((i) => i !== "dv:Tasks.stage"),
      tables: state.tables.map((t) => (t.name === "Tasks" ? { ...t, headers: headers(t.headers), address: "A1:O2" } : t)),
    };
    expect(rulesOf(plan(WORKBOOK, moved, options()), "Tasks")).toMatchObject([
      { key: "stage", column: "Stage", check: { kind: "list", source: stageRule("D") } },
    ]);
    // Without Path, every stage is offered: the plain list.
    const noPath: WorkbookState = {
      ...moved,
      tables: moved.tables.map((t) => (t.name === "Tasks" ? { ...t, headers: t.headers.filter((h) => h !== "Path") } : t)),
    };
    expect(rulesOf(plan(WORKBOOK, noPath, options()), "Tasks").find((r) => r.key === "stage")!.check).toEqual({
      kind: "list",
      source: "=List_Stage",
    });
  });
});
