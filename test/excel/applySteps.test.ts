// The writer's other steps on hand-made plans, each checked against the cells, names and sheets a
// user would find: new sheets (hidden, coloured, first), tables with their rows and style, columns
// added at a table's right end, names (one a user already has is kept), page set-up, text cells,
// the schema version, formulas into blank computed cells, and rows a user's cells below a table
// would be covered by.
import { applyPlan } from "../../src/excel/applyPlan";
import { readWorkbook } from "../../src/excel/readState";
import type { Plan, PlanStep } from "../../src/domain/plan/types";
import { FakeExcel, FakeWorkbook } from "../support/fakeExcel";

function host(): { fake: FakeExcel; wb: FakeWorkbook } {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  return { fake: new FakeExcel(wb), wb };
}

async function apply(fake: FakeExcel, steps: PlanStep[]) {
  const plan: Plan = { language: "en-US", schemaVersion: 2, notices: [], steps };
  return fake.run({}, async (ctx) => {
    const context = ctx as unknown as Excel.RequestContext;
    return applyPlan(context, plan, await readWorkbook(context));
  });
}

const value = (wb: FakeWorkbook, sheet: string, row: number, col: number) => wb.peek(wb.sheet(sheet)!, row, col)?.value;

describe("sheets", () => {
  it("are added visible or hidden, with their tab colour, the overview first", async () => {
    const { fake, wb } = host();
    await apply(fake, [
      { kind: "addSheet", key: "tasks", sheet: "Tasks", visible: true, tabColor: "#4472C4" },
      { kind: "addSheet", key: "settings", sheet: "Settings", visible: false },
      { kind: "addSheet", key: "overview", sheet: "Overview", visible: true, first: true },
    ]);
    expect(wb.sheets.map((s) => [s.name, s.visibility, s.tabColor])).toEqual([
      ["Overview", "Visible", undefined],
      ["Sheet1", "Visible", undefined],
      ["Tasks", "Visible", "#4472C4"],
      ["Settings", "Hidden", undefined],
    ]);
  });

  it("a Settings sheet left visible is hidden", async () => {
    const { fake, wb } = host();
    wb.addSheet("Settings");
    await apply(fake, [{ kind: "hideSheet", sheet: "Settings" }]);
    expect(wb.sheet("Settings")!.visibility).toBe("Hidden");
  });
});

describe("tables", () => {
  it("are made over their headers and rows, text kept as text, short rows padded, styled, the header frozen", async () => {
    const { fake, wb } = host();
    await apply(fake, [
      {
        kind: "addTable",
        table: "Team",
        sheet: "Sheet1",
        address: "B3:D3",
        headers: ["Name", "Email", "=Role"],
        keys: ["name", "email", "role"],
        rows: [["Ann", "a@x", "Rep"], ["0012"]],
        style: "TableStyleLight9",
        freezeHeader: true,
      },
    ]);
    const team = wb.table("Team")!;
    expect(team.rect).toEqual({ row: 2, col: 1, rows: 3, cols: 3 });
    expect(team.style).toBe("TableStyleLight9");
    expect(wb.headers(team)).toEqual(["Name", "Email", "=Role"]);
    expect([value(wb, "Sheet1", 3, 1), value(wb, "Sheet1", 4, 1), value(wb, "Sheet1", 4, 2)]).toEqual(["Ann", "0012", ""]);
    // Frozen below the header row, which is row 3.
    expect(wb.sheet("Sheet1")!.frozenRows).toBe(3);
  });

  it("with no rows gets Excel's one blank row, unstyled and unfrozen when the plan says so", async () => {
    const { fake, wb } = host();
    await apply(fake, [
      {
        kind: "addTable",
        table: "Team",
        sheet: "Sheet1",
        address: "A1:B1",
        headers: ["Name", "Email"],
        keys: ["name", "email"],
        rows: [],
        freezeHeader: false,
      },
    ]);
    expect(wb.table("Team")!.rect).toEqual({ row: 0, col: 0, rows: 2, cols: 2 });
    expect(wb.table("Team")!.style).toBeUndefined();
    expect(wb.sheet("Sheet1")!.frozenRows).toBeUndefined();
  });

  it("one an interrupted set-up made and Excel named Table1 gets the spec's name", async () => {
    const { fake, wb } = host();
    wb.seedTable("Sheet1", "Table1", "A1", ["Name"], [["Ann"]]);
    await apply(fake, [{ kind: "renameTable", from: "Table1", table: "Team", sheet: "Sheet1" }]);
    expect(wb.tables.map((t) => t.name)).toEqual(["Team"]);
  });

  it("columns go at the table's right end with their fixed values, whatever the user moved; the table grows over them", async () => {
    const { fake, wb } = host();
    wb.seedTable(
      "Sheet1",
      "Tasks",
      "B2",
      ["ID", "My notes"],
      [
        ["T-1", "x"],
        ["T-2", "y"],
        ["T-3", "z"],
      ],
    );
    await apply(fake, [
      {
        kind: "addColumns",
        table: "Tasks",
        sheet: "Sheet1",
        columns: [
          { key: "support", header: "Support", values: ["=legal", null] },
          { key: "daysLate", header: "Days late" },
        ],
      },
    ]);
    const tasks = wb.table("Tasks")!;
    expect(tasks.rect).toEqual({ row: 1, col: 1, rows: 4, cols: 4 });
    expect(wb.headers(tasks)).toEqual(["ID", "My notes", "Support", "Days late"]);
    expect([2, 3, 4].map((r) => value(wb, "Sheet1", r, 3) ?? "")).toEqual(["=legal", "", ""]);
  });
});

