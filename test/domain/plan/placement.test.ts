// Where set-up puts what it makes: which tables a choice of sheets brings, which sheet and cell
// each new table starts at, whose header row stays in view, where the overview goes. Expected
// sheets, columns and addresses are worked out by hand from the spec's anchors and widths.
import { plan, applyPlanToState, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { Plan, PlanStep, PlanOptions, WorkbookState, SheetState } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";

const TODAY = "2026-03-15";
const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({ language: "en-US", sample: false, today: TODAY, ...more });
const stepsOf = <K extends PlanStep["kind"]>(p: Plan, kind: K) => p.steps.filter((s): s is Extract<PlanStep, { kind: K }> => s.kind === kind);
const addressOf = (p: Plan, table: string) => stepsOf(p, "addTable").find((s) => s.table === table)?.address;
const SETTINGS_TABLES = ["Config", "Stages", "Tiers", "Team", "AddinRecord", "Lists", "Nudges"];

describe("the sheets a user chooses", () => {
  it("bring the tables their formulas and drop-downs read, and nothing else", () => {
    // Review's metrics read Pipeline, Tasks and ReviewInputs; Tasks and Pipeline pick Customers.
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["review"] }));
    expect(
      stepsOf(p, "addTable")
        .map((s) => s.table)
        .sort(),
    ).toEqual([...SETTINGS_TABLES, "Customers", "Pipeline", "Tasks", "ReviewInputs", "ReviewMetrics", "ReviewFunnel"].sort());
    expect(stepsOf(p, "addSheet").map((s) => s.sheet)).toEqual(["Customers", "Tasks", "Pipeline", "Review", "Settings"]);
  });

  it("bring only Settings with a sheet whose tables read nothing else", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["playbook"] }));
    expect(
      stepsOf(p, "addTable")
        .map((s) => s.table)
        .sort(),
    ).toEqual([...SETTINGS_TABLES, "Playbook"].sort());
  });

  it("keep every table the workbook already has, even on a sheet not chosen", () => {
    const tasksOnly = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["tasks"] })));
    const older = { ...tasksOnly, record: tasksOnly.record.filter((i) => i !== "dv:Tasks.status") };
    const p = plan(WORKBOOK, older, options({ sheets: ["playbook"] }));
    expect(stepsOf(p, "setValidation").map((s) => [s.table, s.columns.map((c) => c.key)])).toEqual([
      ["Tasks", ["status"]],
      ["Playbook", ["date", "outcome", "stage", "lesson"]],
    ]);
  });

  it("leave the overview out unless it is chosen", () => {
    const without = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["tasks"] }));
    expect(stepsOf(without, "writeCells").map((s) => s.record)).not.toContain("sheet:overview");
    const withIt = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["tasks", "overview"] }));
    expect(stepsOf(withIt, "addSheet")[0]).toEqual({
      kind: "addSheet",
      key: "overview",
      sheet: "Overview",
      visible: true,
      first: true,
      tabColor: "#404040",
    });
  });
});

