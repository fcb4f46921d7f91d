import { plan, applyPlanToState, recordItem, EMPTY_WORKBOOK, RECORD_TABLE } from "../../../src/domain/plan";
import type { Plan, PlanStep, PlanOptions, WorkbookState, TableState, AddTableStep } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";

const TODAY = "2026-03-15";
const TODAY_SERIAL = 46096; // 2026-03-15 in Excel's day count
const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({ language: "en-US", sample: true, today: TODAY, ...more });

const stepsOf = <K extends PlanStep["kind"]>(p: Plan, kind: K) => p.steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);
const tableIn = (state: WorkbookState, name: string): TableState => state.tables.find((t) => t.name === name)!;
const ADDITIVE = new Set([
  "addSheet",
  "addTable",
  "addColumns",
  "appendRows",
  "setNames",
  "setFormats",
  "setColumnFormula",
  "setValidation",
  "setConditionalFormat",
  "setRowFormats",
  "styleTable",
  "setPrint",
  "writeCells",
  "setSchemaVersion",
]);

function setUp(language: PlanOptions["language"] = "en-US", more: Partial<PlanOptions> = {}) {
  const first = plan(WORKBOOK, EMPTY_WORKBOOK, options({ language, ...more }));
  return { first, state: applyPlanToState(EMPTY_WORKBOOK, first) };
}

/** The state with some of what the add-in made taken away, as an older version would have left it. */
function without(state: WorkbookState, drop: { tables?: string[]; columns?: Record<string, string[]>; schemaVersion?: number }): WorkbookState {
  const dropTables = new Set(drop.tables ?? []);
  const kept = new Set(state.tables.filter((t) => !dropTables.has(t.name)).map((t) => t.sheet));
  const dropSheets = new Set(state.tables.filter((t) => dropTables.has(t.name) && !kept.has(t.sheet)).map((t) => t.sheet));
  const dropItems = (item: string) =>
    [...dropTables].some((t) => item.includes(`:${t}.`)) ||
    Object.entries(drop.columns ?? {}).some(([t, keys]) =>
      keys.some((k) => item === recordItem.column(t, k) || item === recordItem.validation(t, k)),
    );
  return {
    ...state,
    sheets: state.sheets.filter((s) => !dropSheets.has(s.name)),
    tables: state.tables
      .filter((t) => !dropTables.has(t.name))
      .map((t) => {
        const keys = drop.columns?.[t.name];
        if (!keys) return t;
        const spec = WORKBOOK.tables.find((x) => x.name === t.name)!;
        const headers = spec.columns.filter((c) => !keys.includes(c.key)).map((c) => c.header.en);
        return { ...t, headers, address: t.address.replace(/:[A-Z]+/, `:${String.fromCharCode(64 + headers.length)}`) };
      }),
    record: state.record.filter((item) => !dropItems(item)),
    ...(drop.schemaVersion === undefined ? {} : { schemaVersion: drop.schemaVersion }),
  };
}

