import { TIER } from "../../src/functions/functions";
import { installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

describe("SALES.TIER", () => {
  it("is #VALUE! for text where the value is needed", () => {
    expect(thrownBy(() => TIER("big", 0.6, "high")).message).toContain("value");
  });

  it("is #NUM! for a win probability typed as 60", () => {
    expect(thrownBy(() => TIER(2_000_000, 60, "high")).code).toBe("#NUM!");
  });

  it("is #N/A for an unknown growth word", () => {
    expect(thrownBy(() => TIER(2_000_000, 0.6, "huge")).code).toBe("#N/A");
  });

  it("gives the tier by value, win probability and growth (default thresholds 1,000,000 / 200,000 / 50%)", () => {
    expect(TIER(2_000_000, 0.6, "low")).toBe("Key breakthrough");
    expect(TIER(2_000_000, 0.3, "low")).toBe("Opportunity cultivation");
    expect(TIER(300_000, 0.9, "high")).toBe("Opportunity cultivation");
    expect(TIER(50_000, 0.9, "High")).toBe("Potential watch");
    expect(TIER(50_000, 0.9, "medium")).toBe("Maintain");
  });

  it("reads growth in Chinese and answers in the language asked, never the reader's", () => {
    expect(TIER(50_000, 0.9, "高", null, null, null, "zh-CN")).toBe("潜力关注型");
    expect(TIER(2_000_000, 0.6, "中", undefined, undefined, undefined, "zh-CN")).toBe("重点突破型");
    expect(TIER(50_000, 0.1, "低")).toBe("Maintain");
    expect(TIER(50_000, 0.1, "低", null, null, null, "中文")).toBe("常规维护");
    expect(TIER(50_000, 0.1, "low", null, null, null, "English")).toBe("Maintain");
  });

  it("is empty, not a wrong tier, when an input is missing", () => {
    expect(TIER("", 0.6, "high")).toBe("");
    expect(TIER(2_000_000, null, "high")).toBe("");
    expect(TIER(2_000_000, 0.6, "")).toBe("");
  });

  it("takes the team's thresholds", () => {
    // with highValue 5,000,000 the 2,000,000 customer is only medium value
    expect(TIER(2_000_000, 0.6, "low", 5_000_000)).toBe("Opportunity cultivation");
    expect(TIER(150_000, 0.6, "low", 1_000_000, 100_000, 0.5)).toBe("Opportunity cultivation");
    expect(TIER(2_000_000, 0.6, "low", 1_000_000, 200_000, 0.7)).toBe("Opportunity cultivation");
  });

  it("is #NUM! when mediumValue is above highValue, and #VALUE! for an unknown language", () => {
    expect(thrownBy(() => TIER(1, 0.5, "low", 100, 200)).code).toBe("#NUM!");
    expect(thrownBy(() => TIER(1, 0.5, "low", null, null, null, "fr-FR")).code).toBe("#VALUE!");
  });
});