describe("a new workbook's tables", () => {
  it("start at their anchors, as wide as their columns, on the sheets of their names", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options({ language: "zh-CN" }));
    expect(Object.fromEntries(stepsOf(p, "addTable").map((s) => [s.table, `${s.sheet}!${s.address}`]))).toEqual({
      Config: "设置!A1:C1",
      Stages: "设置!H1:K1",
      Tiers: "设置!P1:Q1",
      Team: "设置!V1:X1",
      AddinRecord: "设置!AC1",
      Lists: "设置!AH1:AU1",
      Nudges: "设置!AZ1:BE1",
      SalesGoals: "销售目标!A1:M1",
      StrategyPlan: "策略规划!A1:H1",
      MarketAnalysis: "市场分析!A1:G1",
      Customers: "客户分层!A1:P1",
      Tasks: "任务矩阵!A1:N1",
      Pipeline: "商机!A1:L1",
      Risks: "风险预警!A1:K1",
      ReviewInputs: "复盘!A1:H1",
      ReviewMetrics: "复盘!M1:R1",
      ReviewFunnel: "复盘!W1:Z1",
      Playbook: "经验沉淀!A1:I1",
    });
  });

  it("get their table styles, and their sheets the tab colours of the method's steps", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options());
    const styles = Object.fromEntries(stepsOf(p, "addTable").map((s) => [s.table, s.style]));
    expect(styles).toEqual({
      ...Object.fromEntries(["Config", "Stages", "Tiers", "Team", "Lists", "Nudges"].map((t) => [t, "TableStyleLight9"])),
      AddinRecord: "TableStyleLight1",
      ...Object.fromEntries(
        ["SalesGoals", "StrategyPlan", "MarketAnalysis", "Customers", "Tasks", "Pipeline", "Risks", "ReviewInputs", "Playbook"].map((t) => [
          t,
          "TableStyleMedium2",
        ]),
      ),
      ReviewMetrics: "TableStyleMedium4",
      ReviewFunnel: "TableStyleMedium4",
    });
    expect(stepsOf(p, "addSheet").map((s) => [s.sheet, s.tabColor, s.visible])).toEqual([
      ["Overview", "#404040", true],
      ["Goals", "#2E75B6", true],
      ["Strategy", "#2E75B6", true],
      ["Market", "#2E75B6", true],
      ["Customers", "#548235", true],
      ["Tasks", "#548235", true],
      ["Pipeline", "#548235", true],
      ["Risks", "#C00000", true],
      ["Review", "#7030A0", true],
      ["Playbook", "#7030A0", true],
      ["Settings", undefined, false],
    ]);
  });

  it("get the highlights of SPEC section 3, each over the columns it colours", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options());
    const rules = stepsOf(p, "setConditionalFormat").flatMap((s) => s.rules.map((r) => [`${s.table}.${r.id}`, r.columns ?? "all"]));
    expect(Object.fromEntries(rules)).toEqual({
      "SalesGoals.countValues": ["Baseline", "Target", "Actual"],
      "SalesGoals.rateValues": ["Baseline", "Target", "Actual"],
      "Tasks.lagging": "all",
      "Tasks.overdue": "all",
      "Tasks.dueSoon": "all",
      "Tasks.closed": "all",
      "Customers.nextContactPast": ["Next contact"],
      "Risks.scoreHigh": ["Score"],
      "Risks.scoreMedium": ["Score"],
    });
  });
});

describe("a new table's header row", () => {
  it("stays in view on a sheet of its own, and not on Settings or beside another table", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options());
    const frozen = Object.fromEntries(stepsOf(p, "addTable").map((s) => [s.table, s.freezeHeader]));
    expect(frozen).toEqual({
      ...Object.fromEntries(SETTINGS_TABLES.map((t) => [t, false])),
      SalesGoals: true,
      StrategyPlan: true,
      MarketAnalysis: true,
      Customers: true,
      Tasks: true,
      Pipeline: true,
      Risks: true,
      ReviewInputs: true,
      ReviewMetrics: false,
      ReviewFunnel: false,
      Playbook: true,
    });
  });
});

