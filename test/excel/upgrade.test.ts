// Upgrading a used workbook in place: everything users made stays exactly as it was, cell by
// cell; only what the current spec has and the workbook lacks is added.
import { FakeExcel, snapshotCells, type FakeWorkbook } from "../support/fakeExcel";
import { describeWorkbook, olderWorkbook, setUp } from "../support/fakeExcelFixtures";
import { isRevisionName } from "../../src/excel/revision";

/**
 * Every cell, validation and rule of `before` that is not identical in `after` (up to `limit`),
 * leaving out the two things the add-in owns and an upgrade moves on: the SchemaVersion cell
 * and the AddinRecord table (which gains rows).
 */
function changes(before: FakeWorkbook, after: FakeWorkbook, limit = 10): string[] {
  const out: string[] = [];
  const version = /!\$?([A-Z]+)\$?(\d+)$/.exec(before.name("SchemaVersion")!.formula)!;
  const versionCell = `${version[1]}${version[2]}`;
  for (const sheet of before.sheets) {
    const now = after.sheet(sheet.name);
    if (!now) {
      out.push(`sheet ${sheet.name} is gone`);
      continue;
    }
    const cellsAfter = snapshotCells(now);
    for (const [address, cell] of snapshotCells(sheet)) {
      if (sheet.visibility === "Hidden" && address === versionCell) continue;
      if (JSON.stringify(cellsAfter.get(address)) !== JSON.stringify(cell))
        out.push(`${sheet.name}!${address}: ${JSON.stringify(cell)} -> ${JSON.stringify(cellsAfter.get(address))}`);
      if (out.length >= limit) return out;
    }
    for (const rule of sheet.conditionalFormats) {
      const same = now.conditionalFormats.find((r) => r.id === rule.id);
      if (JSON.stringify(same) !== JSON.stringify(rule))
        out.push(`${sheet.name} rule ${rule.formula}: ${JSON.stringify(rule)} -> ${JSON.stringify(same)}`);
    }
    for (const [col, width] of sheet.columnWidths) if (now.columnWidths.get(col) !== width) out.push(`${sheet.name} width of column ${col}`);
  }
  for (const table of before.tables) {
    if (table.name === "AddinRecord") continue;
    const now = after.table(table.name);
    if (
      !now ||
      now.rect.row !== table.rect.row ||
      now.rect.col !== table.rect.col ||
      now.rect.rows !== table.rect.rows ||
      now.rect.cols < table.rect.cols
    ) {
      out.push(`table ${table.name} moved or shrank`);
    }
  }
  // The revision name moves on with every write batch (src/excel/revision.ts).
  for (const name of before.names.filter((n) => !isRevisionName(n.name)))
    if (JSON.stringify(after.name(name.name)) !== JSON.stringify(name)) out.push(`name ${name.name}`);
  return out;
}

async function upgrade(fake: FakeExcel, language: "en-US" | "zh-CN" = "en-US") {
  const before = fake.workbook.clone();
  fake.resetCounters();
  const result = await setUp(fake, { sample: true, language });
  return { before, result };
}

