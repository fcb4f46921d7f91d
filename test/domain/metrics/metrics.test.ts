import { isMetricError, type MetricError } from "../../../src/domain/metrics/errors";
import { acquisitionCost, lifetimeValue, ltvToCac, paybackPeriods } from "../../../src/domain/metrics/lifetimeValue";
import { coverage, velocity, weightedPipeline, winRate } from "../../../src/domain/metrics/pipeline";
import { attainment, growth, smart, smartFailures } from "../../../src/domain/metrics/goals";
import { overdueCount } from "../../../src/domain/metrics/tasks";
import { WordCache } from "../../../src/domain/metrics/words";
import type { NumberGrid } from "../../../src/domain/metrics/grid";

const codeOf = (value: unknown) => (isMetricError(value) ? (value as MetricError).code : value);

describe("unit economics", () => {
  it("lifetimeValue caps the lifetime, and uses the cap for churn 0", () => {
    expect(lifetimeValue(200, 0.5, 0.1, 60)).toBe(1000); // 200 × 0.5 × 10
    expect(lifetimeValue(200, 0.5, 0.01, 60)).toBe(6000); // 100 periods capped at 60
    expect(lifetimeValue(200, 0.5, 0, 12)).toBe(1200);
  });
  it("divisions by zero are #DIV/0! values naming the denominator", () => {
    expect(acquisitionCost(100, 0)).toEqual({ kind: "metricError", code: "#DIV/0!", key: "zeroDenominator", args: ["newCustomers"] });
    expect(codeOf(ltvToCac(100, 0))).toBe("#DIV/0!");
    expect(codeOf(velocity(1, 1, 1, 0))).toBe("#DIV/0!");
    expect(codeOf(coverage(1, 0))).toBe("#DIV/0!");
    expect(codeOf(attainment(1, 0))).toBe("#DIV/0!");
    expect(codeOf(growth(1, 0))).toBe("#DIV/0!");
  });
  it("payback is never for a margin of 0", () => {
    expect(paybackPeriods(600, 100, 0.5)).toBe(12);
    expect(codeOf(paybackPeriods(600, 100, 0))).toBe("#NUM!");
  });
});

describe("pipeline", () => {
  it("winRate leaves open deals out and reports an unknown status with its cell", () => {
    expect(
      winRate([
        ["won", "lost", "open"],
        ["赢单", "", null],
      ]),
    ).toBe(2 / 3);
    const unknown = winRate([["won"], ["pending"]]);
    expect(isMetricError(unknown) && unknown.cell).toEqual({ row: 2, column: 1 });
  });
  it("weightedPipeline skips rows without an amount or probability, and closed rows", () => {
    expect(weightedPipeline([[100], [200], [""]], [[0.5], [null], [1]])).toBe(50);
    expect(weightedPipeline([[100], [200], [300]], [[0.5], [0.5], [0.5]], [["won"], [""], ["open"]])).toBe(150);
    expect(codeOf(weightedPipeline([[100]], [[0.5], [0.5]]))).toBe("#VALUE!");
  });
});

describe("goals", () => {
  it("growth is current / previous − 1", () => {
    expect(growth(150, 100)).toBeCloseTo(0.5, 12);
  });
  it("smart lists the failing letters in SMART order", () => {
    expect(smartFailures({ goal: "", metric: "nothing", target: undefined, deadline: undefined })).toEqual(["S", "M", "A", "R", "T"]);
    expect(smart({ goal: "Grow revenue in East China", metric: "revenue", target: 300, deadline: 46295, baseline: 100 })).toBe("✓");
    expect(smart({ goal: "Grow revenue in East China", metric: "revenue", target: 301, deadline: 46295, baseline: 100 })).toBe("A");
    expect(smart({ goal: "42", metric: "revenue", target: 1, deadline: 46295 })).toBe("S");
  });
});

describe("overdueCount", () => {
  it("counts whole days late beyond the minimum, open rows only", () => {
    const due: NumberGrid = [[10], [7], [6], [""]];
    const status = [["in progress"], ["not started"], ["done"], ["blocked"]];
    // as of day 10.9: day 10 is 0 days late, day 7 is 3, day 6 is done
    expect(overdueCount(due, status, 10.9, 0)).toBe(1);
    expect(overdueCount(due, status, 10.9, 2)).toBe(1);
    expect(overdueCount(due, status, 10.9, 3)).toBe(0);
  });
});

describe("WordCache", () => {
  it("resolves each distinct text once, however many cells hold it", () => {
    const seen: unknown[] = [];
    const cache = new WordCache((text) => {
      seen.push(text);
      return String(text).length;
    });
    const texts = Array.from({ length: 40 }, (_, i) => `w${i % 20}`);
    for (const text of [...texts, ...texts]) expect(cache.get(text)).toBe(text.length);
    expect(seen).toHaveLength(20);
  });
});
