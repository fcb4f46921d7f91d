import fc from "fast-check";
import * as sales from "../../src/functions/functions";
import { SIGNATURES, type FunctionId } from "../../src/functions/signatures";
import { DEAL_STATUS, GOAL_METRIC, LEVEL, STAGE, STAGES_BY_PATH, TASK_STATUS, type TermList } from "../../src/domain/spec/vocabulary";
import { ErrorCode, FakeCustomFunctionsError, installCustomFunctions } from "../support/customFunctions";

installCustomFunctions();

const RANGE_KINDS = new Set(["sum", "numbers", "percents", "words", "wordList"]);
/** Codes a custom function may return; #NAME? and #REF! are input-only in Excel. */
const RETURNABLE = new Set(["#VALUE!", "#N/A", "#DIV/0!", "#NUM!", "#NULL!"]);

const words = (list: TermList) => list.terms.flatMap((t) => [t.en, t.zh, t.en.toUpperCase()]);
const vocabulary = [...words(DEAL_STATUS), ...words(TASK_STATUS), ...words(STAGE), ...words(LEVEL), ...words(GOAL_METRIC), "en-US", "zh-CN"];

const cell: fc.Arbitrary<unknown> = fc.oneof(
  fc.double(), // includes NaN, ±Infinity, -0 and huge values
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: -1_000_000, max: 50_000 }),
  fc.constantFrom(1e308, -1e308, 5e-324, 46300, 0),
  fc.constantFrom("", null, undefined),
  fc.string({ maxLength: 6 }),
  fc.constantFrom(...vocabulary),
  fc.boolean(),
  fc.constantFrom(...Object.values(ErrorCode)).map((code) => new FakeCustomFunctionsError(code as CustomFunctions.ErrorCode)),
);

const grid = fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });

const blank = fc.constantFrom("", null);
const amount = fc.oneof(fc.double({ min: 0, max: 1e308, noNaN: true }), fc.integer({ min: 0, max: 1_000_000 }));
const percent = fc.double({ min: 0, max: 1, noNaN: true });

/** Words a parameter expects, so that random input also reaches the maths, not only the checks. */
function wordsFor(id: FunctionId, name: string): string[] {
  if (name === "growth") return words(LEVEL);
  if (name === "language") return ["en-US", "zh-CN"];
  if (name === "statuses") return words(id === "OVERDUE" ? TASK_STATUS : DEAL_STATUS);
  // one path's stages, so that fromStage and toStage are often on the same path
  return words({ id: "new", terms: STAGES_BY_PATH.new });
}

/** Mostly a value of the parameter's kind (or a blank), now and then anything at all. */
function plausibleCell(id: FunctionId, kind: string, name: string): fc.Arbitrary<unknown> {
  const fitting =
    kind === "percent" || kind === "percents" || name === "winProbability"
      ? percent
      : ["word", "words", "wordList", "language"].includes(kind)
        ? fc.constantFrom(...wordsFor(id, name))
        : kind === "cell"
          ? fc.oneof(amount, fc.constantFrom(...words(GOAL_METRIC)), fc.string({ maxLength: 12 }))
          : amount;
  // a stage order is usually left out
  const blanks = name === "stageOrder" ? 40 : 2;
  return fc.oneof({ arbitrary: fitting, weight: 12 }, { arbitrary: blank, weight: blanks }, { arbitrary: cell, weight: 1 });
}

function argumentsFor(id: FunctionId): fc.Arbitrary<unknown[]> {
  return fc.integer({ min: 1, max: 8 }).chain((height) =>
    fc.tuple(
      ...SIGNATURES[id].map((p) => {
        const one = plausibleCell(id, p.kind, p.name);
        // Table columns of one height, as Excel passes them; sometimes a ragged grid or a lone value.
        const columnOf = fc.array(
          one.map((c) => [c]),
          { minLength: height, maxLength: height },
        );
        return RANGE_KINDS.has(p.kind)
          ? fc.oneof({ arbitrary: columnOf, weight: 10 }, { arbitrary: grid, weight: 1 }, { arbitrary: cell, weight: 1 })
          : fc.oneof({ arbitrary: one, weight: 10 }, { arbitrary: grid, weight: 1 });
      }),
    ),
  );
}

function problemWith(value: unknown): string | undefined {
  if (value instanceof FakeCustomFunctionsError) {
    if (!RETURNABLE.has(value.code)) return `returned error code ${value.code}`;
    return undefined;
  }
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `returned ${value}`;
  if (typeof value === "string") return undefined;
  return `returned ${typeof value}`;
}

/**
 * Arguments at the edges of every parameter, tried before the random ones: all blank, all 0,
 * the largest value each accepts (1e308 and 100%, whose products overflow), just outside it,
 * and Excel's error values. The random runs rarely land exactly on these.
 */
function edgeArguments(id: FunctionId): unknown[][] {
  const each = (value: (kind: string, name: string) => unknown) =>
    SIGNATURES[id].map((p) => {
      const one = value(p.kind, p.name);
      return RANGE_KINDS.has(p.kind) ? [[one], [one]] : one;
    });
  const word = (name: string) => wordsFor(id, name)[0];
  const isWord = (kind: string) => ["word", "words", "wordList", "language"].includes(kind);
  const isPercent = (kind: string, name: string) => kind === "percent" || kind === "percents" || name === "winProbability";
  return [
    each(() => null),
    each(() => ""),
    each((kind, name) => (isWord(kind) ? word(name) : 0)),
    each((kind, name) => (isWord(kind) ? word(name) : isPercent(kind, name) ? 1 : 1e308)),
    each((kind, name) => (isWord(kind) ? word(name) : isPercent(kind, name) ? 1.0000001 : -5e-324)),
    each((kind, name) => (isWord(kind) ? word(name) : isPercent(kind, name) ? 45 : Number.MAX_VALUE)),
    each((kind, name) => (isWord(kind) ? word(name) : isPercent(kind, name) ? 5e-324 : Number.NaN)),
    each(() => new FakeCustomFunctionsError(ErrorCode.notAvailable as CustomFunctions.ErrorCode)),
  ];
}

describe.each(Object.keys(SIGNATURES) as FunctionId[])("SALES.%s under random input", (id) => {
  const fn = sales[id] as (...args: unknown[]) => unknown;

  it("throws nothing but a CustomFunctions.Error and returns no NaN or Infinity, in spilled arrays either", () => {
    fc.assert(
      fc.property(argumentsFor(id), (args) => {
        let result: unknown;
        try {
          result = fn(...args);
        } catch (error) {
          expect(error).toBeInstanceOf(FakeCustomFunctionsError);
          const thrown = error as FakeCustomFunctionsError;
          expect(RETURNABLE.has(thrown.code)).toBe(true);
          expect(typeof thrown.message).toBe("string");
          expect((thrown.message ?? "").length).toBeGreaterThan(0);
          return;
        }
        const cells = Array.isArray(result) ? (result as unknown[][]).flat() : [result];
        expect(cells.map(problemWith).filter(Boolean)).toEqual([]);
      }),
      { numRuns: 400, examples: edgeArguments(id).map((args) => [args] as [unknown[]]) },
    );
  });
});