describe("upgrade of a used 10,000-task workbook", () => {
  let fake: FakeExcel;
  let before: FakeWorkbook;
  let syncs: number;

  beforeAll(async () => {
    fake = await olderWorkbook({ taskRows: 10_000, otherRows: 500 });
    const done = await upgrade(fake);
    before = done.before;
    syncs = fake.syncs;
  });

  it("takes at most 6 syncs and never adds table rows", () => {
    expect(syncs).toBeLessThanOrEqual(6);
    expect(fake.count("TableRowCollection.add")).toBe(0);
    expect(fake.syncRecords.every((s) => s.requestBytes <= fake.payloadLimitBytes)).toBe(true);
  });

  it("keeps every user cell, column, header, validation and rule exactly as it was", () => {
    expect(changes(before, fake.workbook)).toEqual([]);
    expect(fake.workbook.name("SchemaVersion")!.formula).toBe(before.name("SchemaVersion")!.formula);
    const tasks = fake.workbook.table("Tasks")!;
    const headers = fake.workbook.headers(tasks);
    expect(headers.slice(0, 13)).toEqual(before.headers(before.table("Tasks")!));
    expect(headers).toContain("My notes");
    expect(headers).toContain("Responsible");
    expect(headers).not.toContain("Owner");
  });

  it("adds only what was missing: the Risks sheet and the two Tasks columns, Days late computed on every row", async () => {
    expect(fake.workbook.sheets.map((s) => s.name).filter((n) => !before.sheet(n))).toEqual(["Risks"]);
    const tasks = fake.workbook.table("Tasks")!;
    expect(fake.workbook.headers(tasks).slice(13)).toEqual(["Support", "Days late"]);
    const daysLate = tasks.rect.col + 14;
    const formulas = new Set<string | undefined>();
    for (let r = 1; r < tasks.rect.rows; r++) formulas.add(fake.workbook.peek(tasks.sheet, tasks.rect.row + r, daysLate)?.formula);
    expect(formulas.size).toBe(1);
    expect([...formulas][0]).toMatch(/^=.*Tasks\[\[#This Row\],\[Due\]\]/);
    // The user's extra rows are not sample data: no sample row lands in a table that existed.
    expect(tasks.rect.rows).toBe(10_001);

    fake.resetCounters();
    const again = await setUp(fake);
    expect(again.plan.steps).toEqual([]);
  });
});

describe("an older-schema workbook in Chinese", () => {
  it("upgrades in place: Risks appears, Tasks gets its two columns, nothing else moves", async () => {
    const fake = await olderWorkbook({ taskRows: 20, otherRows: 5, language: "zh-CN" });
    const { before, result } = await upgrade(fake, "zh-CN");
    expect(result.plan.language).toBe("zh-CN");
    expect(changes(before, fake.workbook)).toEqual([]);
    expect(fake.workbook.sheets.map((s) => s.name).filter((n) => !before.sheet(n))).toEqual(["风险预警"]);
    const tasks = fake.workbook.table("Tasks")!;
    expect(fake.workbook.headers(tasks).slice(-2)).toEqual(["支持资源", "滞后天数"]);
    expect(fake.workbook.table("Risks")!.sheet.name).toBe("风险预警");
    const again = await setUp(fake, { language: "en-US" });
    expect(again.plan.steps).toEqual([]);
  });
});

describe("an upgrade that fails midway", () => {
  it("is completed by a re-run into the workbook a clean upgrade makes, whichever of its batches fails", async () => {
    // A small batch budget spreads the upgrade over several write batches; each AddinRecord item
    // is written in the batch of the work it records, so a lost batch is redone, and only it.
    // The budget still holds the structure unit (sheets, tables, columns and their looks) whole,
    // as the writer's 4 MB one always does.
    const budgetBytes = 10 * 1024;
    const base = await olderWorkbook({ taskRows: 200, otherRows: 20 });
    const clean = new FakeExcel(base.workbook.clone());
    await setUp(clean, { budgetBytes });
    const expected = describeWorkbook(clean.workbook);
    expect(clean.syncRecords.filter((s) => s.operations > 0).length).toBeGreaterThan(3);

    for (let failing = 1; failing <= clean.syncs; failing++) {
      const fake = new FakeExcel(base.workbook.clone());
      fake.failure = { sync: failing };
      await expect(setUp(fake, { budgetBytes })).rejects.toThrow(/run Set up again/);
      fake.failure = undefined;
      await setUp(fake, { budgetBytes });
      expect({ failing, workbook: describeWorkbook(fake.workbook) }).toEqual({ failing, workbook: expected });
    }
  });
});

describe("a workbook with the user's own tables", () => {
  it("reads a table without a header row and one with a totals row, and sets up around them", async () => {
    const fake = await olderWorkbook({ taskRows: 5, otherRows: 5 });
    const wb = fake.workbook;
    const headerless = wb.seedTable("My lists", "Regions", "B2", ["Region"], [["East"], ["West"]]);
    headerless.showHeaders = false;
    Object.assign(headerless, { rect: { ...headerless.rect, row: headerless.rect.row + 1, rows: headerless.rect.rows - 1 } });
    const totals = wb.seedTable(
      "My lists",
      "Budget",
      "D2",
      ["Item", "Amount"],
      [
        ["Travel", 100],
        ["Demo kit", 250],
        ["Total", 350],
      ],
    );
    totals.showTotals = true;
    const { before, result } = await upgrade(fake);
    expect(result.plan.steps.length).toBeGreaterThan(0);
    expect(changes(before, fake.workbook)).toEqual([]);
    expect(wb.table("Risks")).toBeDefined();
  });
});
