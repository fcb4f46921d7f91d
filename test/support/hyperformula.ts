// The SALES custom functions registered in HyperFormula as SALES.LTV, SALES.WINRATE, ...: the
// same functions.ts implementations, fed what Excel would feed them, so formulas evaluate in
// cells over a sheet of rows. Ranges become 2-D arrays (blank cells ""), HyperFormula errors
// become CustomFunctions.Error values, and a thrown CustomFunctions.Error becomes a CellError.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type ImplementedFunctions,
} from "hyperformula";
import * as sales from "../../src/functions/functions";
import { SIGNATURES, type FunctionId } from "../../src/functions/signatures";
import { ErrorCode, FakeCustomFunctionsError, installCustomFunctions } from "./customFunctions";

const TO_EXCEL: Partial<Record<ErrorType, CustomFunctions.ErrorCode>> = {
  [ErrorType.VALUE]: ErrorCode.invalidValue as CustomFunctions.ErrorCode,
  [ErrorType.NA]: ErrorCode.notAvailable as CustomFunctions.ErrorCode,
  [ErrorType.DIV_BY_ZERO]: ErrorCode.divisionByZero as CustomFunctions.ErrorCode,
  [ErrorType.NUM]: ErrorCode.invalidNumber as CustomFunctions.ErrorCode,
  [ErrorType.NAME]: ErrorCode.invalidName as CustomFunctions.ErrorCode,
  [ErrorType.REF]: ErrorCode.invalidReference as CustomFunctions.ErrorCode,
};

const FROM_EXCEL: Record<string, ErrorType> = {
  "#VALUE!": ErrorType.VALUE,
  "#N/A": ErrorType.NA,
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NUM!": ErrorType.NUM,
};

/** A cell value as Excel hands it to a custom function. */
function excelCell(value: unknown, blank: "" | null): unknown {
  if (value === EmptyValue) return blank;
  if (value instanceof CellError) return new FakeCustomFunctionsError(TO_EXCEL[value.type] ?? (ErrorCode.invalidValue as CustomFunctions.ErrorCode));
  // Dates and percentages are numbers with a format in HyperFormula, plain numbers in Excel.
  if (typeof value === "object" && value !== null && "val" in value) return (value as { val: number }).val;
  return value;
}

function excelArgument(value: unknown): unknown {
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map((cell) => excelCell(cell, "")));
  return excelCell(value, null);
}

function hyperFormulaValue(value: unknown): unknown {
  if (value instanceof FakeCustomFunctionsError) return new CellError(FROM_EXCEL[value.code] ?? ErrorType.VALUE, value.message);
  if (Array.isArray(value)) return SimpleRangeValue.onlyValues(value.map((row: unknown[]) => row.map(hyperFormulaValue)) as never);
  return value;
}

function callSales(id: FunctionId, args: unknown[]): unknown {
  try {
    const fn = sales[id] as (...a: unknown[]) => unknown;
    return hyperFormulaValue(fn(...args.map(excelArgument)));
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError) return hyperFormulaValue(error);
    throw error;
  }
}

const IDS = Object.keys(SIGNATURES) as FunctionId[];

type Ast = { args: unknown[] };
type State = unknown;

class SalesPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    IDS.map((id) => [
      `SALES.${id}`,
      {
        method: `sales${id}`,
        // Every argument reaches the function as Excel would pass it; our coercion judges it.
        parameters: SIGNATURES[id].map(() => ({ argumentType: FunctionArgumentType.ANY, optionalArg: true })),
        vectorizationForbidden: true,
        ...(id === "FUNNEL" ? { sizeOfResultArrayMethod: "salesFunnelSize" } : {}),
      },
    ]),
  );

  /** FUNNEL spills as many rows as it finds stages: run it to know. */
  salesFunnelSize(ast: Ast, state: State): ArraySize {
    const args = ast.args.map((arg) => this.evaluateAst(arg as never, state as never));
    const result = callSales("FUNNEL", args);
    return result instanceof SimpleRangeValue ? new ArraySize(3, result.height()) : ArraySize.scalar();
  }
}

for (const id of IDS) {
  Object.defineProperty(SalesPlugin.prototype, `sales${id}`, {
    value(this: SalesPlugin & { runFunction: FunctionPlugin["runFunction"] }, ast: Ast, state: State) {
      return (this as unknown as { runFunction: (...a: unknown[]) => unknown }).runFunction(
        ast.args,
        state,
        (this as unknown as { metadata: (n: string) => unknown }).metadata(`SALES.${id}`),
        (...args: unknown[]) => callSales(id, args),
      );
    },
  });
}

let registered = false;

/** A HyperFormula workbook that knows the SALES functions, over the given sheets of rows. */
export function salesWorkbook(sheets: Record<string, unknown[][]>): HyperFormula {
  installCustomFunctions();
  if (!registered) {
    const names = Object.fromEntries(IDS.map((id) => [`SALES.${id}`, `SALES.${id}`]));
    HyperFormula.registerFunctionPlugin(SalesPlugin as never, { enGB: names });
    registered = true;
  }
  return HyperFormula.buildFromSheets(sheets as never, { licenseKey: "gpl-v3" });
}
