// The numbers and messages a manager reads from the SALES functions where a team's own stage
// list or an unknown word is involved. Expected values are counted by hand from the rows.
import { ATTAINMENT, CONVERSION, COVERAGE, FUNNEL, GROWTH, LTVCAC, SMART, TIER, VELOCITY, WEIGHTED } from "../../src/functions/functions";
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

describe("conversion on the existing-customer path", () => {
  // furthest stages: periodic review visit, needs discovery, renewal negotiation; one row is on the new path
  const rows = [["定期回访"], ["需求挖掘"], ["续约谈判"], ["signing"]];

  it("counts only that path's rows: 1 of the 3 that had a review visit reached renewal", () => {
    expect(CONVERSION(rows, "periodic review visit", "renewal negotiation")).toBeCloseTo(1 / 3, 12);
    expect(CONVERSION(rows, "需求挖掘", "续约谈判")).toBeCloseTo(1 / 2, 12);
  });

  it("is #DIV/0! naming the stage when no row reached it", () => {
    const error = thrownBy(() => CONVERSION([["定期回访"]], "需求挖掘", "续约谈判"));
    expect([error.code, error.message]).toEqual(["#DIV/0!", 'No row reached "需求挖掘", so there is nothing to convert from.']);
  });
});

describe("a team's stage list longer than a built-in path", () => {
  // eight stages of the team's own; rows' furthest stages: s1, s3, s7, s8
  const order = [["s1"], ["s2"], ["s3"], ["s4"], ["s5"], ["s6"], ["s7"], ["s8"]];
  const rows = [["s1"], ["s3"], ["s7"], ["s8"]];

  it("converts between any two of its stages, however far apart", () => {
    expect(CONVERSION(rows, "s1", "s7", order)).toBe(0.5);
    expect(CONVERSION(rows, "s3", "s8", order)).toBeCloseTo(1 / 3, 12);
  });

  it("is the built-in path when the list holds only blank cells", () => {
    const blanks = [[null], [""]];
    const built = [["lead acquisition"], ["signing"]];
    expect(CONVERSION(built, "lead acquisition", "signing", blanks)).toBe(0.5);
    expect(FUNNEL(built, blanks).map((row) => row[0])).toEqual([
      "Lead acquisition",
      "Initial needs call",
      "Product demo",
      "Proposal",
      "Negotiation",
      "Signing",
    ]);
  });
});

describe("the messages a manager reads beside a conversion", () => {
  it("say which stages are on different paths or in the wrong order", () => {
    const paths = thrownBy(() => CONVERSION([["signing"]], "signing", "renewal negotiation"));
    expect([paths.code, paths.message]).toEqual([
      "#VALUE!",
      '"signing" and "renewal negotiation" are on different sales paths; pick two stages of one path.',
    ]);
    const reversed = thrownBy(() => CONVERSION([["signing"]], "signing", "product demo"));
    expect([reversed.code, reversed.message]).toEqual(["#NUM!", '"product demo" comes before "signing"; swap fromStage and toStage.']);
  });

  it("name, in a funnel, the stage before the one nobody could convert from", () => {
    const rows = FUNNEL([["lead acquisition"]]);
    // lead acquisition 1, initial needs call 0 of 1: product demo divides by that 0
    expect(rows[1]).toEqual(["Initial needs call", 0, 0]);
    const productDemo = rows[2][2] as { code: string; message: string };
    expect([productDemo.code, productDemo.message]).toEqual(["#DIV/0!", 'No row reached "Initial needs call", so there is nothing to convert from.']);
  });

  it("name the argument that is zero in ATTAINMENT and GROWTH", () => {
    const attainment = thrownBy(() => ATTAINMENT([[5]], [[0]]));
    expect([attainment.code, attainment.message]).toEqual(["#DIV/0!", "target is zero (or adds up to zero), so there is nothing to divide by."]);
    const growth = thrownBy(() => GROWTH(5, 0));
    expect([growth.code, growth.message]).toEqual(["#DIV/0!", "previous is zero (or adds up to zero), so there is nothing to divide by."]);
  });
});

describe("SMART's deadline must be a date", () => {
  const goal = "Win 15 new manufacturing customers";

  it("fails T for a date stored as text, or a negative number, and passes for a date serial", () => {
    expect(SMART(goal, "new customers", 15, 46295)).toBe("✓");
    // a date typed into a Text-formatted cell reaches the function as text
    expect(SMART(goal, "new customers", 15, "46295")).toBe("T");
    expect(SMART(goal, "new customers", 15, -1)).toBe("T");
  });
});

describe("the weighted pipeline with statuses", () => {
  it("leaves out a row with no amount or no probability without reading its status", () => {
    // 1000 × 50% from the first row; the half-filled rows add nothing, whatever their status says
    const amounts = [[1000], [null], [800]];
    const probabilities = [[0.5], [0.5], [null]];
    expect(WEIGHTED(amounts, probabilities, [["open"], ["pending?"], ["maybe"]])).toBe(500);
  });

  it.each([
    ["more status rows", [[100]], [[0.5]], [["open"], ["open"]], "statuses"],
    ["more probability rows", [[100]], [[0.5], [0.5]], [["open"]], "probabilities"],
    ["a narrower probability row", [[100, 200]], [[0.5]], [["open", "open"]], "probabilities"],
    ["a narrower status row", [[100, 200]], [[0.5, 0.5]], [["open"]], "statuses"],
  ])("is #VALUE! for %s, naming that range", (_case, amounts, probabilities, statuses, named) => {
    const error = thrownBy(() => WEIGHTED(amounts, probabilities, statuses));
    expect([error.code, error.message]).toEqual(["#VALUE!", `${named} must be a range of the same size as amounts.`]);
  });
});

describe("a zero denominator is named", () => {
  it.each([
    ["LTVCAC", () => LTVCAC(9000, 0), "cac"],
    ["VELOCITY", () => VELOCITY(10, 1000, 0.5, 0), "cycleDays"],
    ["COVERAGE", () => COVERAGE([[300]], [[0]]), "remainingQuota"],
  ])("in %s", (_name, call, argument) => {
    const error = thrownBy(call);
    expect([error.code, error.message]).toEqual(["#DIV/0!", `${argument} is zero (or adds up to zero), so there is nothing to divide by.`]);
  });
});
