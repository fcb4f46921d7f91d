// Nudges, the Excel side: preview (read only) who would be nudged, and nudge: one threaded comment
// per lagging task on its Task ID cell, @mentioning the owner by the roster's email (ExcelApi 1.11),
// so Excel itself notifies them. The Nudges record on Settings keeps it to once per task and day,
// across co-authors, by a claim: append this run's rows, read the record again, and comment only
// where this run's row is the first for that task today; a run that lost removes its own rows.
import { DEFAULT_LAG_ALERT_DAYS, type Language } from "../domain/spec/vocabulary";
import { quoteSheet } from "../domain/plan/address";
import { planNudges, taskKey, type LaggingTask, type Nudge, type NudgePlan, type NudgeRecordRow } from "../domain/nudges/plan";
import { tableSpec } from "../domain/spec/workbook";
import { messages } from "../i18n";
import { officeCell, type OfficeCell } from "./cells";
import { officeErrorParts } from "./errors";
import { supportsNudges, type ExcelHost } from "./host";
import { cellAddress, columnIndex, filledRows, readPaneTables, type PaneTable } from "./paneTables";
import { configValues, serialOf, workbookLanguage } from "./paneTasks";

const READ: Excel.RunOptions = { delayForCellEdit: true };

export type NudgePreview =
  | { readonly status: "unsupported" }
  | { readonly status: "noTasks" }
  | { readonly status: "noRecord" }
  | { readonly status: "ready"; readonly language: Language; readonly plan: NudgePlan };

export interface NudgeResult {
  readonly language: Language;
  /** The comments written, one per task. */
  readonly nudged: readonly Nudge[];
  /** Planned, but another run (a co-author's) claimed them first: left alone. */
  readonly takenMeanwhile: readonly LaggingTask[];
  /** The plan as it stood right before writing (who could not be nudged, and why). */
  readonly plan: NudgePlan;
}

type NudgeFailure =
  | { readonly kind: "recordMissing" }
  | { readonly kind: "tasksMissing" }
  | { readonly kind: "unsupported" }
  | { readonly kind: "claim"; readonly code: string; readonly message: string }
  | { readonly kind: "comments"; readonly code: string; readonly message: string; readonly notNudged: readonly string[] };

/** A nudge that did not (fully) happen, said in the user's words; what was not nudged is not recorded. */
export class NudgeError extends Error {
  constructor(readonly failure: NudgeFailure) {
    super(describeNudgeFailure(failure, "en-US"));
    this.name = "NudgeError";
  }

  describe(language: Language): string {
    return describeNudgeFailure(this.failure, language);
  }
}

