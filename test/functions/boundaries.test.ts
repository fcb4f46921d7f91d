// Every threshold of the SALES functions, tried at it, just below it and just above it: a rule
// tried only far from its edge cannot tell "more than" from "at least". Expected values are
// worked out by hand from SPEC's wording of each rule.
import { GROWTH, LTV, OVERDUE, PAYBACK, SMART, TIER, VELOCITY, WEIGHTED } from "../../src/functions/functions";
import { installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

const AS_OF = 46300; // 2026-10-05 as an Excel serial date

describe("SALES.OVERDUE counts a task only when it is MORE than minDaysLate whole days late", () => {
  const open = (due: number, asOf = AS_OF, minDaysLate?: number) => OVERDUE([[due]], [["In progress"]], asOf, minDaysLate);

  it.each([
    // [days before asOf the task was due, minDaysLate, counted?]
    [2, 3, 0],
    [3, 3, 0],
    [4, 3, 1],
    [0, 0, 0],
    [1, 0, 1],
    [-1, 0, 0], // due tomorrow
    [6, 7, 0],
    [7, 7, 0],
    [8, 7, 1],
  ])("due %i days before asOf with minDaysLate %i counts %i", (daysBefore, minDaysLate, expected) => {
    expect(open(AS_OF - daysBefore, AS_OF, minDaysLate)).toBe(expected);
  });

  it("is on time on its due day itself, whatever hour asOf or the due date carries", () => {
    expect(open(AS_OF, AS_OF + 0.99)).toBe(0);
    expect(open(AS_OF + 0.5, AS_OF)).toBe(0);
    // due the day before at 23:00 is one whole day late on asOf at 00:00
    expect(open(AS_OF - 1 + 0.96, AS_OF)).toBe(1);
    // 3 days and 23 hours before a 00:00 asOf is 4 whole days late by date: more than 3
    expect(open(AS_OF - 4 + 0.96, AS_OF, 3)).toBe(1);
    expect(open(AS_OF - 3 + 0.01, AS_OF + 0.99, 3)).toBe(0);
  });

  it("counts every open row past the line, and each closed one not at all", () => {
    const due = [[AS_OF - 4], [AS_OF - 4], [AS_OF - 4], [AS_OF - 4], [AS_OF - 4], [AS_OF - 3]];
    const statuses = [["Not started"], ["In progress"], ["Blocked"], ["Done"], ["Cancelled"], ["Blocked"]];
    expect(OVERDUE(due, statuses, AS_OF, 3)).toBe(3);
  });

  it("takes minDaysLate 0 but not below it", () => {
    expect(open(AS_OF - 1, AS_OF, 0)).toBe(1);
    const error = thrownBy(() => open(AS_OF - 1, AS_OF, -1));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toContain("minDaysLate");
  });
});

describe("SALES.TIER at each threshold (defaults: high value from 1,000,000, medium from 200,000, likely from 50%)", () => {
  it.each([
    // value and win probability both at least their high threshold: key breakthrough
    [1_000_000, 0.5, "low", "Key breakthrough"],
    [1_000_001, 0.51, "low", "Key breakthrough"],
    [999_999.99, 0.9, "low", "Opportunity cultivation"],
    [1_000_000, 0.4999, "low", "Opportunity cultivation"],
    // at least medium value: opportunity cultivation
    [200_000, 0.1, "low", "Opportunity cultivation"],
    [200_000.01, 0.1, "low", "Opportunity cultivation"],
    [199_999.99, 0.1, "low", "Maintain"],
    [199_999.99, 0.9, "high", "Potential watch"],
    [199_999.99, 0.9, "medium", "Maintain"],
  ])("value %d, win probability %d, growth %s is %s", (value, winProbability, growth, expected) => {
    expect(TIER(value, winProbability, growth)).toBe(expected);
  });

  it("uses the thresholds a team sets, at and beside each of them", () => {
    // high value from 500, medium from 100, likely from 80%
    const tier = (value: number, winProbability: number) => TIER(value, winProbability, "low", 500, 100, 0.8);
    expect([tier(500, 0.8), tier(499, 0.8), tier(500, 0.79), tier(501, 0.81)]).toEqual([
      "Key breakthrough",
      "Opportunity cultivation",
      "Opportunity cultivation",
      "Key breakthrough",
    ]);
    expect([tier(100, 0), tier(99, 0.99), tier(101, 0)]).toEqual(["Opportunity cultivation", "Maintain", "Opportunity cultivation"]);
  });

  it("accepts a medium threshold equal to the high one, and refuses one above it", () => {
    expect(TIER(500, 0.1, "low", 500, 500, 0.5)).toBe("Opportunity cultivation");
    expect(TIER(499, 0.1, "low", 500, 500, 0.5)).toBe("Maintain");
    const error = thrownBy(() => TIER(500, 0.1, "low", 500, 501, 0.5));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/501/);
  });

  it("names the tier in Chinese when asked", () => {
    expect(TIER(1_000_000, 0.5, "低", undefined, undefined, undefined, "zh-CN")).toBe("重点突破型");
    expect(TIER(10, 0.5, "高", undefined, undefined, undefined, "zh-CN")).toBe("潜力关注型");
  });
});

