// What Microsoft's documentation says real Excel does, and the writer must survive: each test
// switches on the fake's rule (test/support/FAKE.md) and checks the set-up or upgrade still ends
// in the workbook a user expects.
import { describeNotice } from "../../src/domain/plan";
import type { WorkbookSpec } from "../../src/domain/spec/types";
import { WORKBOOK } from "../../src/domain/spec/workbook";
import { addRows } from "../../src/excel/setup";
import { FakeExcel, FakeWorkbook, snapshotCells, type FakeTable } from "../support/fakeExcel";
import { describeWorkbook, freshFake, hostFor, setUp } from "../support/fakeExcelFixtures";

function settingsOf(fake: FakeExcel) {
  return fake.workbook.sheet("Settings")!;
}

describe("undo groups on Excel for Windows and Mac, where Worksheet.visibility cannot be grouped", () => {
  it("set-up with mergeUndoGroup ends with Settings hidden and every step applied, the same workbook as on the web", async () => {
    const web = freshFake({ platform: "web" });
    await setUp(web);
    const windows = freshFake({ platform: "windows" });
    const result = await setUp(windows);
    expect(settingsOf(windows).visibility).toBe("Hidden");
    expect(describeWorkbook(windows.workbook)).toEqual(describeWorkbook(web.workbook));
    expect(result.undoGrouped).toBe(true);
    // Everything but the hidden sheet is one undo step; the hidden sheet was made before it.
    expect(windows.count("Worksheet.visibility")).toBe(1);
    const grouped = windows.runs.findIndex((r) => r.mergeUndoGroup === true && windows.runs.indexOf(r) > 0);
    expect(grouped).toBe(2);
    const again = await setUp(windows);
    expect(again.plan.steps).toEqual([]);
  });

  it("the ungrouped retry after UndoNotSupported finishes every step, Settings hidden, whatever went in before", async () => {
    // Excel refuses to group a call made after the sheets went in.
    const fake = freshFake({ undoUnsupported: ["Worksheet.visibility", "ConditionalFormatCollection.add"] });
    const result = await setUp(fake);
    expect(result.undoGrouped).toBe(false);
    const clean = freshFake();
    await setUp(clean);
    expect(settingsOf(fake).visibility).toBe("Hidden");
    expect(describeWorkbook(fake.workbook)).toEqual(describeWorkbook(clean.workbook));
  });

  it("a Settings sheet an interrupted set-up made but did not hide is hidden by the next run", async () => {
    const fake = freshFake({ supportsUndoGrouping: false });
    fake.failure = { sync: 3, operation: "Worksheet.visibility" };
    await expect(setUp(fake)).rejects.toThrow();
    fake.failure = undefined;
    expect(settingsOf(fake).visibility).toBe("Visible");
    const result = await setUp(fake);
    expect(result.plan.steps[0]).toEqual({ kind: "hideSheet", sheet: "Settings" });
    expect(settingsOf(fake).visibility).toBe("Hidden");
  });

  it("a Settings sheet a user showed after a finished set-up stays shown", async () => {
    const fake = freshFake();
    await setUp(fake);
    settingsOf(fake).visibility = "Visible";
    const again = await setUp(fake);
    expect(again.plan.steps).toEqual([]);
    expect(settingsOf(fake).visibility).toBe("Visible");
  });
});

/** The spec as an older version had it: every table that has more than one column lacks its last. */
function withoutLastColumns(): WorkbookSpec {
  const dropped = new Set(WORKBOOK.tables.filter((t) => t.columns.length > 1).map((t) => `${t.name}.${t.columns[t.columns.length - 1].key}`));
  return {
    ...WORKBOOK,
    schemaVersion: WORKBOOK.schemaVersion - 1,
    tables: WORKBOOK.tables.map((t) => ({ ...t, columns: t.columns.filter((c) => !dropped.has(`${t.name}.${c.key}`)) })),
    conditionalFormats: WORKBOOK.conditionalFormats.filter((cf) => !(cf.columns ?? []).some((key) => dropped.has(`${cf.table}.${key}`))),
  };
}

