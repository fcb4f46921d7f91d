// TIER's language argument as people type it: a code, the language's name in English or in
// Chinese, any case, with spaces before. Anything else is #VALUE! naming what was typed.
import { TIER } from "../../src/functions/functions";
import { installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

const tierIn = (language: unknown) => TIER(2_000_000, 0.6, "high", null, null, null, language);

describe("SALES.TIER's language", () => {
  it.each(["en-US", "en", "EN-GB", "English", "  english", "英文", "英语"])("%j answers in English", (language) => {
    expect(tierIn(language)).toBe("Key breakthrough");
  });

  it.each(["zh-CN", "zh", "ZH-TW", "Chinese", " chinese", "中文"])("%j answers in Chinese", (language) => {
    expect(tierIn(language)).toBe("重点突破型");
  });

  it.each(["fr-FR", "eng", "zhong", "Englisch?", "日本語"])("%j is #VALUE! naming it", (language) => {
    const error = thrownBy(() => tierIn(language));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain(`"${language}"`);
    expect(error.message).toContain("language");
  });

  it("is #VALUE! for a number or TRUE, not a guess", () => {
    expect(thrownBy(() => tierIn(1)).code).toBe("#VALUE!");
    expect(thrownBy(() => tierIn(true)).message).toContain("TRUE");
  });
});