describe("a sheet of the table's name that holds other content", () => {
  const busy = (name: string): SheetState => ({ name, visible: true, usedRange: "A1:C3" });

  it("is left alone; the table goes on the first free numbered name", () => {
    const state: WorkbookState = { ...EMPTY_WORKBOOK, sheets: [busy("Tasks"), busy("TASKS (2)"), busy("Tasks (4)")] };
    const p = plan(WORKBOOK, state, options({ sheets: ["tasks"] }));
    expect(stepsOf(p, "addTable").find((s) => s.table === "Tasks")).toMatchObject({ sheet: "Tasks (3)", address: "A1:N1", freezeHeader: true });
    expect(p.notices).toEqual([{ code: "sheetNameTaken", sheet: "Tasks (3)", table: "Tasks", wanted: "Tasks" }]);
  });

  it("is left alone when its first cells are blank but it holds something further on", () => {
    const top = Array.from({ length: 8 }, () => Array.from({ length: 20 }, () => ""));
    const state: WorkbookState = { ...EMPTY_WORKBOOK, sheets: [{ name: "Tasks", visible: true, empty: false, usedRange: "A1:Z50", top }] };
    const p = plan(WORKBOOK, state, options({ sheets: ["tasks"] }));
    expect(stepsOf(p, "addTable").find((s) => s.table === "Tasks")!.sheet).toBe("Tasks (2)");
  });

  it("is used when empty, with no new sheet and no notice", () => {
    const state: WorkbookState = { ...EMPTY_WORKBOOK, sheets: [{ name: "tasks", visible: true, empty: true }] };
    const p = plan(WORKBOOK, state, options({ sheets: ["tasks"] }));
    expect(stepsOf(p, "addTable").find((s) => s.table === "Tasks")).toMatchObject({ sheet: "tasks", address: "A1:N1" });
    expect(stepsOf(p, "addSheet").map((s) => s.sheet)).not.toContain("Tasks");
    expect(p.notices).toEqual([]);
  });
});

