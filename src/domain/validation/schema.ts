// Row schemas in zod, derived from the spec: what a clean row of each table is once read
// (dates as Excel serials, list words as the list's keys). They state each column's type and
// bounds once; compile.ts turns them into per-cell checkers, since zod's own parse per cell is
// far too slow for 100,000 rows with faults (a failed parse builds an issue object each time).
import { z } from "zod";
import { LISTS } from "../spec/workbook";
import type { ColumnSpec, ColumnType, ListSource, TableSpec } from "../spec/types";

/**
 * Excel's dates: serial 1 is 1900-01-01, 2958465 is 9999-12-31 (support.microsoft.com, "Excel
 * specifications and limits": earliest and latest date allowed for calculation).
 */
export const DATE_SERIAL = z.number().min(1).max(2_958_465);
/** Amounts and counts: never below zero (SPEC section 2, "number (>= 0)"). */
export const AMOUNT = z.number().min(0);
/** Excel percentages: 45% is 0.45. */
export const PERCENT = z.number().min(0).max(1);
/** Likelihood and impact of a risk. */
export const SCALE_1_TO_5 = z.number().int().min(1).max(5);
/** Text columns take whatever a person typed: a number as an ID, TRUE as a note. */
export const TEXT = z.union([z.string(), z.number(), z.boolean()]);

export type NumberSchema = typeof DATE_SERIAL;

/** The zod number schema of a numeric column type. */
export const NUMBER_SCHEMAS: Readonly<Partial<Record<ColumnType, NumberSchema>>> = {
  date: DATE_SERIAL,
  number: AMOUNT,
  percent: PERCENT,
  int1to5: SCALE_1_TO_5,
};

export function listSource(column: ColumnSpec): ListSource | undefined {
  return LISTS.find((l) => l.name === column.list)?.source;
}

/** A clean cell of `column`, as read: list words become their term keys, stages and owners stay words. */
export function cellSchema(column: ColumnSpec): z.ZodType {
  const numeric = NUMBER_SCHEMAS[column.type];
  if (numeric) return numeric;
  if (column.type === "list") {
    const source = listSource(column);
    if (source?.kind === "terms" && !column.openList) return z.enum(source.terms.terms.map((t) => t.key) as [string, ...string[]]);
    return z.string().trim().min(1);
  }
  if (column.type === "ref") return z.string().trim().min(1);
  if (column.type === "computed") return z.unknown();
  return TEXT;
}

/** A clean row of `table`: required columns present, the others nullable. */
export function rowSchema(table: TableSpec) {
  return z.object(
    Object.fromEntries(
      table.columns.map((c) => {
        const cell = cellSchema(c);
        return [c.key, c.required || c.type === "computed" ? cell : cell.nullable()];
      }),
    ),
  );
}

/** Bounds read off a zod number schema, for a plain comparison per cell. */
export function numberBounds(schema: NumberSchema): { readonly min: number; readonly max: number; readonly integer: boolean } {
  return { min: schema.minValue ?? -Infinity, max: schema.maxValue ?? Infinity, integer: schema.isInt };
}
