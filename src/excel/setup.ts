// Set-up and upgrade: read the workbook, plan from what is really there, apply the plan. One
// undo step where Excel can group (ExcelApi 1.20's mergeUndoGroup). Calls that Excel on Windows
// or Mac cannot put in an undo group (Worksheet.visibility; docs/excel/excel-add-ins-undo-
// capabilities.md) are made first, in a run of their own: such a call clears the undo stack from
// where it is made, so after the group it would take the group with it. If Excel still refuses to
// group a call (UndoNotSupported), the work is redone ungrouped: it is idempotent, because the
// planner plans from the real state (a Settings sheet made but not hidden is hidden) and the
// writer skips names and rules an interrupted run already made. When another copy of the add-in
// (a co-author's) wrote since the read, Excel refuses the first call of the next batch and the
// work is read and planned again (revision.ts): that costs syncs only when it happens.
import type { TableName, WorkbookSpec } from "../domain/spec/types";
import type { CellInput, Plan, PlanStep, WorkbookState } from "../domain/plan/types";
import { rowsWithFormulas } from "../domain/plan/plan";
import { WORKBOOK } from "../domain/spec/workbook";
import { applyPlan, type Progress } from "./applyPlan";
import { WorkbookWriteError, officeErrorParts } from "./errors";
import { supportsUndoGrouping, type ExcelHost } from "./host";
import { readWorkbook } from "./readState";
import { RevisionClaim, changedMeanwhile } from "./revision";

export interface SetUpOptions {
  /** The planner with its spec and options bound: state -> plan. */
  readonly plan: (state: WorkbookState) => Plan;
  readonly onProgress?: (progress: Progress) => void;
  /** Bytes one write batch may carry; tests lower it. */
  readonly budgetBytes?: number;
  /** Called before the work is read and planned again because the workbook changed meanwhile. */
  readonly onReplan?: () => void;
}

export interface SetUpResult {
  readonly plan: Plan;
  /** context.sync() calls of the run that finished the work, the reads included. */
  readonly syncs: number;
  /** True when the whole change is one undo step. */
  readonly undoGrouped: boolean;
}

async function setUpOnce(host: ExcelHost, options: SetUpOptions): Promise<SetUpResult> {
  // delayForCellEdit: a user typing in a cell delays the set-up instead of failing it.
  return host.run({ delayForCellEdit: true }, async (context) => {
    const snapshot = await read(context);
    const plan = options.plan(snapshot.state);
    const claim = new RevisionClaim(snapshot.state.names);
    const applied = await applyPlan(context, plan, snapshot, { onProgress: options.onProgress, budgetBytes: options.budgetBytes, claim });
    return { plan, syncs: snapshot.syncs + applied.syncs, undoGrouped: false };
  });
}

async function read(context: Excel.RequestContext) {
  try {
    return await readWorkbook(context);
  } catch (error) {
    const office = officeErrorParts(error);
    throw new WorkbookWriteError([], "read", { kind: "excel", code: office.code, message: office.message });
  }
}

/**
 * Steps whose calls Excel on Windows and Mac cannot put in an undo group: a hidden sheet's
 * visibility, and the position of a sheet that goes first in the tab order (Worksheet.position).
 */
function outsideGroup(step: PlanStep): boolean {
  return step.kind === "hideSheet" || (step.kind === "addSheet" && (!step.visible || step.first === true));
}

const GROUPED: Excel.RunOptions = { delayForCellEdit: true, mergeUndoGroup: true };

