import { conversion, funnel } from "../../../src/domain/metrics/funnel";
import { isMetricError } from "../../../src/domain/metrics/errors";

describe("conversion", () => {
  it("counts a row as reaching every stage up to its furthest", () => {
    // furthest: demo, demo, signing, lead -> reached demo: 3, reached signing: 1
    const stages = [
      ["product demo", "PRODUCT DEMO"],
      ["签约", "lead acquisition"],
    ];
    expect(conversion(stages, "product demo", "signing")).toBe(1 / 3);
    expect(conversion(stages, "lead acquisition", "lead acquisition")).toBe(1);
  });

  it("reports the cell of an unknown stage, 1-based within the range", () => {
    const result = conversion(
      [
        ["proposal", ""],
        ["", "qualified"],
      ],
      "lead acquisition",
      "proposal",
    );
    expect(isMetricError(result) && [result.code, result.cell]).toEqual(["#N/A", { row: 2, column: 2 }]);
  });

  it("reads a team's own order, matching a built-in stage in the other language", () => {
    const order = ["线索获取", "方案制定", "签约"];
    // furthest: lead, proposal, proposal -> reached proposal: 2 of 3
    expect(conversion([["lead acquisition"], ["proposal"], ["方案制定"]], "线索获取", "proposal", order)).toBe(2 / 3);
  });

  it("gives #DIV/0! naming the stage nobody reached", () => {
    const result = conversion([[""]], "proposal", "signing");
    expect(isMetricError(result) && [result.code, result.key, result.args]).toEqual(["#DIV/0!", "noneReached", ["proposal"]]);
  });
});

describe("funnel", () => {
  it("counts every stage of the path the rows are on, in their language", () => {
    const rows = funnel([["续约谈判"], ["定期回访"], ["签约"], ["需求挖掘"]]);
    expect(Array.isArray(rows) && rows.map((r) => [r.stage, r.reached])).toEqual([
      ["定期回访", 3],
      ["需求挖掘", 2],
      ["交叉销售/增购", 1],
      ["续约谈判", 1],
    ]);
  });

  it("is the new-customer path for no rows at all, with #DIV/0! conversions after an empty stage", () => {
    const rows = funnel([[""], [null]]);
    expect(Array.isArray(rows) && rows.length).toBe(6);
    if (!Array.isArray(rows)) return;
    expect(rows[0]).toEqual({ stage: "Lead acquisition", reached: 0, conversion: undefined });
    const second = rows[1].conversion;
    expect(isMetricError(second) && second.code).toBe("#DIV/0!");
  });
});