describe("an empty addColumns step", () => {
  it("writes nothing and leaves the table as it is", async () => {
    const { fake, wb } = host();
    wb.seedTable("Sheet1", "Tasks", "B2", ["ID"], [["T-1"]]);
    await apply(fake, [{ kind: "addColumns", table: "Tasks", sheet: "Sheet1", columns: [] }]);
    expect(fake.operations).toEqual([]);
    expect(wb.table("Tasks")!.rect).toEqual({ row: 1, col: 1, rows: 2, cols: 1 });
  });
});

describe("names", () => {
  it("are added with their reference and comment; one the workbook has (any case) is kept; a broken one is pointed again", async () => {
    const { fake, wb } = host();
    wb.addName("lagalertdays", "=Sheet1!$A$1");
    wb.addName("DueSoonDays", "=#REF!");
    await apply(fake, [
      {
        kind: "setNames",
        names: [
          { name: "LagAlertDays", refersTo: "=Sheet1!$B$1" },
          { name: "DueSoonDays", refersTo: "=Sheet1!$B$2", repair: true },
          { name: "Language", refersTo: "=Sheet1!$B$3", comment: "The workbook's language" },
        ],
      },
    ]);
    expect(wb.names.map((n) => [n.name, n.formula, n.comment])).toEqual([
      ["lagalertdays", "=Sheet1!$A$1", ""],
      ["DueSoonDays", "=Sheet1!$B$2", ""],
      ["Language", "=Sheet1!$B$3", "The workbook's language"],
    ]);
  });

  it("the schema version goes into the cell its name points at", async () => {
    const { fake, wb } = host();
    wb.addName("SchemaVersion", "=Sheet1!$C$4");
    await apply(fake, [{ kind: "setSchemaVersion", version: 7 }]);
    expect(value(wb, "Sheet1", 3, 2)).toBe(7);
  });
});