/** A user's own table two columns right of `table`, on the same rows, and a note right of it. */
function neighbourBeside(workbook: FakeWorkbook, table: FakeTable, n: number): void {
  const col = table.rect.col + table.rect.cols + 2;
  const at = `${String.fromCharCode(65 + (col % 26))}${table.rect.row + 1}`;
  if (col >= 26) throw new Error("the fixture writes single-letter columns only");
  workbook.seedTable(table.sheet.name, `Mine${n}`, at, ["Note", "When"], [["keep me", 1]]);
}

describe("adding a column to a table with another table beside it", () => {
  async function olderWithNeighbours() {
    const fake = freshFake();
    await setUp(fake, { spec: withoutLastColumns(), sample: false });
    const wb = fake.workbook;
    // Sheets with one table get a user's table beside it; Settings and Review have ours side by side.
    const single = wb.tables.filter((t) => wb.tables.filter((o) => o.sheet === t.sheet).length === 1);
    single.forEach((t, i) => neighbourBeside(wb, t, i));
    return fake;
  }

  it("an upgrade that adds a column to every table succeeds and moves no user cell", async () => {
    const fake = await olderWithNeighbours();
    const wb = fake.workbook;
    const before = new Map(
      wb.tables.filter((t) => t.name.startsWith("Mine")).map((t) => [t.name, { rect: { ...t.rect }, cells: snapshotCells(t.sheet) }]),
    );
    fake.resetCounters();
    const result = await setUp(fake);
    expect(result.plan.notices.filter((n) => n.code === "columnsBlocked")).toEqual([]);
    expect(fake.count("TableColumnCollection.add")).toBe(0);
    for (const table of WORKBOOK.tables) {
      expect({ table: table.name, headers: wb.headers(wb.table(table.name)!) }).toEqual({
        table: table.name,
        headers: table.columns.map((c) => c.header.en),
      });
    }
    for (const [name, was] of before) {
      const now = wb.table(name)!;
      expect({ name, rect: now.rect }).toEqual({ name, rect: was.rect });
      const cells = snapshotCells(now.sheet);
      for (const [address, cell] of was.cells) {
        const inMine = (() => {
          const m = /^([A-Z]+)(\d+)$/.exec(address)!;
          const col = m[1].charCodeAt(0) - 65;
          const row = Number(m[2]) - 1;
          return col >= was.rect.col && col < was.rect.col + was.rect.cols && row >= was.rect.row && row < was.rect.row + was.rect.rows;
        })();
        if (inMine) expect({ address, cell: cells.get(address) }).toEqual({ address, cell });
      }
    }
    expect((await setUp(fake)).plan.steps).toEqual([]);
  });

  it("stops with a notice naming the cells when a user's content is right beside the table, and writes nothing for it", async () => {
    const fake = freshFake();
    await setUp(fake, { spec: withoutLastColumns(), sample: false });
    const wb = fake.workbook;
    const playbook = wb.table("Playbook")!;
    const right = playbook.rect.col + playbook.rect.cols;
    wb.cell(playbook.sheet, playbook.rect.row + 1, right).value = "my note";
    const before = describeWorkbook(wb).sheets.find((s) => s.name === "Playbook");
    const result = await setUp(fake);
    const blocked = result.plan.notices.filter((n) => n.code === "columnsBlocked");
    expect(blocked.map((n) => describeNotice(n, "en-US"))).toEqual([
      'Playbook: "Tags" were not added to table Playbook because the cells I1:I2 to its right are not empty; move what is there and run Set up again.',
    ]);
    expect(describeWorkbook(wb).sheets.find((s) => s.name === "Playbook")).toEqual(before);
    expect(playbook.rect.cols).toBe(8);
    expect(wb.peek(playbook.sheet, playbook.rect.row + 1, right)?.value).toBe("my note");
  });
});

