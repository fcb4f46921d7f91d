// The Office.js writer against the recording fake: a full set-up, its rules, its undo step,
// and a set-up that fails midway and is completed by a re-run.
import { readWorkbook } from "../../src/excel/readState";
import { applyPlan } from "../../src/excel/applyPlan";
import { WorkbookWriteError } from "../../src/excel/errors";
import type { Plan } from "../../src/domain/plan/types";
import { snapshotCells, type FakeExcel } from "../support/fakeExcel";
import { addRows, setUpWorkbook } from "../../src/excel/setup";
import { WORKBOOK } from "../../src/domain/spec/workbook";
import { describeWorkbook, freshFake, hostFor, planner, setUp } from "../support/fakeExcelFixtures";
import { STAGES_BY_PATH } from "../support/stagesByPath";

const CLOSED = 'OR(LOWER(TRIM($K2))="done",LOWER(TRIM($K2))="已完成",LOWER(TRIM($K2))="cancelled",LOWER(TRIM($K2))="已取消")';

function rulesOn(fake: FakeExcel, sheet: string) {
  return fake.workbook.sheet(sheet)!.conditionalFormats;
}

describe("full set-up in Excel", () => {
  it("takes at most 6 syncs, suspends calculation while writing, never adds table rows, and leaves nothing to plan", async () => {
    const fake = freshFake();
    const result = await setUp(fake);
    expect(result.plan.steps.length).toBeGreaterThan(20);
    expect(fake.syncs).toBeLessThanOrEqual(6);
    expect(result.syncs).toBe(fake.syncs);
    expect(fake.count("TableRowCollection.add")).toBe(0);
    const writeSyncs = fake.syncRecords.filter((s) => s.operations > 0);
    // Every write batch but the final recalculation runs with calculation suspended.
    expect(writeSyncs.slice(0, -1).every((s) => s.calculationSuspended)).toBe(true);
    expect(fake.count("Application.calculate")).toBe(1);

    const again = await setUp(fake);
    expect(again.plan.steps).toEqual([]);
    expect(again.syncs).toBe(2);
  });

  it("writes the Tasks and Risks highlighting rules with exactly the native formulas of SPEC section 3", async () => {
    const fake = freshFake();
    await setUp(fake, { sample: false });
    const tasks = rulesOn(fake, "Tasks").map((r) => ({ formula: r.formula, range: r.rect }));
    const wholeTable = { row: 1, col: 0, rows: 1, cols: 14 };
    expect(tasks).toEqual(
      expect.arrayContaining([
        { formula: `=AND(ISNUMBER($J2),NOT(${CLOSED}),TODAY()-$J2>LagAlertDays)`, range: wholeTable },
        { formula: `=AND(ISNUMBER($J2),NOT(${CLOSED}),TODAY()-$J2>0,TODAY()-$J2<=LagAlertDays)`, range: wholeTable },
        { formula: `=AND(ISNUMBER($J2),NOT(${CLOSED}),$J2-TODAY()>=0,$J2-TODAY()<=DueSoonDays)`, range: wholeTable },
        { formula: `=${CLOSED}`, range: wholeTable },
      ]),
    );
    expect(tasks).toHaveLength(4);
    const lagging = rulesOn(fake, "Tasks").find((r) => r.formula!.endsWith(">LagAlertDays)"))!;
    expect({ fill: lagging.fill, font: lagging.fontColor, bold: lagging.bold }).toEqual({ fill: "#C00000", font: "#FFFFFF", bold: true });

    const risks = rulesOn(fake, "Risks").map((r) => ({ formula: r.formula, range: r.rect, fill: r.fill }));
    const score = { row: 1, col: 5, rows: 1, cols: 1 };
    expect(risks).toEqual(
      expect.arrayContaining([
        { formula: "=AND(ISNUMBER($F2),$F2>=RiskHighScore)", range: score, fill: "#FF7C80" },
        { formula: "=AND(ISNUMBER($F2),$F2>=RiskMediumScore,$F2<RiskHighScore)", range: score, fill: "#FFEB9C" },
      ]),
    );
    expect(risks).toHaveLength(2);
  });

  it("points every drop-down at a Settings range through a defined name", async () => {
    const fake = freshFake();
    await setUp(fake, { sample: false });
    const settings = fake.workbook.sheets.find((s) => s.visibility === "Hidden")!;
    const sources = new Set<string>();
    for (const sheet of fake.workbook.sheets) {
      for (const v of sheet.validations.values()) {
        const list = (v.rule as { list?: { source: string } }).list;
        if (list) sources.add(list.source);
      }
    }
    expect(sources.size).toBeGreaterThan(5);
    for (const source of sources) {
      const formula = fake.workbook.name(source.replace(/^=/, ""))?.formula ?? "";
      // A Settings range, or a column of a table that lives on Settings.
      const table = /^=(\w+)\[/.exec(formula)?.[1];
      const onSettings = formula.startsWith(`='${settings.name}'!`) || (table !== undefined && fake.workbook.table(table)?.sheet === settings);
      // The one drop-down that is not a Settings list: a ref column picks an existing customer.
      const isCustomerRef = formula === "=Customers[Customer]";
      // Tasks Stage offers the row's path's stages: a formula choosing between Settings names.
      if (source === STAGES_BY_PATH) continue;
      expect({ source, formula, fed: onSettings || isCustomerRef }).toEqual({ source, formula, fed: true });
    }
    const status = fake.workbook.sheet("Tasks")!.validations.get(1 * 16384 + 10)!;
    expect(status.rule).toEqual({ list: { inCellDropDown: true, source: "=List_TaskStatus" } });
  });

  it("writes the Tasks Stage drop-down that follows the row's Path, a formula without structured references", async () => {
    const fake = freshFake();
    await setUpWorkbook(hostFor(fake), { plan: (state) => planner(WORKBOOK, { sample: false })(state) });
    const stage = fake.workbook.sheet("Tasks")!.validations.get(1 * 16384 + 3)!;
    expect(stage.rule).toEqual({ list: { inCellDropDown: true, source: STAGES_BY_PATH } });
  });

  it("groups the whole set-up into one undo step when ExcelApi 1.20 is there, the hidden Settings sheet made just before it", async () => {
    const fake = freshFake({ supportsUndoGrouping: true });
    const before = describeWorkbook(fake.workbook);
    const result = await setUp(fake);
    // Read in the group's run; the hidden sheet in a run of its own; everything else grouped.
    expect(fake.runs).toEqual([
      { delayForCellEdit: true, mergeUndoGroup: true },
      { delayForCellEdit: true },
      { delayForCellEdit: true, mergeUndoGroup: true },
    ]);
    expect(result.undoGrouped).toBe(true);
    expect(fake.undoSteps).toBe(2);
    fake.undo();
    const settingsOnly = describeWorkbook(fake.workbook);
    // The overview goes first in the tab order, which Excel cannot group either: it is made, empty, before.
    expect(settingsOnly.sheets.map((s) => [s.name, s.visibility, Object.keys(s.cells).length])).toEqual([
      ["Overview", "Visible", 0],
      ["Sheet1", "Visible", 0],
      ["Settings", "Hidden", 0],
    ]);
    fake.undo();
    expect(describeWorkbook(fake.workbook)).toEqual(before);
  });

  it("runs plain, without mergeUndoGroup, where ExcelApi 1.20 is missing", async () => {
    const fake = freshFake({ supportsUndoGrouping: false });
    const result = await setUp(fake);
    expect(fake.runs).toEqual([{ delayForCellEdit: true }]);
    expect(result.undoGrouped).toBe(false);
    expect(fake.undoSteps).toBe(fake.syncRecords.filter((s) => s.operations > 0).length);
  });

  it("redoes the work ungrouped when Excel refuses to put a call in the undo group", async () => {
    const fake = freshFake({ supportsUndoGrouping: true, undoUnsupported: ["Application.suspendApiCalculationUntilNextSync"] });
    const result = await setUp(fake);
    expect(fake.runs).toEqual([
      { delayForCellEdit: true, mergeUndoGroup: true },
      { delayForCellEdit: true },
      { delayForCellEdit: true, mergeUndoGroup: true },
      { delayForCellEdit: true },
    ]);
    expect(result.undoGrouped).toBe(false);
    const clean = freshFake();
    await setUp(clean);
    expect(describeWorkbook(fake.workbook)).toEqual(describeWorkbook(clean.workbook));
  });

  it("reports progress after each sync, up to every step", async () => {
    const fake = freshFake();
    const seen: { done: number; total: number }[] = [];
    const result = await setUp(fake, { onProgress: (p) => seen.push(p) });
    const total = result.plan.steps.length;
    expect(seen[0]).toEqual({ done: 0, total });
    expect(seen[seen.length - 1]).toEqual({ done: total, total });
    expect(seen.every((p, i) => i === 0 || p.done >= seen[i - 1].done)).toBe(true);
  });
});

describe("a set-up that fails midway", () => {
  it("is completed by a re-run into exactly the workbook a clean set-up makes, whichever sync fails", async () => {
    const clean = freshFake();
    await setUp(clean);
    const expected = describeWorkbook(clean.workbook);
    const syncs = clean.syncs;

    for (let failing = 1; failing <= syncs; failing++) {
      const fake = freshFake();
      fake.failure = { sync: failing };
      const error = await setUp(fake).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkbookWriteError);
      expect((error as Error).message).toMatch(/run Set up again/);
      fake.failure = undefined;
      await setUp(fake);
      expect({ failing, workbook: describeWorkbook(fake.workbook) }).toEqual({ failing, workbook: expected });
    }
  });

  it("is completed by a re-run when Excel applied part of the failing batch (no batch rollback)", async () => {
    const clean = freshFake();
    await setUp(clean);
    const calls = clean.syncRecords[3].operations;
    for (let applied = 1; applied < calls; applied += 37) {
      const fake = freshFake();
      fake.failure = { sync: 4, afterOperations: applied };
      await expect(setUp(fake)).rejects.toBeInstanceOf(WorkbookWriteError);
      fake.failure = undefined;
      await setUp(fake);
      const after = await setUp(fake);
      expect({ applied, left: after.plan.steps }).toEqual({ applied, left: [] });
      expect(fake.count("TableRowCollection.add")).toBe(0);
    }
  });

  it("names the sheet and table of the step Excel refused, in both languages", async () => {
    const fake = freshFake();
    fake.failure = { sync: 4, operation: "Table.resize" };
    const error = (await setUp(fake).catch((e: unknown) => e)) as WorkbookWriteError;
    expect(error.code).toBe("GeneralException");
    expect(error.message).toMatch(/^Sheet "Settings", table AddinRecord: could not add rows \(GeneralException: /);
    expect(error.describe("zh-CN")).toMatch(/^工作表“Settings”，表 AddinRecord：无法添加行（GeneralException: /);
  });
});

describe("text from users", () => {
  it.each([['=HYPERLINK("http://x","x")'], ["@SUM(A1:A3)"], ["+86 138 0000"], ["-5% discount"], ["'quoted"], ["0012"], ["TRUE"], ["2024-01-05"]])(
    "%s written as a customer name stays that text",
    async (text) => {
      const fake = freshFake();
      await setUp(fake, { sample: false });
      await addRows(hostFor(fake), { table: "Customers", rows: [[text]] });
      const table = fake.workbook.table("Customers")!;
      const cell = snapshotCells(table.sheet).get(`A${table.rect.row + 2}`);
      expect(cell).toMatchObject({ value: text });
      expect(cell?.formula).toBeUndefined();
    },
  );
});

describe("adding rows for the task pane", () => {
  it("writes them below the table as one undo step, and names a table that is not there", async () => {
    const fake = freshFake();
    await setUp(fake, { sample: false });
    fake.resetCounters();
    const tasks = fake.workbook.table("Tasks")!;
    const result = await addRows(hostFor(fake), {
      table: "Tasks",
      rows: [
        ["T-1", "Acme"],
        ["T-2", "Acme"],
      ],
    });
    expect(result.syncs).toBeLessThanOrEqual(4);
    expect(fake.undoSteps).toBe(1);
    expect(fake.count("TableRowCollection.add")).toBe(0);
    expect(tasks.rect.rows).toBe(3);
    expect(fake.workbook.peek(tasks.sheet, tasks.rect.row + 2, 0)?.value).toBe("T-2");
    await expect(addRows(hostFor(freshFake()), { table: "Tasks", rows: [["x"]] })).rejects.toThrow(
      "table Tasks: could not add rows (the table is not in the workbook)",
    );
  });
});

describe("adding rows when Excel refuses the undo group", () => {
  async function tasksTable(fake: ReturnType<typeof freshFake>) {
    await setUp(fake, { sample: false });
    return fake.workbook.table("Tasks")!;
  }

  it("redoes them ungrouped, once, when Excel refused before writing anything", async () => {
    const fake = freshFake({ supportsUndoGrouping: true, undoUnsupported: ["Application.suspendApiCalculationUntilNextSync"] });
    const tasks = await tasksTable(fake);
    await addRows(hostFor(fake), {
      table: "Tasks",
      rows: [
        ["T-1", "Acme"],
        ["T-2", "Acme"],
      ],
    });
    expect(tasks.rect.rows).toBe(3);
    expect(fake.workbook.peek(tasks.sheet, tasks.rect.row + 1, 0)?.value).toBe("T-1");
    expect(fake.workbook.peek(tasks.sheet, tasks.rect.row + 2, 0)?.value).toBe("T-2");
  });

  it("never appends them twice when Excel refused after the table had grown, and says to check the table", async () => {
    const fake = freshFake({ supportsUndoGrouping: true, undoUnsupported: ["Range.formulas"] });
    const tasks = await tasksTable(fake);
    await expect(
      addRows(hostFor(fake), {
        table: "Tasks",
        rows: [
          ["T-1", "Acme"],
          ["T-2", "Acme"],
        ],
      }),
    ).rejects.toThrow(
      'Sheet "Tasks", table Tasks: Excel stopped while adding 2 rows and may have kept some of them. Check the end of the table before adding them again.',
    );
    expect(tasks.rect.rows).toBeLessThanOrEqual(3);
  });
});

describe("an Excel too old for set-up", () => {
  it("is told so before anything is read or written", async () => {
    const fake = freshFake();
    const host = {
      ...hostFor(fake),
      isSetSupported: (name: string, version: string) => !(name === "ExcelApi" && Number(version.split(".")[1]) > 12),
    };
    const failure = setUpWorkbook(host, { plan: planner(WORKBOOK, { sample: false }) });
    await expect(failure).rejects.toThrow("needs the Excel JavaScript API 1.13");
    expect(fake.runs).toEqual([]);
    expect(fake.workbook.table("Tasks")).toBeUndefined();
  });
});

describe("failures the writer finds before writing", () => {
  async function applyTo(fake: FakeExcel, plan: Plan) {
    return fake.run({}, async (ctx) => {
      const context = ctx as unknown as Excel.RequestContext;
      return applyPlan(context, plan, await readWorkbook(context));
    });
  }

  it("names the table and column a step refers to when the column is not there", async () => {
    const fake = freshFake();
    await setUp(fake, { sample: false });
    const plan: Plan = {
      language: "en-US",
      schemaVersion: 1,
      notices: [],
      steps: [{ kind: "setFormats", table: "Tasks", sheet: "Tasks", columns: [{ key: "x", column: "Budget", numberFormat: "0" }] }],
    };
    await expect(applyTo(fake, plan)).rejects.toThrow(
      'Sheet "Tasks", table Tasks, column "Budget": could not set the number format and width (the table has no column "Budget")',
    );
  });

  it("refuses to write rows over a user's cells below a table, and writes nothing", async () => {
    const fake = freshFake();
    await setUp(fake, { sample: false });
    const table = fake.workbook.table("Customers")!;
    fake.workbook.type("Customers", `C${table.rect.row + table.rect.rows + 3}`, [["my note"]]);
    const before = describeWorkbook(fake.workbook);
    const rows = Array.from({ length: 5 }, (_, i) => [`Customer ${i}`]);
    const plan: Plan = {
      language: "en-US",
      schemaVersion: 1,
      notices: [],
      steps: [{ kind: "appendRows", table: "Customers", sheet: "Customers", rows }],
    };
    await expect(applyTo(fake, plan)).rejects.toThrow(/table Customers: could not add rows \(the 4 rows below the table are not empty/);
    expect(describeWorkbook(fake.workbook)).toEqual(before);
  });
});
