// "My tasks" on the Excel side: the signed-in owner's open tasks on the Tasks sheet. Where Excel
// has named sheet views (ExcelApiOnline 1.1) the filter is applied inside the owner's own view,
// which is switched to for this user only, so no co-author's sheet moves; elsewhere the table's
// filter is the sheet's own, which everyone in the workbook sees (the pane says so).
import type { Language } from "../domain/spec/vocabulary";
import { tableSpec } from "../domain/spec/workbook";
import { messages } from "../i18n";
import { myTasksCriteria, myTasksMode, sheetViewName, type MyTasksMode } from "../taskpane/tasks/myTasks";
import type { ExcelHost } from "./host";
import { columnIndex, readPaneTables, type PaneTable } from "./paneTables";

export interface MyTasksShown {
  readonly mode: MyTasksMode;
  /** The sheet the Tasks table is on. */
  readonly sheet: string;
  /** Open tasks of the owner now visible; 0 leaves the sheet as it was. */
  readonly count: number;
  /** The sheet view's name, in sheet-view mode. */
  readonly view?: string;
}

/** Why "My tasks" cannot filter, in either language: no Tasks table, or which of its columns is gone and on which sheet. */
export class MyTasksError extends Error {
  constructor(
    readonly sheet?: string,
    readonly missing: readonly ("owner" | "status")[] = [],
  ) {
    super("");
    this.name = "MyTasksError";
    this.message = this.describe("en-US");
  }

  describe(language: Language): string {
    const m = messages(language).myTasks;
    if (this.sheet === undefined) return m.noTasksTable;
    const header = (key: string) => {
      const h = tableSpec("Tasks")!.columns.find((c) => c.key === key)!.header;
      return language === "zh-CN" ? h.zh : h.en;
    };
    return m.noColumn(this.sheet, this.missing.map(header).join(m.or));
  }
}

/** The Tasks table with its Owner and Status columns, or a MyTasksError. */
async function readTasks(context: Excel.RequestContext): Promise<{ tasks: PaneTable; owner: number; status: number }> {
  const tasks = (await readPaneTables(context, ["Tasks"])).get("Tasks");
  if (!tasks) throw new MyTasksError();
  const [owner, status] = (["owner", "status"] as const).map((key) => columnIndex(tasks, key));
  const missing = (["owner", "status"] as const).filter((_, i) => [owner, status][i] < 0);
  if (missing.length > 0) throw new MyTasksError(tasks.sheet, missing);
  return { tasks, owner, status };
}

/**
 * Shows the owner's open tasks: one read, then (in sheet-view mode) the views on Tasks, then the
 * view made or reused, switched to, and the two column filters applied, in one more sync.
 */
export async function showMyTasks(host: ExcelHost, owner: string, language: Language): Promise<MyTasksShown> {
  const mode = myTasksMode(host);
  return host.run({}, async (context) => {
    const { tasks, owner: ownerColumn, status: statusColumn } = await readTasks(context);
    const criteria = myTasksCriteria(
      tasks.values.map((row) => row[ownerColumn]),
      tasks.values.map((row) => row[statusColumn]),
      owner,
    );
    if (criteria.count === 0) return { mode, sheet: tasks.sheet, count: 0 };
    const sheet = context.workbook.worksheets.getItem(tasks.sheet);
    const table = context.workbook.tables.getItem("Tasks");
    let view: string | undefined;
    sheet.activate();
    if (mode === "sheetView") {
      const views = sheet.namedSheetViews.load("items/name");
      await context.sync();
      const wanted = sheetViewName(owner, language);
      // Made once: a view of that name (in any case) from an earlier visit is switched to again.
      const existing = views.items.find((v) => v.name.toLowerCase() === wanted.toLowerCase());
      view = existing?.name ?? wanted;
      (existing ? views.getItem(existing.name) : views.add(wanted)).activate();
    }
    // Filters set after the switch belong to the view (a sheet view stores its sort and filter rules).
    table.columns.getItemAt(ownerColumn).filter.apply({ filterOn: "Values", values: [...criteria.ownerValues] });
    table.columns.getItemAt(statusColumn).filter.apply({ filterOn: "Values", values: [...criteria.statusValues] });
    await context.sync();
    return { mode, sheet: tasks.sheet, count: criteria.count, ...(view !== undefined ? { view } : {}) };
  });
}

/**
 * Back to every task. Sheet-view mode: leave the view (it stays, with its filter, for next time).
 * Otherwise: clear the Owner and Status filters only; a filter the user set on another column stays.
 */
export async function showAllTasks(host: ExcelHost): Promise<MyTasksMode> {
  const mode = myTasksMode(host);
  return host.run({}, async (context) => {
    const { tasks, owner, status } = await readTasks(context);
    const sheet = context.workbook.worksheets.getItem(tasks.sheet);
    if (mode === "sheetView") sheet.namedSheetViews.exit();
    else {
      const table = context.workbook.tables.getItem("Tasks");
      table.columns.getItemAt(owner).filter.clear();
      table.columns.getItemAt(status).filter.clear();
    }
    await context.sync();
    return mode;
  });
}
