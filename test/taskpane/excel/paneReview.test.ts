// The Review panel's Excel side: the cards say what the ReviewMetrics rows hold, and the
// "portable formulas" switch rewrites exactly the cells the add-in wrote in one form into the
// other, in one batch and one undo step, leaving every formula a user wrote alone.
import { FUNNEL_CHART_NAME, readReview, reviewFrom, setPortableFormulas, upsertFunnelChart } from "../../../src/excel/paneReview";
import type { PaneTable } from "../../../src/excel/paneTables";
import type { TableName } from "../../../src/domain/spec/types";
import { FakeExcel, FakeWorkbook, type FakeTable } from "../../support/fakeExcel";
import { chartsOn } from "../../support/fakeCharts";
import { freshFake, hostFor, setUp, typeRows } from "../../support/fakeExcelFixtures";

function paneTable(name: TableName, headers: string[], values: unknown[][], extra: Partial<PaneTable> = {}): PaneTable {
  return { name, sheet: "Review", headerRowIndex: 0, firstColumnIndex: 0, headers, values, formulas: values, numberFormats: [], ...extra };
}

const METRICS = ["Metric", "Target", "Actual", "Variance", "On track", "Better when"];

describe("the metric cards", () => {
  it("show each metric's numbers as the cells hold them, its mark and which way is better", () => {
    const metrics = paneTable(
      "ReviewMetrics",
      METRICS,
      [
        ["Win rate (%)", 0.3, 0.25, -0.05, " ✗ ", "Higher"],
        ["", "", "", "", "", ""],
        ["CAC", 20_000, "", "#DIV/0!", "", "越低越好"],
        ["My metric", "n/a", 5, 1, "✓", "sideways"],
      ],
      {
        numberFormats: [
          ["General", "0%", "0.0%", "0%", "General", "General"],
          [],
          ["#,##0", "#,##0", "#,##0", "#,##0", "General", "General"],
          ["General", "General", "General", "General", "General", "General"],
        ],
      },
    );
    expect(reviewFrom(new Map([["ReviewMetrics", metrics]])).cards).toEqual([
      { metric: "Win rate (%)", target: 0.3, actual: 0.25, variance: -0.05, onTrack: false, better: "higher", percent: true },
      { metric: "CAC", target: 20_000, better: "lower" },
      { metric: "My metric", actual: 5, variance: 1, onTrack: true },
    ]);
  });

  it("find their columns by header in either language and in any order; without Better when, no direction", () => {
    const metrics = paneTable("ReviewMetrics", ["实际值", "指标", "是否达标", "目标值"], [[0.5, "赢单率（%）", "✓", 0.3]]);
    expect(reviewFrom(new Map([["ReviewMetrics", metrics]])).cards).toEqual([{ metric: "赢单率（%）", target: 0.3, actual: 0.5, onTrack: true }]);
  });

  it("are none without a ReviewMetrics table", () => {
    expect(reviewFrom(new Map()).cards).toEqual([]);
  });
});

describe("whether the workbook works without the add-in", () => {
  const goals = (attainment: string, goal = "Q3 revenue") =>
    paneTable("SalesGoals", ["Goal", "Target", "Actual", "Attainment"], [[goal, 100, 50, 0.5]], { formulas: [[goal, 100, 50, attainment]] });

  it("is yes when the two-form cells hold native formulas, no when one holds a SALES function, in any letter case", () => {
    expect(reviewFrom(new Map([["SalesGoals", goals("=C2/B2")]])).portable).toBe(true);
    expect(reviewFrom(new Map([["SalesGoals", goals("=SALES.ATTAINMENT(C2,B2)")]])).portable).toBe(false);
    expect(reviewFrom(new Map([["SalesGoals", goals("=sales.attainment(C2,B2)")]])).portable).toBe(false);
  });

  it("looks only at the cells the add-in gives two forms: a SALES function a user typed elsewhere does not count", () => {
    expect(reviewFrom(new Map([["SalesGoals", goals("=C2/B2", "=SALES.GROWTH(1,2)")]])).portable).toBe(true);
  });

  it("finds a review metric's row by its words in either language", () => {
    // Its formula reads Pipeline[Status], so Pipeline is read with it.
    const pipeline = paneTable("Pipeline", ["商机名称", "状态"], [["A", "赢单"]]);
    const formula = "=SALES.WINRATE(Pipeline[状态])";
    const zh = paneTable("ReviewMetrics", ["指标", "实际值"], [[" 赢单率（%） ", ""]], { formulas: [["赢单率（%）", formula]] });
    expect(
      reviewFrom(
        new Map([
          ["ReviewMetrics", zh],
          ["Pipeline", pipeline],
        ]),
      ).portable,
    ).toBe(false);
    const en = paneTable("ReviewMetrics", ["Metric", "Actual"], [["WIN RATE (%)", ""]], { formulas: [["WIN RATE (%)", formula]] });
    expect(
      reviewFrom(
        new Map([
          ["ReviewMetrics", en],
          ["Pipeline", pipeline],
        ]),
      ).portable,
    ).toBe(false);
    const user = paneTable("ReviewMetrics", ["指标", "实际值"], [["My metric", ""]], { formulas: [["My metric", formula]] });
    expect(
      reviewFrom(
        new Map([
          ["ReviewMetrics", user],
          ["Pipeline", pipeline],
        ]),
      ).portable,
    ).toBe(true);
  });
});

