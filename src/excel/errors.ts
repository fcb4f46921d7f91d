// A failed set-up step, said in the user's words: where (sheet, table, column), what the
// add-in was doing, and why; in either product language.
import type { Language } from "../domain/spec/vocabulary";
import type { PlanStepKind } from "../domain/plan/types";
import { messages } from "../i18n";

export interface StepPlace {
  readonly sheet?: string;
  readonly table?: string;
  readonly column?: string;
}

export type WriteAction = PlanStepKind | "read" | "recalculate";

/** Why it failed: Excel's own message, or one of ours with its parameters. */
export type WriteReason =
  | { readonly kind: "excel"; readonly code: string; readonly message: string }
  | { readonly kind: "tableMissing" }
  | { readonly kind: "columnMissing"; readonly column: string }
  | { readonly kind: "rowTooLong"; readonly cells: number; readonly columns: number }
  | { readonly kind: "cellsBelowTaken"; readonly rows: number }
  | { readonly kind: "excelTooOld"; readonly apiVersion: string }
  | { readonly kind: "rowsPartlyAdded"; readonly rows: number };

export class WorkbookWriteError extends Error {
  constructor(
    readonly places: readonly StepPlace[],
    readonly action: WriteAction,
    readonly reason: WriteReason,
  ) {
    super(describeFailure(places, action, reason, "en-US"));
    this.name = "WorkbookWriteError";
  }

  /** Office's error code when Excel refused the batch (e.g. "InvalidArgument"). */
  get code(): string | undefined {
    return this.reason.kind === "excel" ? this.reason.code : undefined;
  }

  describe(language: Language): string {
    return describeFailure(this.places, this.action, this.reason, language);
  }
}

function describePlace(place: StepPlace, language: Language): string {
  const m = messages(language).excel.place;
  const parts = [
    place.sheet !== undefined ? m.sheet(place.sheet) : undefined,
    place.table !== undefined ? m.table(place.table) : undefined,
    place.column !== undefined ? m.column(place.column) : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.length > 0 ? parts.join(language === "zh-CN" ? "，" : ", ") : m.workbook;
}

export function describeFailure(places: readonly StepPlace[], action: WriteAction, reason: WriteReason, language: Language): string {
  const m = messages(language).excel;
  const where = places.length > 0 ? places.map((p) => describePlace(p, language)).join("; ") : m.place.workbook;
  // These carry their own advice: "run Set up again" would be wrong for them.
  if (reason.kind === "excelTooOld") return m.excelTooOld(reason.apiVersion);
  if (reason.kind === "rowsPartlyAdded") return m.rowsPartlyAdded(where, reason.rows);
  let why: string;
  switch (reason.kind) {
    case "excel":
      why = `${reason.code}: ${reason.message}`;
      break;
    case "tableMissing":
      why = m.tableMissing;
      break;
    case "columnMissing":
      why = m.columnMissing(reason.column);
      break;
    case "rowTooLong":
      why = m.rowTooLong(reason.cells, reason.columns);
      break;
    case "cellsBelowTaken":
      why = m.cellsBelowTaken(reason.rows);
      break;
  }
  return m.stepFailed(where, m.action[action], why);
}

/** Office.js errors carry a code and debugInfo.errorLocation ("Range.values"). */
export function officeErrorParts(error: unknown): { code: string; message: string; location?: string } {
  const e = error as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
  return {
    code: typeof e?.code === "string" ? e.code : "GeneralException",
    message: typeof e?.message === "string" ? e.message : String(error),
    location: typeof e?.debugInfo?.errorLocation === "string" ? e.debugInfo.errorLocation : undefined,
  };
}
