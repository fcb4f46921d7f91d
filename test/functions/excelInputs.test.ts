// The SALES functions fed as Excel really feeds them (test/support/excelCalls.ts): blank cells as
// null (web) or 0 (older Windows builds), errors inside ranges, cells holding data types, with
// the metadata flags the build emits.
import * as sales from "../../src/functions/functions";
import { installCustomFunctions } from "../support/customFunctions";
import {
  BLANK,
  builtMetadata,
  callAsExcel,
  entity,
  errorCell,
  formattedNumber,
  type Argument,
  type ExcelHost,
  type MetadataFlags,
  type Shown,
} from "../support/excelCalls";

installCustomFunctions();

let metadata: Awaited<ReturnType<typeof builtMetadata>>;
beforeAll(async () => {
  metadata = await builtMetadata();
});

const web = (): ExcelHost => ({ blankAs: null, metadata });
const olderWindows = (): ExcelHost => ({ blankAs: 0, metadata });
type Fn = (...args: never[]) => unknown;
const call = (fn: Fn, args: Argument[], host = web()): Shown => callAsExcel(fn, args, host);

describe("the metadata the build emits", () => {
  it("lets Excel call the functions with errors and data types in their arguments, every parameter of type any", () => {
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
    const typed = metadata.functions.flatMap((f) => f.parameters.filter((p) => (p.type ?? "any") !== "any").map((p) => `${f.id}.${p.name}`));
    expect(typed).toEqual([]);
  });
});

