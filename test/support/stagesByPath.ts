// The Tasks Stage drop-down that follows the row's Path (SPEC section 2: "list of that path's
// stages"), written out by hand as it reads for the first data row of a table at A1 (Path in C).
import type { Plan } from "../../src/domain/plan/types";

export const STAGES_BY_PATH =
  '=IF(OR(LOWER(TRIM($C2))="existing customer",LOWER(TRIM($C2))="老客户"),List_StagesExisting,' +
  'IF(OR(LOWER(TRIM($C2))="new customer",LOWER(TRIM($C2))="新客户"),List_StagesNew,List_Stage))';

/**
 * The plan with that drop-down on Tasks Stage, as the planner makes it once it renders the
 * spec's listFormula (until then the Stage rule reads List_Stage); a no-op after that.
 */
export function withStagesByPath(plan: Plan): Plan {
  return {
    ...plan,
    steps: plan.steps.map((step) =>
      step.kind === "setValidation" && step.table === "Tasks"
        ? { ...step, columns: step.columns.map((c) => (c.key === "stage" ? { ...c, check: { kind: "list" as const, source: STAGES_BY_PATH } } : c)) }
        : step,
    ),
  };
}
