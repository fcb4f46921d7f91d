// The zod schemas state each column's type and bounds; the check compiles them into plain
// comparisons. For any number, the check accepts a cell exactly when the column's schema does.
import fc from "fast-check";
import { cellSchema, checkWorkbook, rowSchema } from "../../../src/domain/validation";
import { tableSpec } from "../../../src/domain/spec/workbook";
import { plant, sampleSnapshot, type CellEdit } from "../../support/plantedFaults";

const EN = sampleSnapshot("en-US");

describe("row schemas", () => {
  it("have one field per column of the spec, and no other", () => {
    for (const name of ["Tasks", "Pipeline", "SalesGoals", "Team"]) {
      const spec = tableSpec(name)!;
      expect(Object.keys(rowSchema(spec).shape)).toEqual(spec.columns.map((c) => c.key));
    }
  });

  it("take a clean task as read and refuse one without its required cells", () => {
    const schema = rowSchema(tableSpec("Tasks")!);
    const task = {
      id: "T-001",
      customer: "Acme",
      path: "new",
      stage: "proposal",
      action: "Demo",
      outputStandard: null,
      owner: "Chen",
      support: null,
      start: 46_000,
      due: 46_001,
      status: "done",
      completedOn: 46_001,
      daysLate: 0,
      reason: null,
    };
    expect(schema.safeParse(task).success).toBe(true);
    expect(schema.safeParse({ ...task, due: null }).success).toBe(false);
    expect(schema.safeParse({ ...task, status: "finished" }).success).toBe(false);
    expect(schema.safeParse({ ...task, start: 0 }).success).toBe(false);
  });
});

describe.each([
  ["Customers", 0, "annualRevenue", []],
  ["Customers", 0, "winProbability", []],
  ["Risks", 0, "likelihood", []],
  ["Tasks", 3, "due", [{ table: "Tasks", row: 3, column: "start", value: null }]],
] as [CellEdit["table"], number, string, CellEdit[]][])("%s %s %s", (table, row, column, more) => {
  const schema = cellSchema(tableSpec(table)!.columns.find((c) => c.key === column)!);
  const number = fc.oneof(
    fc.double({ noNaN: true }),
    fc.integer({ min: -10, max: 3_000_000 }),
    fc.constantFrom(0, 1, 5, 100, 2_958_465, 2_958_466, -0),
  );

  it("is accepted by the check exactly when its zod schema accepts it", () => {
    fc.assert(
      fc.property(number, (value) => {
        const findings = checkWorkbook(plant(EN, [...more, { table, row, column, value }]));
        expect({ value, accepted: findings.length === 0 }).toEqual({ value, accepted: schema.safeParse(value).success });
      }),
      // Each bound, at it and just beside it: 0, 100%, Excel's last date serial 2,958,465, the 1–5 scale.
      { numRuns: 200, examples: [0, -0, -1e-9, 1e-9, 0.5, 1, 1.0000001, 5, 5.5, 6, 45, 100, 2_958_465, 2_958_466, 1.5].map((v) => [v] as [number]) },
    );
  });
});

describe("headers", () => {
  it("no two columns of a table share a header word, in either language, so a header names one column", () => {
    const clashes: string[] = [];
    for (const name of [
      "Config",
      "Stages",
      "Tiers",
      "Team",
      "AddinRecord",
      "Lists",
      "SalesGoals",
      "StrategyPlan",
      "MarketAnalysis",
      "Customers",
      "Tasks",
      "Pipeline",
      "Risks",
      "ReviewInputs",
      "ReviewMetrics",
      "ReviewFunnel",
      "Playbook",
    ]) {
      const owner = new Map<string, string>();
      for (const c of tableSpec(name)!.columns) {
        for (const word of new Set([c.header.en, c.header.zh].map((w) => w.trim().toLowerCase()))) {
          if (owner.has(word)) clashes.push(`${name}: "${word}" is ${owner.get(word)} and ${c.key}`);
          owner.set(word, c.key);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
