// The opportunity pipeline: how often we win, what the open pipeline is worth, how fast it pays.
import { DEAL_STATUS, type DealStatus } from "../spec/vocabulary";
import { divide, metricError, type MetricError } from "./errors";
import { isBlank, sameShape, type NumberGrid, type WordGrid } from "./grid";
import { choicesOf, wordMatcher } from "./words";

function unknownStatus(argument: string, text: unknown, row: number, column: number): MetricError {
  return metricError("#N/A", "unknownWord", [argument, String(text), choicesOf(DEAL_STATUS)], { row: row + 1, column: column + 1 });
}

/** won / (won + lost); open rows are still undecided and left out. */
export function winRate(statuses: WordGrid): number | MetricError {
  const statusOf = wordMatcher(DEAL_STATUS);
  let won = 0;
  let lost = 0;
  for (let r = 0; r < statuses.length; r++) {
    const row = statuses[r];
    for (let c = 0; c < row.length; c++) {
      const text = row[c];
      if (isBlank(text)) continue;
      const status = statusOf.get(text);
      if (status === "won") won++;
      else if (status === "lost") lost++;
      else if (status === undefined) return unknownStatus("statuses", text, r, c);
    }
  }
  if (won + lost === 0) return metricError("#DIV/0!", "nothingDecided", ["statuses"]);
  return won / (won + lost);
}

/**
 * WEIGHTED's size error once a row is known not to fit; probabilities are blamed before statuses.
 * The loops compare each row's size as they read it instead of checking sizes up front: two
 * passes fewer over a million rows, and the same error, since any other problem they meet
 * waits until the sizes are known to fit.
 */
function sizeMismatch(amounts: NumberGrid, probabilities: NumberGrid): MetricError {
  const argument = sameShape(amounts, probabilities) ? "statuses" : "probabilities";
  return metricError("#VALUE!", "sizeMismatch", [argument, "amounts"]);
}

/**
 * Sum of amount × probability over open rows (all rows when no statuses are given; a row
 * with a blank status is not open).
 * A row without an amount or a probability adds nothing.
 */
export function weightedPipeline(amounts: NumberGrid, probabilities: NumberGrid, statuses?: WordGrid): number | MetricError {
  if (!statuses) return weightedAllRows(amounts, probabilities);
  if (amounts.length !== probabilities.length || amounts.length !== statuses.length) return sizeMismatch(amounts, probabilities);
  const statusOf = wordMatcher(DEAL_STATUS);
  let total = 0;
  for (let r = 0; r < amounts.length; r++) {
    const amountRow = amounts[r];
    const probabilityRow = probabilities[r];
    const statusRow = statuses[r];
    if (probabilityRow.length !== amountRow.length || statusRow.length !== amountRow.length) {
      return sizeMismatch(amounts, probabilities);
    }
    for (let c = 0; c < amountRow.length; c++) {
      const amount = amountRow[c];
      const probability = probabilityRow[c];
      if (typeof amount !== "number" || typeof probability !== "number") continue;
      const text = statusRow[c];
      // A row without a status is not known to be open (SPEC: "over open rows"), as in the
      // workbook's portable formula, so both forms of the Review cell agree.
      if (isBlank(text)) continue;
      const status: DealStatus | undefined = statusOf.get(text);
      if (status === undefined) {
        const fits = sameShape(amounts, probabilities) && sameShape(amounts, statuses);
        return fits ? unknownStatus("statuses", text, r, c) : sizeMismatch(amounts, probabilities);
      }
      if (status !== "open") continue;
      total += amount * probability;
    }
  }
  return total;
}

function weightedAllRows(amounts: NumberGrid, probabilities: NumberGrid): number | MetricError {
  if (amounts.length !== probabilities.length) return sizeMismatch(amounts, probabilities);
  let total = 0;
  for (let r = 0; r < amounts.length; r++) {
    const amountRow = amounts[r];
    const probabilityRow = probabilities[r];
    if (probabilityRow.length !== amountRow.length) return sizeMismatch(amounts, probabilities);
    for (let c = 0; c < amountRow.length; c++) {
      const amount = amountRow[c];
      const probability = probabilityRow[c];
      if (typeof amount === "number" && typeof probability === "number") total += amount * probability;
    }
  }
  return total;
}

/** Pipeline velocity: value the pipeline turns into per day. */
export function velocity(opportunities: number, avgDealSize: number, winRate: number, cycleDays: number): number | MetricError {
  return divide(opportunities * avgDealSize * winRate, cycleDays, "cycleDays");
}

/** How many times the open pipeline covers the quota still to reach. */
export function coverage(openPipeline: number, remainingQuota: number): number | MetricError {
  return divide(openPipeline, remainingQuota, "remainingQuota");
}