describe("page set-up and text", () => {
  it("prints one page wide, portrait or landscape, the header row on every page, the footer, and colours a tab left plain", async () => {
    const { fake, wb } = host();
    wb.addSheet("Tasks");
    await apply(fake, [
      { kind: "setPrint", sheet: "Sheet1", orientation: "portrait", footer: "&A" },
      { kind: "setPrint", sheet: "Tasks", orientation: "landscape", titleRows: "$1:$1", footer: "&A - &P", tabColor: "#70AD47" },
    ]);
    expect(wb.sheet("Sheet1")!.pageLayout).toEqual({
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerFooter: "&A",
    });
    expect(wb.sheet("Tasks")!.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$1",
      centerFooter: "&A - &P",
    });
    expect(wb.sheet("Tasks")!.tabColor).toBe("#70AD47");
    expect(wb.sheet("Sheet1")!.tabColor).toBeUndefined();
  });

  it("writes text cells as text and formulas as formulas, with their number format and column widths, and can move the sheet first", async () => {
    const { fake, wb } = host();
    wb.addSheet("Overview");
    await apply(fake, [
      {
        kind: "writeCells",
        sheet: "Overview",
        cells: [
          { address: "A1", value: "+ Steps", format: { bold: true, size: 14 } },
          { address: "B2", value: { formula: "=1/4" }, format: { numberFormat: "0%" } },
          { address: "C3", value: 5 },
        ],
        widths: [{ column: "A", width: 30 }],
        moveFirst: true,
      },
    ]);
    const sheet = wb.sheet("Overview")!;
    expect(wb.sheets[0]).toBe(sheet);
    expect(value(wb, "Overview", 0, 0)).toBe("+ Steps");
    expect(wb.peek(sheet, 0, 0)?.formula).toBeUndefined();
    expect(wb.peek(sheet, 1, 1)).toMatchObject({ formula: "=1/4", numberFormat: "0%" });
    expect(value(wb, "Overview", 2, 2)).toBe(5);
    expect(sheet.columnWidths.get(0)).toBe(161.25);
  });

  it("formulas go only into the blank computed cells the plan names, row by row", async () => {
    const { fake, wb } = host();
    wb.seedTable(
      "Sheet1",
      "Risks",
      "A1",
      ["Risk", "Score"],
      [
        ["a", ""],
        ["b", 6],
        ["c", ""],
      ],
    );
    await apply(fake, [
      { kind: "fillFormulas", table: "Risks", sheet: "Sheet1", columns: [{ column: "Score", formula: "=2*3", areas: ["B2", "B4"] }] },
    ]);
    const sheet = wb.sheet("Sheet1")!;
    expect([1, 2, 3].map((r) => wb.peek(sheet, r, 1)?.formula ?? wb.peek(sheet, r, 1)?.value)).toEqual(["=2*3", 6, "=2*3"]);
  });

  it("formats single rows of a table by what they hold", async () => {
    const { fake, wb } = host();
    wb.seedTable(
      "Sheet1",
      "ReviewMetrics",
      "C1",
      ["Metric", "Target"],
      [
        ["Win rate", 0.3],
        ["CAC", 20000],
      ],
    );
    await apply(fake, [
      {
        kind: "setRowFormats",
        table: "ReviewMetrics",
        sheet: "Sheet1",
        rows: [
          { row: 0, columns: ["Target"], numberFormat: "0%" },
          { row: 1, columns: ["Target"], numberFormat: "#,##0" },
        ],
      },
    ]);
    const sheet = wb.sheet("Sheet1")!;
    expect([wb.peek(sheet, 1, 3)?.numberFormat, wb.peek(sheet, 2, 3)?.numberFormat, wb.peek(sheet, 1, 2)?.numberFormat]).toEqual([
      "0%",
      "#,##0",
      "General",
    ]);
  });
});

describe("rows below a table and a user's cells there", () => {
  it("more rows than were checked below: the cells are read first, and a user's cell far below refuses the write before anything is written", async () => {
    const { fake, wb } = host();
    wb.seedTable("Sheet1", "Tasks", "A1", ["ID", "Customer"], [["T-1", "Acme"]]);
    // 100 rows below the table's last row, beyond the 64 the first read checks.
    wb.type("Sheet1", "B102", [["my note"]]);
    const rows = Array.from({ length: 120 }, (_, i) => [`T-${i + 2}`, "Beta"]);
    await expect(apply(fake, [{ kind: "appendRows", table: "Tasks", sheet: "Sheet1", rows }])).rejects.toThrow(
      /table Tasks: could not add rows \(the 120 rows below the table are not empty/,
    );
    expect(fake.operations).toEqual([]);
    expect(wb.table("Tasks")!.rect.rows).toBe(2);
  });

  it("with the cells below all blank, the long append goes in", async () => {
    const { fake, wb } = host();
    wb.seedTable("Sheet1", "Tasks", "A1", ["ID", "Customer"], [["T-1", "Acme"]]);
    wb.type("Sheet1", "C50", [["beside, not below"]]);
    const rows = Array.from({ length: 120 }, (_, i) => [`T-${i + 2}`, "Beta"]);
    await apply(fake, [{ kind: "appendRows", table: "Tasks", sheet: "Sheet1", rows }]);
    expect(wb.table("Tasks")!.rect.rows).toBe(122);
    expect(value(wb, "Sheet1", 121, 0)).toBe("T-121");
  });
});
