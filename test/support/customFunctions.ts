// A faithful stand-in for Excel's CustomFunctions global (as declared by
// @types/custom-functions-runtime): the Error class, the ErrorCode enum with Excel's texts,
// and associate(), which records what the build would register.

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class FakeCustomFunctionsError {
  code: CustomFunctions.ErrorCode;
  message?: string;
  constructor(code: CustomFunctions.ErrorCode, message?: string) {
    if (!Object.values(ErrorCode).includes(code as never)) throw new TypeError(`Not an Excel error code: ${String(code)}`);
    this.code = code;
    if (message !== undefined) this.message = message;
  }
}

export const associated = new Map<string, (...args: never[]) => unknown>();

/** Installs the fake as the global CustomFunctions; returns it for tests that build errors. */
export function installCustomFunctions(): typeof CustomFunctions {
  const fake = {
    Error: FakeCustomFunctionsError,
    ErrorCode,
    associate: (id: string, fn: (...args: never[]) => unknown) => associated.set(id, fn),
  };
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = fake;
  return fake as unknown as typeof CustomFunctions;
}

/** An Excel error value as it arrives inside a range argument. */
export function excelError(code: keyof typeof ErrorCode): CustomFunctions.Error {
  return new FakeCustomFunctionsError(ErrorCode[code] as CustomFunctions.ErrorCode) as unknown as CustomFunctions.Error;
}

export function isFakeError(value: unknown): value is FakeCustomFunctionsError {
  return value instanceof FakeCustomFunctionsError;
}

/** What a custom function call threw; fails the test when it returned instead. */
export function thrownBy(call: () => unknown): FakeCustomFunctionsError {
  try {
    const result = call();
    throw new Error(`expected an Excel error, got ${JSON.stringify(result)}`);
  } catch (error) {
    if (error instanceof FakeCustomFunctionsError) return error;
    throw error;
  }
}
