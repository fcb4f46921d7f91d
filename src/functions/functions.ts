// The SALES.* custom functions. Each is a thin adapter: its arguments are coerced per
// SIGNATURES, the maths is in src/domain/metrics, problems become CustomFunctions.Error.
// The JSDoc below is the metadata Excel shows (description, parameters, help link);
// custom-functions-metadata-plugin appends the CustomFunctions.associate calls at build time.
import { acquisitionCost, lifetimeValue, ltvToCac, paybackPeriods } from "../domain/metrics/lifetimeValue";
import { conversion, funnel } from "../domain/metrics/funnel";
import { coverage, velocity, weightedPipeline, winRate } from "../domain/metrics/pipeline";
import { attainment, growth, smart } from "../domain/metrics/goals";
import { overdueCount } from "../domain/metrics/tasks";
import { tierLabel, tierOf } from "../domain/metrics/customers";
import { isMetricError } from "../domain/metrics/errors";
import { toExcelError } from "./excelErrors";
import { invoke } from "./parameters";
import { SIGNATURES } from "./signatures";

/**
 * Customer lifetime value: arpu × gross margin × expected lifetime (1 / churn rate, at most the lifetime cap).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#ltv
 * @param arpu Average revenue per customer per period (e.g. per month).
 * @param grossMargin Gross margin as a percentage, e.g. 45%.
 * @param churnRate Share of customers lost per period, e.g. 5%. 0 uses the lifetime cap.
 * @param [lifetimeCap] Most periods a customer is counted for (default 60).
 * @returns The lifetime value of one customer.
 */
export function LTV(arpu: unknown, grossMargin: unknown, churnRate: unknown, lifetimeCap?: unknown): number {
  return invoke(SIGNATURES.LTV, [arpu, grossMargin, churnRate, lifetimeCap], lifetimeValue);
}

/**
 * Customer acquisition cost: total sales and marketing spend divided by the new customers won.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#cac
 * @param spend Sales and marketing spend: a value or a range, blanks skipped.
 * @param newCustomers New customers won in the same period: a value or a range.
 * @returns The cost of winning one customer.
 */
export function CAC(spend: unknown[][], newCustomers: unknown[][]): number {
  return invoke(SIGNATURES.CAC, [spend, newCustomers], acquisitionCost);
}

/**
 * LTV to CAC ratio: how many times a customer's lifetime value repays its acquisition cost.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#ltvcac
 * @param ltv Customer lifetime value, e.g. from SALES.LTV.
 * @param cac Customer acquisition cost, e.g. from SALES.CAC.
 * @returns LTV divided by CAC.
 */
export function LTVCAC(ltv: unknown, cac: unknown): number {
  return invoke(SIGNATURES.LTVCAC, [ltv, cac], ltvToCac);
}

/**
 * Payback period: months (periods of arpu) until a customer's margin repays its acquisition cost.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#payback
 * @param cac Customer acquisition cost.
 * @param arpu Average revenue per customer per month.
 * @param grossMargin Gross margin as a percentage, e.g. 45%.
 * @returns Months to recover the CAC.
 */
export function PAYBACK(cac: unknown, arpu: unknown, grossMargin: unknown): number {
  return invoke(SIGNATURES.PAYBACK, [cac, arpu, grossMargin], paybackPeriods);
}

/**
 * Stage conversion: of the rows that reached fromStage, the share that reached toStage (each row holds its furthest stage).
 * @customfunction
 * @helpurl https://localhost:3000/help.html#conversion
 * @param stages Range of stages, one row per lead or opportunity, in English or Chinese.
 * @param fromStage The stage counted from, e.g. "lead acquisition" or "线索获取".
 * @param toStage The stage counted to, e.g. "signing" or "签约".
 * @param [stageOrder] Your own stage list, in order (default: the built-in sales path of fromStage).
 * @returns The conversion rate, 0 to 100%.
 */
export function CONVERSION(stages: unknown[][], fromStage: unknown, toStage: unknown, stageOrder?: unknown[][]): number {
  return invoke(SIGNATURES.CONVERSION, [stages, fromStage, toStage, stageOrder], conversion);
}

/**
 * Sales funnel: spills one row per stage with the stage, how many rows reached it, and the conversion from the stage before.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#funnel
 * @param stages Range of stages, one row per lead or opportunity, in English or Chinese.
 * @param [stageOrder] Your own stage list, in order (default: the built-in path most rows are on).
 * @returns Rows of stage, count reached, conversion.
 */
export function FUNNEL(stages: unknown[][], stageOrder?: unknown[][]): unknown[][] {
  const rows = invoke(SIGNATURES.FUNNEL, [stages, stageOrder], funnel);
  return rows.map((row) => [
    row.stage,
    row.reached,
    row.conversion === undefined ? "" : isMetricError(row.conversion) ? toExcelError(row.conversion) : row.conversion,
  ]);
}

/**
 * Win rate: won deals divided by decided deals (won + lost); open deals are left out.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#winrate
 * @param statuses Range of deal statuses: open, won, lost (跟进中, 赢单, 输单).
 * @returns The win rate, 0 to 100%.
 */
export function WINRATE(statuses: unknown[][]): number {
  return invoke(SIGNATURES.WINRATE, [statuses], winRate);
}

