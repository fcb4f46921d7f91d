// Goals (step 1 and 5 of the method): attainment, growth, and whether a goal is SMART.
import { GOAL_METRIC, matchTerm } from "../spec/vocabulary";
import { divide, type MetricError } from "./errors";

export function attainment(actual: number, target: number): number | MetricError {
  return divide(actual, target, "target");
}

/** current / previous − 1: the seed's "较Q2增长30%" is GROWTH(Q3, Q2) = 30%. */
export function growth(current: number, previous: number): number | MetricError {
  const ratio = divide(current, previous, "previous");
  return typeof ratio === "number" ? ratio - 1 : ratio;
}

/** A stretch beyond this multiple of the baseline is not achievable within one plan. */
export const MAX_ACHIEVABLE_MULTIPLE = 3;

export interface GoalCells {
  readonly goal: unknown;
  readonly metric: unknown;
  readonly target: unknown;
  readonly deadline: unknown;
  readonly baseline?: unknown;
  readonly start?: unknown;
}

export type SmartLetter = "S" | "M" | "A" | "R" | "T";
export const SMART_PASSED = "✓";

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isGiven = (v: unknown) => v !== undefined && v !== null && v !== "";

/**
 * The SMART letters a goal row fails (the seed's 具体、可衡量、可实现、相关性、时限性):
 * S the goal is written out in words; M the target is a number other than 0 (a blank cell
 * reaches SALES.SMART as 0 on older Windows builds, office-js 4702); A the target is positive,
 * a conversion rate at most 100%, and at most MAX_ACHIEVABLE_MULTIPLE × a positive baseline;
 * R the metric is one of the planner's sales metrics; T the deadline is a date after the start.
 */
export function smartFailures(cells: GoalCells): SmartLetter[] {
  const failed: SmartLetter[] = [];
  const { goal, metric, target, deadline, baseline, start } = cells;
  if (typeof goal !== "string" || goal.trim() === "" || isNumber(Number(goal))) failed.push("S");
  if (!isNumber(target) || target === 0) failed.push("M");
  const metricKey = matchTerm(GOAL_METRIC, metric);
  const achievable =
    isNumber(target) &&
    target > 0 &&
    !(metricKey === "conversionRate" && target > 1) &&
    !(isNumber(baseline) && baseline > 0 && target > baseline * MAX_ACHIEVABLE_MULTIPLE);
  if (!achievable) failed.push("A");
  if (metricKey === undefined) failed.push("R");
  const timeBound = isNumber(deadline) && deadline > 0 && (!isGiven(start) || (isNumber(start) && deadline > start));
  if (!timeBound) failed.push("T");
  return failed;
}

/** "✓" or the failing letters, e.g. "M T". */
export function smart(cells: GoalCells): string {
  const failed = smartFailures(cells);
  return failed.length === 0 ? SMART_PASSED : failed.join(" ");
}
