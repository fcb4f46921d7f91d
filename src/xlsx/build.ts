// The whole planning workbook as .xlsx bytes: plan against an empty workbook, apply, write.
import ExcelJS from "exceljs";
import type { WorkbookOptions } from "../cli/args";
import { plan } from "../domain/plan/plan";
import { WORKBOOK } from "../domain/spec/workbook";
import type { Plan } from "../domain/plan/types";
import { applyPlan, bodyOf, tableModel } from "./apply";
import { readState } from "./read";

export interface BuiltSheet {
  readonly name: string;
  readonly hidden: boolean;
  /** Rows that hold something other than formulas (a new empty table has one blank row: 0). */
  readonly tables: readonly { readonly name: string; readonly rows: number }[];
}

export interface BuiltWorkbook {
  readonly bytes: Buffer;
  readonly sheets: readonly BuiltSheet[];
}

export type BuildOptions = Pick<WorkbookOptions, "language" | "sample" | "functions">;

/** The local calendar day as "YYYY-MM-DD": sample dates are relative to the day the user runs it. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sales Strategy Planner";
  workbook.created = new Date();
  // <bookViews>: the window Excel opens the file in, on the first sheet.
  workbook.views = [{ x: 0, y: 0, width: 28800, height: 17400, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return workbook;
}

/** The plan for a new file, from the same spec and planner the add-in uses. */
export function planNewWorkbook(workbook: ExcelJS.Workbook, options: BuildOptions, today: string): Plan {
  return plan(WORKBOOK, readState(workbook), {
    language: options.language,
    sample: options.sample,
    functions: options.functions,
    today,
  });
}

function userRows(sheet: ExcelJS.Worksheet, tableName: string): number {
  const body = bodyOf(tableModel(sheet, tableName));
  let rows = 0;
  for (let row = body.firstRow; row <= body.lastRow; row++) {
    for (let column = body.firstColumn; column <= body.lastColumn; column++) {
      const value = sheet.getCell(row, column).value;
      if (value !== null && value !== "" && !(typeof value === "object" && "formula" in value)) {
        rows++;
        break;
      }
    }
  }
  return rows;
}

export function summarize(workbook: ExcelJS.Workbook): BuiltSheet[] {
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    hidden: sheet.state !== "visible",
    tables: Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables).map((name) => ({
      name,
      rows: userRows(sheet, name),
    })),
  }));
}

export async function buildWorkbook(options: BuildOptions, today = localToday()): Promise<BuiltWorkbook> {
  const workbook = newWorkbook();
  applyPlan(workbook, planNewWorkbook(workbook, options, today));
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, sheets: summarize(workbook) };
}
