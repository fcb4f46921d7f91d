import { looksLikeFormula } from "../../../src/domain/plan/cellText";

describe("text Excel would not keep as typed", () => {
  it.each(['=HYPERLINK("http://x")', "+86 21 5555", "-5% discount", "@SUM(A1)", "'quoted"])("%s looks like a formula", (text) => {
    expect(looksLikeFormula(text)).toBe(true);
  });

  it.each(["华东精密制造有限公司", "Acme = best", "T-001", "", " =not first"])("%j does not", (text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });
});
