// Metric errors are values, not throws (as in HyperFormula): a metric returns `T | MetricError`.
// The code is Excel's; the message is a key plus arguments, worded per language in src/i18n.

export type MetricErrorCode = "#VALUE!" | "#NUM!" | "#DIV/0!" | "#N/A";

/** Every message a metric or its argument coercion can give, with its arguments in order. */
export interface MetricMessageArgs {
  missing: [argument: string];
  notANumber: [argument: string, found: string];
  notAWord: [argument: string, found: string];
  notOneValue: [argument: string];
  notAPercent: [argument: string, value: number];
  notFinite: [argument: string];
  belowMinimum: [argument: string, minimum: number];
  notAboveMinimum: [argument: string, minimum: number];
  errorValue: [argument: string, code: string];
  zeroDenominator: [argument: string];
  nothingDecided: [argument: string];
  noneReached: [stage: string];
  neverRecovered: [];
  tooLarge: [];
  unknownWord: [argument: string, found: string, choices: string];
  unknownLanguage: [argument: string, found: string];
  stagesOnDifferentPaths: [fromStage: string, toStage: string];
  stageOrderReversed: [fromStage: string, toStage: string];
  sizeMismatch: [argument: string, other: string];
  thresholdsOutOfOrder: [mediumValue: number, highValue: number];
}

export type MetricMessageKey = keyof MetricMessageArgs;

/** Where in a range the problem is, 1-based within the range as the user selected it. */
export interface CellPosition {
  readonly row: number;
  readonly column: number;
}

export interface MetricError<K extends MetricMessageKey = MetricMessageKey> {
  readonly kind: "metricError";
  readonly code: MetricErrorCode;
  readonly key: K;
  readonly args: MetricMessageArgs[K];
  readonly cell?: CellPosition;
}

export function metricError<K extends MetricMessageKey>(
  code: MetricErrorCode,
  key: K,
  args: MetricMessageArgs[K],
  cell?: CellPosition,
): MetricError<K> {
  return cell ? { kind: "metricError", code, key, args, cell } : { kind: "metricError", code, key, args };
}

export function isMetricError(value: unknown): value is MetricError {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "metricError";
}

/** a / b, or #DIV/0! naming the argument that holds b. */
export function divide(numerator: number, denominator: number, denominatorName: string): number | MetricError {
  if (denominator === 0) return metricError("#DIV/0!", "zeroDenominator", [denominatorName]);
  return numerator / denominator;
}
