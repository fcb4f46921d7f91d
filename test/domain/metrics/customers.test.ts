import { tierLabel, tierOf } from "../../../src/domain/metrics/customers";
import { isMetricError } from "../../../src/domain/metrics/errors";
import { DEFAULT_TIER_SETTINGS } from "../../../src/domain/spec/vocabulary";

const settings = { highValue: 1000, mediumValue: 100, highWinProbability: 0.5 };

describe("tierOf", () => {
  it.each([
    [{ value: 1000, winProbability: 0.5, growth: "low" }, "keyBreakthrough"],
    [{ value: 999, winProbability: 0.9, growth: "low" }, "opportunityCultivation"],
    [{ value: 1000, winProbability: 0.49, growth: "high" }, "opportunityCultivation"],
    [{ value: 100, winProbability: 0, growth: "低" }, "opportunityCultivation"],
    [{ value: 99, winProbability: 0.9, growth: "HIGH" }, "potentialWatch"],
    [{ value: 99, winProbability: 0.9, growth: "高" }, "potentialWatch"],
    [{ value: 99, winProbability: 0.9, growth: "medium" }, "maintain"],
    [{ value: 0, winProbability: 0, growth: "中" }, "maintain"],
  ] as const)("%j is %s (thresholds 1000 / 100 / 50%%)", (inputs, tier) => {
    expect(tierOf(inputs, settings)).toBe(tier);
  });

  it.each([
    { value: undefined, winProbability: 0.9, growth: "high" },
    { value: 5000, winProbability: undefined, growth: "high" },
    { value: 5000, winProbability: 0.9, growth: undefined },
    { value: 5000, winProbability: 0.9, growth: "  " },
  ])("gives no tier, not a wrong one, when an input is missing: %j", (inputs) => {
    expect(tierOf(inputs, settings)).toBeUndefined();
  });

  it("is an #N/A value for an unknown growth word and #NUM! for thresholds out of order", () => {
    const unknown = tierOf({ value: 1, winProbability: 0.1, growth: "soaring" }, settings);
    expect(isMetricError(unknown) && unknown.code).toBe("#N/A");
    const reversed = tierOf({ value: 1, winProbability: 0.1, growth: "low" }, { ...settings, mediumValue: 2000 });
    expect(isMetricError(reversed) && reversed.code).toBe("#NUM!");
  });

  it("uses the product's default thresholds", () => {
    expect(tierOf({ value: 1_000_000, winProbability: 0.5, growth: "low" }, DEFAULT_TIER_SETTINGS)).toBe("keyBreakthrough");
    expect(tierOf({ value: 199_999, winProbability: 0.5, growth: "low" }, DEFAULT_TIER_SETTINGS)).toBe("maintain");
  });
});

describe("tierLabel", () => {
  it("names the tier in the language asked, and no tier as empty", () => {
    expect(tierLabel("keyBreakthrough", "zh-CN")).toBe("重点突破型");
    expect(tierLabel("maintain", "en-US")).toBe("Maintain");
    expect(tierLabel(undefined, "zh-CN")).toBe("");
  });
});