describe("an empty workbook", () => {
  const { first } = setUp();

  it("gets every sheet, Settings hidden, and every table of the spec", () => {
    expect(stepsOf(first, "addSheet").map((s) => s.sheet)).toEqual([
      "Overview",
      "Goals",
      "Strategy",
      "Market",
      "Customers",
      "Tasks",
      "Pipeline",
      "Risks",
      "Review",
      "Playbook",
      "Settings",
    ]);
    expect(stepsOf(first, "addSheet").find((s) => s.key === "settings")!.visible).toBe(false);
    expect(
      stepsOf(first, "addTable")
        .map((s) => s.table)
        .sort(),
    ).toEqual(WORKBOOK.tables.map((t) => t.name).sort());
  });

  it("defines every Settings name, sets every highlight, and ends by recording all of it", () => {
    expect(
      stepsOf(first, "setNames")[0]
        .names.map((n) => n.name)
        .sort(),
    ).toEqual(WORKBOOK.names.map((n) => n.name).sort());
    const rules = stepsOf(first, "setConditionalFormat").flatMap((s) => s.rules.map((r) => `${s.table}.${r.id}`));
    expect(rules.sort()).toEqual(WORKBOOK.conditionalFormats.map((r) => `${r.table}.${r.id}`).sort());
    const last = first.steps[first.steps.length - 1];
    expect(last).toMatchObject({ kind: "appendRows", table: RECORD_TABLE });
    const items = (last as Extract<PlanStep, { kind: "appendRows" }>).rows.map((r) => r[0]);
    expect(items).toContain("cf:Tasks.lagging");
    expect(items).toContain("column:Tasks.due");
    expect(items).toContain("dv:Tasks.status");
    expect(first.steps[first.steps.length - 2]).toEqual({ kind: "setSchemaVersion", version: WORKBOOK.schemaVersion });
  });

  it("orders steps so nothing is used before it exists", () => {
    const order = [
      "addSheet",
      "addTable",
      "addColumns",
      "appendRows",
      "setNames",
      "setFormats",
      "setColumnFormula",
      "setValidation",
      "setConditionalFormat",
      "setRowFormats",
      "styleTable",
      "setPrint",
      "writeCells",
      "setSchemaVersion",
    ];
    const kinds = first.steps.slice(0, -1).map((s) => order.indexOf(s.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    const tables = stepsOf(first, "addTable").map((s) => s.table);
    expect(tables.indexOf("Config")).toBeLessThan(tables.indexOf("Tasks"));
  });

  it("is plain data that survives JSON", () => {
    expect(JSON.parse(JSON.stringify(first))).toEqual(first);
  });

  it("puts the Tasks table at A1 with English headers and sample due dates around the setup day", () => {
    const tasks = stepsOf(first, "addTable").find((s) => s.table === "Tasks")!;
    expect(tasks.address).toBe("A1:N1");
    expect(tasks.headers.slice(0, 3)).toEqual(["ID", "Customer", "Path"]);
    const due = tasks.headers.indexOf("Due");
    const id = tasks.headers.indexOf("ID");
    const byId = new Map(tasks.rows.map((r) => [r[id], r[due]]));
    expect(byId.get("T-002")).toBe(TODAY_SERIAL - 10);
    expect(byId.get("T-004")).toBe(TODAY_SERIAL + 2);
  });

  it("writes structured references that name the real headers, and rule formulas in A1 form", () => {
    const formula = stepsOf(first, "setColumnFormula").find((s) => s.table === "Tasks")!.columns[0];
    expect(formula).toMatchObject({ key: "daysLate", column: "Days late", usesFunctions: false });
    expect(formula.formula).toContain("Tasks[[#This Row],[Due]]");
    expect(formula.formula).toContain("Tasks[[#This Row],[Completed on]]");
    const lagging = stepsOf(first, "setConditionalFormat")
      .find((s) => s.table === "Tasks")!
      .rules.find((r) => r.id === "lagging")!;
    // Due is the 10th column (J), Status the 11th (K); data starts on row 2
    expect(lagging.formula).toContain("TODAY()-$J2>LagAlertDays");
    expect(lagging.formula).toContain('LOWER(TRIM($K2))="done"');
  });

  it("points drop-downs at Settings lists and gives required columns an input message", () => {
    const tasks = stepsOf(first, "setValidation").find((s) => s.table === "Tasks")!.columns;
    const rule = (key: string) => tasks.find((c) => c.key === key)!;
    expect(rule("status").check).toEqual({ kind: "list", source: "=List_TaskStatus" });
    expect(rule("owner").check).toEqual({ kind: "list", source: "=List_Owner" });
    expect(rule("customer").check).toEqual({ kind: "list", source: "=List_Customer" });
    expect(rule("due").check).toEqual({ kind: "date" });
    expect(rule("due").prompt?.message).toMatch(/^Required/);
    expect(rule("action").check).toEqual({ kind: "any" });
    expect(tasks.find((c) => c.key === "daysLate")).toBeUndefined();
    const risks = stepsOf(first, "setValidation").find((s) => s.table === "Risks")!.columns;
    expect(risks.find((c) => c.key === "likelihood")!.check).toEqual({ kind: "whole", min: 1, max: 5 });
    const customers = stepsOf(first, "setValidation").find((s) => s.table === "Customers")!.columns;
    expect(customers.find((c) => c.key === "winProbability")!.check).toEqual({ kind: "decimal", min: 0, max: 1 });
    expect(customers.find((c) => c.key === "annualRevenue")!.check).toEqual({ kind: "decimal", min: 0 });
  });

  it("defines Settings names on the Settings sheet, and the roster and customer list as growing table columns", () => {
    const names = new Map(stepsOf(first, "setNames")[0].names.map((n) => [n.name, n.refersTo]));
    expect(names.get("LagAlertDays")).toBe("='Settings'!$B$4");
    expect(names.get("List_Owner")).toBe("=Team[Name]");
    expect(names.get("List_Customer")).toBe("=Customers[Customer]");
    expect(names.get("List_StagesNew")).toBe("='Settings'!$I$2:$I$7");
    expect(names.get("List_StagesExisting")).toBe("='Settings'!$I$8:$I$11");
  });

  it("leaves the schema version blank until the end and records the language", () => {
    const config = stepsOf(first, "addTable").find((s) => s.table === "Config")!;
    const byName = new Map(config.rows.map((r) => [r[2], r[1]]));
    expect(byName.get("SchemaVersion")).toBeNull();
    expect(byName.get("Language")).toBe("en-US");
    expect(byName.get("LagAlertDays")).toBe(3);
  });

  it("writes no sample rows when asked not to, but keeps the rows Settings and Review need", () => {
    const bare = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sample: false }));
    const rows = new Map(stepsOf(bare, "addTable").map((s) => [s.table, s.rows.length]));
    expect(rows.get("Tasks")).toBe(0);
    expect(rows.get("Team")).toBe(0);
    expect(rows.get("Stages")).toBe(10);
    expect(rows.get("ReviewMetrics")).toBeGreaterThan(0);
  });

  it("uses SALES.* only when functions are asked for", () => {
    const portable = JSON.stringify(first);
    expect(portable).not.toContain("SALES.");
    const withFunctions = plan(WORKBOOK, EMPTY_WORKBOOK, options({ functions: true }));
    const goals = stepsOf(withFunctions, "setColumnFormula").find((s) => s.table === "SalesGoals")!.columns;
    expect(goals.find((c) => c.key === "attainment")).toMatchObject({ usesFunctions: true });
    expect(goals.find((c) => c.key === "attainment")!.formula).toContain("SALES.ATTAINMENT(SalesGoals[[#This Row],[Actual]]");
  });
});

