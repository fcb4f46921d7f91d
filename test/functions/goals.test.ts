import { ATTAINMENT, GROWTH, SMART } from "../../src/functions/functions";
import { excelError, installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

// 2026-09-30 and 2026-07-01 as Excel serial dates
const SEP_30 = 46295;
const JUL_1 = 46204;

describe("SALES.ATTAINMENT", () => {
  it("is #VALUE! for text among the actuals", () => {
    expect(thrownBy(() => ATTAINMENT([[5], ["five"]], [[10]])).message).toContain("actual");
  });
  it("is sum(actual) / sum(target), blanks skipped", () => {
    // (4 + 5 + 3) / (10 + 6) = 0.75
    expect(ATTAINMENT([[4], [""], [5], [3]], [[10], [6], [null], [""]])).toBe(0.75);
  });
  it("is #DIV/0! for a target of 0", () => {
    expect(thrownBy(() => ATTAINMENT([[5]], [[""], [0]])).code).toBe("#DIV/0!");
  });
});

describe("SALES.GROWTH", () => {
  it("is #VALUE! for text", () => {
    expect(thrownBy(() => GROWTH("more", 10)).message).toContain("current");
  });
  it("is current / previous − 1: the seed's 13 new customers against Q2's 10 is 30%", () => {
    expect(GROWTH(13, 10)).toBeCloseTo(0.3, 12);
    expect(GROWTH(8, 10)).toBeCloseTo(-0.2, 12);
  });
  it("is #DIV/0! when the previous period was 0", () => {
    expect(thrownBy(() => GROWTH(15, 0)).code).toBe("#DIV/0!");
  });
});

describe("SALES.SMART", () => {
  const goal = "Q3华东区域制造业新签客户15家";

  it("passes an error argument on", () => {
    expect(thrownBy(() => SMART(goal, "new customers", excelError("notAvailable"), SEP_30)).code).toBe("#N/A");
  });

  it("is ✓ for the seed's goal", () => {
    expect(SMART(goal, "新签客户数", 15, SEP_30, 11, JUL_1)).toBe("✓");
    expect(SMART("Win 15 new manufacturing customers", "NEW CUSTOMERS", 15, SEP_30)).toBe("✓");
  });

  it("lists the letters that fail", () => {
    // no number target: not measurable, not achievable; no deadline: not time-bound
    expect(SMART(goal, "new customers", "many", "")).toBe("M A T");
    // blank goal, unknown metric
    expect(SMART("", "happiness", 15, SEP_30)).toBe("S R");
    // deadline before the start
    expect(SMART(goal, "revenue", 15, JUL_1, null, SEP_30)).toBe("T");
    // ten times the baseline is beyond reach; a conversion rate above 100% too
    expect(SMART(goal, "revenue", 100, SEP_30, 10)).toBe("A");
    expect(SMART(goal, "conversion rate", 30, SEP_30)).toBe("A");
  });
});