/**
 * Weighted pipeline: sum of amount × probability over open deals.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#weighted
 * @param amounts Range of deal amounts.
 * @param probabilities Range of win probabilities (percentages), the same size as amounts.
 * @param [statuses] Range of deal statuses, the same size; only open deals count when given.
 * @returns The probability-weighted value of the pipeline.
 */
export function WEIGHTED(amounts: unknown[][], probabilities: unknown[][], statuses?: unknown[][]): number {
  return invoke(SIGNATURES.WEIGHTED, [amounts, probabilities, statuses], weightedPipeline);
}

/**
 * Pipeline velocity: value won per day, opportunities × average deal size × win rate / sales cycle in days.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#velocity
 * @param opportunities Number of open opportunities.
 * @param avgDealSize Average deal size.
 * @param winRate Win rate as a percentage, e.g. 25%.
 * @param cycleDays Average sales cycle in days.
 * @returns Value per day.
 */
export function VELOCITY(opportunities: unknown, avgDealSize: unknown, winRate: unknown, cycleDays: unknown): number {
  return invoke(SIGNATURES.VELOCITY, [opportunities, avgDealSize, winRate, cycleDays], velocity);
}

/**
 * Goal attainment: actual divided by target, each a value or a range that is added up.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#attainment
 * @param actual What was achieved: a value or a range.
 * @param target The target: a value or a range.
 * @returns Attainment, 100% when the target is met.
 */
export function ATTAINMENT(actual: unknown[][], target: unknown[][]): number {
  return invoke(SIGNATURES.ATTAINMENT, [actual, target], attainment);
}

/**
 * Pipeline coverage: open pipeline divided by the quota still to reach.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#coverage
 * @param openPipeline Value of the open pipeline: a value or a range.
 * @param remainingQuota Quota still to reach: a value or a range.
 * @returns How many times the pipeline covers the quota.
 */
export function COVERAGE(openPipeline: unknown[][], remainingQuota: unknown[][]): number {
  return invoke(SIGNATURES.COVERAGE, [openPipeline, remainingQuota], coverage);
}

/**
 * Growth against a previous period: current / previous − 1, e.g. 30% for "up 30% on Q2".
 * @customfunction
 * @helpurl https://localhost:3000/help.html#growth
 * @param current This period's value.
 * @param previous The previous period's value.
 * @returns Growth as a percentage.
 */
export function GROWTH(current: unknown, previous: unknown): number {
  return invoke(SIGNATURES.GROWTH, [current, previous], growth);
}

/**
 * Customer tier from value, win probability and growth potential; empty when an input is missing.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#tier
 * @param value The customer's value (ARPU or expected annual value).
 * @param winProbability Win probability as a percentage.
 * @param growth Growth potential: high, medium or low (高, 中, 低).
 * @param [highValue] Value from which a customer is high value (default 1,000,000).
 * @param [mediumValue] Value from which a customer is medium value (default 200,000).
 * @param [highWinProbability] Win probability from which a customer is likely to convert (default 50%).
 * @param [language] Language of the label: "en-US" (default) or "zh-CN".
 * @returns key breakthrough, opportunity cultivation, potential watch or maintain.
 */
export function TIER(
  value: unknown,
  winProbability: unknown,
  growth: unknown,
  highValue?: unknown,
  mediumValue?: unknown,
  highWinProbability?: unknown,
  language?: unknown,
): string {
  return invoke(
    SIGNATURES.TIER,
    [value, winProbability, growth, highValue, mediumValue, highWinProbability, language],
    (v, w, g, high, medium, highWin, lang) => {
      const tier = tierOf({ value: v, winProbability: w, growth: g }, { highValue: high, mediumValue: medium, highWinProbability: highWin });
      return isMetricError(tier) ? tier : tierLabel(tier, lang);
    },
  );
}

/**
 * Overdue tasks: rows not done or cancelled whose due date is more than minDaysLate days before asOf.
 * @customfunction
 * @helpurl https://localhost:3000/help.html#overdue
 * @param dueDates Range of due dates.
 * @param statuses Range of task statuses, the same size: not started, in progress, done, blocked, cancelled (or in Chinese).
 * @param asOf The day to count on, e.g. TODAY().
 * @param [minDaysLate] Days late a task must exceed to count (default 0).
 * @returns The number of overdue tasks.
 */
export function OVERDUE(dueDates: unknown[][], statuses: unknown[][], asOf: unknown, minDaysLate?: unknown): number {
  return invoke(SIGNATURES.OVERDUE, [dueDates, statuses, asOf, minDaysLate], overdueCount);
}

/**
 * SMART check of a goal: "✓", or the letters it fails (Specific, Measurable, Achievable, Relevant, Time-bound), e.g. "M T".
 * @customfunction
 * @helpurl https://localhost:3000/help.html#smart
 * @param goal The goal in words.
 * @param metric What is measured: new customers, revenue, deals won, conversion rate or other.
 * @param target The target number.
 * @param deadline The deadline date.
 * @param [baseline] Where the metric stands today.
 * @param [start] The start date.
 * @returns "✓" or the failing letters.
 */
export function SMART(goal: unknown, metric: unknown, target: unknown, deadline: unknown, baseline?: unknown, start?: unknown): string {
  return invoke(SIGNATURES.SMART, [goal, metric, target, deadline, baseline, start], (g, m, t, d, b, s) =>
    smart({ goal: g, metric: m, target: t, deadline: d, baseline: b, start: s }),
  );
}
