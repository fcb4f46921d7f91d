// The Set up panel's Excel side: what the workbook holds now (its recorded language, which of the
// planner's sheets exist), and set-up itself through setup.ts with the panel's choices.
import { plan } from "../domain/plan/plan";
import type { Plan, PlanStepKind } from "../domain/plan/types";
import { RECORD_TABLE } from "../domain/plan/types";
import type { SheetKey } from "../domain/spec/types";
import type { Language } from "../domain/spec/vocabulary";
import { WORKBOOK } from "../domain/spec/workbook";
import type { Progress } from "./applyPlan";
import type { ExcelHost } from "./host";
import { readWorkbookState, setUpWorkbook } from "./setup";

export interface WorkbookInfo {
  /** The language recorded in Settings; undefined for a workbook not set up yet. */
  readonly language?: Language;
  /** Planner tables already in the workbook, by sheet key. */
  readonly sheets: readonly SheetKey[];
}

export interface SetUpRequest {
  readonly language: Language;
  readonly sheets: readonly SheetKey[];
  readonly sample: boolean;
  /** The set-up day, "YYYY-MM-DD". */
  readonly today: string;
}

export interface SetUpSummary {
  readonly language: Language;
  /** Plan steps that changed the workbook, by kind (AddinRecord bookkeeping left out). */
  readonly added: Readonly<Partial<Record<PlanStepKind, number>>>;
  readonly steps: number;
  readonly notices: Plan["notices"];
}

export async function readWorkbookInfo(host: ExcelHost): Promise<WorkbookInfo> {
  const state = await readWorkbookState(host);
  const names = new Set(state.tables.map((t) => t.name.toLowerCase()));
  const sheets = WORKBOOK.sheets.filter((s) => WORKBOOK.tables.some((t) => t.sheet === s.key && names.has(t.name.toLowerCase()))).map((s) => s.key);
  return { ...(state.language ? { language: state.language } : {}), sheets };
}

export function summarize(done: Plan): SetUpSummary {
  const added: Partial<Record<PlanStepKind, number>> = {};
  let steps = 0;
  for (const step of done.steps) {
    if (step.kind === "appendRows" && step.table === RECORD_TABLE) continue;
    added[step.kind] = (added[step.kind] ?? 0) + 1;
    steps += 1;
  }
  return { language: done.language, added, steps, notices: done.notices };
}

export async function runSetUp(host: ExcelHost, request: SetUpRequest, onProgress: (progress: Progress) => void): Promise<SetUpSummary> {
  const result = await setUpWorkbook(host, {
    plan: (state) => plan(WORKBOOK, state, { language: request.language, sample: request.sample, today: request.today, sheets: request.sheets }),
    onProgress,
  });
  return summarize(result.plan);
}
