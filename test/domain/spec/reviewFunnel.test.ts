// The Review sheet's funnel (SPEC section 2 "funnel", SALES.FUNNEL's rows as a table): its
// spec, how an upgrade adds it, and its formulas as the .xlsx writer writes them (structured
// references, OFFSET to the row above), recalculated by LibreOffice against hand counts.
import { join } from "node:path";
import { WORKBOOK } from "../../../src/domain/spec/workbook";
import { NEW_CUSTOMER_STAGES, STAGE } from "../../../src/domain/spec/vocabulary";
import { applyPlanToState, plan, recordItem, EMPTY_WORKBOOK, RECORD_TABLE } from "../../../src/domain/plan";
import type { AddTableStep, CellInput, Plan, PlanOptions, WorkbookState } from "../../../src/domain/plan";
import { parseArea } from "../../../src/domain/plan/address";
import { applyPlan } from "../../../src/xlsx/apply";
import { localToday, newWorkbook, planNewWorkbook, type BuildOptions } from "../../../src/xlsx/build";
import { makeWorkDir, removeWorkDir, xlsxToCsv, type Table } from "../../support/libreoffice";
import { table } from "./a1";

const funnel = table("ReviewFunnel");

describe("the funnel table on the Review sheet", () => {
  it("has a row per new-customer stage, in order, whether or not sample data is asked for", () => {
    expect(funnel.sheet).toBe("review");
    expect(funnel.sample).toBeUndefined();
    expect(funnel.rows?.map((r) => r.stage)).toEqual(NEW_CUSTOMER_STAGES.map((s) => ({ term: STAGE, key: s.key })));
  });

  it("computes Reached, Conversion and Default probability natively, conversion as a percentage", () => {
    const [stage, ...computed] = funnel.columns;
    expect(stage).toMatchObject({ key: "stage", type: "text" });
    expect(computed.map((c) => c.key)).toEqual(["reached", "conversion", "probability"]);
    for (const c of computed) expect(c.formula).toHaveProperty("native");
    expect(computed.find((c) => c.key === "conversion")!.numberFormat).toBe("0%");
  });

  it("shares no column with ReviewInputs or ReviewMetrics, so each can grow downwards", () => {
    const review = WORKBOOK.tables.filter((t) => t.sheet === "review");
    expect(review.map((t) => t.name).sort()).toEqual(["ReviewFunnel", "ReviewInputs", "ReviewMetrics"]);
    const spans = review.map((t) => {
      const first = parseArea(t.anchor).firstColumn;
      return { name: t.name, first, last: first + t.columns.length - 1 };
    });
    for (const a of spans) {
      for (const b of spans) {
        if (a.name !== b.name)
          expect({ a: a.name, b: b.name, apart: a.last + 1 < b.first || b.last + 1 < a.first }).toEqual({ a: a.name, b: b.name, apart: true });
      }
    }
  });
});

describe("upgrading a workbook made before the funnel", () => {
  const options: PlanOptions = { language: "en-US", sample: true, today: "2026-03-15" };
  // Set up by a version whose spec had no funnel.
  const before = { ...WORKBOOK, tables: WORKBOOK.tables.filter((t) => t.name !== "ReviewFunnel") };
  const older = applyPlanToState(EMPTY_WORKBOOK, plan(before, EMPTY_WORKBOOK, options));
  // The Review sheet as Office.js reads its top-left cells: ReviewInputs and ReviewMetrics there, R1 onwards blank.
  const reviewTop = Array.from({ length: 64 }, () => Array.from({ length: 64 }, (_, c) => (c < 16 ? "x" : "")));
  const withTop: WorkbookState = { ...older, sheets: older.sheets.map((s) => (s.name === "Review" ? { ...s, top: reviewTop } : s)) };

  it("adds ReviewFunnel at its anchor with its six stage rows, and nothing else", () => {
    const p = plan(WORKBOOK, withTop, { ...options, sample: false });
    const add = p.steps.filter((s): s is AddTableStep => s.kind === "addTable");
    expect(add).toHaveLength(1);
    expect(add[0]).toMatchObject({
      table: "ReviewFunnel",
      sheet: "Review",
      address: "W1:Z1",
      headers: ["Stage", "Reached", "Conversion from previous stage", "Default probability"],
    });
    expect(add[0].rows.map((r) => r[0])).toEqual(NEW_CUSTOMER_STAGES.map((s) => s.en));
    for (const step of p.steps) {
      const where = "table" in step ? step.table : step.kind;
      expect({ kind: step.kind, where: where === "ReviewFunnel" || where === RECORD_TABLE }).toEqual({ kind: step.kind, where: true });
    }
    const recorded = p.steps.flatMap((s) => (s.kind === "appendRows" ? s.rows.map((r) => r[0]) : []));
    expect(recorded.sort()).toEqual(funnel.columns.map((c) => recordItem.column("ReviewFunnel", c.key)).sort());
    expect(p.notices).toEqual([]);
  });

  it("goes right of what the sheet uses when its cells are unknown, and is not planned again once added", () => {
    const p = plan(WORKBOOK, older, options);
    const add = p.steps.filter((s): s is AddTableStep => s.kind === "addTable");
    expect(add.map((s) => s.table)).toEqual(["ReviewFunnel"]);
    expect(add[0].address).toBe("W1:Z1");
    expect(plan(WORKBOOK, applyPlanToState(older, p), options).steps).toEqual([]);
  });
});

