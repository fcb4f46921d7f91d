// The spec's native and portable formulas, computed by a real spreadsheet engine (HyperFormula)
// against values worked out by hand: a portable twin must give what SALES.* gives.
import { HyperFormula } from "hyperformula";
import { WORKBOOK, FORMULAS } from "../../../src/domain/spec/workbook";
import type { ComputedFormula } from "../../../src/domain/spec/types";
import { DEFAULT_TIER_SETTINGS, FOLLOW_UP_DAYS, NEW_CUSTOMER_STAGES, TIER, type TierKey } from "../../../src/domain/spec/vocabulary";
import { a1, table } from "./a1";

type Cell = string | number | boolean | null;

const portable = (f: ComputedFormula) => ("native" in f ? f.native : f.portable);

function todaySerial(): number {
  const now = new Date();
  return Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()) / 86_400_000 + 25_569;
}

/** An engine with Settings names and the given tables' rows (objects keyed by column key). */
function engine(tables: Record<string, Record<string, Cell>[]>, language: "en" | "zh" = "en") {
  const sheets: Record<string, Cell[][]> = {};
  for (const [name, rows] of Object.entries(tables)) {
    const spec = table(name);
    sheets[name] = [spec.columns.map((c) => c.header.en), ...rows.map((r) => spec.columns.map((c) => r[c.key] ?? null))];
  }
  const tiers = TIER.terms.map((t) => [t[language], FOLLOW_UP_DAYS[t.key as TierKey]]);
  const stages = NEW_CUSTOMER_STAGES.map((s) => [s[language]]);
  sheets.Settings = [...tiers.map((r, i) => [...r, stages[i]?.[0] ?? null]), ...stages.slice(tiers.length).map((s) => [null, null, s[0]])];
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3" });
  const constants: Record<string, Cell> = {
    LagAlertDays: 3,
    DueSoonDays: 3,
    TierHighValue: DEFAULT_TIER_SETTINGS.highValue,
    TierMediumValue: DEFAULT_TIER_SETTINGS.mediumValue,
    TierHighWinProbability: DEFAULT_TIER_SETTINGS.highWinProbability,
    LtvLifetimeCap: 60,
    RiskHighScore: 15,
    RiskMediumScore: 8,
  };
  for (const [name, value] of Object.entries(constants)) hf.addNamedExpression(name, `=${value}`);
  hf.addNamedExpression("List_Tier", `=Settings!$A$1:$A$${TIER.terms.length}`);
  hf.addNamedExpression("FollowUpDays", `=Settings!$B$1:$B$${TIER.terms.length}`);
  hf.addNamedExpression("List_StagesNew", `=Settings!$C$1:$C$${NEW_CUSTOMER_STAGES.length}`);
  return hf;
}

/** Computes `formula` for the first data row of `name` holding `row`. */
function compute(name: string, row: Record<string, Cell>, template: string, extra: Record<string, Record<string, Cell>[]> = {}): Cell {
  const hf = engine({ [name]: [row], ...extra });
  const sheet = hf.getSheetId("Scratch") ?? hf.getSheetId(hf.addSheet("Scratch"))!;
  hf.setCellContents({ sheet, row: 0, col: 0 }, [[a1(template, name).replace(/\$([A-Z]+)2\b/g, `${name}!$$$1$$2`)]]);
  const value = hf.getCellValue({ sheet, row: 0, col: 0 });
  hf.destroy();
  if (value !== null && typeof value === "object") return `#${(value as { type: string }).type}`;
  return value as Cell;
}