describe("a Chinese workbook", () => {
  const { first, state } = setUp("zh-CN");

  it("has Chinese sheet names, headers and list words, and English table and defined names", () => {
    expect(stepsOf(first, "addSheet").map((s) => s.sheet)).toContain("任务矩阵");
    const tasks = stepsOf(first, "addTable").find((s) => s.table === "Tasks")!;
    expect(tasks.headers).toContain("截止日期");
    expect(tasks.rows.flat()).toContain("已完成");
    const names = new Map(stepsOf(first, "setNames")[0].names.map((n) => [n.name, n.refersTo]));
    expect(names.get("LagAlertDays")).toBe("='设置'!$B$4");
    expect(names.get("List_Customer")).toBe("=Customers[客户名称]");
    const formula = stepsOf(first, "setColumnFormula").find((s) => s.table === "Tasks")!.columns[0].formula;
    expect(formula).toContain("Tasks[[#This Row],[截止日期]]");
  });

  it("keeps its language when a co-author in English upgrades it", () => {
    const older = without(state, { tables: ["Risks"], schemaVersion: 0 });
    const upgrade = plan(WORKBOOK, older, options({ language: "en-US" }));
    expect(upgrade.language).toBe("zh-CN");
    expect(stepsOf(upgrade, "addSheet").map((s) => s.sheet)).toEqual(["风险预警"]);
  });
});

describe("a workbook that has everything", () => {
  it.each([
    ["en-US", true, false],
    ["zh-CN", false, false],
    ["en-US", true, true],
  ] as const)("(%s, sample %s, functions %s) gets an empty plan", (language, sample, functions) => {
    const { state } = setUp(language, { sample, functions });
    const again = plan(WORKBOOK, state, options({ language, sample, functions }));
    expect(again.steps).toEqual([]);
    expect(again.notices).toEqual([]);
  });
});

