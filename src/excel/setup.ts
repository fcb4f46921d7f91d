// Set-up and upgrade in one Excel.run: read the workbook, plan from what is really there,
// apply the plan. One undo step where Excel can group (ExcelApi 1.20's mergeUndoGroup);
// if Excel refuses to group one of the calls (UndoNotSupported), the same work is redone
// ungrouped: it is idempotent, because the planner plans from the real state and the writer
// skips names and rules an interrupted run already made.
import type { TableName } from "../domain/spec/types";
import type { CellInput, Plan, WorkbookState } from "../domain/plan/types";
import { applyPlan, type Progress } from "./applyPlan";
import { WorkbookWriteError, officeErrorParts } from "./errors";
import { supportsUndoGrouping, type ExcelHost } from "./host";
import { readWorkbook } from "./readState";

export interface SetUpOptions {
  /** The planner with its spec and options bound: state -> plan. */
  readonly plan: (state: WorkbookState) => Plan;
  readonly onProgress?: (progress: Progress) => void;
  /** Bytes one write batch may carry; tests lower it. */
  readonly budgetBytes?: number;
}

export interface SetUpResult {
  readonly plan: Plan;
  /** context.sync() calls of the run that finished the work, the reads included. */
  readonly syncs: number;
  /** True when the whole change is one undo step. */
  readonly undoGrouped: boolean;
}

async function setUpOnce(host: ExcelHost, options: SetUpOptions, grouped: boolean): Promise<SetUpResult> {
  // delayForCellEdit: a user typing in a cell delays the set-up instead of failing it.
  return host.run({ delayForCellEdit: true, ...(grouped ? { mergeUndoGroup: true } : {}) }, async (context) => {
    let snapshot;
    try {
      snapshot = await readWorkbook(context);
    } catch (error) {
      const office = officeErrorParts(error);
      throw new WorkbookWriteError([], "read", { kind: "excel", code: office.code, message: office.message });
    }
    const plan = options.plan(snapshot.state);
    const applied = await applyPlan(context, plan, snapshot, { onProgress: options.onProgress, budgetBytes: options.budgetBytes });
    return { plan, syncs: snapshot.syncs + applied.syncs, undoGrouped: grouped };
  });
}

/** Range.autoFill (1.9) and Table.resize (1.13) carry the set-up. */
export const REQUIRED_EXCEL_API = "1.13";

export async function setUpWorkbook(host: ExcelHost, options: SetUpOptions): Promise<SetUpResult> {
  if (!host.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    throw new WorkbookWriteError([], "read", { kind: "excelTooOld", apiVersion: REQUIRED_EXCEL_API });
  }
  const grouped = supportsUndoGrouping(host);
  try {
    return await setUpOnce(host, options, grouped);
  } catch (error) {
    if (grouped && error instanceof WorkbookWriteError && error.code === "UndoNotSupported") return setUpOnce(host, options, false);
    throw error;
  }
}

/** What the workbook holds, for the task pane's checks (two syncs). */
export async function readWorkbookState(host: ExcelHost): Promise<WorkbookState> {
  return host.run({ delayForCellEdit: true }, async (context) => (await readWorkbook(context)).state);
}

export interface AddRowsOptions {
  readonly table: TableName;
  /** Cells left to right in the table's current column order; strings stay text. */
  readonly rows: readonly (readonly CellInput[])[];
  readonly onProgress?: (progress: Progress) => void;
  readonly budgetBytes?: number;
}

/**
 * Adds rows below a table the way set-up does (a range below the table, which then grows;
 * never TableRowCollection.add), as one undo step where Excel can group: for the task pane's
 * "create a customer's path tasks".
 */
export async function addRows(host: ExcelHost, options: AddRowsOptions): Promise<SetUpResult> {
  // Unlike set-up, appending is not idempotent: when Excel refuses the undo group after part
  // of the rows went in, the ungrouped redo must not append them a second time.
  let rowCountFirstSeen: number | undefined;
  return setUpWorkbook(host, {
    onProgress: options.onProgress,
    budgetBytes: options.budgetBytes,
    plan: (state) => {
      const table = state.tables.find((t) => t.name.toLowerCase() === options.table.toLowerCase());
      if (!table) throw new WorkbookWriteError([{ table: options.table }], "appendRows", { kind: "tableMissing" });
      if (rowCountFirstSeen === undefined) rowCountFirstSeen = table.rowCount;
      else if (table.rowCount !== rowCountFirstSeen) {
        throw new WorkbookWriteError([{ sheet: table.sheet, table: table.name }], "appendRows", { kind: "rowsPartlyAdded", rows: options.rows.length });
      }
      return {
        language: state.language ?? "en-US",
        schemaVersion: state.schemaVersion ?? 0,
        notices: [],
        steps: [{ kind: "appendRows", table: options.table, sheet: table.sheet, rows: options.rows }],
      };
    },
  });
}