describe("native formulas compute what the SPEC says", () => {
  const today = todaySerial();

  it.each([
    [{ due: today - 10, status: "in progress" }, 10],
    [{ due: today - 10, status: "进行中" }, 10],
    [{ due: today + 4, status: "not started" }, 0],
    [{ due: today - 10, status: "Done", completedOn: today - 7 }, 3],
    [{ due: today - 10, status: "已完成" }, ""],
    [{ due: today - 10, status: "cancelled" }, ""],
    [{ status: "blocked" }, ""],
  ] as [Record<string, Cell>, Cell][])("Days late of %j is %j", (row, expected) => {
    expect(compute("Tasks", row, portable(FORMULAS.daysLate))).toBe(expected);
  });

  it("Score is likelihood × impact, blank until both are given", () => {
    expect(compute("Risks", { likelihood: 4, impact: 5 }, portable(FORMULAS.score))).toBe(20);
    expect(compute("Risks", { likelihood: 4 }, portable(FORMULAS.score))).toBe("");
  });

  it("Follow-up days and Next contact come from the tier's cadence in Settings", () => {
    const label = TIER.terms.find((t) => t.key === "opportunityCultivation")!.en;
    expect(compute("Customers", { tier: label }, portable(FORMULAS.followUpDays))).toBe(14);
    expect(compute("Customers", { tier: "" }, portable(FORMULAS.followUpDays))).toBe("");
    expect(compute("Customers", { lastContact: 45000, followUpDays: 14 }, portable(FORMULAS.nextContact))).toBe(45014);
  });

  it("Attainment is actual / target", () => {
    expect(compute("SalesGoals", { actual: 6, target: 15 }, portable(FORMULAS.attainment))).toBeCloseTo(0.4);
    expect(compute("SalesGoals", { target: 15 }, portable(FORMULAS.attainment))).toBe("");
  });
});

describe("portable twins give what SALES.* gives (expected values worked out by hand)", () => {
  // Default thresholds: high value from 1,000,000, medium from 200,000, high win probability from 50%.
  const cases: [number | string | null, number | string | null, string | null, string][] = [
    [1_500_000, 0.6, "high", "Key breakthrough"],
    [1_500_000, 0.2, "low", "Opportunity cultivation"],
    [500_000, 0.3, "medium", "Opportunity cultivation"],
    [100_000, 0.2, "High", "Potential watch"],
    [100_000, 0.2, "高", "Potential watch"],
    [50_000, 0.9, "low", "Maintain"],
    [50_000, 0.9, "中", "Maintain"],
    // at, just below and just above each threshold
    [1_000_000, 0.5, "low", "Key breakthrough"],
    [1_000_001, 0.51, "low", "Key breakthrough"],
    [999_999, 0.5, "low", "Opportunity cultivation"],
    [1_000_000, 0.49, "low", "Opportunity cultivation"],
    [200_000, 0.1, "low", "Opportunity cultivation"],
    [200_001, 0.1, "low", "Opportunity cultivation"],
    [199_999, 0.1, "low", "Maintain"],
    [199_999, 0.1, "high", "Potential watch"],
    [null, 0.5, "high", ""],
    [100_000, null, "high", ""],
    [100_000, 0.5, null, ""],
    [100_000, 0.5, "  ", ""],
    // Bad input is an error, never a tier (SALES.TIER: #VALUE! for text, #NUM! out of range, #N/A for an unknown word).
    [100_000, 0.5, "huge", "#NA"],
    ["lots", 0.9, "high", "#VALUE"],
    [1_500_000, "likely", "high", "#VALUE"],
    [-5, 0.5, "high", "#NUM"],
    [1_500_000, 60, "high", "#NUM"],
  ];
  it.each(cases)("Tier of value %j, win probability %j, growth %j is %j", (value, winProbability, growth, expected) => {
    expect(compute("Customers", { value, winProbability, growth }, portable(FORMULAS.tier))).toBe(expected);
  });

  // S: a goal in words; M: a numeric target; A: positive, a rate at most 100%, at most 3× the baseline;
  // R: a known metric; T: a deadline after the start.
  const goals: [Record<string, Cell>, string][] = [
    [{ goal: "Q3华东区域制造业新签客户15家", metric: "new customers", target: 15, baseline: 10, start: 45000, deadline: 45090 }, "✓"],
    [{ goal: "Grow", metric: "转化率", target: 1.5, deadline: 45090 }, "A"],
    [{ goal: "12345", metric: "revenue", target: 100, baseline: 20, deadline: 45090 }, "S A"],
    [{ goal: "Win more", metric: "vibes", target: "lots", start: 45100, deadline: 45090 }, "M A R T"],
    [{ goal: "Revenue", metric: "REVENUE", target: 90, baseline: 30 }, "T"],
    // achievable up to exactly 3× the baseline; a rate up to 100%; a deadline after, not on, the start
    [{ goal: "Revenue", metric: "revenue", target: 90, baseline: 30, deadline: 45090 }, "✓"],
    [{ goal: "Revenue", metric: "revenue", target: 91, baseline: 30, deadline: 45090 }, "A"],
    [{ goal: "Convert", metric: "conversion rate", target: 1, deadline: 45090 }, "✓"],
    [{ goal: "Convert", metric: "conversion rate", target: 1.01, deadline: 45090 }, "A"],
    [{ goal: "Revenue", metric: "revenue", target: 90, start: 45090, deadline: 45090 }, "T"],
    [{ goal: "Revenue", metric: "revenue", target: 90, start: 45089, deadline: 45090 }, "✓"],
  ];
  it.each(goals)("SMART of %j is %j", (row, expected) => {
    expect(compute("SalesGoals", row, portable(FORMULAS.smart))).toBe(expected);
  });
});

