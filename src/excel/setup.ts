// Set-up and upgrade in one Excel.run: read the workbook, plan from what is really there,
// apply the plan. One undo step where Excel can group (ExcelApi 1.20's mergeUndoGroup);
// if Excel refuses to group one of the calls (UndoNotSupported), the same work is redone
// ungrouped: it is idempotent, because the planner plans from the real state and the writer
// skips names and rules an interrupted run already made.
import type { Plan, WorkbookState } from "../domain/plan/types";
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

const READ_SYNCS = 2;

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
    return { plan, syncs: READ_SYNCS + applied.syncs, undoGrouped: grouped };
  });
}

export async function setUpWorkbook(host: ExcelHost, options: SetUpOptions): Promise<SetUpResult> {
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
