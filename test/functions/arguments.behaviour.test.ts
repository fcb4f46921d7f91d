// What a user sees when a SALES function gets an argument it cannot use: the error code, and a
// message that says what the cell holds and where. Expected messages are written out from the
// en-US catalog's wording (src/i18n/en-US/functions.ts), not taken from the code under test.
import * as sales from "../../src/functions/functions";
import { excelError, installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

describe("a range where one value is expected", () => {
  it("is refused, whichever way the range runs, and a single cell of a range is that value", () => {
    for (const range of [[[1000], [2000]], [[1000, 2000]]]) {
      const error = thrownBy(() => sales.LTV(range, 0.45, 0.05));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toBe("arpu takes one value, not a range.");
    }
    // 1000 × 45% × 20 periods (churn 5%)
    expect(sales.LTV([[1000]], 0.45, 0.05)).toBeCloseTo(9000, 9);
  });
});

describe("the message says what a cell holds", () => {
  it("shows TRUE and FALSE as Excel does, not true or false", () => {
    expect(thrownBy(() => sales.LTV(true, 0.45, 0.05)).message).toBe('arpu needs a number, but holds the text "TRUE".');
    expect(thrownBy(() => sales.GROWTH(130, false)).message).toBe('previous needs a number, but holds the text "FALSE".');
  });

  it("names a number typed where a stage or status is expected, with its row and column", () => {
    const error = thrownBy(() =>
      sales.WINRATE([
        ["won", "lost"],
        ["won", 5],
      ]),
    );
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe("statuses needs words (a stage or status), but holds 5. (row 2, column 2 of the range)");
  });

  it("gives the column of a bad cell in a range of several columns", () => {
    const error = thrownBy(() => sales.CAC([[100, "n/a", 50]], [[2]]));
    expect(error.message).toBe('spend needs a number, but holds the text "n/a". (row 1, column 2 of the range)');
  });

  it("names a data type by its kind when it has no text or value to show, never [object Object]", () => {
    const error = thrownBy(() => sales.LTV({ type: "FutureKind" }, 0.45, 0.05));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('arpu needs a number, but holds the text "FutureKind".');
  });
});

describe("cells holding data types (Excel.CellValue)", () => {
  it("reads a linked entity (e.g. a Stocks card) by the text it shows, as an entity is", () => {
    const linked = { type: "LinkedEntity", text: "won", basicType: "Error", basicValue: "#VALUE!", id: { domainId: "d", entityId: "e" } };
    expect(sales.WINRATE([[linked], ["lost"], ["lost"], ["lost"]])).toBe(0.25);
  });

  it("passes on the error of an error value, from its type alone or from its basic type alone", () => {
    const notAvailable = { type: "Error", basicValue: "#N/A", errorType: "NotAvailable" };
    const error = thrownBy(() => sales.ATTAINMENT([[5], [notAvailable]], [[10]]));
    expect(error.code).toBe("#N/A");
    expect(error.message).toBe("actual holds the error #N/A. (row 2, column 1 of the range)");

    // a picture in a cell: its basic value is the error #VALUE!
    const image = { type: "WebImage", address: "https://example.com/logo.png", basicType: "Error", basicValue: "#VALUE!" };
    const fromImage = thrownBy(() => sales.ATTAINMENT([[5], [6], [image]], [[10]]));
    expect(fromImage.code).toBe("#VALUE!");
    expect(fromImage.message).toBe("actual holds the error #VALUE!. (row 3, column 1 of the range)");
  });

  it("shows #VALUE! for an error value whose error text is missing or is no error text", () => {
    for (const basicValue of [undefined, "N/A"]) {
      const error = thrownBy(() => sales.ATTAINMENT([[{ type: "Error", basicValue }]], [[10]]));
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toBe("actual holds the error #VALUE!. (row 1, column 1 of the range)");
    }
  });
});

describe("ranges that add up (spend, actual, target …)", () => {
  it("add a formatted number and a typed 0 like any other cells", () => {
    // (600 + 0 + 400) spend over 4 new customers
    const spend = [[{ type: "Double", basicType: "Double", basicValue: 600, numberFormat: "$#,##0" }], [0], [400]];
    expect(sales.CAC(spend, [[4]])).toBe(250);
  });

  it("name a data type with nothing to add by its kind, with its cell", () => {
    const error = thrownBy(() => sales.CAC([[100], [{ type: "FutureKind" }]], [[4]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe('spend needs a number, but holds the text "FutureKind". (row 2, column 1 of the range)');
  });
});

describe("a team's own stage list", () => {
  it("leaves out its empty and blank-looking cells, wherever they are", () => {
    const order = [["warm"], [null], ["  "], [""], ["hot"]];
    expect(sales.FUNNEL([["warm"], ["hot"], ["warm"]], order)).toEqual([
      ["warm", 3, ""],
      ["hot", 1, 1 / 3],
    ]);
  });
});

describe("TIER's language is read from how the text starts", () => {
  it.each(["Simplified Chinese", "British English", "in English"])("%j is not taken for a language", (language) => {
    const error = thrownBy(() => sales.TIER(2_000_000, 0.6, "high", null, null, null, language));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toBe(`language: "${language}" is not a language; use en-US or zh-CN.`);
  });
});

describe("a number that is not finite (from a caller other than a worksheet cell)", () => {
  it("is #NUM! naming the argument, alone or in a range with its cell", () => {
    const alone = thrownBy(() => sales.LTV(Infinity, 0.45, 0.05));
    expect([alone.code, alone.message]).toEqual(["#NUM!", "arpu is not a finite number."]);
    const inRange = thrownBy(() => sales.CAC([[100], [NaN]], [[4]]));
    expect([inRange.code, inRange.message]).toEqual(["#NUM!", "spend is not a finite number. (row 2, column 1 of the range)"]);
  });
});

describe("a stage name, a stage list and a language given as something else", () => {
  const rows = [["lead acquisition"], ["signing"]];

  it("is #VALUE! for a number or a range where one stage name is expected, and passes on an error", () => {
    const number = thrownBy(() => sales.CONVERSION(rows, 5, "signing"));
    expect([number.code, number.message]).toEqual(["#VALUE!", "fromStage needs words (a stage or status), but holds 5."]);
    const range = thrownBy(() => sales.CONVERSION(rows, "lead acquisition", [["signing", "product demo"]]));
    expect([range.code, range.message]).toEqual(["#VALUE!", "toStage takes one value, not a range."]);
    const notAvailable = thrownBy(() => sales.CONVERSION(rows, excelError("notAvailable"), "signing"));
    expect([notAvailable.code, notAvailable.message]).toEqual(["#N/A", "fromStage holds the error #N/A."]);
  });

  it("is #VALUE! naming the cell of a number in a team's stage list", () => {
    const error = thrownBy(() => sales.FUNNEL([["warm"]], [["warm"], [5]]));
    expect([error.code, error.message]).toEqual([
      "#VALUE!",
      "stageOrder needs words (a stage or status), but holds 5. (row 2, column 1 of the range)",
    ]);
  });

  it("is #VALUE! for two languages given at once", () => {
    const error = thrownBy(() => sales.TIER(2_000_000, 0.6, "high", null, null, null, [["en-US", "zh-CN"]]));
    expect([error.code, error.message]).toEqual(["#VALUE!", "language takes one value, not a range."]);
  });
});

describe("a selected range whose cells are all blank", () => {
  it("adds up to 0; only a single empty cell reads as a missing argument", () => {
    expect(sales.ATTAINMENT([[null, null]], [[10]])).toBe(0);
    expect(sales.ATTAINMENT([[null], [null]], [[10]])).toBe(0);
    const missing = thrownBy(() => sales.ATTAINMENT([[null]], [[10]]));
    expect([missing.code, missing.message]).toEqual(["#VALUE!", "actual is required."]);
  });
});

describe("a result too large for a cell", () => {
  it("is #NUM! saying so, not a number Excel cannot hold", () => {
    // 1e308 × 100% × 1,000 periods (churn 0.1%) overflows
    const error = thrownBy(() => sales.LTV(1e308, 1, 0.001, 1e6));
    expect([error.code, error.message]).toEqual(["#NUM!", "The result is too large for Excel."]);
  });
});

describe("ranges of different sizes", () => {
  it("are #VALUE! naming the range that does not fit", () => {
    const weighted = thrownBy(() => sales.WEIGHTED([[100], [200]], [[0.5], [0.5]], [["open"]]));
    expect([weighted.code, weighted.message]).toEqual(["#VALUE!", "statuses must be a range of the same size as amounts."]);
    const overdue = thrownBy(() => sales.OVERDUE([[46000], [46001]], [["done"]], 46300));
    expect([overdue.code, overdue.message]).toEqual(["#VALUE!", "statuses must be a range of the same size as dueDates."]);
  });
});

describe("a range where SMART expects one cell", () => {
  it("is #VALUE! saying it takes one value, not an error passed on", () => {
    const error = thrownBy(() => sales.SMART("Win 15 new customers", "new customers", [[15, 20]], 46295));
    expect([error.code, error.message]).toEqual(["#VALUE!", "target takes one value, not a range."]);
  });
});
