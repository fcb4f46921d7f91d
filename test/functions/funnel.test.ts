import { CONVERSION, FUNNEL } from "../../src/functions/functions";
import { excelError, installCustomFunctions, isFakeError, thrownBy } from "../support/customFunctions";

installCustomFunctions();

// Furthest stage per opportunity: 2 at lead acquisition, 1 at initial needs call,
// 2 at product demo, 1 at proposal, 0 at negotiation, 1 at signing (7 rows, 2 blanks).
const english = [
  ["lead acquisition"],
  ["Lead Acquisition"],
  [""],
  ["initial needs call"],
  ["product demo"],
  ["PRODUCT DEMO"],
  [null],
  ["proposal"],
  ["signing"],
];
const chinese = [["线索获取"], ["线索获取"], [""], ["初步需求沟通"], ["产品演示"], ["产品演示"], [null], ["方案制定"], ["签约"]];

describe("SALES.CONVERSION", () => {
  it("is #N/A naming an unknown stage name", () => {
    const error = thrownBy(() => CONVERSION(english, "lead acquisition", "closing"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toContain("toStage");
    expect(error.message).toContain("closing");
  });

  it("is #N/A naming the cell of an unknown stage in the range", () => {
    const error = thrownBy(() => CONVERSION([["proposal"], ["qualified"]], "lead acquisition", "proposal"));
    expect(error.code).toBe("#N/A");
    expect(error.message).toMatch(/stages.*qualified.*row 2/);
  });

  it("is #VALUE! when a stage cell holds a number", () => {
    expect(thrownBy(() => CONVERSION([["proposal"], [3]], "lead acquisition", "proposal")).code).toBe("#VALUE!");
  });

  it("is the share of rows reaching fromStage that reached toStage, blanks skipped", () => {
    // reached lead acquisition: 7; reached product demo or later: 2 + 1 + 1 = 4
    expect(CONVERSION(english, "lead acquisition", "product demo")).toBeCloseTo(4 / 7, 12);
    // reached initial needs call: 5; reached signing: 1
    expect(CONVERSION(english, "initial needs call", "signing")).toBeCloseTo(1 / 5, 12);
  });

  it("reads the zh-CN stage names, and mixed languages and case", () => {
    expect(CONVERSION(chinese, "线索获取", "产品演示")).toBeCloseTo(4 / 7, 12);
    expect(CONVERSION(chinese, "LEAD acquisition", "产品演示")).toBeCloseTo(4 / 7, 12);
  });

  it("is #DIV/0! when no row reached fromStage", () => {
    expect(thrownBy(() => CONVERSION([["lead acquisition"], [""]], "proposal", "signing")).code).toBe("#DIV/0!");
  });

  it("is #NUM! when toStage comes before fromStage", () => {
    expect(thrownBy(() => CONVERSION(english, "proposal", "product demo")).code).toBe("#NUM!");
  });

  it("is #VALUE! for two stages of different paths", () => {
    expect(thrownBy(() => CONVERSION(english, "lead acquisition", "renewal negotiation")).code).toBe("#VALUE!");
  });

  it("leaves out rows on the other path", () => {
    // two new-path rows (one reached proposal) and one existing-customer row
    expect(CONVERSION([["proposal"], ["lead acquisition"], ["续约谈判"]], "lead acquisition", "proposal")).toBe(0.5);
  });

  it("follows a team's own stage order", () => {
    const order = [["cold"], ["warm"], ["hot"]];
    // cold: 1, warm: 2, hot: 1 -> reached warm 3, reached hot 1
    expect(CONVERSION([["cold"], ["warm"], ["Warm"], ["hot"]], "warm", "hot", order)).toBeCloseTo(1 / 3, 12);
    expect(thrownBy(() => CONVERSION([["lukewarm"]], "warm", "hot", order)).code).toBe("#N/A");
  });

  it("passes on an error in the stages", () => {
    expect(thrownBy(() => CONVERSION([["proposal"], [excelError("notAvailable")]], "lead acquisition", "proposal")).code).toBe("#N/A");
  });
});

describe("SALES.FUNNEL", () => {
  it("is #N/A for an unknown stage", () => {
    expect(thrownBy(() => FUNNEL([["won it"]])).code).toBe("#N/A");
  });

  it("spills stage, count reached and conversion from the previous stage", () => {
    expect(FUNNEL(english)).toEqual([
      ["Lead acquisition", 7, ""],
      ["Initial needs call", 5, 5 / 7],
      ["Product demo", 4, 4 / 5],
      ["Proposal", 2, 2 / 4],
      ["Negotiation", 1, 1 / 2],
      ["Signing", 1, 1],
    ]);
  });

  it("speaks the rows' language", () => {
    const rows = FUNNEL(chinese);
    expect(rows.map((r) => r[0])).toEqual(["线索获取", "初步需求沟通", "产品演示", "方案制定", "商务谈判", "签约"]);
  });

  it("follows the existing-customer path when most rows are on it", () => {
    const rows = FUNNEL([["needs discovery"], ["renewal negotiation"], ["lead acquisition"]]);
    expect(rows).toEqual([
      ["Periodic review visit", 2, ""],
      ["Needs discovery", 2, 1],
      ["Cross-sell / upsell", 1, 0.5],
      ["Renewal negotiation", 1, 1],
    ]);
  });

  it("shows #DIV/0! in a cell whose previous stage nobody reached", () => {
    const rows = FUNNEL([["cold"]], [["cold"], ["warm"], ["hot"]]);
    expect(rows[1]).toEqual(["warm", 0, 0]);
    expect(isFakeError(rows[2][2])).toBe(true);
    expect((rows[2][2] as CustomFunctions.Error).code).toBe("#DIV/0!");
  });
});
