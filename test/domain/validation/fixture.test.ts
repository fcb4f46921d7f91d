// The fixture other tests (and the .xlsx check tests) rely on: the sample workbook snapshot
// says what set-up writes, and every planted edit lands on a real, distinct cell.
import { LANGUAGES } from "../../../src/domain/spec/vocabulary";
import { FINDING_CODES } from "../../../src/domain/validation";
import { columnIndex, excelRow, harmlessEdits, plant, plantedFaults, sampleSnapshot } from "../../support/plantedFaults";

describe.each(LANGUAGES)("sample snapshot in %s", (language) => {
  const snapshot = sampleSnapshot(language);
  const table = (name: string) => snapshot.tables.find((t) => t.name === name)!;

  it("holds the sample tasks as set-up writes them, at A1 of the Tasks sheet", () => {
    const tasks = table("Tasks");
    expect(tasks.sheet).toBe(language === "zh-CN" ? "任务矩阵" : "Tasks");
    expect([tasks.headerRow, tasks.firstColumn]).toEqual([1, 1]);
    expect(tasks.values.map((r) => r[columnIndex(tasks, "id")])).toEqual(["T-001", "T-002", "T-003", "T-004", "T-005", "T-006", "T-007"]);
    expect(tasks.headers[columnIndex(tasks, "due")]).toBe(language === "zh-CN" ? "截止日期" : "Due");
    expect(snapshot.language).toBe(language);
  });

  it("gives the computed cells their formula and no other cell of Tasks one", () => {
    const tasks = table("Tasks");
    const daysLate = columnIndex(tasks, "daysLate");
    for (const row of tasks.formulas!) {
      row.forEach((formula, c) => (c === daysLate ? expect(formula).toMatch(/^=/) : expect(formula).toBeNull()));
    }
  });

  it("writes each review metric's own formula into its Actual cell", () => {
    const metrics = table("ReviewMetrics");
    const actual = columnIndex(metrics, "actual");
    const formulas = metrics.formulas!.map((r) => r[actual]);
    expect(formulas.every((f) => typeof f === "string" && f.startsWith("="))).toBe(true);
    expect(new Set(formulas).size).toBe(formulas.length);
  });

  it("puts tables that share a sheet side by side (ReviewMetrics at M1)", () => {
    expect([table("ReviewMetrics").headerRow, table("ReviewMetrics").firstColumn]).toEqual([1, 13]);
  });

  it("fills the team roster and the record of what set-up made", () => {
    expect(table("Team").values).toHaveLength(3);
    expect(table("AddinRecord").values.length).toBeGreaterThan(10);
    expect(table("AddinRecord").values.every((r) => typeof r[0] === "string")).toBe(true);
  });

  it("plants each fault on its own existing cell, and only there", () => {
    const faults = plantedFaults(language);
    const cells = faults.map((f) => `${f.table}:${f.row}:${f.column}`);
    expect(new Set(cells).size).toBe(cells.length);
    const planted = plant(snapshot, [...faults, ...harmlessEdits(language)]);
    const fault = faults.find((f) => f.table === "Tasks" && f.column === "daysLate")!;
    const tasks = planted.tables.find((t) => t.name === "Tasks")!;
    expect(tasks.values[fault.row][columnIndex(tasks, "daysLate")]).toBe(fault.value);
    expect(tasks.formulas![fault.row][columnIndex(tasks, "daysLate")]).toBeNull();
    expect(tasks.formulas![fault.row + 1][columnIndex(tasks, "daysLate")]).toMatch(/^=/);
    expect(excelRow(tasks, fault.row)).toBe(2 + fault.row);
    // The clean snapshot is untouched.
    expect(table("Tasks").formulas![fault.row][columnIndex(tasks, "daysLate")]).toMatch(/^=/);
  });
});

describe("the planted faults", () => {
  it.each(LANGUAGES)("plant a fault for every rule a cell edit can break (%s)", (language) => {
    const planted = new Set(plantedFaults(language).map((f) => f.expected.code));
    // A missing column is a header edit, not a cell edit: rules.test.ts plants it.
    expect(FINDING_CODES.filter((code) => code !== "columnMissing" && !planted.has(code))).toEqual([]);
  });
});
