// The numbers and messages a manager reads from the SALES functions where a team's own stage
// list or an unknown word is involved. Expected values are counted by hand from the rows.
import { CONVERSION, FUNNEL, TIER } from "../../src/functions/functions";
import { installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

describe("a team's stage list that names a stage twice", () => {
  it("counts a row in the other language at the stage's first place in the list", () => {
    // 线索获取 is lead acquisition: it counts at place 1, not at the repeat in place 3
    const order = [["lead acquisition"], ["signing"], ["Lead acquisition"]];
    expect(FUNNEL([["线索获取"], ["signing"]], order)).toEqual([
      ["lead acquisition", 2, ""],
      ["signing", 1, 0.5],
      ["Lead acquisition", 0, 0],
    ]);
  });
});

describe("an unknown word names the words that would do", () => {
  it("lists the team's own stages, in their order, for a stage not in the list", () => {
    const order = [["warm"], ["hot"]];
    const fromStage = thrownBy(() => CONVERSION([["warm"]], "nurture", "hot", order));
    expect([fromStage.code, fromStage.message]).toEqual(["#N/A", 'fromStage: "nurture" is not one of warm, hot.']);
    const inRows = thrownBy(() => FUNNEL([["warm"], ["cold"]], order));
    expect([inRows.code, inRows.message]).toEqual(["#N/A", 'stages: "cold" is not one of warm, hot. (row 2, column 1 of the range)']);
  });

  it("lists the growth levels in both languages for an unknown growth", () => {
    const error = thrownBy(() => TIER(500_000, 0.6, "huge"));
    expect([error.code, error.message]).toEqual(["#N/A", 'growth: "huge" is not one of High, Medium, Low / 高, 中, 低.']);
  });
});