function describeNudgeFailure(failure: NudgeFailure, language: Language): string {
  const m = messages(language).nudges.errors;
  switch (failure.kind) {
    case "recordMissing":
      return m.recordMissing;
    case "tasksMissing":
      return m.tasksMissing;
    case "unsupported":
      return m.unsupported;
    case "claim":
      return m.claim(failure.code, failure.message);
    case "comments":
      return m.comments(failure.code, failure.message, failure.notNudged.join(language === "zh-CN" ? "、" : ", "));
  }
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const cellOf = (table: PaneTable, row: number, key: string) => {
  const c = columnIndex(table, key);
  return c < 0 ? undefined : table.values[row][c];
};
const serialOrUndefined = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** The record's rows, with their place in the table (0-based data row). */
function recordRows(record: PaneTable): (NudgeRecordRow & { readonly index: number; readonly run: string })[] {
  return filledRows(record).map((i) => ({
    index: i,
    taskId: text(cellOf(record, i, "taskId")),
    ...(serialOrUndefined(cellOf(record, i, "nudgedOn")) === undefined ? {} : { nudgedOn: serialOrUndefined(cellOf(record, i, "nudgedOn")) }),
    run: text(cellOf(record, i, "run")),
  }));
}

interface Reading {
  readonly language: Language;
  readonly plan: NudgePlan;
  readonly record: PaneTable;
}

async function readPlan(context: Excel.RequestContext, today: number): Promise<Reading | "noTasks" | "noRecord"> {
  const tables = await readPaneTables(context, ["Tasks", "Team", "Config", "Nudges"]);
  const tasks = tables.get("Tasks");
  if (!tasks) return "noTasks";
  const record = tables.get("Nudges");
  if (!record) return "noRecord";
  const config = configValues(tables.get("Config"));
  const language = workbookLanguage(config, tasks);
  const team = tables.get("Team");
  const id = columnIndex(tasks, "id");
  const lag = config.get("LagAlertDays");
  const plan = planNudges({
    tasks: filledRows(tasks).map((i) => ({
      id: text(cellOf(tasks, i, "id")),
      owner: text(cellOf(tasks, i, "owner")),
      ...(serialOrUndefined(cellOf(tasks, i, "due")) === undefined ? {} : { due: serialOrUndefined(cellOf(tasks, i, "due")) }),
      status: text(cellOf(tasks, i, "status")),
      action: text(cellOf(tasks, i, "action")),
      outputStandard: text(cellOf(tasks, i, "outputStandard")),
      cell: `${quoteSheet(tasks.sheet)}!${cellAddress(tasks, i, id < 0 ? 0 : id)}`,
    })),
    roster: team ? filledRows(team).map((i) => ({ name: text(cellOf(team, i, "name")), email: text(cellOf(team, i, "email")) })) : [],
    record: recordRows(record),
    today,
    lagAlertDays: typeof lag === "number" && Number.isFinite(lag) ? lag : DEFAULT_LAG_ALERT_DAYS,
    language,
  });
  return { language, plan, record };
}

/** Who would be nudged now, read only. */
export async function previewNudges(host: ExcelHost, today: number = serialOf(new Date())): Promise<NudgePreview> {
  if (!supportsNudges(host)) return { status: "unsupported" };
  return host.run(READ, async (context) => {
    const reading = await readPlan(context, today);
    if (typeof reading === "string") return { status: reading };
    return { status: "ready", language: reading.language, plan: reading.plan };
  });
}

/** The record's cells for a claim, left to right in the table's own column order. */
function claimRow(record: PaneTable, nudge: Nudge, today: number, run: string): (OfficeCell | null)[] {
  const cells: Record<string, string | number> = {
    taskId: nudge.taskId,
    mentioned: nudge.owner,
    email: nudge.email,
    nudgedOn: Math.floor(today),
    daysLate: nudge.daysLate,
    run,
  };
  const keys = tableSpec("Nudges")!.columns.map((c) => c.key);
  return record.headers.map((_, i) => {
    const key = keys.find((k) => columnIndex(record, k) === i);
    return key === undefined ? null : officeCell(cells[key]);
  });
}

/**
 * Appends this run's claim rows to the record in one batch: values in the rows directly below the
 * table, which co-authoring merges (docs/excel/co-authoring-in-excel-add-ins.md, "Avoid table row
 * conflicts": not TableRowCollection.add). The rows are placed relative to the table as Excel finds
 * it when the batch runs (getRowsBelow), not where an earlier read saw its end, so rows a co-author
 * added meanwhile are not written over. Never into the blank row Excel gives a new table: whether
 * it is still blank is known only from the read, and two co-authors who both saw it blank would
 * write their claims into the same row, the later over the earlier (the earlier's comment already
 * written, the later then winning its own claim). That row stays blank. The values go first, the
 * resize after, both ranges taken before either.
 */
async function appendClaims(context: Excel.RequestContext, record: PaneTable, rows: readonly (readonly (OfficeCell | null)[])[]) {
  const table = context.workbook.tables.getItem("Nudges");
  const whole = table.getRange();
  const target = whole.getRowsBelow(rows.length);
  const grown = whole.getResizedRange(rows.length, 0);
  const dateColumn = columnIndex(record, "nudgedOn");
  const daysColumn = columnIndex(record, "daysLate");
  target.numberFormat = rows.map((row) => row.map((_, c) => (c === dateColumn ? "yyyy-mm-dd" : c === daysColumn ? "0" : "General")));
  target.formulas = rows.map((row) => row.map((cell) => (cell === null ? "" : cell)));
  table.resize(grown);
  await context.sync();
}

/** Where each comment thread is, by its cell (see sameCell). */
async function threadCells(context: Excel.RequestContext): Promise<Map<string, Excel.Comment>> {
  const comments = context.workbook.comments.load("items");
  await context.sync();
  const located = comments.items.map((comment) => ({ comment, where: comment.getLocation().load("address") }));
  await context.sync();
  return new Map(located.map((l) => [sameCell(l.where.address), l.comment]));
}

/** One spelling per cell: "'Tasks'!$A$5" and "Tasks!A5" alike. */
function sameCell(address: string): string {
  const bang = address.lastIndexOf("!");
  const sheet = address
    .slice(0, bang)
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");
  return `${sheet}!${address.slice(bang + 1).replace(/\$/g, "")}`.toUpperCase();
}

/** Clears a run's own claim rows (never deletes rows: a co-author's rows below keep their places). */
function clearRows(context: Excel.RequestContext, record: PaneTable, indexes: readonly number[]) {
  const sheet = context.workbook.worksheets.getItem(record.sheet);
  for (const i of indexes) {
    const first = cellAddress(record, i, 0);
    const last = cellAddress(record, i, record.headers.length - 1);
    sheet.getRange(`${first}:${last}`).formulas = [record.headers.map(() => "")];
  }
}

export interface NudgeOptions {
  /** Excel serial date of today (tests fix it). */
  readonly today?: number;
  /** This run's mark on its claim rows; a fresh random one by default. */
  readonly run?: string;
}

/** Nudges the owners of lagging tasks not nudged today; re-reads everything right before writing. */
export async function nudgeOwners(host: ExcelHost, options: NudgeOptions = {}): Promise<NudgeResult> {
  if (!supportsNudges(host)) throw new NudgeError({ kind: "unsupported" });
  const today = options.today ?? serialOf(new Date());
  const run = options.run ?? `run-${Math.random().toString(36).slice(2, 10)}`;
  // Not an undo group: comments are not in the docs' list of what Excel can group.
  return host.run(READ, async (context) => {
    const reading = await readPlan(context, today);
    if (reading === "noTasks") throw new NudgeError({ kind: "tasksMissing" });
    if (reading === "noRecord") throw new NudgeError({ kind: "recordMissing" });
    const { plan, language } = reading;
    if (plan.nudges.length === 0) return { language, nudged: [], takenMeanwhile: [], plan };

    try {
      await appendClaims(
        context,
        reading.record,
        plan.nudges.map((n) => claimRow(reading.record, n, today, run)),
      );
    } catch (error) {
      const office = officeErrorParts(error);
      throw new NudgeError({ kind: "claim", code: office.code, message: office.message });
    }

    // Read the record again: the first row per task today wins, whoever wrote it.
    const after = (await readPaneTables(context, ["Nudges"])).get("Nudges");
    if (!after) throw new NudgeError({ kind: "recordMissing" });
    const rows = recordRows(after);
    const firstToday = new Map<string, string>();
    for (const r of rows) {
      if (r.nudgedOn === undefined || Math.floor(r.nudgedOn) !== Math.floor(today)) continue;
      if (!firstToday.has(taskKey(r.taskId))) firstToday.set(taskKey(r.taskId), r.run);
    }
    const won = plan.nudges.filter((n) => firstToday.get(taskKey(n.taskId)) === run);
    const lost = plan.nudges.filter((n) => firstToday.get(taskKey(n.taskId)) !== run);
    const mine = (tasks: readonly Nudge[]) => {
      const keys = new Set(tasks.map((t) => taskKey(t.taskId)));
      return rows.filter((r) => r.run === run && keys.has(taskKey(r.taskId))).map((r) => r.index);
    };

    const threads = won.length > 0 ? await threadCells(context) : new Map<string, Excel.Comment>();
    clearRows(context, after, mine(lost));
    const comments = context.workbook.comments;
    for (const n of won) {
      const content: Excel.CommentRichContent = { richContent: n.richContent, mentions: [{ id: 0, name: n.owner, email: n.email }] };
      // One thread per cell: a cell that has one gets the nudge as a reply in it (docs: replies continue a discussion).
      const thread = threads.get(sameCell(n.cell));
      if (thread) thread.replies.add(content, "Mention");
      else comments.add(n.cell, content, "Mention");
    }
    try {
      await context.sync();
    } catch (error) {
      const office = officeErrorParts(error);
      const missing = await withoutComment(context, won);
      // What was not nudged is not recorded either, so the next try includes it.
      const stale = (await readPaneTables(context, ["Nudges"])).get("Nudges");
      if (stale && missing.length > 0) {
        const keys = new Set(missing.map((n) => taskKey(n.taskId)));
        clearRows(
          context,
          stale,
          recordRows(stale)
            .filter((r) => r.run === run && keys.has(taskKey(r.taskId)))
            .map((r) => r.index),
        );
        await context.sync();
      }
      throw new NudgeError({ kind: "comments", code: office.code, message: office.message, notNudged: missing.map((n) => n.taskId) });
    }
    return { language, nudged: won, takenMeanwhile: lost, plan };
  });
}

/** The nudges whose comment is not on their cell (after a failed batch kept only the calls before the failure). */
async function withoutComment(context: Excel.RequestContext, nudges: readonly Nudge[]): Promise<Nudge[]> {
  const threads = await threadCells(context);
  const found = nudges.map((n) => {
    const thread = threads.get(sameCell(n.cell));
    if (thread) {
      thread.load("richContent");
      thread.replies.load("items/richContent");
    }
    return { n, thread };
  });
  await context.sync();
  return found
    .filter(
      ({ n, thread }) => !thread || (thread.richContent !== n.richContent && !thread.replies.items.some((r) => r.richContent === n.richContent)),
    )
    .map(({ n }) => n);
}