describe("an error inside a range", () => {
  const statuses: Argument = [["won"], [errorCell("#N/A")], ["lost"]];

  it("is passed on with the cell it is in, since the metadata lets Excel call the function", () => {
    expect(call(sales.WINRATE, [statuses])).toEqual({ error: "#N/A", message: expect.stringMatching(/statuses.*#N\/A.*row 2/) });
  });

  it("(the fake) without allowErrorForDataTypeAny, Excel never calls the function: no message says where", () => {
    const without: MetadataFlags = { ...metadata, allowErrorForDataTypeAny: false };
    expect(call(sales.WINRATE, [statuses], { blankAs: null, metadata: without })).toEqual({ error: "#N/A" });
  });

  it("is passed on as #VALUE! when it is an error a function may not return (#REF!)", () => {
    expect(call(sales.CAC, [[[100], [errorCell("#REF!")]], 2])).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("#REF!") });
  });
});

describe("a cell holding a data type", () => {
  it("is read as its basic value: a formatted number counts as the number", () => {
    expect(call(sales.LTV, [formattedNumber(1000, "$#,##0"), formattedNumber(0.45, "0%"), 0.05])).toEqual({ value: expect.closeTo(9000, 9) });
    expect(call(sales.CAC, [[[formattedNumber(600, "$#,##0")], [400]], [[formattedNumber(4, "0")]]])).toEqual({ value: 250 });
  });

  it("is read as the text an entity shows where words are expected", () => {
    expect(call(sales.WINRATE, [[[entity("won")], ["lost"], [entity("WON", { owner: "Li" })]]])).toEqual({ value: 2 / 3 });
  });

  it("names an entity by its text, never [object Object], where a number is expected", () => {
    const shown = call(sales.LTV, [entity("Acme Ltd"), 0.45, 0.05]);
    expect(shown).toMatchObject({ error: "#VALUE!", message: expect.stringContaining("Acme Ltd") });
    expect(JSON.stringify(shown)).not.toContain("[object Object]");
  });

  it("is the error an error data type holds, passed on with its cell", () => {
    const div0 = { type: "Error", basicType: "Error", basicValue: "#DIV/0!", errorType: "Div0" };
    expect(call(sales.ATTAINMENT, [[[5], [div0]], 10])).toMatchObject({ error: "#DIV/0!", message: expect.stringMatching(/row 2/) });
  });

  it("is blank when it is an empty value, and a 0 formatted number is a blank where a word is expected", () => {
    expect(call(sales.WINRATE, [[["won"], [{ type: "Empty", basicValue: "" }], [formattedNumber(0, "0")], ["lost"]]])).toEqual({ value: 0.5 });
  });
});

// SPEC section 4: blanks are skipped. Where a word or a date is expected a 0 can only be a blank
// cell from an older Windows build, so both hosts must show the same. Where a number is
// expected Excel hands a 0 that nothing can tell from a typed 0 (office-js 4702): there the
// web's "required" and the 0's arithmetic differ, as written in the help.
const AS_OF = 46000;
const DIV0 = expect.objectContaining({ code: "#DIV/0!" });
type Case = [name: string, fn: Fn, args: Argument[], web: Shown, olderWindows?: Shown];
const value = (v: unknown): Shown => ({ value: v });
const error = (code: string): Shown => ({ error: code, message: expect.any(String) });
const blanks: Case[] = [
  ["LTV, blank lifetime cap", sales.LTV, [1000, 0.45, 0.05, BLANK], value(9000)],
  ["LTV, blank churn", sales.LTV, [1000, 0.45, BLANK], error("#VALUE!"), value(27000)],
  [
    "CAC, blanks in the ranges",
    sales.CAC,
    [
      [[1000], [BLANK], [500]],
      [[2], [BLANK], [1]],
    ],
    value(500),
  ],
  ["LTVCAC, blank ltv", sales.LTVCAC, [BLANK, 100], error("#VALUE!"), value(0)],
  ["PAYBACK, blank margin", sales.PAYBACK, [900, 100, BLANK], error("#VALUE!"), error("#NUM!")],
  [
    "CONVERSION, blanks in stages and stageOrder",
    sales.CONVERSION,
    [[["lead acquisition"], [BLANK], ["product demo"]], "lead acquisition", "product demo", [[BLANK]]],
    value(0.5),
  ],
  ["CONVERSION, a blank fromStage", sales.CONVERSION, [[["lead acquisition"]], BLANK, "product demo"], error("#VALUE!")],
  [
    "FUNNEL, blanks in stages",
    sales.FUNNEL,
    [[["初步需求沟通"], [BLANK], ["线索获取"]]],
    value([
      ["线索获取", 2, ""],
      ["初步需求沟通", 1, 0.5],
      ["产品演示", 0, 0],
      ["方案制定", 0, DIV0],
      ["商务谈判", 0, DIV0],
      ["签约", 0, DIV0],
    ]),
  ],
  ["WINRATE, blanks among the statuses", sales.WINRATE, [[["won"], [BLANK], ["lost"], ["won"]]], value(2 / 3)],
  [
    "WEIGHTED, blank amount, probability and status",
    sales.WEIGHTED,
    [
      [[1000], [BLANK], [500], [800]],
      [[0.5], [0.5], [BLANK], [0.5]],
      [["open"], ["open"], ["open"], [BLANK]],
    ],
    value(500),
  ],
  ["VELOCITY, blank cycle", sales.VELOCITY, [10, 5000, 0.25, BLANK], error("#VALUE!"), error("#DIV/0!")],
  [
    "ATTAINMENT, blanks in the ranges",
    sales.ATTAINMENT,
    [
      [[5], [BLANK]],
      [[10], [BLANK]],
    ],
    value(0.5),
  ],
  ["COVERAGE, a blank in the pipeline", sales.COVERAGE, [[[300], [BLANK]], 100], value(3)],
  ["GROWTH, blank previous", sales.GROWTH, [130, BLANK], error("#VALUE!"), error("#DIV/0!")],
  ["TIER, blank growth", sales.TIER, [2_000_000, 0.6, BLANK], value("")],
  ["TIER, a row not filled in", sales.TIER, [BLANK, BLANK, BLANK], value("")],
  ["TIER, blank settings and language", sales.TIER, [2_000_000, 0.6, "high", 1_000_000, 200_000, 0.5, BLANK], value("Key breakthrough")],
  [
    "OVERDUE, a row without due date or status",
    sales.OVERDUE,
    [[[AS_OF - 10], [BLANK], [AS_OF - 10]], [["in progress"], [BLANK], ["done"]], AS_OF, BLANK],
    value(1),
  ],
  ["OVERDUE, blank asOf", sales.OVERDUE, [[[AS_OF - 10]], [["in progress"]], BLANK], error("#VALUE!")],
  ["SMART, blank target", sales.SMART, ["Grow revenue", "revenue", BLANK, AS_OF], value("M A")],
  ["SMART, blank metric, deadline and start", sales.SMART, ["Grow revenue", BLANK, 100, BLANK, BLANK, BLANK], value("R T")],
  ["SMART, blank start only", sales.SMART, ["Grow revenue", "revenue", 100, AS_OF, BLANK, BLANK], value("✓")],
  ["SMART, blank goal", sales.SMART, [BLANK, "revenue", 100, AS_OF], value("S")],
];

describe("blank cells as Excel passes them: null on the web, 0 on older Windows builds", () => {
  it("covers every SALES function", () => {
    const exported = Object.keys(sales).filter((k) => typeof (sales as Record<string, unknown>)[k] === "function");
    const covered = new Set(blanks.map(([, fn]) => Object.keys(sales).find((k) => (sales as Record<string, unknown>)[k] === fn)));
    expect(exported.filter((k) => !covered.has(k))).toEqual([]);
  });

  it.each(blanks)("%s", (_name, fn, args, onWeb, onOlderWindows = onWeb) => {
    expect(call(fn, args, web())).toEqual(onWeb);
    expect(call(fn, args, olderWindows())).toEqual(onOlderWindows);
  });
});