describe("a workbook users have worked in", () => {
  const { state } = setUp();
  const tasks = tableIn(state, "Tasks");
  // 500 rows, a user column inserted before Stage, Due renamed; Risks and two Tasks columns from an older version are missing.
  const userHeaders = [...tasks.headers];
  userHeaders.splice(3, 0, "Priority (mine)");
  userHeaders[userHeaders.indexOf("Due")] = "Deadline date";
  const older = without(state, { tables: ["Risks"], columns: { Tasks: ["completedOn", "daysLate"] }, schemaVersion: 0 });
  const olderTasks = tableIn(older, "Tasks");
  const edited: WorkbookState = {
    ...older,
    tables: older.tables.map((t) => {
      if (t.name !== "Tasks") return t;
      const headers = [...olderTasks.headers];
      headers.splice(3, 0, "Priority (mine)");
      headers[headers.indexOf("Due")] = "Deadline date";
      return { ...t, headers, rowCount: 500, address: `A1:M501` };
    }),
  };
  const upgrade = plan(WORKBOOK, edited, options({ sample: false }));
  const after = applyPlanToState(edited, upgrade);

  it("plans only additive steps", () => {
    for (const s of upgrade.steps) expect(ADDITIVE.has(s.kind)).toBe(true);
  });

  it("keeps every user header in place and every row, appending only the missing columns", () => {
    const before = tableIn(edited, "Tasks");
    const now = tableIn(after, "Tasks");
    expect(now.headers.slice(0, before.headers.length)).toEqual(before.headers);
    expect(now.headers.slice(before.headers.length)).toEqual(["Completed on"]);
    expect(now.rowCount).toBe(500);
    expect(stepsOf(upgrade, "appendRows").filter((s) => s.table === "Tasks")).toEqual([]);
    expect(stepsOf(upgrade, "addTable").map((s) => s.table)).toEqual(["Risks"]);
  });

  it("formats, fills and validates only the columns it adds, never a user's column", () => {
    for (const kind of ["setFormats", "setColumnFormula", "setValidation"] as const) {
      for (const s of stepsOf(upgrade, kind).filter((x) => x.table === "Tasks")) {
        for (const c of s.columns) expect({ kind, column: c.column }).toEqual({ kind, column: "Completed on" });
      }
    }
    expect(stepsOf(upgrade, "setConditionalFormat").map((s) => s.table)).toEqual(["Risks"]);
  });

  it("does not re-add the renamed Due column, and holds back Days late, which needs it, saying both", () => {
    expect(upgrade.notices.find((n) => n.code === "columnMissing")).toMatchObject({ table: "Tasks", column: { key: "due", header: "Due" } });
    expect(upgrade.notices.find((n) => n.code === "formulaSkipped")).toMatchObject({
      table: "Tasks",
      what: { kind: "column", column: { key: "daysLate", header: "Days late" } },
      missing: { table: "Tasks", column: { key: "due", header: "Due" } },
    });
    expect(stepsOf(upgrade, "setColumnFormula").filter((s) => s.table === "Tasks")).toEqual([]);
  });

  it("adds Days late with a formula on the user's Due once the header is named Due again", () => {
    const fixed: WorkbookState = {
      ...after,
      tables: after.tables.map((t) => (t.name === "Tasks" ? { ...t, headers: t.headers.map((h) => (h === "Deadline date" ? "due" : h)) } : t)),
    };
    const next = plan(WORKBOOK, fixed, options({ sample: false }));
    expect(stepsOf(next, "addColumns")).toEqual([
      { kind: "addColumns", table: "Tasks", sheet: "Tasks", columns: [{ key: "daysLate", header: "Days late" }] },
    ]);
    expect(stepsOf(next, "setColumnFormula")[0].columns[0].formula).toContain("Tasks[[#This Row],[due]]");
  });

  it("is complete after one pass: planning again adds nothing while Due stays renamed", () => {
    const again = plan(WORKBOOK, after, options({ sample: false }));
    expect(again.steps).toEqual([]);
  });
});