/** Every formula in a column of a table, by data row. */
function columnFormulas(fake: FakeExcel, table: FakeTable, header: string): string[] {
  const c = fake.workbook.headers(table).indexOf(header);
  const out: string[] = [];
  for (let r = 1; r < table.rect.rows; r++) out.push(fake.workbook.peek(table.sheet, table.rect.row + r, table.rect.col + c)?.formula ?? "");
  return out;
}

describe("the portable-formulas switch on a set-up workbook", () => {
  async function setUpFake(undo = true) {
    const fake = freshFake({ supportsUndoGrouping: undo });
    await setUp(fake, { language: "en-US" });
    fake.resetCounters();
    return fake;
  }

  it("asking for the form the workbook already has reads once and writes nothing", async () => {
    const fake = await setUpFake();
    expect(await setPortableFormulas(hostFor(fake), true)).toEqual({ changed: 0, kept: 0 });
    expect(fake.operations).toEqual([]);
    expect(fake.syncs).toBe(2);
  });

  it("to SALES functions: every Attainment, SMART and Tier cell and the review metrics that have a function, in one batch and one undo step", async () => {
    const fake = await setUpFake();
    const goals = fake.workbook.table("SalesGoals")!;
    const customers = fake.workbook.table("Customers")!;
    const metrics = fake.workbook.table("ReviewMetrics")!;
    const attainment = columnFormulas(fake, goals, "Attainment").filter((f) => f !== "");
    const smart = columnFormulas(fake, goals, "SMART").filter((f) => f !== "");
    const tier = columnFormulas(fake, customers, "Tier").filter((f) => f !== "");
    expect(attainment.length).toBeGreaterThan(1);
    expect(tier.length).toBeGreaterThan(1);
    const result = await setPortableFormulas(hostFor(fake), false);
    const after = {
      attainment: columnFormulas(fake, goals, "Attainment").filter((f) => f !== ""),
      smart: columnFormulas(fake, goals, "SMART").filter((f) => f !== ""),
      tier: columnFormulas(fake, customers, "Tier").filter((f) => f !== ""),
      metrics: columnFormulas(fake, metrics, "Actual"),
    };
    expect(after.attainment.every((f) => f.includes("SALES.ATTAINMENT("))).toBe(true);
    expect(after.smart.every((f) => f.includes("SALES.SMART("))).toBe(true);
    expect(after.tier.every((f) => f.includes("SALES.TIER("))).toBe(true);
    const metricsWithFunctions = after.metrics.filter((f) => f.includes("SALES."));
    // Opportunity → deal conversion has no SALES function: it keeps its one native form.
    expect(after.metrics.filter((f) => !f.includes("SALES."))).toHaveLength(1);
    expect(result).toEqual({ changed: attainment.length + smart.length + tier.length + metricsWithFunctions.length, kept: 0 });
    expect(fake.syncs).toBe(3);
    expect(fake.count("Application.calculate")).toBe(1);
    expect(fake.undoSteps).toBe(1);
    expect(fake.runs).toEqual([{ delayForCellEdit: true, mergeUndoGroup: true }]);
    expect((await readReview(hostFor(fake)))!.portable).toBe(false);
  });

  it("without undo grouping (before ExcelApi 1.20) it still switches, without asking Excel to group", async () => {
    const fake = await setUpFake(false);
    const result = await setPortableFormulas(hostFor(fake, false), false);
    expect(result.changed).toBeGreaterThan(0);
    expect(fake.runs).toEqual([{ delayForCellEdit: true }]);
  });

  it("recognises its own formula when Excel shows it as [@Actual] in other letter case, and keeps a user's own formula", async () => {
    const fake = await setUpFake();
    const goals = fake.workbook.table("SalesGoals")!;
    const c = fake.workbook.headers(goals).indexOf("Attainment");
    const first = fake.workbook.cell(goals.sheet, goals.rect.row + 1, goals.rect.col + c);
    const second = fake.workbook.cell(goals.sheet, goals.rect.row + 2, goals.rect.col + c);
    // Excel displays SalesGoals[[#This Row],[Actual]] as [@Actual].
    first.formula = first.formula!.replace(/SalesGoals\[\[#This Row\],\[([^\]]+)\]\]/g, "[@$1]").toLowerCase();
    expect(first.formula).toContain("[@actual]");
    second.formula = "=0.5";
    const result = await setPortableFormulas(hostFor(fake), false);
    expect(result.kept).toBe(1);
    expect(first.formula).toMatch(/SALES\.ATTAINMENT\(/);
    expect(second.formula).toBe("=0.5");
    // And back: the user's formula is still kept and counted.
    const back = await setPortableFormulas(hostFor(fake), true);
    expect(back).toEqual({ changed: result.changed, kept: 1 });
    expect(first.formula).not.toMatch(/SALES\./);
    expect(second.formula).toBe("=0.5");
  });

  it("a workbook without ReviewMetrics has no Review panel", async () => {
    const fake = freshFake();
    expect(await readReview(hostFor(fake))).toBeUndefined();
  });
});

describe("the funnel chart", () => {
  it("is inserted beside the review as a Funnel of the Stage and Reached columns, titled, below the funnel table", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "en-US" });
    fake.resetCounters();
    expect(await upsertFunnelChart(hostFor(fake), "Sales funnel")).toBe("inserted");
    const funnel = fake.workbook.table("ReviewFunnel")!;
    // Set-up puts ReviewFunnel at W1 with the six new-customer stages: Stage in W, Reached in X, rows 1 to 7.
    expect([funnel.rect.row, funnel.rect.col, funnel.rect.rows]).toEqual([0, 22, 7]);
    expect(chartsOn(fake.workbook, funnel.sheet.name)).toEqual([
      { type: "Funnel", name: FUNNEL_CHART_NAME, title: "Sales funnel", source: "W1:X7", seriesBy: "Columns", position: "W10" },
    ]);
    expect(FUNNEL_CHART_NAME).toBe("SalesFunnel");
    expect(fake.syncs).toBe(4);
  });

  it("asked again, points the same chart at the table's rows as they are now, adding none", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "en-US" });
    const host = hostFor(fake);
    await upsertFunnelChart(host, "Sales funnel");
    const funnel = fake.workbook.table("ReviewFunnel")!;
    typeRows(fake.workbook, funnel, [["My stage"]]);
    expect(await upsertFunnelChart(host, "Another title")).toBe("refreshed");
    expect(chartsOn(fake.workbook, funnel.sheet.name)).toEqual([
      { type: "Funnel", name: "SalesFunnel", title: "Sales funnel", source: "W1:X8", seriesBy: "Columns", position: "W10" },
    ]);
  });

  it("follows the table where a user moved it, and leaves the user's own charts alone", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable(
      "Funnel",
      "ReviewFunnel",
      "C4",
      ["Stage", "Reached", "Conversion from previous stage"],
      [
        ["Lead", 10, ""],
        ["Demo", 4, 0.4],
      ],
    );
    const fake = new FakeExcel(wb);
    const host = hostFor(fake);
    await fake.run({}, async (fakeContext) => {
      const context = fakeContext as unknown as Excel.RequestContext;
      const sheet = context.workbook.worksheets.getItem("Funnel");
      sheet.charts.add("Pie", sheet.getRange("A1:B2"), "Auto").name = "Mine";
      await context.sync();
    });
    expect(await upsertFunnelChart(host, "销售漏斗")).toBe("inserted");
    expect(chartsOn(wb, "Funnel").map((c) => [c.name, c.source, c.position, c.title])).toEqual([
      ["Mine", "A1:B2", "", ""],
      ["SalesFunnel", "C4:D6", "C9", "销售漏斗"],
    ]);
  });

  it("is refused without a ReviewFunnel table, or when Stage and Reached are no longer side by side, drawing nothing", async () => {
    const empty = freshFake();
    await expect(upsertFunnelChart(hostFor(empty), "Sales funnel")).rejects.toThrow("ReviewFunnel");
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Funnel", "ReviewFunnel", "A1", ["Stage", "My notes", "Reached"], [["Lead", "x", 10]]);
    await expect(upsertFunnelChart(hostFor(new FakeExcel(wb)), "Sales funnel")).rejects.toThrow("ReviewFunnel");
    const noStage = new FakeWorkbook();
    noStage.addSheet("Sheet1");
    noStage.seedTable("Funnel", "ReviewFunnel", "A1", ["Step", "Reached"], [["Lead", 10]]);
    await expect(upsertFunnelChart(hostFor(new FakeExcel(noStage)), "Sales funnel")).rejects.toThrow("ReviewFunnel");
    expect(chartsOn(wb, "Funnel")).toEqual([]);
    expect(chartsOn(noStage, "Funnel")).toEqual([]);
  });
});