describe("a table missing from the Review sheet, beside ReviewInputs", () => {
  const full = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options()));
  const review = (change: (s: SheetState) => SheetState, inputs = "A1:H2", sheetName = "Review"): WorkbookState => ({
    ...full,
    record: full.record.filter((i) => !/:(ReviewMetrics|ReviewFunnel)\./.test(i)),
    sheets: full.sheets.map((s) => (s.name === "Review" ? change({ ...s, name: sheetName }) : s)),
    tables: full.tables
      .filter((t) => t.name !== "ReviewMetrics" && t.name !== "ReviewFunnel")
      .map((t) => (t.name === "ReviewInputs" ? { ...t, sheet: sheetName, address: inputs } : t)),
  });
  // A grid of blank cells, `rows` by `columns`, with "Period start" in A1 (ReviewInputs' first header).
  const blank = (rows: number, columns: number): unknown[][] =>
    Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => (r + c === 0 ? "Period start" : "")));

  it("goes on that sheet, whatever the user renamed it to", () => {
    const p = plan(
      WORKBOOK,
      review((s) => ({ ...s, usedRange: "A1:H2" }), "A1:H2", "Quarterly review"),
      options(),
    );
    expect(stepsOf(p, "addTable").map((s) => [s.table, s.sheet])).toEqual([
      ["ReviewMetrics", "Quarterly review"],
      ["ReviewFunnel", "Quarterly review"],
    ]);
    expect(stepsOf(p, "addSheet")).toEqual([]);
  });

  it("goes on the sheet of the first table of its sheet in the spec, when a user moved another elsewhere", () => {
    // ReviewInputs on Review, ReviewMetrics moved to a sheet of its own; ReviewFunnel is missing.
    const state: WorkbookState = {
      ...full,
      record: full.record.filter((i) => !/:ReviewFunnel\./.test(i)),
      sheets: [...full.sheets, { name: "Metrics", visible: true, usedRange: "A1:F10" }],
      tables: full.tables
        .filter((t) => t.name !== "ReviewFunnel")
        .map((t) => (t.name === "ReviewMetrics" ? { ...t, sheet: "Metrics", address: "A1:F10" } : t)),
    };
    expect(stepsOf(plan(WORKBOOK, state, options()), "addTable").map((s) => [s.table, s.sheet])).toEqual([["ReviewFunnel", "Review"]]);
  });

  it("goes beside a sibling an interrupted set-up made but never named", () => {
    // ReviewInputs made as "Table1" at A1:H2 on Review; nothing else of Review, nothing recorded.
    const inputs = full.tables.find((t) => t.name === "ReviewInputs")!;
    const state: WorkbookState = {
      sheets: [{ name: "Review", visible: true, empty: false, usedRange: "A1:H2" }],
      tables: [{ ...inputs, name: "Table1", validated: false, typed: inputs.headers.map(() => false) }],
      names: [],
      record: [],
    };
    const p = plan(WORKBOOK, state, options({ sheets: ["review"] }));
    expect(stepsOf(p, "renameTable")).toEqual([{ kind: "renameTable", from: "Table1", table: "ReviewInputs", sheet: "Review" }]);
    expect(
      stepsOf(p, "addTable")
        .filter((s) => s.sheet.startsWith("Review"))
        .map((s) => `${s.table} ${s.sheet}!${s.address}`),
    ).toEqual(["ReviewMetrics Review!M1:R1", "ReviewFunnel Review!W1:Z1"]);
  });

  // ReviewMetrics is 6 columns (M..R) and its 9 metric rows below the header: rows 1-10.
  it("goes to its anchor M1 when the cells read there, M1:R10, are blank", () => {
    expect(
      addressOf(
        plan(
          WORKBOOK,
          review((s) => ({ ...s, usedRange: "A1:H2", top: blank(10, 18) })),
          options(),
        ),
        "ReviewMetrics",
      ),
    ).toBe("M1:R1");
  });

  it.each([
    ["a row short of its rows", blank(9, 18)],
    ["a column short of its columns", blank(10, 17)],
  ])("goes right of what the sheet uses when the cells read are %s (the rest is unknown)", (_, top) => {
    // The sheet uses A..T: four blank columns after T (U..X), then Y.
    const p = plan(
      WORKBOOK,
      review((s) => ({ ...s, usedRange: "A1:T40", top })),
      options(),
    );
    expect(addressOf(p, "ReviewMetrics")).toBe("Y1:AD1");
  });

  describe("where an interrupted set-up wrote its headers and rows", () => {
    // The cells the set-up writes for ReviewMetrics at M1 (headers, then its nine metric rows,
    // Actual as formulas), read back as text, formulas as their text.
    const made = stepsOf(plan(WORKBOOK, EMPTY_WORKBOOK, options()), "addTable").find((s) => s.table === "ReviewMetrics")!;
    const written = [
      made.headers,
      ...made.rows.map((row) => row.map((cell) => (cell === null ? "" : typeof cell === "object" ? cell.formula : cell))),
    ];
    const top = (change: (grid: unknown[][]) => void = () => {}) => {
      const grid = blank(10, 18);
      written.forEach((row, r) => row.forEach((cell, c) => (grid[r][12 + c] = cell)));
      change(grid);
      return grid;
    };

    it("makes the table there, over them", () => {
      expect(
        addressOf(
          plan(
            WORKBOOK,
            review((s) => ({ ...s, usedRange: "A1:R10", top: top() })),
            options(),
          ),
          "ReviewMetrics",
        ),
      ).toBe("M1:R1");
    });

    it.each([
      ["a number typed over an Actual formula", (grid: unknown[][]) => (grid[2][14] = 0.35)],
      ["a changed target", (grid: unknown[][]) => (grid[1][13] = 0.5)],
      ["a note where no row goes", (grid: unknown[][]) => (grid[4][16] = "my note")],
      ["a changed last metric", (grid: unknown[][]) => (grid[9][12] = "Tasks I like (count)")],
    ])("goes right of them when they hold %s", (_, change) => {
      // R is the last used column: four blank (S..V), then W.
      expect(
        addressOf(
          plan(
            WORKBOOK,
            review((s) => ({ ...s, usedRange: "A1:R10", top: top(change) })),
            options(),
          ),
          "ReviewMetrics",
        ),
      ).toBe("W1:AB1");
    });

    it("goes right of them when the header row was cleared: the rows are someone's now", () => {
      expect(
        addressOf(
          plan(
            WORKBOOK,
            review((s) => ({ ...s, usedRange: "A1:R10", top: top((grid) => grid[0].fill("", 12)) })),
            options(),
          ),
          "ReviewMetrics",
        ),
      ).toBe("W1:AB1");
    });

    it("goes right of a header row someone started: one header of six is no table's", () => {
      const grid = blank(10, 18);
      grid[0][12] = "Metric";
      expect(
        addressOf(
          plan(
            WORKBOOK,
            review((s) => ({ ...s, usedRange: "A1:M10", top: grid })),
            options(),
          ),
          "ReviewMetrics",
        ),
      ).toBe("R1:W1");
    });

    it("goes right of a blank header row with something below it", () => {
      const grid = blank(10, 18);
      grid[2][12] = "kept";
      expect(
        addressOf(
          plan(
            WORKBOOK,
            review((s) => ({ ...s, usedRange: "A1:M10", top: grid })),
            options(),
          ),
          "ReviewMetrics",
        ),
      ).toBe("R1:W1");
    });
  });

  it.each([
    ["R10:S12", "starts on the last row it needs", "X1:AC1"],
    // Right of what the sheet uses: its last column, four blank, then the table.
    ["K5:M6", "ends in its first column", "R1:W1"],
    ["R11:S12", "starts below the rows it needs", "M1:R1"],
    ["K5:L6", "ends left of its first column", "M1:R1"],
  ])("with someone's table at %s, which %s, starts at %s", (address, _, expected) => {
    const state = review((s) => ({ ...s, usedRange: "A1:H2", top: blank(64, 64) }));
    const mine = { name: "MyTable", sheet: "Review", headers: ["A", "B"], rowCount: 2, address };
    expect(addressOf(plan(WORKBOOK, { ...state, tables: [...state.tables, mine] }, options()), "ReviewMetrics")).toBe(expected);
  });

  it("reads cells given as null or left out as blank", () => {
    const top = blank(10, 18).map((row, r) => row.map((cell, c) => (r + c === 0 ? cell : (r + c) % 2 ? null : undefined)));
    expect(
      addressOf(
        plan(
          WORKBOOK,
          review((s) => ({ ...s, usedRange: "A1:H2", top })),
          options(),
        ),
        "ReviewMetrics",
      ),
    ).toBe("M1:R1");
  });

  it("goes right of a table that covers its anchor's cells", () => {
    const state = review((s) => ({ ...s, usedRange: "A1:H2", top: blank(64, 64) }));
    const mine = { name: "MyTable", sheet: "Review", headers: ["A", "B"], rowCount: 3, address: "R9:S12" };
    const p = plan(WORKBOOK, { ...state, tables: [...state.tables, mine] }, options());
    // S is the rightmost column used: four blank (T..W), then X.
    expect(addressOf(p, "ReviewMetrics")).toBe("X1:AC1");
  });

  it("goes right of ReviewInputs where the sheet's used range is unknown, and the funnel right of it", () => {
    // ReviewInputs widened to J: ReviewMetrics from O (J, four blank, O) to T; the funnel from Y.
    const p = plan(
      WORKBOOK,
      review((s) => ({ name: s.name, visible: true }), "A1:J30"),
      options(),
    );
    expect(addressOf(p, "ReviewMetrics")).toBe("O1:T1");
    expect(addressOf(p, "ReviewFunnel")).toBe("Y1:AB1");
  });
});

