// Faults planted in a file the real writer made, found by the command: each at its sheet, row
// and column, with the code and severity written by hand, and nothing else. The edits go into
// the .xlsx through ExcelJS by table, header and row, as a user's typing would leave them.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { main, type CheckDependencies } from "../../src/cli/checkCommand";
import type { Io } from "../../src/cli/workbookCommand";
import { excelSerial } from "../../src/domain/plan";
import { tableSpec } from "../../src/domain/spec/workbook";
import { LANGUAGES, type Language } from "../../src/domain/spec/vocabulary";
import { checkWorkbook, describeFinding, describeProblem, type Finding } from "../../src/domain/validation";
import { parseArea } from "../../src/domain/plan/address";
import { bodyOf, tableModel } from "../../src/xlsx/apply";
import { buildWorkbook } from "../../src/xlsx/build";
import { loadWorkbook } from "../../src/xlsx/names";
import { readWorkbookFile } from "../../src/xlsx/readFile";
import { xlsxResaved } from "../support/libreoffice";
import { FIXTURE_TODAY, harmlessEdits, plantedFaults, type CellEdit } from "../support/plantedFaults";

function capture(cwd: string): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { cwd, language: "en-US", stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const deps: CheckDependencies = {
  read: readWorkbookFile,
  check: checkWorkbook,
  describe: describeFinding,
  describeProblem,
  today: excelSerial(FIXTURE_TODAY),
};

interface Place {
  readonly sheet: string;
  readonly row: number;
  readonly columnNumber: number;
  readonly column: string;
}

/** Where data row `row` of column `key` of a table is in the file, found by the header the spec gives it. */
function placeOf(workbook: ExcelJS.Workbook, table: string, row: number, key: string, language: Language): Place {
  const header = tableSpec(table)!.columns.find((c) => c.key === key)!.header;
  const text = language === "zh-CN" ? header.zh : header.en;
  for (const sheet of workbook.worksheets) {
    if (!(table in (sheet as unknown as { tables: Record<string, unknown> }).tables)) continue;
    const model = tableModel(sheet, table);
    const area = parseArea(model.tableRef);
    let columnNumber = -1;
    for (let c = area.firstColumn; c <= area.lastColumn; c++) if (sheet.getCell(area.firstRow, c).text === text) columnNumber = c;
    if (columnNumber < 0) throw new Error(`${table} has no column "${text}"`);
    const excelRow = bodyOf(model).firstRow + row;
    if (excelRow > bodyOf(model).lastRow) throw new Error(`${table} has no data row ${row}`);
    return { sheet: sheet.name, row: excelRow, columnNumber, column: text };
  }
  throw new Error(`no table ${table}`);
}

async function plantedFile(dir: string, language: Language, edits: readonly CellEdit[]): Promise<{ path: string; workbook: ExcelJS.Workbook }> {
  const built = await buildWorkbook({ language, sample: true, functions: false }, FIXTURE_TODAY);
  const workbook = new ExcelJS.Workbook();
  await loadWorkbook(workbook, built.bytes);
  for (const edit of edits) {
    const place = placeOf(workbook, edit.table, edit.row, edit.column, language);
    workbook.getWorksheet(place.sheet)!.getCell(place.row, place.columnNumber).value = edit.value;
  }
  const path = join(dir, `planted-${language}.xlsx`);
  writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));
  return { path, workbook };
}

const key = (f: Pick<Finding, "sheet" | "row" | "columnNumber" | "column" | "code" | "severity">) => ({
  sheet: f.sheet,
  row: f.row,
  columnNumber: f.columnNumber,
  column: f.column,
  code: f.code,
  severity: f.severity,
});
const order = (a: { sheet: string; row: number; columnNumber: number }, b: typeof a) =>
  a.sheet.localeCompare(b.sheet) || a.row - b.row || a.columnNumber - b.columnNumber;

describe.each(LANGUAGES)("npm run check on a written %s workbook with faults planted", (language) => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sales-planner-planted-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("--json: every planted fault at its sheet, row and column, and nothing else; exit 1", async () => {
    const faults = plantedFaults(language);
    const { path, workbook } = await plantedFile(dir, language, [...faults, ...harmlessEdits(language)]);
    const before = readFileSync(path);
    const io = capture(dir);
    expect(await main([path, "--json"], io, deps)).toBe(1);
    expect(io.stderr).toEqual([]);
    const report = JSON.parse(io.stdout.join("")) as { counts: { errors: number; warnings: number }; findings: (Finding & { message: string })[] };

    const expected = faults.map((f) => ({
      ...placeOf(workbook, f.table, f.row, f.expected.column ?? f.column, language),
      code: f.expected.code,
      severity: f.expected.severity,
    }));
    expect(report.findings.map(key).sort(order)).toEqual(expected.sort(order));
    expect(report.findings).toHaveLength(faults.length);
    const errors = faults.filter((f) => f.expected.severity === "error").length;
    expect(report.counts).toEqual({ errors, warnings: faults.length - errors });
    for (const finding of report.findings) expect(finding.message).toBe(describeFinding(finding, language));
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("as text: one line per fault under its sheet, with its cell", async () => {
    const faults = plantedFaults(language);
    const { path, workbook } = await plantedFile(dir, language, faults);
    const io = capture(dir);
    expect(await main([path], io, deps)).toBe(1);
    const lines = io.stdout.join("").split("\n");
    const findingLines = lines.filter((l) => l.startsWith("  "));
    expect(findingLines).toHaveLength(faults.length);
    for (const f of faults) {
      const place = placeOf(workbook, f.table, f.row, f.expected.column ?? f.column, language);
      const cell = workbook.getWorksheet(place.sheet)!.getCell(place.row, place.columnNumber).address;
      const heading = lines.findIndex((l) => l.startsWith(`${place.sheet} (`) || l.startsWith(`${place.sheet}（`));
      expect({ fault: f.why, heading: heading >= 0 }).toEqual({ fault: f.why, heading: true });
      const next = lines.findIndex((l, i) => i > heading && l !== "" && !l.startsWith("  "));
      const section = lines.slice(heading + 1, next < 0 ? undefined : next);
      expect({ fault: f.why, found: section.some((l) => l.startsWith(`  ${cell.padEnd(6)} `) && l.includes(`${place.column}: `)) }).toEqual({
        fault: f.why,
        found: true,
      });
    }
  });
});

describe("npm run check on a file another spreadsheet saved (LibreOffice: recalculated, cached results, its own XML)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "sales-planner-resaved-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("the planted faults come back exactly, as from the file our writer made", async () => {
    const language: Language = "zh-CN";
    const faults = plantedFaults(language);
    const { path, workbook } = await plantedFile(dir, language, [...faults, ...harmlessEdits(language)]);
    const resaved = await xlsxResaved(path, dir);
    const io = capture(dir);
    expect(await main([resaved, "--json"], io, deps)).toBe(1);
    const report = JSON.parse(io.stdout.join("")) as { findings: Finding[] };
    const expected = faults.map((f) => ({
      ...placeOf(workbook, f.table, f.row, f.expected.column ?? f.column, language),
      code: f.expected.code,
      severity: f.expected.severity,
    }));
    expect(report.findings.map(key).sort(order)).toEqual(expected.sort(order));
  }, 120_000);
});