describe("an older-schema workbook without Risks and two Tasks columns", () => {
  const { state } = setUp();
  const older = without(state, { tables: ["Risks"], columns: { Tasks: ["support", "reason"] }, schemaVersion: 0 });
  const upgrade = plan(WORKBOOK, older, options({ sample: false }));

  it("adds exactly the Risks sheet and table, the two columns and the version bump", () => {
    const structure = upgrade.steps
      .filter((s) => ["addSheet", "addTable", "addColumns", "appendRows", "setSchemaVersion", "setNames"].includes(s.kind))
      .map((s) => {
        if (s.kind === "addColumns") return `${s.kind} ${s.table} ${s.columns.map((c) => c.key).join(",")}`;
        if (s.kind === "setSchemaVersion") return `${s.kind} ${s.version}`;
        if (s.kind === "setNames") return `${s.kind} ${s.names.length}`;
        return `${s.kind} ${"table" in s ? s.table : s.sheet}`;
      });
    expect(structure).toEqual([
      "addSheet Risks",
      "addTable Risks",
      "addColumns Tasks support,reason",
      `setSchemaVersion ${WORKBOOK.schemaVersion}`,
      `appendRows ${RECORD_TABLE}`,
    ]);
  });

  it("sets the highlights and drop-downs of Risks and nothing on Tasks but its two new columns", () => {
    expect(stepsOf(upgrade, "setConditionalFormat").map((s) => s.table)).toEqual(["Risks"]);
    const tasksRules = stepsOf(upgrade, "setValidation").find((s) => s.table === "Tasks");
    expect(tasksRules).toBeUndefined(); // support and reason are optional text: no rule
    const formats = stepsOf(upgrade, "setFormats").find((s) => s.table === "Tasks")!;
    expect(formats.columns.map((c) => c.key)).toEqual(["support", "reason"]);
  });
});

describe("hand-made and crowded workbooks", () => {
  it("matches headers in either language and case, so an English header in a Chinese workbook is not duplicated", () => {
    const { state } = setUp("zh-CN");
    const mixed: WorkbookState = {
      ...state,
      record: [],
      tables: state.tables.map((t) => (t.name === "Tasks" ? { ...t, headers: t.headers.map((h) => (h === "截止日期" ? "DUE" : h)) } : t)),
    };
    const p = plan(WORKBOOK, mixed, options({ language: "zh-CN" }));
    expect(stepsOf(p, "addColumns")).toEqual([]);
  });

  it("appends a spec column it never made and tells the user", () => {
    const { state } = setUp();
    const handMade: WorkbookState = {
      ...state,
      record: [],
      tables: state.tables.map((t) => (t.name === "Risks" ? { ...t, headers: t.headers.map((h) => (h === "Score" ? "Risk score" : h)) } : t)),
    };
    const p = plan(WORKBOOK, handMade, options());
    expect(stepsOf(p, "addColumns")).toEqual([{ kind: "addColumns", table: "Risks", sheet: "Risks", columns: [{ key: "score", header: "Score" }] }]);
    expect(p.notices).toContainEqual({ code: "columnsAdded", sheet: "Risks", table: "Risks", columns: [{ key: "score", header: "Score" }] });
  });

  it("puts a new table on a fresh sheet when its sheet name holds someone else's content, and reuses an empty one", () => {
    const crowded: WorkbookState = {
      ...EMPTY_WORKBOOK,
      sheets: [
        { name: "tasks", visible: true, usedRange: "A1:C40" },
        { name: "Goals", visible: true, empty: true },
      ],
    };
    const p = plan(WORKBOOK, crowded, options());
    const added = stepsOf(p, "addSheet").map((s) => s.sheet);
    expect(added).toContain("Tasks (2)");
    expect(added).not.toContain("Goals");
    expect(stepsOf(p, "addTable").find((s) => s.table === "SalesGoals")!.sheet).toBe("Goals");
    expect(p.notices.find((n) => n.code === "sheetNameTaken")?.sheet).toBe("Tasks (2)");
  });

  it("places a missing table beside its sibling, right of what the sheet already uses", () => {
    const { state } = setUp();
    const noMetrics = without(state, { tables: ["ReviewMetrics", "ReviewFunnel"] });
    const sheets = noMetrics.sheets.map((s) => (s.name === "Review" ? { ...s, usedRange: "A1:L40" } : s));
    const p = plan(WORKBOOK, { ...noMetrics, sheets }, options());
    const table = stepsOf(p, "addTable")[0] as AddTableStep;
    expect(table).toMatchObject({ table: "ReviewMetrics", sheet: "Review", freezeHeader: false });
    expect(table.address.startsWith("Q1:")).toBe(true);
    expect(stepsOf(p, "addSheet")).toEqual([]);
  });

  it("sets up only the chosen sheets, with Settings and the tables they refer to", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["tasks"] }));
    const tables = stepsOf(p, "addTable").map((s) => s.table);
    expect(tables).toContain("Tasks");
    expect(tables).toContain("Customers");
    expect(tables).toContain("Config");
    expect(tables).not.toContain("Playbook");
    expect(tables).not.toContain("Risks");
  });

  it("refuses a setup day that is not a date, saying which option", () => {
    expect(() => plan(WORKBOOK, EMPTY_WORKBOOK, options({ today: "15/03/2026" }))).toThrow(/today/);
  });
});