describe("the overview", () => {
  const overviewOf = (p: Plan) => stepsOf(p, "writeCells").find((s) => s.record === "sheet:overview");

  it("is written onto an empty sheet of its name, moved first, not added again", () => {
    const state: WorkbookState = { ...EMPTY_WORKBOOK, sheets: [...EMPTY_WORKBOOK.sheets, { name: "overview", visible: true, empty: true }] };
    const p = plan(WORKBOOK, state, options());
    expect(stepsOf(p, "addSheet").map((s) => s.sheet)).not.toContain("Overview");
    expect(overviewOf(p)).toMatchObject({ sheet: "overview", moveFirst: true });
    // It gets the tab colour and page set-up the interrupted set-up may not have reached.
    expect(stepsOf(p, "setPrint").find((s) => s.sheet === "overview")).toEqual({
      kind: "setPrint",
      sheet: "overview",
      orientation: "portrait",
      footer: "&A — page &P of &N",
      tabColor: "#404040",
    });
  });

  it.each([
    ["en-US", "Overview", "Sales plan overview"],
    ["zh-CN", "总览", "销售计划总览"],
  ] as const)("is written again over a %s overview a set-up left unrecorded, its title at A1", (language, sheet, title) => {
    const state: WorkbookState = {
      ...EMPTY_WORKBOOK,
      sheets: [...EMPTY_WORKBOOK.sheets, { name: sheet, visible: true, empty: false, usedRange: "A1:D12", top: [[title]] }],
    };
    const p = plan(WORKBOOK, state, options({ language }));
    expect(overviewOf(p)).toMatchObject({ sheet, moveFirst: true });
    expect(overviewOf(p)!.cells[0]).toMatchObject({ address: "A1", value: title });
  });

  it("links to a sheet whose name has quotes, as Excel reads them in a formula", () => {
    const full = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["tasks"] })));
    const renamed: WorkbookState = {
      ...full,
      sheets: full.sheets.map((s) => (s.name === "Tasks" ? { ...s, name: `Jo's "tasks"` } : s)),
      tables: full.tables.map((t) => (t.sheet === "Tasks" ? { ...t, sheet: `Jo's "tasks"` } : t)),
    };
    const cells = overviewOf(plan(WORKBOOK, renamed, options({ sheets: ["tasks", "overview"] })))!.cells;
    expect(cells.find((c) => c.address === "B7")!.value).toEqual({ formula: `=HYPERLINK("#'Jo''s ""tasks""'!A1","Jo's ""tasks""")` });
  });

  it("on a sheet it adds: titled in bold 16 point, links blue and wrapping, four columns wide, not moved", () => {
    const step = overviewOf(plan(WORKBOOK, EMPTY_WORKBOOK, options()))!;
    expect(step.cells[0]).toEqual({ address: "A1", value: "Sales plan overview", format: { bold: true, size: 16 } });
    expect(step.cells.find((c) => c.address === "B5")!.format).toEqual({ font: "#0563C1", wrap: true });
    expect(step.widths).toEqual([
      { column: "A", width: 52 },
      { column: "B", width: 16 },
      { column: "C", width: 16 },
      { column: "D", width: 16 },
    ]);
    expect(step).not.toHaveProperty("moveFirst");
    expect(step.cells.filter((c) => c.address === "A3")).toEqual([]);
  });

  it("is recorded once made, in the last step", () => {
    const record = stepsOf(plan(WORKBOOK, EMPTY_WORKBOOK, options()), "appendRows").at(-1)!;
    expect(record.rows.filter((r) => r[0] === "sheet:overview")).toEqual([["sheet:overview"]]);
  });

  it("is not made again once recorded, even when its sheet is gone", () => {
    const p = plan(WORKBOOK, { ...EMPTY_WORKBOOK, record: ["sheet:overview"] }, options());
    expect(overviewOf(p)).toBeUndefined();
    expect(stepsOf(p, "addSheet").map((s) => s.sheet)).not.toContain("Overview");
  });

  it("leaves out a link or a figure whose sheet or column the workbook lacks", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sheets: ["overview", "tasks"] }));
    const cells = overviewOf(p)!.cells;
    const links = cells.flatMap((c) => (typeof c.value === "object" && c.value && /HYPERLINK/.test(c.value.formula) ? [c.value.formula] : []));
    // The five steps link to goals, market, customers; strategy, customers, pipeline; tasks; tasks,
    // risks; review, playbook. Tasks brings Customers: only those links are left.
    expect(links.map((l) => /"#'([^']+)'/.exec(l)![1])).toEqual(["Customers", "Customers", "Tasks", "Tasks"]);
    expect(links.join()).not.toMatch(/Goals|Pipeline|Risks|Review/);
    const formulas = cells.flatMap((c) => (typeof c.value === "object" && c.value ? [c.value.formula] : []));
    expect(formulas.join()).not.toMatch(/SalesGoals\[|Pipeline\[|Risks\[/);
  });
});

describe("sheets an interrupted set-up made", () => {
  // Every table there, nothing recorded: the set-up stopped before the batch that colours tabs and sets up printing.
  const full = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options()));
  const interrupted: WorkbookState = {
    ...full,
    sheets: full.sheets.map((s) => (s.name === "Overview" ? { ...s, top: [["Sales plan overview"]] } : s)),
    names: [],
    record: [],
    tables: full.tables.map((t) => ({ ...t, validated: false, typed: t.headers.map(() => false) })),
  };

  it("get their tab colour and page set-up again; hidden Settings gets no page set-up", () => {
    const prints = stepsOf(plan(WORKBOOK, interrupted, options()), "setPrint");
    const byName = Object.fromEntries(prints.map((p) => [p.sheet, [p.orientation, p.titleRows, p.tabColor]]));
    expect(byName).toEqual({
      Overview: ["portrait", undefined, "#404040"],
      Goals: ["landscape", "$1:$1", "#2E75B6"],
      Strategy: ["landscape", "$1:$1", "#2E75B6"],
      Market: ["landscape", "$1:$1", "#2E75B6"],
      Customers: ["landscape", "$1:$1", "#548235"],
      Tasks: ["landscape", "$1:$1", "#548235"],
      Pipeline: ["landscape", "$1:$1", "#548235"],
      Risks: ["landscape", "$1:$1", "#C00000"],
      Review: ["landscape", "$1:$1", "#7030A0"],
      Playbook: ["landscape", "$1:$1", "#7030A0"],
    });
  });

  it("get the table style and frozen header row the set-up may not have reached", () => {
    const again = Object.fromEntries(
      stepsOf(plan(WORKBOOK, interrupted, options()), "styleTable").map((s) => [s.table, [s.tableStyle, s.freezeHeader]]),
    );
    expect(again.Config).toEqual(["TableStyleLight9", undefined]);
    expect(again.AddinRecord).toEqual(["TableStyleLight1", undefined]);
    expect(again.Tasks).toEqual(["TableStyleMedium2", true]);
    expect(again.ReviewInputs).toEqual(["TableStyleMedium2", true]);
    expect(again.ReviewMetrics).toEqual(["TableStyleMedium4", undefined]);
  });

  it.each([
    ["A5:N6", "below row 1"],
    ["B1:O2", "right of column A"],
  ])("leave a table the user moved to %s (%s) unfrozen: its header row is not the sheet's top row", (address) => {
    const moved = { ...interrupted, tables: interrupted.tables.map((t) => (t.name === "Tasks" ? { ...t, address } : t)) };
    const tasks = stepsOf(plan(WORKBOOK, moved, options()), "styleTable").find((s) => s.table === "Tasks")!;
    expect(tasks.tableStyle).toBe("TableStyleMedium2");
    expect(tasks).not.toHaveProperty("freezeHeader");
  });

  it("get the review metrics' per-row number formats and the header looks again", () => {
    const p = plan(WORKBOOK, interrupted, options());
    const rows = stepsOf(p, "setRowFormats");
    expect(rows.map((s) => s.table)).toEqual(["ReviewMetrics"]);
    // Nine metrics: three rates, CAC and LTV as money, two one-decimal figures, pipeline money, lagging count.
    expect(rows[0].rows.map((r) => [r.row, r.numberFormat])).toEqual([
      [0, "0%"],
      [1, "0%"],
      [2, "0%"],
      [3, "#,##0"],
      [4, "#,##0"],
      [5, "0.0"],
      [6, "0.0"],
      [7, "#,##0"],
      [8, "#,##0"],
    ]);
    const header = Object.fromEntries(stepsOf(p, "styleTable").map((s) => [s.table, s.header]));
    expect(header.Tasks).toEqual({ fill: "#4472C4", font: "#FFFFFF", bold: true });
    expect(header.AddinRecord).toEqual({ bold: true });
  });

  it("get no page set-up when a user hid them", () => {
    const hidden = { ...interrupted, sheets: interrupted.sheets.map((s) => (s.name === "Goals" ? { ...s, visible: false } : s)) };
    expect(stepsOf(plan(WORKBOOK, hidden, options()), "setPrint").map((s) => s.sheet)).not.toContain("Goals");
  });

  it("get their legends written over whatever the set-up wrote of them, not only into blank cells", () => {
    const legends = stepsOf(plan(WORKBOOK, interrupted, options()), "writeCells").filter((s) => s.record?.startsWith("legend:"));
    expect(legends.map((s) => [s.record, s.onlyIntoBlank])).toEqual([
      ["legend:Tasks", undefined],
      ["legend:Customers", undefined],
      ["legend:Risks", undefined],
    ]);
  });

  it("are left as the user has them when AddinRecord holds only a table's legend: the set-up that made it finished", () => {
    const p = plan(WORKBOOK, { ...interrupted, record: ["legend:Tasks"] }, options());
    expect(stepsOf(p, "setPrint").map((s) => s.sheet)).not.toContain("Tasks");
    expect(stepsOf(p, "styleTable").find((s) => s.table === "Tasks")).toBeUndefined();
    expect(stepsOf(p, "setFormats").map((s) => s.table)).not.toContain("Tasks");
    expect(stepsOf(p, "writeCells").map((s) => s.record)).not.toContain("legend:Tasks");
  });

  it("are left as the user has them once AddinRecord mentions one of their tables", () => {
    const p = plan(WORKBOOK, { ...interrupted, record: ["column:Tasks.id", "column:ReviewFunnel.stage"] }, options());
    const sheets = stepsOf(p, "setPrint").map((s) => s.sheet);
    expect(sheets).not.toContain("Tasks");
    expect(sheets).not.toContain("Review");
    expect(sheets).toContain("Goals");
  });
});