describe("percentages: 100% is the most, so a 45 typed for 45% is refused, not multiplied", () => {
  it.each([
    [0, true],
    [1, true],
    [0.45, true],
    [1.0001, false],
    [45, false],
    [-0.0001, false],
  ])("a gross margin of %d is accepted: %s", (margin, accepted) => {
    if (accepted) {
      // 1000 × margin × 20 periods (churn 5%)
      expect(LTV(1000, margin, 0.05)).toBeCloseTo(1000 * margin * 20, 9);
    } else {
      const error = thrownBy(() => LTV(1000, margin, 0.05));
      expect(error.code).toBe("#NUM!");
      expect(error.message).toContain("grossMargin");
    }
  });

  it("refuses a win probability of 45 in a range, naming its cell, and takes 100%", () => {
    expect(WEIGHTED([[100], [200]], [[1], [0]])).toBe(100);
    const error = thrownBy(() => WEIGHTED([[100], [200]], [[0.5], [45]]));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/probabilities.*row 2/);
    expect(thrownBy(() => WEIGHTED([[100]], [[1.0001]])).code).toBe("#NUM!");
    expect(thrownBy(() => WEIGHTED([[100]], [[-0.0001]])).code).toBe("#NUM!");
  });

  it("takes a win rate of exactly 100% and refuses 45 in VELOCITY", () => {
    // 10 opportunities × 1,000 × 100% / 20 days = 500 a day
    expect(VELOCITY(10, 1000, 1, 20)).toBe(500);
    expect(thrownBy(() => VELOCITY(10, 1000, 45, 20)).code).toBe("#NUM!");
  });
});

describe("lifetime: 1 / churn, but never more than the cap", () => {
  it.each([
    // churn, cap, lifetime in periods
    [1 / 60, 60, 60],
    [1 / 50, 60, 50],
    [1 / 70, 60, 60],
    [0.5, 1, 1],
    [0.5, 3, 2],
    [1, 60, 1],
  ])("churn %d with cap %d lives %d periods", (churn, cap, periods) => {
    expect(LTV(100, 0.5, churn, cap)).toBeCloseTo(50 * periods, 9);
  });

  it("takes a cap just above 0 and refuses a negative one", () => {
    expect(LTV(100, 0.5, 0, 0.5)).toBeCloseTo(25, 9);
    expect(thrownBy(() => LTV(100, 0.5, 0, -0.5)).code).toBe("#NUM!");
  });
});

describe("amounts from 0 up", () => {
  it("take 0 and refuse anything below it", () => {
    expect(GROWTH(0, 10)).toBe(-1);
    expect(thrownBy(() => GROWTH(-0.01, 10)).code).toBe("#NUM!");
    expect(WEIGHTED([[0], [10]], [[0.5], [0.5]])).toBe(5);
    const error = thrownBy(() => WEIGHTED([[10], [-0.01]], [[0.5], [0.5]]));
    expect(error.code).toBe("#NUM!");
    expect(error.message).toMatch(/amounts.*row 2/);
  });

  it("PAYBACK never recovers with no margin, and recovers in one period when the margin equals the cost", () => {
    expect(thrownBy(() => PAYBACK(1000, 0, 0.5)).code).toBe("#NUM!");
    expect(thrownBy(() => PAYBACK(1000, 2000, 0)).code).toBe("#NUM!");
    expect(PAYBACK(1000, 2000, 0.5)).toBe(1);
    expect(PAYBACK(0, 2000, 0.5)).toBe(0);
  });
});

describe("SMART at the edge of each letter", () => {
  const goal = "Win 15 new manufacturing customers";
  const JUL_1 = 46204;
  const SEP_30 = 46295;

  it("is achievable up to exactly 3× the baseline, not beyond", () => {
    expect(SMART(goal, "revenue", 30, SEP_30, 10)).toBe("✓");
    expect(SMART(goal, "revenue", 30.01, SEP_30, 10)).toBe("A");
    expect(SMART(goal, "revenue", 29, SEP_30, 10)).toBe("✓");
    // a baseline of 0 says nothing about what is reachable
    expect(SMART(goal, "revenue", 30, SEP_30, 0)).toBe("✓");
  });

  it("takes a conversion rate up to 100%", () => {
    expect(SMART(goal, "conversion rate", 1, SEP_30)).toBe("✓");
    expect(SMART(goal, "conversion rate", 1.01, SEP_30)).toBe("A");
    // other metrics may well exceed 1
    expect(SMART(goal, "deals won", 1.01, SEP_30)).toBe("✓");
  });

  it("needs a target other than 0, and a positive one to be achievable", () => {
    expect(SMART(goal, "revenue", 0.01, SEP_30)).toBe("✓");
    expect(SMART(goal, "revenue", 0, SEP_30)).toBe("M A");
    expect(SMART(goal, "revenue", -5, SEP_30)).toBe("A");
  });

  it("needs a deadline after the start, not on it", () => {
    expect(SMART(goal, "revenue", 15, JUL_1 + 1, null, JUL_1)).toBe("✓");
    expect(SMART(goal, "revenue", 15, JUL_1, null, JUL_1)).toBe("T");
    expect(SMART(goal, "revenue", 15, JUL_1 - 1, null, JUL_1)).toBe("T");
  });

  it("needs the goal in words: a number typed as the goal is not specific", () => {
    expect(SMART("15", "revenue", 15, SEP_30)).toBe("S");
    expect(SMART("   ", "revenue", 15, SEP_30)).toBe("S");
    expect(SMART("15 more", "revenue", 15, SEP_30)).toBe("✓");
  });
});
