// The sample workbook checks clean; with the planted faults in, the check finds each one at
// its sheet, row and column, with the code and severity written by hand, and nothing else.
import { checkWorkbook, summarize } from "../../../src/domain/validation";
import { LANGUAGES } from "../../../src/domain/spec/vocabulary";
import { columnIndex, excelRow, harmlessEdits, plant, plantedFaults, sampleSnapshot } from "../../support/plantedFaults";

// `npm run workbook` writes sample dates relative to the day it runs; goals span that day's quarter.
describe.each(["2026-01-01", "2026-03-31", "2026-04-01", "2024-02-29", "2030-12-31"])("the sample workbook set up on %s", (today) => {
  it.each(LANGUAGES)("checks clean in %s, and gives every planted fault", (language) => {
    expect(checkWorkbook(sampleSnapshot(language, today))).toEqual([]);
    expect(
      checkWorkbook(plant(sampleSnapshot(language, today), plantedFaults(language)))
        .map((f) => f.code)
        .sort(),
    ).toEqual(
      plantedFaults(language)
        .map((f) => f.expected.code)
        .sort(),
    );
  });
});

describe.each(LANGUAGES)("the sample workbook in %s", (language) => {
  it("has no finding at all, error or warning", () => {
    expect(checkWorkbook(sampleSnapshot(language))).toEqual([]);
  });

  it("has no finding after edits a person would not call faults (case, spaces, ISO dates, 1 and 5)", () => {
    expect(checkWorkbook(plant(sampleSnapshot(language), harmlessEdits(language)))).toEqual([]);
  });

  it("gives exactly the planted faults, each at its sheet, row and column", () => {
    const clean = sampleSnapshot(language);
    const faults = plantedFaults(language);
    const findings = checkWorkbook(plant(clean, [...faults, ...harmlessEdits(language)]));
    const expected = faults.map((f) => {
      const table = clean.tables.find((t) => t.name === f.table)!;
      const at = columnIndex(table, f.expected.column ?? f.column);
      return {
        sheet: table.sheet,
        table: f.table,
        row: excelRow(table, f.row),
        columnNumber: table.firstColumn + at,
        column: table.headers[at],
        code: f.expected.code,
        severity: f.expected.severity,
      };
    });
    const got = findings.map(({ sheet, table, row, columnNumber, column, code, severity }) => ({
      sheet,
      table,
      row,
      columnNumber,
      column,
      code,
      severity,
    }));
    const order = (a: { table: string; row: number; columnNumber: number }) =>
      `${a.table}:${String(a.row).padStart(6, "0")}:${String(a.columnNumber).padStart(4, "0")}`;
    expect([...got].sort((a, b) => order(a).localeCompare(order(b)))).toEqual([...expected].sort((a, b) => order(a).localeCompare(order(b))));
  });

  it("lists findings in the spec's sheet order, then by row and column", () => {
    const findings = checkWorkbook(plant(sampleSnapshot(language), plantedFaults(language)));
    const sheetOrder = ["SalesGoals", "StrategyPlan", "MarketAnalysis", "Customers", "Tasks", "Pipeline", "Risks", "ReviewInputs", "Playbook"];
    const keys = findings.map((f) => [sheetOrder.indexOf(f.table), f.row, f.columnNumber]);
    const sorted = [...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    expect(keys).toEqual(sorted);
    expect(findings[0].table).toBe("SalesGoals");
    expect(findings[findings.length - 1].table).toBe("Playbook");
  });

  it("counts errors and warnings per sheet", () => {
    const summary = summarize(checkWorkbook(plant(sampleSnapshot(language), plantedFaults(language))));
    const errors = plantedFaults(language).filter((f) => f.expected.severity === "error").length;
    expect([summary.errors, summary.warnings]).toEqual([errors, plantedFaults(language).length - errors]);
    const tasksSheet = sampleSnapshot(language).tables.find((t) => t.name === "Tasks")!.sheet;
    // Tasks: duplicate, required, refMissing, requiredWhen, blankUnless, dateOrder, stageNotOnPath; overwritten, roster, language.
    expect(summary.sheets.find((s) => s.sheet === tasksSheet)).toEqual({ sheet: tasksSheet, errors: 7, warnings: 3 });
  });
});
