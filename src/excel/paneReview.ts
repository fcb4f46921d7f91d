// The Review panel's Excel side: the metric cards read from ReviewMetrics, a native funnel chart
// from ReviewFunnel, and the "portable formulas" switch that rewrites the cells the spec gives two
// forms (SALES.* and its native twin) from one form to the other. The switch only touches a cell
// whose formula is one of the two forms; a formula a user wrote stays as it is, and is counted.
import type { ComputedFormula, TableName, TableSpec } from "../domain/spec/types";
import { matchTerm, BETTER_WHEN, normalizeWord } from "../domain/spec/vocabulary";
import { TABLES } from "../domain/spec/workbook";
import { tableFormula } from "../domain/plan/formulas";
import { columnLetters } from "../domain/plan/address";
import type { ExcelHost } from "./host";
import { cellAddress, columnIndex, filledRows, headerOf, readPaneTables, type PaneTable } from "./paneTables";

export interface MetricCard {
  readonly metric: string;
  readonly target?: number;
  readonly actual?: number;
  readonly variance?: number;
  /** From the On track cell: true ✓, false ✗, undefined when it is blank. */
  readonly onTrack?: boolean;
  readonly better?: "higher" | "lower";
  /** The sheet shows this metric as a percentage (its Actual cell's number format). */
  readonly percent?: boolean;
}

export interface ReviewBoard {
  readonly cards: readonly MetricCard[];
  /** True when no cell holds a SALES.* form, i.e. the workbook works without the add-in. */
  readonly portable: boolean;
}

const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** A cell that has both forms in the spec: where it is, and its two formulas for this workbook. */
interface TwinCell {
  readonly sheet: string;
  readonly cell: string;
  readonly current: string;
  readonly functions: string;
  readonly portable: string;
}

/** Tables whose cells the switch may rewrite, and every table their formulas read. */
const TWIN_TABLES: readonly TableName[] = ["SalesGoals", "Customers", "ReviewMetrics", "ReviewInputs", "Pipeline", "Tasks"];

const hasTwin = (f: ComputedFormula | undefined): f is { functions: string; portable: string } => f !== undefined && "functions" in f;

/**
 * One spelling for the comparisons: Excel may show a this-row reference as [@Due] where we wrote
 * Tasks[[#This Row],[Due]], and spaces and letter case may differ. A guess at Excel's rewriting,
 * kept wide so that a form written by the add-in is always recognised.
 */
export function canonicalFormula(formula: string, table: string): string {
  return formula
    .replace(new RegExp(`${table}\\[\\[#This Row\\],\\[([^\\]]+)\\]\\]`, "gi"), "[@$1]")
    .replace(/\[@\[([^\]]+)\]\]/g, "[@$1]")
    .replace(/\s+/g, "")
    .toUpperCase();
}

export function twinCells(tables: Map<TableName, PaneTable>): TwinCell[] {
  const header = (table: string, key: string) => {
    const t = tables.get(table as TableName);
    return t ? headerOf(t, key) : undefined;
  };
  const render = (template: string, table: string) => {
    const r = tableFormula(template, table, header);
    return "formula" in r ? r.formula : undefined;
  };
  const out: TwinCell[] = [];
  const add = (table: PaneTable, row: number, column: number, formula: { functions: string; portable: string }) => {
    const functions = render(formula.functions, table.name);
    const portable = render(formula.portable, table.name);
    if (functions === undefined || portable === undefined) return;
    out.push({
      sheet: table.sheet,
      cell: cellAddress(table, row, column),
      current: String(table.formulas[row]?.[column] ?? ""),
      functions,
      portable,
    });
  };
  for (const spec of TABLES as readonly TableSpec[]) {
    const table = tables.get(spec.name);
    if (!table) continue;
    for (const column of spec.columns) {
      const c = columnIndex(table, column.key);
      if (c < 0) continue;
      if (hasTwin(column.formula)) filledRows(table).forEach((r) => add(table, r, c, column.formula as { functions: string; portable: string }));
      // Per-row formulas (ReviewMetrics[Actual]): the spec row is found by its first column's words.
      if (column.formulaPerRow && spec.rows) {
        const keyColumn = spec.columns[0];
        const k = columnIndex(table, keyColumn.key);
        for (const specRow of spec.rows) {
          const value = specRow[column.key];
          const label = specRow[keyColumn.key];
          if (!value || typeof value !== "object" || !("formula" in value) || !hasTwin(value.formula)) continue;
          if (!label || typeof label !== "object" || !("en" in label)) continue;
          const words = [normalizeWord(label.en), normalizeWord(label.zh)];
          const r = table.values.findIndex((row) => words.includes(normalizeWord(String(row[k] ?? ""))));
          if (r >= 0) add(table, r, c, value.formula);
        }
      }
    }
  }
  return out;
}

