// The check's fixture: the sample workbook as a WorkbookSnapshot, built from the planner's own
// set-up plan (what `npm run workbook` writes), and faults to plant in it as plain edits
// (table, data-row index, column key, value), each with the finding a person expects, written
// by hand. The .xlsx tests write the same edits into a generated file, so an edit names
// nothing a snapshot alone has.
import { EMPTY_WORKBOOK, excelSerial, parseArea, plan, SCHEMA_VERSION_NAME, type CellInput, type PlanStep } from "../../src/domain/plan";
import { tableSpec, WORKBOOK } from "../../src/domain/spec/workbook";
import type { Localized, TableName } from "../../src/domain/spec/types";
import { DEAL_STATUS, label, STAGE, TASK_STATUS, termOf, type Language, type Term } from "../../src/domain/spec/vocabulary";
import type { Severity, SnapshotValue, TableSnapshot, WorkbookSnapshot } from "../../src/domain/validation/types";

/** The set-up day of the fixture; sample dates are relative to it. */
export const FIXTURE_TODAY = "2026-03-15";

interface TableDraft {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  values: SnapshotValue[][];
  formulas: (string | null)[][];
  /** Excel's one blank data row of a table made without rows; the first appended row fills it. */
  placeholder: boolean;
}

const valueOf = (cell: CellInput): SnapshotValue => (cell !== null && typeof cell === "object" ? null : cell);
const formulaOf = (cell: CellInput): string | null => (cell !== null && typeof cell === "object" ? cell.formula : null);

function apply(tables: Map<string, TableDraft>, step: PlanStep): void {
  switch (step.kind) {
    case "addTable": {
      const area = parseArea(step.address);
      const blankRow = step.headers.map((): CellInput => null);
      const rows = step.rows.length > 0 ? step.rows : [blankRow];
      tables.set(step.table, {
        name: step.table,
        sheet: step.sheet,
        headerRow: area.firstRow,
        firstColumn: area.firstColumn,
        headers: [...step.headers],
        values: rows.map((r) => r.map(valueOf)),
        formulas: rows.map((r) => r.map(formulaOf)),
        placeholder: step.rows.length === 0,
      });
      break;
    }
    case "appendRows": {
      const t = tables.get(step.table)!;
      if (t.placeholder) {
        t.values = [];
        t.formulas = [];
        t.placeholder = false;
      }
      for (const row of step.rows) {
        t.values.push(row.map(valueOf));
        t.formulas.push(row.map(formulaOf));
      }
      break;
    }
    case "addColumns": {
      const t = tables.get(step.table)!;
      for (const c of step.columns) {
        t.headers.push(c.header);
        t.values.forEach((row, i) => row.push(valueOf(c.values?.[i] ?? null)));
        t.formulas.forEach((row, i) => row.push(formulaOf(c.values?.[i] ?? null)));
      }
      break;
    }
    case "setColumnFormula": {
      // A calculated column: every data cell holds the formula (its value is Excel's to compute).
      const t = tables.get(step.table)!;
      for (const c of step.columns) {
        const at = t.headers.indexOf(c.column);
        t.formulas.forEach((row) => (row[at] = c.formula));
        t.values.forEach((row) => (row[at] = null));
      }
      break;
    }
    case "setSchemaVersion": {
      const config = tables.get("Config");
      if (!config) break;
      const row = config.values.find((r) => r[columnIndex(config, "name")] === SCHEMA_VERSION_NAME);
      if (row) row[columnIndex(config, "value")] = step.version;
      break;
    }
    default:
      // Formats, names, drop-downs and highlights hold no cell values.
      break;
  }
}

/**
 * The sample workbook (`npm run workbook`, sample data on) as a reader would snapshot it:
 * values as written, formulas for the computed cells (their values left null), in `language`.
 */