// Pipeline rows by stage word; each row reached every stage up to its own.
const STAGE_EN = NEW_CUSTOMER_STAGES.map((s) => s.en);
const STAGE_ZH = NEW_CUSTOMER_STAGES.map((s) => s.zh);

/** The workbook written by the .xlsx writer, with these Pipeline stages, as LibreOffice computes it. */
async function funnelIn(dir: string, name: string, options: BuildOptions, stages: readonly (string | null)[]): Promise<Table> {
  const workbook = newWorkbook();
  const made = planNewWorkbook(workbook, options, localToday());
  const withRows: Plan = {
    ...made,
    steps: made.steps.map((step) => {
      if (step.kind !== "addTable" || step.table !== "Pipeline") return step;
      const rows = stages.map((stage, i): CellInput[] =>
        step.keys.map((key) => (key === "stage" ? stage : key === "opportunity" ? `Deal ${i + 1}` : null)),
      );
      return { ...step, rows };
    }),
  };
  applyPlan(workbook, withRows);
  const file = join(dir, `${name}.xlsx`);
  await workbook.xlsx.writeFile(file);
  const csv = await xlsxToCsv(file, join(dir, name));
  const review = [...csv.entries()].find(([sheet]) => sheet === (options.language === "zh-CN" ? "复盘" : "Review"))![1];
  const at = review[0].indexOf(options.language === "zh-CN" ? "阶段" : "Stage");
  return review.slice(0, 1 + NEW_CUSTOMER_STAGES.length).map((row) => row.slice(at, at + funnel.columns.length));
}

/** A data row as numbers where LibreOffice showed one ("83.3333333333333%" is 0.8333...), blank as "". */
const valuesOf = (row: readonly string[]) =>
  row.map((cell) => (cell === "" || !/^[\d.]+%?$/.test(cell) ? cell : cell.endsWith("%") ? Number(cell.slice(0, -1)) / 100 : Number(cell)));
const near = (n: number) => expect.closeTo(n, 9);

describe("the funnel, written to .xlsx and recalculated by LibreOffice", () => {
  let dir: string;
  let english: Table;
  let chinese: Table;

  beforeAll(async () => {
    dir = makeWorkDir("review-funnel");
    const [lead, call, , proposal, , signing] = STAGE_EN;
    english = await funnelIn(dir, "english", { language: "en-US", sample: false, functions: false }, [
      lead,
      lead,
      call,
      proposal,
      proposal,
      proposal,
      signing,
      // COUNTIF ignores case; a row without a stage and a row on the existing-customer path count nowhere.
      "SIGNING",
      null,
      STAGE.terms.find((t) => t.key === "needsDiscovery")!.en,
    ]);
    // Nobody beyond product demo: the stage after an empty one has no conversion, not #DIV/0!.
    chinese = await funnelIn(dir, "chinese", { language: "zh-CN", sample: false, functions: true }, [STAGE_ZH[0], STAGE_ZH[2], STAGE_ZH[2]]);
  }, 300_000);
  afterAll(() => removeWorkDir(dir));

  it("counts, for each stage, the rows at it or beyond, and divides by the stage before", () => {
    expect(english[0]).toEqual(["Stage", "Reached", "Conversion from previous stage", "Default probability"]);
    expect(english.slice(1).map(valuesOf)).toEqual([
      [STAGE_EN[0], 8, "", near(0.1)],
      [STAGE_EN[1], 6, near(6 / 8), near(0.2)],
      [STAGE_EN[2], 5, near(5 / 6), near(0.4)],
      [STAGE_EN[3], 5, near(1), near(0.6)],
      [STAGE_EN[4], 2, near(2 / 5), near(0.8)],
      [STAGE_EN[5], 2, near(1), near(1)],
    ]);
  });

  it("reads the Chinese workbook's own stage words, and leaves conversion blank after a stage nobody reached", () => {
    expect(chinese[0]).toEqual(["阶段", "到达数", "较上一阶段转化率", "默认概率"]);
    expect(chinese.slice(1).map(valuesOf)).toEqual([
      [STAGE_ZH[0], 3, "", near(0.1)],
      [STAGE_ZH[1], 2, near(2 / 3), near(0.2)],
      [STAGE_ZH[2], 2, near(1), near(0.4)],
      [STAGE_ZH[3], 0, 0, near(0.6)],
      [STAGE_ZH[4], 0, "", near(0.8)],
      [STAGE_ZH[5], 0, "", near(1)],
    ]);
  });
});
