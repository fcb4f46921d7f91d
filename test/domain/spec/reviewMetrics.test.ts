// The Review sheet's portable metric formulas, recalculated by LibreOffice (SUMPRODUCT over
// INDEX:INDEX ranges and array comparisons are beyond HyperFormula), against hand counts.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { REVIEW_METRICS } from "../../../src/domain/spec/workbook";
import { NEW_CUSTOMER_STAGES, TIER } from "../../../src/domain/spec/vocabulary";
import { xlsxToCsv, makeWorkDir, removeWorkDir } from "../../support/libreoffice";
import { a1, table } from "./a1";

type Cell = string | number | null;

/** Each new-customer stage's default probability, as Settings holds it. */
const STAGE_PROBABILITY = [0.1, 0.2, 0.4, 0.6, 0.8, 1];

const stage = (i: number) => NEW_CUSTOMER_STAGES[i].en;
const SHEETS: Record<string, Record<string, Cell>[]> = {
  Pipeline: [
    { stage: stage(0), status: "open", amount: 100, probability: 0.1 },
    { stage: stage(1), status: "lost", amount: 100, probability: 0.2 },
    { stage: stage(2), status: "lost" },
    { stage: stage(3), status: "OPEN", amount: 1000, probability: 0.6 },
    { stage: stage(5), status: "won", amount: 500, probability: 1 },
    // COUNTIF ignores case but not stray spaces; the drop-down never adds any.
    { stage: "SIGNING", status: "赢单" },
    // A blank probability is the stage's default (product demo: 40% in Settings below).
    { stage: stage(2), status: "跟进中", amount: 200 },
    // A blank status is not open.
    { stage: stage(4), amount: 300, probability: 0.5 },
    // At signing but not won: not a deal. Won at proposal: a deal. Won before product demo: never an opportunity.
    { stage: stage(5), status: "open", amount: 50, probability: 0.9 },
    { stage: stage(3), status: "Won" },
    { stage: stage(1), status: "won" },
  ],
  ReviewInputs: [
    { salesSpend: 100, marketingSpend: 50, newCustomers: 3, arpu: 100, grossMargin: 0.5, churnRate: 0.05 },
    { salesSpend: 200, marketingSpend: 50, newCustomers: 1, arpu: 300, grossMargin: 0.5, churnRate: 0.05 },
  ],
  Tasks: [
    { due: 1, status: "in progress" },
    { due: 1, status: "已完成" },
    { due: 1, status: "cancelled" },
    { due: 2, status: "受阻" },
    { status: "not started" },
  ],
};

describe("review metrics, portable form, in LibreOffice", () => {
  let values: Map<string, number>;
  let dir: string;

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    for (const [name, rows] of Object.entries(SHEETS)) {
      const sheet = wb.addWorksheet(name);
      const columns = table(name).columns;
      rows.forEach((row, r) =>
        columns.forEach((c, i) => {
          if (row[c.key] !== undefined && row[c.key] !== null) sheet.getCell(r + 2, i + 1).value = row[c.key];
        }),
      );
    }
    const settings = wb.addWorksheet("Settings");
    NEW_CUSTOMER_STAGES.forEach((s, i) => (settings.getCell(i + 1, 1).value = s.en));
    TIER.terms.forEach((t, i) => (settings.getCell(i + 1, 2).value = t.en));
    STAGE_PROBABILITY.forEach((p, i) => (settings.getCell(i + 1, 3).value = p));
    wb.definedNames.add(`Settings!$A$1:$A$${NEW_CUSTOMER_STAGES.length}`, "List_StagesNew");
    wb.definedNames.add(`Settings!$A$1:$A$${NEW_CUSTOMER_STAGES.length}`, "List_Stage");
    wb.definedNames.add(`Settings!$C$1:$C$${NEW_CUSTOMER_STAGES.length}`, "StageProbability");
    const constants = wb.addWorksheet("Constants");
    constants.getCell("A1").value = 60;
    constants.getCell("A2").value = 3;
    wb.definedNames.add("Constants!$A$1", "LtvLifetimeCap");
    wb.definedNames.add("Constants!$A$2", "LagAlertDays");
    const out = wb.addWorksheet("Out");
    REVIEW_METRICS.forEach((m, i) => {
      out.getCell(i + 1, 1).value = m.key;
      const formula = "native" in m.actual ? m.actual.native : m.actual.portable;
      out.getCell(i + 1, 2).value = { formula: a1(formula, "ReviewMetrics").slice(1) } as ExcelJS.CellFormulaValue;
    });
    dir = makeWorkDir("review-metrics");
    const file = join(dir, "metrics.xlsx");
    await wb.xlsx.writeFile(file);
    const csv = await xlsxToCsv(file, dir);
    const rows = [...csv.entries()].find(([name]) => name.includes("Out"))![1];
    values = new Map(rows.map((r) => [r[0], Number(r[1])]));
  });
  afterAll(() => removeWorkDir(dir));

  it("lead to opportunity: rows at product demo or beyond, of all rows on the path", () => {
    expect(values.get("leadToOpportunity")).toBeCloseTo(8 / 11);
  });
  it("opportunity to deal: won rows at product demo or beyond, of rows at product demo or beyond", () => {
    expect(values.get("opportunityToDeal")).toBeCloseTo(3 / 8);
  });
  it("win rate is won / (won + lost), words of both languages", () => expect(values.get("winRate")).toBeCloseTo(4 / 6));
  it("CAC is all spend / new customers", () => expect(values.get("cac")).toBeCloseTo(400 / 4));
  it("LTV is ARPU × margin × lifetime, the lifetime capped", () => expect(values.get("ltv")).toBeCloseTo(200 * 0.5 * 20));
  it("LTV / CAC", () => expect(values.get("ltvToCac")).toBeCloseTo(2000 / 100));
  it("payback months is CAC / monthly margin", () => expect(values.get("paybackMonths")).toBeCloseTo(100 / (200 * 0.5)));
  it("weighted pipeline counts open rows only, any case, a blank probability at its stage's default", () => {
    expect(values.get("weightedPipeline")).toBeCloseTo(100 * 0.1 + 1000 * 0.6 + 200 * 0.4 + 50 * 0.9);
  });
  it("lagging tasks leave out done and cancelled ones and rows without a due date", () => expect(values.get("laggingTasks")).toBe(2));
});
