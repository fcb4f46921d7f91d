// What a person reads for each finding, word for word: the value as the cell shows it (a date as a
// date, a number without binary noise, long text cut), the details in their places, and where.
// Expected sentences are written by hand.
import {
  describeFinding,
  describeProblem,
  SEVERITY_OF,
  type Finding,
  type FindingCodeName,
  type SnapshotValue,
} from "../../../src/domain/validation";

/** A finding at Tasks!G2, the Due column (a date column), unless `more` says otherwise. */
const finding = (code: FindingCodeName, value: SnapshotValue, details?: Finding["details"], more: Partial<Finding> = {}): Finding => ({
  severity: SEVERITY_OF[code],
  code,
  sheet: "Tasks",
  table: "Tasks",
  row: 2,
  columnNumber: 7,
  column: "Due",
  columnKey: "due",
  cell: "G2",
  value,
  ...(details ? { details } : {}),
  ...more,
});
const en = (f: Finding) => describeProblem(f, "en-US");
const score = { table: "Risks", column: "Score", columnKey: "score", sheet: "Risks", cell: "F3" };

describe("each finding in words", () => {
  it.each<[string, Finding, string]>([
    [
      "columnMissing",
      finding("columnMissing", null, { missing: "Due", missingKey: "due" }),
      'this table has no column "Due", which every row needs: add it back, or rename a column back to it.',
    ],
    ["required", finding("required", null, undefined, { column: "Action" }), '"Action" is required.'],
    ["cellError", finding("cellError", "#N/A"), "the cell holds the Excel error #N/A; type a value instead."],
    ["notDate", finding("notDate", "soon"), "soon is not a date; type one such as 2026-09-30."],
    ["notNumber", finding("notNumber", true, undefined, { column: "Amount", columnKey: "amount", table: "Pipeline" }), "true is not a number."],
    [
      "negative",
      finding("negative", -0.1, undefined, { column: "Amount", columnKey: "amount", table: "Pipeline" }),
      "-0.1 is below 0; amounts and counts are 0 or more.",
    ],
    [
      "percentAsWhole",
      finding("percentAsWhole", 45, { percent: 45 }, { table: "Customers", column: "Win probability", columnKey: "winProbability" }),
      "45 means 4500% in Excel; for 45% type 45% or 0.45.",
    ],
    [
      "percentRange",
      finding("percentRange", 150, undefined, { table: "Customers", column: "Win probability", columnKey: "winProbability" }),
      "150 is not a percentage from 0% to 100%.",
    ],
    [
      "scale1to5",
      finding("scale1to5", 4.5, undefined, { table: "Risks", column: "Likelihood", columnKey: "likelihood" }),
      "4.5 is not a whole number from 1 to 5.",
    ],
    [
      "notInList",
      finding("notInList", "Paused", { expected: "Not started / In progress / Done / Blocked / Cancelled" }),
      '"Paused" is not in the list (Not started / In progress / Done / Blocked / Cancelled).',
    ],
    ["otherLanguage", finding("otherLanguage", "已完成", { expected: "Done" }), '"已完成" is the other language\'s word; this workbook says "Done".'],
    [
      "unlistedWord",
      finding("unlistedWord", "Pricing", { expected: "Sales goal / Core strategy" }),
      '"Pricing" is not one of the list\'s words (Sales goal / Core strategy); keep it if it is meant.',
    ],
    ["notOnRoster", finding("notOnRoster", "Zhou"), '"Zhou" is not on the Team roster (Settings); add them there, or check the spelling.'],
    [
      "refMissing",
      finding("refMissing", "Globex", { table: "Customers", sheet: "Clients", column: "Customer" }),
      '"Globex" is not in "Customer" on Clients; add it there first, or check the spelling.',
    ],
    ["duplicate", finding("duplicate", "T-1", { firstRow: 2 }), '"T-1" is already used in row 2; each row needs its own.'],
    [
      "stageNotOnPath",
      finding("stageNotOnPath", "Proposal", { path: "Path", pathValue: "Existing customer" }),
      '"Proposal" is not a stage of the Path "Existing customer".',
    ],
    // 46082 is 2026-03-01.
    ["dateOrder", finding("dateOrder", 46082, { other: "Start", otherValue: "2026-03-02" }), '2026-03-01 is before "Start" (2026-03-02).'],
    [
      "requiredWhen",
      finding("requiredWhen", null, { when: "Status", status: "Done" }, { column: "Completed on" }),
      '"Completed on" is required when "Status" is "Done".',
    ],
    [
      "blankUnless",
      finding("blankUnless", 46082, { when: "Status", status: "Blocked" }, { column: "Completed on" }),
      '"Completed on" should be blank while "Status" is "Blocked".',
    ],
    [
      "smart",
      finding("smart", 0, { letters: "M A" }, { column: "Target" }),
      "the goal is not SMART here (M A): S specific, M measurable, A achievable (positive, at most 3 × the baseline, a rate at most 100%), R a listed metric, T a deadline after the start.",
    ],
    [
      "probabilityFar",
      finding("probabilityFar", 0.07, { default: 0.6, stage: "Proposal" }, { table: "Pipeline", column: "Probability", columnKey: "probability" }),
      '7% is far from the "Proposal" stage\'s default of 60%; check the stage or the probability.',
    ],
    [
      "formulaMissing",
      finding("formulaMissing", null, { fromRow: 2 }, score),
      'the formula of "Score" was cleared. To restore it, copy the cell of row 2 in this column (it still has the formula) and paste it here.',
    ],
    [
      "formulaOverwritten",
      finding("formulaOverwritten", 9, undefined, score),
      '"Score" is calculated, but this cell holds the typed value 9. To restore it, run Set up in a copy of the workbook and copy this column\'s formula from there.',
    ],
  ])("%s", (_code, f, text) => {
    expect(en(f)).toBe(text);
  });

  it("a probability far from a 0% default, and one of 100%", () => {
    expect(
      en(finding("probabilityFar", 1, { default: 0, stage: "On hold" }, { table: "Pipeline", column: "Probability", columnKey: "probability" })),
    ).toBe('100% is far from the "On hold" stage\'s default of 0%; check the stage or the probability.');
  });

  it("a probability and a default with a fraction of a percent keep it", () => {
    expect(
      en(
        finding(
          "probabilityFar",
          0.455,
          { default: 0.125, stage: "Scoping" },
          { table: "Pipeline", column: "Probability", columnKey: "probability" },
        ),
      ),
    ).toBe('45.5% is far from the "Scoping" stage\'s default of 12.5%; check the stage or the probability.');
  });

  it("a percentage typed as 1.5 and as 100", () => {
    expect(en(finding("percentAsWhole", 1.5, { percent: 1.5 }))).toBe("1.5 means 150% in Excel; for 1.5% type 1.5% or 0.015.");
    expect(en(finding("percentAsWhole", 100, { percent: 100 }))).toBe("100 means 10000% in Excel; for 100% type 100% or 1.");
  });
});