describe("a re-run after a set-up that stopped partway", () => {
  // The state a set-up leaves when Excel stopped it after making the tables but before the batch
  // that records them: every table there with exactly its headers, AddinRecord empty.
  function interrupted(facts: Partial<Pick<TableState, "validated" | "typed">> = { validated: false }): WorkbookState {
    const { state } = setUp();
    return {
      ...state,
      // The overview as a writer reads it back: its title at A1.
      sheets: state.sheets.map((s) => (s.name === "Overview" ? { ...s, top: [["Sales plan overview"]] } : s)),
      names: [],
      record: [],
      tables: state.tables.map((t) => ({ ...t, typed: t.headers.map(() => false), ...facts })),
    };
  }

  it("completes the tables it finds: their formats, formulas, rules and names, appending no column and no row", () => {
    const { first } = setUp();
    const p = plan(WORKBOOK, interrupted(), options());
    expect(stepsOf(p, "addTable")).toEqual([]);
    expect(stepsOf(p, "addColumns")).toEqual([]);
    expect(stepsOf(p, "appendRows").map((s) => s.table)).toEqual([RECORD_TABLE]);
    for (const kind of ["setNames", "setFormats", "setColumnFormula", "setValidation", "setConditionalFormat"] as const) {
      expect({ kind, steps: stepsOf(p, kind) }).toEqual({ kind, steps: stepsOf(first, kind) });
    }
    expect(new Set(stepsOf(p, "appendRows")[0].rows.map((r) => r[0]))).toEqual(
      new Set(
        stepsOf(first, "appendRows")
          .at(-1)!
          .rows.map((r) => r[0]),
      ),
    );
    expect(p.notices).toEqual([]);
  });

  it("sets no drop-down or check on a table whose cells have a rule already, nor when that is unknown, and says so", () => {
    for (const validated of [true, undefined]) {
      const state = interrupted({ validated });
      const p = plan(WORKBOOK, state, options());
      expect(stepsOf(p, "setValidation")).toEqual([]);
      expect(p.notices.filter((n) => n.code === "cellsKept").map((n) => n.table)).toContain("Tasks");
      // Recorded as dealt with, so the next run does not set ours over theirs either.
      const next = plan(WORKBOOK, applyPlanToState(state, p), options());
      expect(stepsOf(next, "setValidation")).toEqual([]);
    }
  });

  it("leaves a computed column that holds typed values as it is, and says so", () => {
    const state = interrupted();
    const tasks = tableIn(state, "Tasks");
    const daysLate = tasks.headers.indexOf("Days late");
    const typed = tasks.headers.map((_, i) => i === daysLate);
    const p = plan(WORKBOOK, { ...state, tables: state.tables.map((t) => (t.name === "Tasks" ? { ...t, typed } : t)) }, options());
    const formulas = stepsOf(p, "setColumnFormula").find((s) => s.table === "Tasks");
    expect(formulas?.columns.map((c) => c.column) ?? []).not.toContain("Days late");
    expect(p.notices).toEqual([
      { code: "cellsKept", sheet: "Tasks", table: "Tasks", reason: "typed", column: { key: "daysLate", header: "Days late" } },
    ]);
  });

  it("treats a table as the user's when AddinRecord mentions it or its headers are not exactly the spec's", () => {
    const state = interrupted();
    const recorded = { ...state, record: [recordItem.conditionalFormat("Tasks", "lagging")] };
    expect(stepsOf(plan(WORKBOOK, recorded, options()), "setFormats").map((s) => s.table)).not.toContain("Tasks");
    const extra = { ...state, tables: state.tables.map((t) => (t.name === "Tasks" ? { ...t, headers: [...t.headers, "My notes"] } : t)) };
    expect(stepsOf(plan(WORKBOOK, extra, options()), "setFormats").map((s) => s.table)).not.toContain("Tasks");
  });

  describe("headers written where a table was about to be made", () => {
    const { first } = setUp();
    const goals = stepsOf(first, "addTable").find((s) => s.table === "SalesGoals")!;
    const grid = (rows: readonly (readonly unknown[])[]) =>
      Array.from({ length: 64 }, (_, r) => Array.from({ length: 64 }, (_, c) => rows[r]?.[c] ?? ""));
    const written = [
      goals.headers,
      ...goals.rows.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "object" ? cell.formula : cell))),
    ];
    const withGoals = (top: unknown[][]): WorkbookState => ({
      ...EMPTY_WORKBOOK,
      sheets: [{ name: "Goals", visible: true, empty: false, usedRange: `A1:M${written.length}`, top }],
    });

    it("makes the table there, over them, when the rows below are blank or hold what set-up writes", () => {
      for (const top of [grid([goals.headers]), grid(written)]) {
        const p = plan(WORKBOOK, withGoals(top), options());
        expect(stepsOf(p, "addSheet").map((s) => s.sheet)).not.toContain("Goals (2)");
        expect(stepsOf(p, "addTable").find((s) => s.table === "SalesGoals")).toEqual(goals);
        expect(p.notices.map((n) => n.code)).not.toContain("sheetNameTaken");
      }
    });

    it("goes to a new sheet when a cell below holds something else, or the headers differ", () => {
      const changed = written.map((row) => [...row]);
      changed[2][0] = "my own goal";
      const renamed = written.map((row) => [...row]);
      renamed[0][1] = "Area";
      for (const top of [grid(changed), grid(renamed)]) {
        const p = plan(WORKBOOK, withGoals(top), options());
        expect(stepsOf(p, "addTable").find((s) => s.table === "SalesGoals")!.sheet).toBe("Goals (2)");
      }
    });
  });
});

describe("a table missing beside its sibling, on a sheet whose top cells are known", () => {
  const { state } = setUp();
  const noMetrics = without(state, { tables: ["ReviewMetrics", "ReviewFunnel"] });
  const grid = (cells: Record<string, string>) =>
    Array.from({ length: 64 }, (_, r) => Array.from({ length: 64 }, (_, c) => cells[`${String.fromCharCode(65 + c)}${r + 1}`] ?? ""));
  const withTop = (top: unknown[][]) => ({
    ...noMetrics,
    sheets: noMetrics.sheets.map((s) => (s.name === "Review" ? { ...s, usedRange: "A1:N40", top } : s)),
  });

  it("goes to its own anchor when the cells there are blank", () => {
    const table = stepsOf(plan(WORKBOOK, withTop(grid({ A1: "Period" })), options()), "addTable")[0];
    expect(table.address.startsWith("M1:")).toBe(true);
  });

  it("goes right of what the sheet uses when someone's cell is where it would go", () => {
    const table = stepsOf(plan(WORKBOOK, withTop(grid({ N3: "my note" })), options()), "addTable")[0];
    // N is the sheet's last used column; ROOM_TO_GROW blank columns after it.
    expect(table.address.startsWith("S1:")).toBe(true);
  });
});
