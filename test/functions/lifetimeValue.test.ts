import { CAC, LTV, LTVCAC, PAYBACK } from "../../src/functions/functions";
import { excelError, installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

describe("SALES.LTV", () => {
  it("is #VALUE! naming the argument when a number is text", () => {
    const error = thrownBy(() => LTV("abc", 0.45, 0.05));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("arpu");
    expect(error.message).toContain("abc");
  });

  it("is #NUM! saying so when a margin is typed as 45", () => {
    const error = thrownBy(() => LTV(1000, 45, 0.05));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/grossMargin.*percentage.*45%/);
  });

  it("is #VALUE! when a required argument is blank", () => {
    expect(thrownBy(() => LTV(1000, 0.45, null)).message).toContain("churnRate");
  });

  it("is arpu × margin / churn", () => {
    // 1000 × 0.45 × (1 / 0.05 = 20 periods) = 9000
    expect(LTV(1000, 0.45, 0.05)).toBeCloseTo(9000, 9);
  });

  it("uses the lifetime cap when churn is 0", () => {
    expect(LTV(1000, 0.45, 0)).toBeCloseTo(1000 * 0.45 * 60, 9);
    expect(LTV(1000, 0.45, 0, 24)).toBeCloseTo(1000 * 0.45 * 24, 9);
  });

  it("caps a lifetime longer than the cap", () => {
    // churn 1% would be 100 periods; the default cap is 60
    expect(LTV(100, 0.5, 0.01)).toBeCloseTo(100 * 0.5 * 60, 9);
  });

  it("takes a 1×1 range as one value, and a blank cap as the default", () => {
    expect(LTV([[1000]], [[0.45]], [[0.05]], [[""]])).toBeCloseTo(9000, 9);
  });

  it("reads a lifetime cap of 0 as the blank cell it is on builds that pass blanks as 0: the default 60", () => {
    expect(LTV(1000, 0.45, 0, 0)).toBeCloseTo(1000 * 0.45 * 60, 9);
  });

  it("is #NUM! for a negative lifetime cap", () => {
    expect(thrownBy(() => LTV(1000, 0.45, 0, -1)).message).toContain("lifetimeCap");
  });

  it("passes an error argument on", () => {
    expect(thrownBy(() => LTV(excelError("notAvailable"), 0.45, 0.05)).code).toBe("#N/A");
  });
});

describe("SALES.CAC", () => {
  it("is #VALUE! naming the argument and cell when a range holds text", () => {
    const error = thrownBy(() => CAC([[1000], ["n/a"]], [[5]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("spend");
    expect(error.message).toContain("row 2");
  });

  it("is #DIV/0! when no new customers were won", () => {
    expect(thrownBy(() => CAC([[1000]], [[0], [""]])).code).toBe("#DIV/0!");
  });

  it("adds up ranges, skipping blanks", () => {
    // (1000 + 2000 + 500) / (3 + 4) = 500
    expect(
      CAC(
        [
          [1000, ""],
          [2000, null],
          [500, ""],
        ],
        [[3], [""], [4]],
      ),
    ).toBe(500);
  });

  it("takes single cells", () => {
    expect(CAC([[9000]], [[3]])).toBe(3000);
  });

  it("passes on an error found in a range", () => {
    expect(thrownBy(() => CAC([[1000], [excelError("divisionByZero")]], [[2]])).code).toBe("#DIV/0!");
  });

  it("turns #REF! in a range, which Excel will not show as a result, into #VALUE! naming it", () => {
    const error = thrownBy(() => CAC([[excelError("invalidReference")]], [[2]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("#REF!");
  });

  it("is #NUM! for negative spend", () => {
    expect(thrownBy(() => CAC([[-5]], [[2]])).code).toBe("#NUM!");
  });
});

describe("SALES.LTVCAC", () => {
  it("is #VALUE! for text", () => {
    expect(thrownBy(() => LTVCAC("high", 3000)).message).toContain("ltv");
  });
  it("is ltv / cac", () => {
    expect(LTVCAC(9000, 3000)).toBe(3);
  });
  it("is #DIV/0! for a CAC of 0", () => {
    expect(thrownBy(() => LTVCAC(9000, 0)).code).toBe("#DIV/0!");
  });
});

describe("SALES.PAYBACK", () => {
  it("is #NUM! for a margin typed as 45", () => {
    expect(thrownBy(() => PAYBACK(3000, 1000, 45)).code).toBe("#NUM!");
  });
  it("is months to recover CAC", () => {
    // 3000 / (1000 × 0.5) = 6 months
    expect(PAYBACK(3000, 1000, 0.5)).toBe(6);
  });
  it("is #NUM! 'never recovered' when the monthly margin is 0", () => {
    const error = thrownBy(() => PAYBACK(3000, 0, 0.5));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/never/i);
  });
});