async function setUpGrouped(host: ExcelHost, options: SetUpOptions): Promise<SetUpResult> {
  let claim: RevisionClaim | undefined;
  const write = () => ({ onProgress: options.onProgress, budgetBytes: options.budgetBytes, claim });
  // Reading adds nothing to the undo stack, so the read is made in the group's run.
  const first = await host.run(GROUPED, async (context) => {
    const snapshot = await read(context);
    const plan = options.plan(snapshot.state);
    claim = new RevisionClaim(snapshot.state.names);
    if (!plan.steps.some(outsideGroup)) {
      const applied = await applyPlan(context, plan, snapshot, write());
      return { done: { plan, syncs: snapshot.syncs + applied.syncs, undoGrouped: true } as SetUpResult };
    }
    return { snapshot, plan };
  });
  if ("done" in first && first.done) return first.done;
  const { snapshot, plan } = first as { snapshot: Awaited<ReturnType<typeof read>>; plan: Plan };
  const outside = plan.steps.filter(outsideGroup);
  const total = plan.steps.length;
  // The plan and the read stay valid: the first part only adds and hides sheets.
  const before = await host.run({ delayForCellEdit: true }, (context) =>
    applyPlan(context, { ...plan, steps: outside }, snapshot, { ...write(), recalculate: false, progressOf: { before: 0, total } }),
  );
  const grouped = await host.run(GROUPED, (context) =>
    applyPlan(context, { ...plan, steps: plan.steps.filter((step) => !outsideGroup(step)) }, snapshot, {
      ...write(),
      progressOf: { before: outside.length, total },
    }),
  );
  return { plan, syncs: snapshot.syncs + before.syncs + grouped.syncs, undoGrouped: true };
}

/** Range.autoFill (1.9) and Table.resize (1.13) carry the set-up. */
export const REQUIRED_EXCEL_API = "1.13";

/**
 * How often the work is read and planned again when the workbook changed meanwhile. Each time,
 * another copy of the add-in wrote a batch, so the work left shrinks; more than this is a fault.
 */
export const MAX_REPLANS = 8;

export async function setUpWorkbook(host: ExcelHost, options: SetUpOptions): Promise<SetUpResult> {
  if (!host.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    throw new WorkbookWriteError([], "read", { kind: "excelTooOld", apiVersion: REQUIRED_EXCEL_API });
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return await setUpUnchecked(host, options);
    } catch (error) {
      if (!(error instanceof WorkbookWriteError) || error.action === "read" || !changedMeanwhile(error) || attempt >= MAX_REPLANS) throw error;
      options.onReplan?.();
    }
  }
}

async function setUpUnchecked(host: ExcelHost, options: SetUpOptions): Promise<SetUpResult> {
  if (!supportsUndoGrouping(host)) return setUpOnce(host, options);
  try {
    return await setUpGrouped(host, options);
  } catch (error) {
    if (error instanceof WorkbookWriteError && error.code === "UndoNotSupported") return setUpOnce(host, options);
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
  /** The spec whose computed columns get their formulas in the new rows (default the product's). */
  readonly spec?: WorkbookSpec;
  /** Computed cells use SALES.* functions rather than native formulas. */
  readonly functions?: boolean;
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
    // Refused because the workbook changed since the read: nothing of the batch went in.
    onReplan: () => (rowCountFirstSeen = undefined),
    plan: (state) => {
      const table = state.tables.find((t) => t.name.toLowerCase() === options.table.toLowerCase());
      if (!table) throw new WorkbookWriteError([{ table: options.table }], "appendRows", { kind: "tableMissing" });
      if (rowCountFirstSeen === undefined) rowCountFirstSeen = table.rowCount;
      else if (table.rowCount !== rowCountFirstSeen) {
        throw new WorkbookWriteError([{ sheet: table.sheet, table: table.name }], "appendRows", {
          kind: "rowsPartlyAdded",
          rows: options.rows.length,
        });
      }
      return {
        language: state.language ?? "en-US",
        schemaVersion: state.schemaVersion ?? 0,
        notices: [],
        // The computed cells get their formulas here: Excel fills a calculated column into new rows
        // only when the user's AutoCorrect option allows it.
        steps: [
          {
            kind: "appendRows",
            table: options.table,
            sheet: table.sheet,
            rows: rowsWithFormulas(options.spec ?? WORKBOOK, state, options.table, options.rows, options.functions),
          },
        ],
      };
    },
  });
}
