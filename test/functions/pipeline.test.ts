import { COVERAGE, VELOCITY, WEIGHTED, WINRATE } from "../../src/functions/functions";
import { excelError, installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

describe("SALES.WINRATE", () => {
  it("is #N/A naming an unknown status and its cell", () => {
    const error = thrownBy(() => WINRATE([["won"], ["maybe"]]));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/statuses.*maybe.*row 2/);
  });

  it("is #VALUE! for a number among the statuses", () => {
    expect(thrownBy(() => WINRATE([["won"], [1]])).code).toBe("#VALUE!");
  });

  it("is won / (won + lost), open rows and blanks left out", () => {
    // 3 won, 1 lost, 2 open -> 3 / 4
    expect(WINRATE([["won"], ["lost"], ["open"], [""], ["Won"], [null], ["WON"], ["open"]])).toBe(0.75);
  });

  it("reads Chinese statuses and any case, mixed", () => {
    // 赢单 won ×2, 输单 lost ×2, 跟进中 open -> 2 / 4
    expect(WINRATE([["赢单"], ["输单"], ["跟进中"], ["LOST"], [" won "]])).toBe(0.5);
  });

  it("is #DIV/0! when nothing is decided yet", () => {
    expect(thrownBy(() => WINRATE([["open"], [""]])).code).toBe("#DIV/0!");
  });

  it("passes an error in the range on", () => {
    expect(thrownBy(() => WINRATE([["won"], [excelError("notAvailable")]])).code).toBe("#N/A");
  });
});

describe("SALES.WEIGHTED", () => {
  it("is #NUM! for a probability typed as 60", () => {
    const error = thrownBy(() => WEIGHTED([[1000]], [[60]]));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("probabilities");
  });

  it("is #VALUE! for text among the amounts", () => {
    expect(thrownBy(() => WEIGHTED([["big"]], [[0.5]])).message).toContain("amounts");
  });

  it("is #VALUE! when the ranges differ in size", () => {
    expect(thrownBy(() => WEIGHTED([[1], [2]], [[0.5]])).code).toBe("#VALUE!");
  });

  it("names the range that does not fit, probabilities before statuses, even when a row differs only in width", () => {
    expect(thrownBy(() => WEIGHTED([[1], [2]], [[0.5], [0.5, 0.1]], [["open"]])).message).toMatch(/^probabilities.*amounts/);
    expect(thrownBy(() => WEIGHTED([[1], [2]], [[0.5], [0.5]], [["open"], ["open", "won"]])).message).toMatch(/^statuses.*amounts/);
    expect(thrownBy(() => WEIGHTED([[1], [2]], [[0.5], [0.5, 0.1]])).message).toMatch(/^probabilities.*amounts/);
  });

  it("reports a size mismatch further down before an unknown status above it", () => {
    const error = thrownBy(() => WEIGHTED([[1], [2], [3]], [[0.5], [0.5], [0.5]], [["maybe"], ["open"], ["open", "won"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^statuses.*amounts/);
  });

  it("passes on an error among the statuses, naming its cell", () => {
    const error = thrownBy(() => WEIGHTED([[1], [2]], [[0.5], [0.5]], [["open"], [excelError("divisionByZero")]]));
    expect(error.code).toBe("#DIV/0!");
    expect(error.message).toMatch(/statuses.*row 2/);
  });

  it("sums amount × probability, skipping rows with a blank", () => {
    // 1000 × 0.2 + 500 × 0.6 = 500; the rows with a blank amount or probability add nothing
    expect(WEIGHTED([[1000], [500], [""], [700]], [[0.2], [0.6], [0.9], [null]])).toBeCloseTo(500, 9);
  });

  it("counts only open rows when statuses are given, in either language", () => {
    // open 1000 × 0.2 + 跟进中 400 × 0.5 = 400; won and lost rows are out
    const amounts = [[1000], [500], [300], [400]];
    const probabilities = [[0.2], [1], [0.1], [0.5]];
    expect(WEIGHTED(amounts, probabilities, [["open"], ["won"], ["输单"], ["跟进中"]])).toBeCloseTo(400, 9);
  });
});

describe("SALES.VELOCITY", () => {
  it("is #NUM! for a win rate typed as 25", () => {
    expect(thrownBy(() => VELOCITY(20, 5000, 25, 50)).code).toBe("#NUM!");
  });
  it("is opportunities × deal size × win rate / cycle days", () => {
    // 20 × 5000 × 0.25 / 50 = 500 per day
    expect(VELOCITY(20, 5000, 0.25, 50)).toBe(500);
  });
  it("is #DIV/0! for a cycle of 0 days", () => {
    expect(thrownBy(() => VELOCITY(20, 5000, 0.25, 0)).code).toBe("#DIV/0!");
  });
  it("is #VALUE! for text", () => {
    expect(thrownBy(() => VELOCITY("twenty", 5000, 0.25, 50)).message).toContain("opportunities");
  });
});

describe("SALES.COVERAGE", () => {
  it("is #VALUE! for text in the pipeline", () => {
    expect(thrownBy(() => COVERAGE([["lots"]], [[100]])).code).toBe("#VALUE!");
  });
  it("is open pipeline / remaining quota, ranges added up", () => {
    // (200 + 100) / 100 = 3
    expect(COVERAGE([[200], [""], [100]], [[100]])).toBe(3);
  });
  it("is #DIV/0! when no quota remains", () => {
    expect(thrownBy(() => COVERAGE([[300]], [[0]])).code).toBe("#DIV/0!");
  });
});