describe("legends", () => {
  const legendOf = (p: Plan, table: string) => stepsOf(p, "writeCells").find((s) => s.record === `legend:${table}`)!;

  it("go one blank column right of their table, as wide as the language needs", () => {
    const english = plan(WORKBOOK, EMPTY_WORKBOOK, options());
    // Customers A..P: legend in R; Risks A..K: legend in M.
    expect(legendOf(english, "Customers")).toMatchObject({ sheet: "Customers", widths: [{ column: "R", width: 34 }] });
    expect(legendOf(english, "Customers").cells.map((c) => c.address)).toEqual(["R1", "R2"]);
    expect(legendOf(english, "Risks").cells.map((c) => c.address)).toEqual(["M1", "M2", "M3"]);
    const chinese = plan(WORKBOOK, EMPTY_WORKBOOK, options({ language: "zh-CN" }));
    expect(legendOf(chinese, "Risks").widths).toEqual([{ column: "M", width: 24 }]);
  });

  it("go side by side, not one over the other, for two highlighted tables a user put on one sheet", () => {
    // Customers moved beside Tasks (A..N) to R..AG; neither legend made yet (an older version had none).
    const full = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options()));
    const together: WorkbookState = {
      ...full,
      record: full.record.filter((i) => !i.startsWith("legend:")),
      tables: full.tables.map((t) => (t.name === "Customers" ? { ...t, sheet: "Tasks", address: "R1:AG2" } : t)),
    };
    const p = plan(WORKBOOK, together, options());
    // Right of both tables: AG, one blank column, AI for the first; one blank column more, AK.
    expect(legendOf(p, "Tasks").cells.map((c) => c.address)).toEqual(["AI1", "AI2", "AI3", "AI4", "AI5"]);
    expect(legendOf(p, "Customers")).toMatchObject({ sheet: "Tasks", widths: [{ column: "AK", width: 34 }], onlyIntoBlank: true });
    expect(legendOf(p, "Customers").cells.map((c) => c.address)).toEqual(["AK1", "AK2"]);
  });

  it("are not made again once recorded", () => {
    const p = plan(WORKBOOK, { ...EMPTY_WORKBOOK, record: ["legend:Risks"] }, options());
    expect(stepsOf(p, "writeCells").map((s) => s.record)).not.toContain("legend:Risks");
    expect(stepsOf(p, "writeCells").map((s) => s.record)).toContain("legend:Tasks");
  });
});