describe("the value as the cell shows it", () => {
  it("a date column's serial as a date, from the first day Excel has to the last", () => {
    expect(en(finding("dateOrder", 1, { other: "Start", otherValue: "1900-01-02" }))).toBe('1900-01-01 is before "Start" (1900-01-02).');
    expect(en(finding("dateOrder", 2_958_465, { other: "Start", otherValue: "9999-12-31" }))).toBe('9999-12-31 is before "Start" (9999-12-31).');
  });

  it("a number outside Excel's dates in a date column as the number", () => {
    expect(en(finding("notDate", 0))).toBe("0 is not a date; type one such as 2026-09-30.");
    expect(en(finding("notDate", 0.5))).toBe("0.5 is not a date; type one such as 2026-09-30.");
    expect(en(finding("notDate", 2_958_466))).toBe("2958466 is not a date; type one such as 2026-09-30.");
  });

  it("a number in a column that holds no dates as the number, even one that could be a date", () => {
    expect(en(finding("duplicate", 46082, { firstRow: 2 }, { column: "ID", columnKey: "id" }))).toBe(
      '"46082" is already used in row 2; each row needs its own.',
    );
    expect(en(finding("duplicate", 46082, { firstRow: 2 }, { column: "Notes", columnKey: undefined }))).toBe(
      '"46082" is already used in row 2; each row needs its own.',
    );
  });

  it("a number without the binary noise of its sum", () => {
    expect(en(finding("negative", 0.1 - 0.3, undefined, { column: "Amount", columnKey: "amount", table: "Pipeline" }))).toBe(
      "-0.2 is below 0; amounts and counts are 0 or more.",
    );
    expect(en(finding("probabilityFar", 0.1 + 0.2, { default: 0.6, stage: "Proposal" }, { table: "Pipeline", columnKey: "probability" }))).toBe(
      '30% is far from the "Proposal" stage\'s default of 60%; check the stage or the probability.',
    );
  });

  it("text up to 60 characters whole, longer text cut there with …", () => {
    const sixty = "x".repeat(60);
    expect(en(finding("notDate", sixty))).toBe(`${sixty} is not a date; type one such as 2026-09-30.`);
    expect(en(finding("notDate", `${sixty}yz`))).toBe(`${sixty}… is not a date; type one such as 2026-09-30.`);
  });
});

describe("the finding in one line", () => {
  it("says where first: sheet, cell and the column's header, in the reader's language", () => {
    const f = finding("required", null, undefined, { column: "Action", cell: "E4" });
    expect(describeFinding(f, "en-US")).toBe('Tasks!E4 "Action": "Action" is required.');
    expect(describeFinding(f, "zh-CN")).toBe("Tasks!E4“Action”：“Action”为必填项。");
  });
});
