// What the Tasks panel shows and creates, worked out from plain rows (no Office): a customer's
// path as task rows, overdue and due-soon counts per owner, and the next lagging task.
import { type Language, type PathKey } from "../../domain/spec/vocabulary";
import { isLagging, isOpenTask } from "../../domain/metrics/tasks";

/** One row of the Tasks table as the panel needs it. */
export interface TaskRow {
  readonly id: string;
  readonly owner: string;
  /** Excel serial date, or undefined when the cell holds no date. */
  readonly due?: number;
  readonly status: string;
  /** Where it is, for "go to". */
  readonly cell: string;
}

export interface StageDuration {
  readonly stage: string;
  readonly days: number;
}

export interface PathChoice {
  readonly key: PathKey;
  /** The path's word in the workbook (Settings), e.g. "New customer". */
  readonly word: string;
  readonly stages: readonly StageDuration[];
}

export interface TasksBoard {
  readonly sheet: string;
  readonly language: Language;
  readonly customers: readonly string[];
  readonly owners: readonly string[];
  readonly paths: readonly PathChoice[];
  readonly tasks: readonly TaskRow[];
  /** The table's headers left to right, matched to spec keys (undefined: a user's own column). */
  readonly columnKeys: readonly (string | undefined)[];
  /** The status word for a new task ("Not started" / "未开始"). */
  readonly notStartedWord: string;
  readonly lagAlertDays: number;
  readonly dueSoonDays: number;
  /** Today as an Excel serial date. */
  readonly today: number;
}

export interface PathTasksRequest {
  readonly customer: string;
  readonly path: PathKey;
  /** Excel serial date the first stage starts. */
  readonly start: number;
  readonly owner: string;
}

/** `days` working days after `serial` (Saturdays and Sundays skipped); Excel serial 1 was a Sunday. */
export function addWorkingDays(serial: number, days: number): number {
  let day = Math.floor(serial);
  let left = days;
  while (left > 0) {
    day += 1;
    const weekday = day % 7; // 0 Saturday, 1 Sunday
    if (weekday !== 0 && weekday !== 1) left -= 1;
  }
  return day;
}

/** The next free IDs: "T-" and one more than the highest number already used, zero-padded to 3. */
export function nextTaskIds(existing: readonly string[], count: number): string[] {
  const highest = existing.reduce((max, id) => {
    const m = /^T-(\d+)$/i.exec(id.trim());
    return m ? Math.max(max, Number(m[1])) : max;
  }, 0);
  return Array.from({ length: count }, (_, i) => `T-${String(highest + 1 + i).padStart(3, "0")}`);
}

/**
 * One task row per stage of the path, in the table's column order: each stage starts when the one
 * before is due, and takes its Settings duration in working days. Columns the panel does not fill
 * stay blank (null), computed ones included: the table's own formula fills them.
 */
export function pathTaskRows(board: TasksBoard, request: PathTasksRequest): (string | number | null)[][] {
  const path = board.paths.find((p) => p.key === request.path);
  if (!path) throw new Error(`No ${request.path} path in the Stages table on Settings.`);
  const ids = nextTaskIds(
    board.tasks.map((t) => t.id),
    path.stages.length,
  );
  let start = Math.floor(request.start);
  return path.stages.map((stage, i) => {
    const due = addWorkingDays(start, Math.max(0, stage.days));
    const cells: Record<string, string | number> = {
      id: ids[i],
      customer: request.customer,
      path: path.word,
      stage: stage.stage,
      action: stage.stage,
      owner: request.owner,
      start,
      due,
      status: board.notStartedWord,
    };
    start = due;
    return board.columnKeys.map((key) => (key !== undefined && key in cells ? cells[key] : null));
  });
}

export interface OwnerCounts {
  readonly owner: string;
  readonly overdue: number;
  readonly dueSoon: number;
}

/** Open tasks past due, and due within dueSoonDays from today, per owner; owners with neither are left out. */
export function countsByOwner(tasks: readonly TaskRow[], today: number, dueSoonDays: number): OwnerCounts[] {
  const counts = new Map<string, { overdue: number; dueSoon: number }>();
  for (const task of tasks) {
    if (task.due === undefined || !isOpenTask(task.status)) continue;
    const daysLeft = Math.floor(task.due) - Math.floor(today);
    const key = task.owner.trim();
    const entry = counts.get(key) ?? { overdue: 0, dueSoon: 0 };
    if (daysLeft < 0) entry.overdue += 1;
    else if (daysLeft <= dueSoonDays) entry.dueSoon += 1;
    else continue;
    counts.set(key, entry);
  }
  return [...counts]
    .map(([owner, c]) => ({ owner, ...c }))
    .sort((a, b) => b.overdue - a.overdue || b.dueSoon - a.dueSoon || a.owner.localeCompare(b.owner));
}

/**
 * The open task late by more than lagAlertDays that comes after `after` (a task ID) in due-date
 * order, the latest first; wraps round, so pressing "next" walks through every lagging task.
 */
export function nextLaggingTask(tasks: readonly TaskRow[], today: number, lagAlertDays: number, after?: string): TaskRow | undefined {
  const lagging = tasks.filter((t) => isLagging(t, today, lagAlertDays)).sort((a, b) => a.due! - b.due! || a.cell.localeCompare(b.cell));
  if (lagging.length === 0) return undefined;
  const at = after === undefined ? -1 : lagging.findIndex((t) => t.id === after);
  return lagging[(at + 1) % lagging.length];
}
