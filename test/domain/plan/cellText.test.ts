import { officeText, looksLikeFormula } from "../../../src/domain/plan/cellText";

describe("user text stays text", () => {
  it.each(["=HYPERLINK(\"http://x\")", "+86 21 5555", "-5% discount", "@SUM(A1)", "'quoted"])("%s gets an apostrophe for Office.js", (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(officeText(text)).toBe(`'${text}`);
  });

  it.each(["华东精密制造有限公司", "Acme = best", "T-001", "", " =not first"])("%j is written as it is", (text) => {
    expect(looksLikeFormula(text)).toBe(false);
    expect(officeText(text)).toBe(text);
  });
});
