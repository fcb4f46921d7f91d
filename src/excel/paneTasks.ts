// The Tasks panel's Excel side: read what it needs in one Excel.run (Tasks, Customers, the Team
// roster, Stages and the thresholds on Settings), add a customer's path as rows through set-up's
// addRows (a range below the table, one undo step where Excel can group), and go to a task.
import { label, matchTerm, PATH, STAGE, STAGES_BY_PATH, TASK_STATUS, termOf, type Language, type PathKey } from "../domain/spec/vocabulary";
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_LAG_ALERT_DAYS } from "../domain/spec/vocabulary";
import { tableSpec } from "../domain/spec/workbook";
import { pathTaskRows, type PathChoice, type PathTasksRequest, type TaskRow, type TasksBoard } from "../taskpane/tasks/board";
import type { ExcelHost } from "./host";
import { cellAddress, columnIndex, filledRows, readPaneTables, type PaneTable } from "./paneTables";
import { addRows } from "./setup";

const READ: Excel.RunOptions = { delayForCellEdit: true };

/** Excel's serial date for a local calendar day. */
export function serialOf(date: Date): number {
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000 + 25_569;
}

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());

/** The Value of each Config row, by its Name. */
export function configValues(config: PaneTable | undefined): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!config) return out;
  const name = columnIndex(config, "name");
  const value = columnIndex(config, "value");
  if (name < 0 || value < 0) return out;
  for (const row of config.values) if (text(row[name])) out.set(text(row[name]), row[value]);
  return out;
}

const numberOr = (v: unknown, fallback: number) => (typeof v === "number" && Number.isFinite(v) ? v : fallback);

/** The language recorded in Config, else the language the Tasks headers are written in. */
export function workbookLanguage(config: Map<string, unknown>, tasks: PaneTable): Language {
  const recorded = config.get("Language");
  if (recorded === "zh-CN" || recorded === "en-US") return recorded;
  const id = tableSpec("Tasks")!.columns[0].header;
  return tasks.headers.includes(id.zh) ? "zh-CN" : "en-US";
}

/** Each path's stages with their durations, as the Stages table on Settings has them now. */
function pathsFrom(stages: PaneTable | undefined, language: Language): PathChoice[] {
  const keys: PathKey[] = ["new", "existing"];
  const rows = stages ? filledRows(stages).map((i) => stages.values[i]) : [];
  const [pathCol, stageCol, daysCol] = stages ? ["path", "stage", "days"].map((k) => columnIndex(stages, k)) : [-1, -1, -1];
  return keys.map((key) => {
    const fromSheet = rows
      .filter((r) => matchTerm(PATH, r[pathCol]) === key && text(r[stageCol]) !== "")
      .map((r) => ({ stage: text(r[stageCol]), days: numberOr(r[daysCol], 0) }));
    // Without a Stages table (an old or damaged Settings), the spec's stages and days.
    const stagesOf =
      fromSheet.length > 0 ? fromSheet : STAGES_BY_PATH[key].map((s) => ({ stage: label(termOf(STAGE, s.key), language), days: s.days }));
    return { key, word: label(termOf(PATH, key), language), stages: stagesOf };
  });
}

export async function readTasksBoard(host: ExcelHost, today: number = serialOf(new Date())): Promise<TasksBoard | undefined> {
  return host.run(READ, async (context) => {
    const tables = await readPaneTables(context, ["Tasks", "Customers", "Team", "Stages", "Config"]);
    const tasks = tables.get("Tasks");
    if (!tasks) return undefined;
    const config = configValues(tables.get("Config"));
    const language = workbookLanguage(config, tasks);
    const list = (table: PaneTable | undefined, key: string) => {
      if (!table) return [];
      const c = columnIndex(table, key);
      return c < 0
        ? []
        : [
            ...new Set(
              filledRows(table)
                .map((i) => text(table.values[i][c]))
                .filter((v) => v !== ""),
            ),
          ];
    };
    const [id, owner, due, status] = ["id", "owner", "due", "status"].map((k) => columnIndex(tasks, k));
    const rows: TaskRow[] = filledRows(tasks).map((i) => {
      const row = tasks.values[i];
      const dueValue = due < 0 ? undefined : row[due];
      return {
        id: id < 0 ? "" : text(row[id]),
        owner: owner < 0 ? "" : text(row[owner]),
        ...(typeof dueValue === "number" ? { due: dueValue } : {}),
        status: status < 0 ? "" : text(row[status]),
        cell: cellAddress(tasks, i, id < 0 ? 0 : id),
      };
    });
    const spec = tableSpec("Tasks")!;
    return {
      sheet: tasks.sheet,
      language,
      customers: list(tables.get("Customers"), "customer"),
      owners: list(tables.get("Team"), "name"),
      paths: pathsFrom(tables.get("Stages"), language),
      tasks: rows,
      columnKeys: tasks.headers.map((_, i) => spec.columns.find((c) => columnIndex(tasks, c.key) === i)?.key),
      notStartedWord: label(termOf(TASK_STATUS, "notStarted"), language),
      lagAlertDays: numberOr(config.get("LagAlertDays"), DEFAULT_LAG_ALERT_DAYS),
      dueSoonDays: numberOr(config.get("DueSoonDays"), DEFAULT_DUE_SOON_DAYS),
      today,
    };
  });
}

/** Adds the customer's path as rows below Tasks; returns how many. */
export async function createPathTasks(host: ExcelHost, board: TasksBoard, request: PathTasksRequest): Promise<number> {
  const rows = pathTaskRows(board, request);
  await addRows(host, { table: "Tasks", rows });
  return rows.length;
}