export function reviewFrom(tables: Map<TableName, PaneTable>): ReviewBoard {
  const metrics = tables.get("ReviewMetrics");
  const cards: MetricCard[] = [];
  if (metrics) {
    const [metric, target, actual, variance, onTrack, better] = ["metric", "target", "actual", "variance", "onTrack", "better"].map((k) =>
      columnIndex(metrics, k),
    );
    for (const i of filledRows(metrics)) {
      const row = metrics.values[i];
      const mark = String(row[onTrack] ?? "").trim();
      const t = num(row[target]);
      const a = num(row[actual]);
      const v = num(row[variance]);
      const b = better < 0 ? undefined : matchTerm(BETTER_WHEN, row[better]);
      cards.push({
        metric: String(row[metric] ?? ""),
        ...(t === undefined ? {} : { target: t }),
        ...(a === undefined ? {} : { actual: a }),
        ...(v === undefined ? {} : { variance: v }),
        ...(mark === "✓" ? { onTrack: true } : mark === "✗" ? { onTrack: false } : {}),
        ...(b === undefined ? {} : { better: b }),
        ...(String(metrics.numberFormats[i]?.[actual] ?? "").includes("%") ? { percent: true } : {}),
      });
    }
  }
  const portable = !twinCells(tables).some((t) => /\bSALES\./i.test(t.current));
  return { cards, portable };
}

/** Undefined when the workbook has no ReviewMetrics table. */
export async function readReview(host: ExcelHost): Promise<ReviewBoard | undefined> {
  return host.run({ delayForCellEdit: true }, async (context) => {
    const tables = await readPaneTables(context, TWIN_TABLES);
    if (!tables.has("ReviewMetrics")) return undefined;
    return reviewFrom(tables);
  });
}

/** Rewrites every two-form cell into the `portable` (native) or SALES.* form; one undo step where Excel groups. */
export async function setPortableFormulas(host: ExcelHost, portable: boolean): Promise<{ changed: number; kept: number }> {
  const grouped = host.isSetSupported("ExcelApi", "1.20");
  return host.run({ delayForCellEdit: true, ...(grouped ? { mergeUndoGroup: true } : {}) }, async (context) => {
    const tables = await readPaneTables(context, TWIN_TABLES);
    let changed = 0;
    let kept = 0;
    for (const twin of twinCells(tables)) {
      const wanted = portable ? twin.portable : twin.functions;
      const other = portable ? twin.functions : twin.portable;
      const tableName = [...tables.values()].find((t) => t.sheet === twin.sheet)?.name ?? "";
      const same = (a: string, b: string) => canonicalFormula(a, tableName) === canonicalFormula(b, tableName);
      if (same(twin.current, wanted)) continue;
      if (!same(twin.current, other)) {
        kept += 1;
        continue;
      }
      context.workbook.worksheets.getItem(twin.sheet).getRange(twin.cell).formulas = [[wanted]];
      changed += 1;
    }
    if (changed > 0) {
      context.application.calculate("Recalculate");
      await context.sync();
    }
    return { changed, kept };
  });
}

export const FUNNEL_CHART_NAME = "SalesFunnel";

/**
 * Inserts a native funnel chart (ExcelApi 1.9's Funnel type) of ReviewFunnel's Stage and Reached
 * columns beside the table, or points the one already there at the table's current rows.
 */
export async function upsertFunnelChart(host: ExcelHost, title: string): Promise<"inserted" | "refreshed"> {
  return host.run({ delayForCellEdit: true }, async (context) => {
    const tables = await readPaneTables(context, ["ReviewFunnel"]);
    const funnel = tables.get("ReviewFunnel");
    if (!funnel) throw new Error("ReviewFunnel");
    const stage = columnIndex(funnel, "stage");
    const reached = columnIndex(funnel, "reached");
    if (stage < 0 || reached !== stage + 1) throw new Error("ReviewFunnel");
    const first = funnel.firstColumnIndex + stage + 1;
    const top = funnel.headerRowIndex + 1;
    const bottom = top + funnel.values.length;
    const source = `${columnLetters(first)}${top}:${columnLetters(first + 1)}${bottom}`;
    const sheet = context.workbook.worksheets.getItem(funnel.sheet);
    const existing = sheet.charts.getItemOrNullObject(FUNNEL_CHART_NAME);
    await context.sync();
    const range = sheet.getRange(source);
    if (!existing.isNullObject) {
      existing.setData(range, "Columns");
      await context.sync();
      return "refreshed";
    }
    const chart = sheet.charts.add("Funnel", range, "Columns");
    chart.name = FUNNEL_CHART_NAME;
    chart.title.text = title;
    const below = `${columnLetters(funnel.firstColumnIndex + 1)}${bottom + 3}`;
    chart.setPosition(below);
    await context.sync();
    return "inserted";
  });
}