export function sampleSnapshot(language: Language, today: string = FIXTURE_TODAY): WorkbookSnapshot {
  const steps = plan(WORKBOOK, EMPTY_WORKBOOK, { language, sample: true, today }).steps;
  const tables = new Map<string, TableDraft>();
  for (const step of steps) apply(tables, step);
  return {
    language,
    tables: [...tables.values()].map((t): TableSnapshot => ({
      name: t.name,
      sheet: t.sheet,
      headerRow: t.headerRow,
      firstColumn: t.firstColumn,
      headers: t.headers,
      values: t.values,
      formulas: t.formulas,
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Planted faults.

export type PlantedValue = string | number | null;

/** One cell edit: the value typed into data row `row` (0 = first data row) of `column` (a spec key). */
export interface CellEdit {
  readonly table: TableName;
  readonly row: number;
  readonly column: string;
  readonly value: PlantedValue;
}

export interface PlantedFault extends CellEdit {
  /** What the check must say, by hand. `column` is the key of the cell the finding names, when not the edited one. */
  readonly expected: { readonly code: string; readonly severity: Severity; readonly column?: string };
  /** Why a person would call this a fault. */
  readonly why: string;
}

const other = (language: Language): Language => (language === "zh-CN" ? "en-US" : "zh-CN");
const word = (term: Term, language: Language) => label(term, language);
const text = (l: Localized, language: Language) => (language === "zh-CN" ? l.zh : l.en);
const sampleCustomer = (i: number) => tableSpec("Customers")!.sample![i].customer as Localized;

/**
 * Faults for every rule of the check, in the words of a workbook in `language`. No two edit the
 * same cell, and none makes another rule fire by accident (each was traced by hand through the
 * sample rows of src/domain/spec/workbook.ts).
 */
export function plantedFaults(language: Language): PlantedFault[] {
  const error = (code: string, column?: string) => ({ code, severity: "error" as const, ...(column ? { column } : {}) });
  const warning = (code: string, column?: string) => ({ code, severity: "warning" as const, ...(column ? { column } : {}) });
  return [
    // Required
    { table: "Tasks", row: 1, column: "action", value: null, expected: error("required"), why: "a task without an action" },
    { table: "SalesGoals", row: 0, column: "owner", value: null, expected: error("required"), why: "a goal without an owner" },
    { table: "Risks", row: 1, column: "contingency", value: "   ", expected: error("required"), why: "spaces are not a contingency plan" },
    // Unique
    { table: "Tasks", row: 1, column: "id", value: "T-001", expected: error("duplicate"), why: "the ID of the first task again" },
    {
      table: "Customers",
      row: 3,
      column: "customer",
      value: `  ${text(sampleCustomer(0), language).toUpperCase()} `,
      expected: error("duplicate"),
      why: "the first customer again, in capitals with spaces around",
    },
    // Types
    { table: "SalesGoals", row: 0, column: "target", value: "fifteen", expected: error("notNumber"), why: "a number written in words" },
    { table: "Customers", row: 2, column: "annualRevenue", value: -5, expected: error("negative"), why: "revenue below zero" },
    { table: "SalesGoals", row: 1, column: "deadline", value: "next quarter", expected: error("notDate"), why: "a deadline that is no date" },
    { table: "Pipeline", row: 3, column: "created", value: "2026-02-30", expected: error("notDate"), why: "ISO text of a day that does not exist" },
    { table: "Customers", row: 0, column: "winProbability", value: 60, expected: error("percentAsWhole"), why: "60 typed for 60%" },
    { table: "Customers", row: 1, column: "winProbability", value: -0.2, expected: error("percentRange"), why: "a negative probability" },
    { table: "Risks", row: 0, column: "likelihood", value: 6, expected: error("scale1to5"), why: "above the 1-5 scale" },
    { table: "Risks", row: 2, column: "likelihood", value: 2.5, expected: error("scale1to5"), why: "not a whole number" },
    { table: "MarketAnalysis", row: 0, column: "impact", value: "#N/A", expected: error("cellError"), why: "an Excel error in a cell" },
    // Lists
    { table: "StrategyPlan", row: 0, column: "status", value: "finished", expected: error("notInList"), why: "not a task status in any language" },
    { table: "Playbook", row: 0, column: "outcome", value: "draw", expected: error("notInList"), why: "not an outcome" },
    {
      table: "Tasks",
      row: 6,
      column: "status",
      value: word(termOf(TASK_STATUS, "cancelled"), other(language)),
      expected: warning("otherLanguage"),
      why: "the right status in the other language",
    },
    {
      table: "StrategyPlan",
      row: 1,
      column: "dimension",
      value: "Pricing",
      expected: warning("unlistedWord"),
      why: "a dimension of the user's own (the list is open)",
    },
    // References and the roster
    { table: "Tasks", row: 2, column: "customer", value: "Unknown Co.", expected: error("refMissing"), why: "a task for a customer nobody entered" },
    { table: "Risks", row: 3, column: "customer", value: "Ghost Inc", expected: error("refMissing"), why: "a risk for a customer nobody entered" },
    { table: "Tasks", row: 3, column: "owner", value: "Someone Else", expected: warning("notOnRoster"), why: "an owner not on the Team roster" },
    // Stage by path
    {
      table: "Tasks",
      row: 5,
      column: "stage",
      value: word(
        STAGE.terms.find((s) => s.key === "proposal")!,
        language,
      ),
      expected: error("stageNotOnPath"),
      why: "a new-customer stage on an existing-customer task",
    },
    // Dates in order
    { table: "Tasks", row: 4, column: "start", value: "2099-12-31", expected: error("dateOrder", "due"), why: "starts (ISO text) after it is due" },
    {
      table: "ReviewInputs",
      row: 1,
      column: "periodEnd",
      value: excelSerial("2000-01-01"),
      expected: error("dateOrder"),
      why: "a period that ends before it starts",
    },
    // Status rules
    { table: "Tasks", row: 0, column: "completedOn", value: null, expected: error("requiredWhen"), why: "done without a completion date" },
    {
      table: "Tasks",
      row: 2,
      column: "completedOn",
      value: excelSerial("2026-03-01"),
      expected: error("blankUnless"),
      why: "a completion date on a task not done",
    },
    { table: "Pipeline", row: 2, column: "lostReason", value: null, expected: error("requiredWhen"), why: "lost without a reason" },
    { table: "Pipeline", row: 1, column: "closedOn", value: null, expected: error("requiredWhen"), why: "won without a closing date" },
    // SMART
    { table: "SalesGoals", row: 2, column: "target", value: 1.5, expected: error("smart"), why: "a conversion rate of 150% is not achievable" },
    // Probability against the stage's default
    {
      table: "Pipeline",
      row: 0,
      column: "probability",
      value: 0.95,
      expected: warning("probabilityFar"),
      why: "95% at the proposal stage (default 60%)",
    },
    // Computed columns
    { table: "Tasks", row: 2, column: "daysLate", value: 5, expected: warning("formulaOverwritten"), why: "a number typed over the formula" },
    { table: "Risks", row: 3, column: "score", value: null, expected: warning("formulaMissing"), why: "the formula cleared" },
  ];
}

/** Edits a person would not call faults: other case, spaces, ISO text dates, the stage's own default. */
export function harmlessEdits(language: Language): CellEdit[] {
  return [
    { table: "Pipeline", row: 3, column: "status", value: `  ${word(termOf(DEAL_STATUS, "open"), language).toUpperCase()} ` },
    { table: "Tasks", row: 3, column: "due", value: "2099-01-01" },
    { table: "Pipeline", row: 1, column: "probability", value: null },
    { table: "Customers", row: 4, column: "winProbability", value: 1 },
    { table: "Risks", row: 1, column: "likelihood", value: 5 },
    { table: "Risks", row: 2, column: "impact", value: 1 },
  ];
}

/** A copy of `snapshot` with `edits` typed in: an edited cell holds the value and no formula. */
export function plant(snapshot: WorkbookSnapshot, edits: readonly CellEdit[]): WorkbookSnapshot {
  const tables = snapshot.tables.map((t) => ({
    ...t,
    headers: [...t.headers],
    values: t.values.map((r) => [...r]),
    formulas: t.formulas?.map((r) => [...r]),
  }));
  for (const edit of edits) {
    const t = tables.find((x) => x.name === edit.table);
    if (!t) throw new Error(`No table ${edit.table} in the snapshot`);
    const at = columnIndex(t, edit.column);
    if (edit.row >= t.values.length) throw new Error(`${edit.table} has no data row ${edit.row}`);
    t.values[edit.row][at] = edit.value;
    if (t.formulas) t.formulas[edit.row][at] = null;
  }
  return { ...snapshot, tables };
}

/** Where column `key` of a table of ours is in `table`, by its header in either language. */
export function columnIndex(table: Pick<TableSnapshot, "name" | "headers">, key: string): number {
  const column = tableSpec(table.name)?.columns.find((c) => c.key === key);
  if (!column) throw new Error(`No column ${key} in the spec of ${table.name}`);
  const at = table.headers.findIndex((h) => h === column.header.en || h === column.header.zh);
  if (at < 0) throw new Error(`${table.name} has no column "${column.header.en}"`);
  return at;
}

/** Excel row number of data row `row` of a table. */
export function excelRow(table: Pick<TableSnapshot, "headerRow">, row: number): number {
  return table.headerRow + 1 + row;
}
