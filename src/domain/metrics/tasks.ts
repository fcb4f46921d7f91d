// Monitoring (step 4): tasks past due that are still open.
import { CLOSED_TASK_STATUSES, matchTerm, TASK_STATUS, type TaskStatus } from "../spec/vocabulary";
import { metricError, type MetricError } from "./errors";
import { isBlank, sameShape, type NumberGrid, type WordGrid } from "./grid";
import { choicesOf, WordCache } from "./words";

/**
 * Rows not done or cancelled whose due date lies more than minDaysLate whole days before asOf.
 * Dates are Excel serial numbers; a time of day is ignored. A row without a due date is not late.
 */
export function overdueCount(dueDates: NumberGrid, statuses: WordGrid, asOf: number, minDaysLate: number): number | MetricError {
  // Sizes are compared row by row as the loop reads them, not in a pass of their own; an
  // unknown status waits until they are known to fit, so the first problem reported stays the same.
  const sizeMismatch = metricError("#VALUE!", "sizeMismatch", ["statuses", "dueDates"]);
  if (dueDates.length !== statuses.length) return sizeMismatch;
  const closed = new Set<TaskStatus>(CLOSED_TASK_STATUSES);
  // Whether a text is a closed status (undefined: no status), decided once per distinct text.
  const isClosed = new WordCache((text) => {
    const status = matchTerm(TASK_STATUS, text);
    return status === undefined ? undefined : closed.has(status);
  });
  // Late by more than minDaysLate days: due < asOf - minDaysLate, in whole days, so a time of day never makes a task late
  const lastDueNotLate = Math.floor(asOf) - minDaysLate;
  let count = 0;
  for (let r = 0; r < dueDates.length; r++) {
    const dueRow = dueDates[r];
    const statusRow = statuses[r];
    if (statusRow.length !== dueRow.length) return sizeMismatch;
    for (let c = 0; c < dueRow.length; c++) {
      const due = dueRow[c];
      if (typeof due !== "number" || Math.floor(due) >= lastDueNotLate) continue;
      const text = statusRow[c];
      if (!isBlank(text)) {
        const closedStatus = isClosed.get(text);
        if (closedStatus === undefined) {
          if (!sameShape(dueDates, statuses)) return sizeMismatch;
          return metricError("#N/A", "unknownWord", ["statuses", String(text), choicesOf(TASK_STATUS)], { row: r + 1, column: c + 1 });
        }
        if (closedStatus) continue;
      }
      count++;
    }
  }
  return count;
}

/** A task is open unless its status is done or cancelled (in either language); an unknown word is open. */
export function isOpenTask(status: unknown): boolean {
  const key = matchTerm(TASK_STATUS, status);
  return key === undefined || !CLOSED_TASK_STATUSES.includes(key);
}

/** Whole days from the due date to today (a time of day is ignored); negative before the due date. */
export function daysPastDue(due: number, today: number): number {
  return Math.floor(today) - Math.floor(due);
}

/**
 * The product's one meaning of "lagging" (the Tasks highlight rule, the Overview count, the Tasks
 * panel and the nudges): open, with a due date, and late by more than lagAlertDays whole days.
 */
export function isLagging(task: { readonly due?: number; readonly status: unknown }, today: number, lagAlertDays: number): boolean {
  return task.due !== undefined && isOpenTask(task.status) && daysPastDue(task.due, today) > lagAlertDays;
}