describe("Tasks highlights", () => {
  const today = todaySerial();
  const rules = WORKBOOK.conditionalFormats.filter((r) => r.table === "Tasks");
  const lit = (row: Record<string, Cell>) => rules.filter((r) => compute("Tasks", row, r.formula) === true).map((r) => r.id);

  it.each([
    // lagging: more than LagAlertDays (3) late; overdue: 1 to 3 days late
    [{ due: today - 5, status: "blocked" }, ["lagging"]],
    [{ due: today - 4, status: "in progress" }, ["lagging"]],
    [{ due: today - 3, status: "blocked" }, ["overdue"]],
    [{ due: today - 2, status: "in progress" }, ["overdue"]],
    [{ due: today - 1, status: "未开始" }, ["overdue"]],
    // due soon: due today up to DueSoonDays (3) ahead
    [{ due: today, status: "not started" }, ["dueSoon"]],
    [{ due: today + 1, status: "not started" }, ["dueSoon"]],
    [{ due: today + 2, status: "进行中" }, ["dueSoon"]],
    [{ due: today + 3, status: "in progress" }, ["dueSoon"]],
    [{ due: today + 4, status: "in progress" }, []],
    [{ due: today - 30, status: "Done" }, ["closed"]],
    [{ due: today - 30, status: "已取消" }, ["closed"]],
    [{ status: "in progress" }, []],
  ] as [Record<string, Cell>, string[]][])("%j lights %j", (row, expected) => {
    expect(lit(row)).toEqual(expected);
  });
});

describe("Risks highlights: red from RiskHighScore (15), amber from RiskMediumScore (8)", () => {
  const rules = WORKBOOK.conditionalFormats.filter((r) => r.table === "Risks");
  const lit = (score: Cell) => rules.filter((r) => compute("Risks", { score }, r.formula) === true).map((r) => r.id);

  it.each([
    [7, []],
    [7.5, []],
    [8, ["scoreMedium"]],
    [9, ["scoreMedium"]],
    [14, ["scoreMedium"]],
    [14.5, ["scoreMedium"]],
    [15, ["scoreHigh"]],
    [16, ["scoreHigh"]],
    [25, ["scoreHigh"]],
    [null, []],
    ["high", []],
  ] as [Cell, string[]][])("a score of %j lights %j", (score, expected) => {
    expect(lit(score)).toEqual(expected);
  });
});
