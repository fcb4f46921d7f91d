// A team's own stage list in CONVERSION and FUNNEL, as a manager would type it: words repeated,
// built-in stages in the other language, numbers among the rows. Expected values by hand.
import { CONVERSION, FUNNEL, SMART, WINRATE } from "../../src/functions/functions";
import { installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

describe("a team's own stage order", () => {
  it("places a word typed twice where it first appears", () => {
    // order cold, warm, hot, cold: "cold" is the first stage, so rows at "cold" did not reach "warm"
    const order = [["cold"], ["warm"], ["hot"], ["cold"]];
    const rows = [["cold"], ["cold"], ["warm"], ["hot"]];
    // reached cold: 4; reached warm: 2
    expect(CONVERSION(rows, "cold", "warm", order)).toBe(0.5);
    expect(FUNNEL(rows, order).slice(0, 3)).toEqual([
      ["cold", 4, ""],
      ["warm", 2, 0.5],
      ["hot", 1, 0.5],
    ]);
  });

  it("finds a built-in stage typed in the other language, and a stage at itself is 100%", () => {
    const order = [["Lead acquisition"], ["Product demo"], ["Signing"]];
    const rows = [["线索获取"], ["产品演示"], ["签约"], ["signing"]];
    // reached lead acquisition: 4; product demo: 3; signing: 2
    expect(CONVERSION(rows, "线索获取", "签约", order)).toBe(0.5);
    expect(CONVERSION(rows, "产品演示", "Product demo", order)).toBe(1);
  });

  it("is #NUM! when toStage comes before fromStage in the team's order", () => {
    const order = [["cold"], ["warm"], ["hot"]];
    expect(thrownBy(() => CONVERSION([["hot"]], "hot", "warm", order)).code).toBe("#NUM!");
  });

  it("spills the team's stage words as typed, in its order, with the conversion from the stage before", () => {
    const order = [["Cold"], ["Warm"], ["Hot"]];
    expect(FUNNEL([["warm"], ["WARM"], ["hot"], ["cold"]], order)).toEqual([
      ["Cold", 4, ""],
      ["Warm", 3, 0.75],
      ["Hot", 1, 1 / 3],
    ]);
  });

  it("is #VALUE! naming the cell when a row holds a number, not a word", () => {
    const error = thrownBy(() => CONVERSION([["cold"], [7]], "cold", "warm", [["cold"], ["warm"]]));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/stages.*7.*row 2/);
  });
});

describe("the built-in path, chosen by the rows", () => {
  it("speaks Chinese when the first stage word is Chinese", () => {
    const rows = [["续约谈判"], ["periodic review visit"]];
    expect(FUNNEL(rows).map((row) => row[0])).toEqual(["定期回访", "需求挖掘", "交叉销售/增购", "续约谈判"]);
    expect(FUNNEL([["renewal negotiation"], ["定期回访"]]).map((row) => row[0])).toEqual([
      "Periodic review visit",
      "Needs discovery",
      "Cross-sell / upsell",
      "Renewal negotiation",
    ]);
  });

  it("follows the existing-customer path only when more rows are on it than on the new one", () => {
    expect(FUNNEL([["renewal negotiation"], ["renewal negotiation"], ["signing"]])[0][0]).toBe("Periodic review visit");
    expect(FUNNEL([["renewal negotiation"], ["signing"]])[0][0]).toBe("Lead acquisition");
  });
});

describe("messages say what a word may be", () => {
  it("lists every status in both languages for an unknown deal status", () => {
    const error = thrownBy(() => WINRATE([["won"], ["maybe"]]));
    expect(error.message).toContain("Open, Won, Lost / 跟进中, 赢单, 输单");
    expect(error.message).toMatch(/row 2, column 1/);
  });
});

describe("SMART's start date", () => {
  it("is not time-bound when the start is text rather than a date", () => {
    expect(SMART("Win 15 customers", "new customers", 15, 46295, null, "soon")).toBe("T");
  });
});
