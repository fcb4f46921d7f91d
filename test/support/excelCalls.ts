// How Excel hands worksheet cells to a custom function and shows what it returns, as far as
// Microsoft documents it (each rule with its source in test/support/FAKE-FUNCTIONS.md). Tests
// write the cells a user has (a blank, an error, a data type) and call a SALES function the
// way Excel would on a given host, with the metadata the build really emits.
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { ErrorCode, FakeCustomFunctionsError } from "./customFunctions";

export type ErrorText = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An empty worksheet cell. */
export const BLANK = Object.freeze({ blank: true as const });
/** A cell showing an Excel error, e.g. =NA(). */
export interface ErrorCell {
  readonly error: ErrorText;
}
/** A cell holding an Excel data type (Excel.CellValue in @types/office-js). */
export interface DataTypeCell {
  readonly type: string;
  readonly basicValue?: unknown;
  readonly [property: string]: unknown;
}
export type WorksheetCell = number | string | boolean | typeof BLANK | ErrorCell | DataTypeCell;
/** A cell, or a range as rows of cells. */
export type Argument = WorksheetCell | WorksheetCell[][];

export const errorCell = (error: ErrorText): ErrorCell => ({ error });
/** A formatted number (Excel.DoubleCellValue with a number format). */
export const formattedNumber = (basicValue: number, numberFormat: string): DataTypeCell => ({
  type: "Double",
  basicType: "Double",
  basicValue,
  numberFormat,
});
/** An entity (Excel.EntityCellValue): a card showing `text`; its basic value is #VALUE!. */
export const entity = (text: string, properties: Record<string, unknown> = {}): DataTypeCell => ({
  type: "Entity",
  text,
  properties,
  basicType: "Error",
  basicValue: "#VALUE!",
});

/** The top-level flags of functions.json that change how Excel calls the functions. */
export interface MetadataFlags {
  readonly allowErrorForDataTypeAny?: boolean;
  readonly allowCustomDataForDataTypeAny?: boolean;
}

export interface ExcelHost {
  /** How a blank cell arrives: null on the web and current builds, 0 on older Windows builds. */
  readonly blankAs: null | 0;
  readonly metadata: MetadataFlags;
}

/** What the cell shows: a value, or an error with the message of its error indicator. */
export type Shown = { readonly value: unknown } | { readonly error: string; readonly message?: string };

const isBlank = (cell: WorksheetCell): cell is typeof BLANK => typeof cell === "object" && "blank" in cell;
const isErrorCell = (cell: WorksheetCell): cell is ErrorCell => typeof cell === "object" && "error" in cell;

/** The first error cell of the arguments, in argument and reading order. */
function firstError(args: readonly Argument[]): ErrorCell | undefined {
  for (const argument of args) {
    const cells = Array.isArray(argument) ? argument.flat() : [argument];
    const found = cells.find(isErrorCell);
    if (found) return found;
  }
  return undefined;
}

function handed(cell: WorksheetCell, host: ExcelHost): unknown {
  if (isBlank(cell)) return host.blankAs;
  if (isErrorCell(cell)) return new FakeCustomFunctionsError(cell.error as CustomFunctions.ErrorCode);
  if (typeof cell === "object") {
    if (!host.metadata.allowCustomDataForDataTypeAny) throw new Error("data types without allowCustomDataForDataTypeAny are not modelled");
    return cell;
  }
  return cell;
}

/**
 * Calls `fn` as Excel does for a formula whose arguments hold `args`. Without
 * allowErrorForDataTypeAny, Excel does not call a function whose argument holds an error; the
 * cell then shows an error (which one Excel shows is not documented: the first, as native
 * functions do, is a guess).
 */
export function callAsExcel(fn: (...args: never[]) => unknown, args: readonly Argument[], host: ExcelHost): Shown {
  const blocked = host.metadata.allowErrorForDataTypeAny ? undefined : firstError(args);
  if (blocked) return { error: blocked.error };
  const values = args.map((argument) =>
    Array.isArray(argument) ? argument.map((row) => row.map((cell) => handed(cell, host))) : handed(argument, host),
  );
  try {
    return { value: (fn as (...args: unknown[]) => unknown)(...values) };
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError)
      return error.message === undefined ? { error: error.code } : { error: error.code, message: error.message };
    // docs/excel/custom-functions-errors.md: any other exception shows as #VALUE!.
    return { error: ErrorCode.invalidValue };
  }
}

/** functions.json's flags as `npm run build` writes them: generated from the JSDoc, then webpack.config.js's hand-written part. */
export async function builtMetadata(): Promise<MetadataFlags & { functions: { id: string; parameters: { name: string; type?: string }[] }[] }> {
  const root = path.resolve(__dirname, "../..");
  const generated = await generateCustomFunctionsMetadata(path.join(root, "src/functions/functions.ts"));
  if (generated.errors.length > 0) throw new Error(generated.errors.join("\n"));
  const { handWrittenMetadata } = require("../../webpack.config.js") as { handWrittenMetadata(json: string): string };
  return JSON.parse(handWrittenMetadata(generated.metadataJson));
}