describe("calculated columns when the user's AutoCorrect option is off", () => {
  const computed = ["Tier", "Follow-up days", "Next contact"];

  it("rows the add-in appends get the computed formulas from the add-in itself", async () => {
    const fake = freshFake({ fillFormulasInTables: false });
    await setUp(fake, { sample: false });
    const customers = fake.workbook.table("Customers")!;
    await addRows(hostFor(fake), { table: "Customers", rows: [["Acme"], ["Globex"]] });
    const headers = fake.workbook.headers(customers);
    for (const header of computed) {
      const col = customers.rect.col + headers.indexOf(header);
      const first = fake.workbook.peek(customers.sheet, customers.rect.row + 1, col)?.formula;
      const second = fake.workbook.peek(customers.sheet, customers.rect.row + 2, col)?.formula;
      expect({ header, second }).toEqual({ header, second: first });
      expect(first).toMatch(/^=.*Customers\[\[#This Row\]/);
    }
  });

  it("an upgrade fills the blank computed cells of rows typed in, and keeps a value someone typed there", async () => {
    const fake = freshFake({ fillFormulasInTables: false });
    await setUp(fake, { sample: false });
    const wb = fake.workbook;
    const tasks = wb.table("Tasks")!;
    const headers = wb.headers(tasks);
    const daysLate = tasks.rect.col + headers.indexOf("Days late");
    const formula = wb.peek(tasks.sheet, tasks.rect.row + 1, daysLate)!.formula;
    // Three rows typed below the table, which grows over them without formulas (AutoCorrect off).
    wb.type("Tasks", `A${tasks.rect.row + 2}`, [
      ["T1", "Acme"],
      ["T2", "Acme"],
      ["T3", "Acme"],
    ]);
    wb.cell(tasks.sheet, tasks.rect.row + 3, daysLate).value = 7;
    tasks.rect.rows = 4;
    await setUp(fake);
    expect(wb.peek(tasks.sheet, tasks.rect.row + 2, daysLate)?.formula).toBe(formula);
    expect(wb.peek(tasks.sheet, tasks.rect.row + 3, daysLate)).toMatchObject({ value: 7 });
    expect(wb.peek(tasks.sheet, tasks.rect.row + 3, daysLate)?.formula).toBeUndefined();
    expect((await setUp(fake)).plan.steps).toEqual([]);
  });
});

describe("defined names that are not ranges", () => {
  it("a set-up after the Settings sheet was deleted (every name #REF!) makes it again and repairs each name, saying so", async () => {
    const clean = freshFake();
    await setUp(clean);
    const fake = freshFake();
    await setUp(fake);
    fake.workbook.deleteSheet("Settings");
    expect(fake.workbook.name("LagAlertDays")?.formula).toBe("=#REF!");
    const broken = fake.workbook.names.filter((n) => n.formula === "=#REF!").map((n) => n.name);
    // Only the customer list points elsewhere (the Customers table).
    expect(WORKBOOK.names.map((n) => n.name).filter((n) => !broken.includes(n))).toEqual(["List_Customer"]);
    const result = await setUp(fake);
    for (const name of WORKBOOK.names) {
      expect({ name: name.name, formula: fake.workbook.name(name.name)?.formula }).toEqual({
        name: name.name,
        formula: clean.workbook.name(name.name)?.formula,
      });
    }
    expect(settingsOf(fake).visibility).toBe("Hidden");
    const repaired = result.plan.notices.filter((n) => n.code === "nameRepaired").map((n) => describeNotice(n, "en-US"));
    expect(repaired).toHaveLength(broken.length);
    expect(repaired).toContain("Settings: the name LagAlertDays no longer pointed at cells (it was =#REF!); it points at its Settings cells again.");
    expect(fake.workbook.names).toHaveLength(clean.workbook.names.length);
  });
});

describe("conditional formats added to a sheet with a user's own rule", () => {
  it("go below the user's rule, which keeps the top priority", async () => {
    const older: WorkbookSpec = {
      ...WORKBOOK,
      schemaVersion: WORKBOOK.schemaVersion - 1,
      conditionalFormats: WORKBOOK.conditionalFormats.filter((cf) => cf.table !== "Tasks"),
    };
    const fake = freshFake();
    await setUp(fake, { spec: older, sample: false });
    const tasks = fake.workbook.table("Tasks")!;
    const mine = fake.workbook.addConditionalFormat(tasks.sheet, { row: 1, col: 0, rows: 1, cols: 3 }, "CellValue");
    await setUp(fake);
    const rules = tasks.sheet.conditionalFormats;
    expect(rules).toHaveLength(5);
    expect(rules[0]).toBe(mine);
    // Ours in the spec's order under it.
    const ours = WORKBOOK.conditionalFormats.filter((cf) => cf.table === "Tasks").map((cf) => cf.format.fill ?? null);
    expect(rules.slice(1).map((r) => r.fill ?? null)).toEqual(ours);
  });
});
