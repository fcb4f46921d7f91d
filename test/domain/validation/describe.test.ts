// Every rule's finding is worded in both languages, with its value, and where it is.
import { describeFinding, describeProblem, FINDING_CODES, SEVERITY_OF, type Finding } from "../../../src/domain/validation";
import { messages } from "../../../src/i18n";
import { LANGUAGES } from "../../../src/domain/spec/vocabulary";

const finding = (code: string, more: Partial<Finding> = {}): Finding => ({
  severity: SEVERITY_OF[code as keyof typeof SEVERITY_OF],
  code,
  sheet: "Tasks",
  table: "Tasks",
  row: 5,
  columnNumber: 10,
  column: "Due",
  columnKey: "due",
  cell: "J5",
  value: "zzz",
  details: {
    expected: "Done",
    missing: "Due",
    firstRow: 2,
    other: "Start",
    otherValue: "2026-03-01",
    when: "Status",
    status: "done",
    letters: "A T",
    default: 0.6,
    stage: "Proposal",
    fromRow: 4,
    sheet: "Customers",
    column: "Customer",
    path: "Path",
    pathValue: "new customer",
    percent: 45,
  },
  ...more,
});

describe.each(LANGUAGES)("findings in %s", (language) => {
  it.each(FINDING_CODES)("%s has its own words", (code) => {
    expect(Object.keys(messages(language).check.problem)).toContain(code);
    const text = describeProblem(finding(code), language);
    expect(text.startsWith(`${code}:`)).toBe(false);
    expect(text.length).toBeGreaterThan(5);
  });

  it("says where: sheet, cell and column", () => {
    const text = describeFinding(finding("required"), language);
    expect(text).toContain("Tasks!J5");
    expect(text).toContain("Due");
  });

  it("shows a date column's serial as a date, and cuts long text", () => {
    expect(describeProblem(finding("dateOrder", { value: 46082 }), language)).toContain("2026-03-01");
    const long = describeProblem(finding("notDate", { value: "x".repeat(10_000) }), language);
    expect(long.length).toBeLessThan(300);
    expect(long).toContain("x".repeat(60) + "…");
  });

  it("shows a far probability and its stage's default as percentages", () => {
    const text = describeProblem(
      finding("probabilityFar", { value: 0.95, column: "Probability", columnKey: "probability", table: "Pipeline" }),
      language,
    );
    expect(text).toContain("95%");
    expect(text).toContain("60%");
    expect(text).toContain("Proposal");
  });
});

it("tells a user who typed 1.5 for a percentage what Excel reads and what to type", () => {
  expect(describeProblem(finding("percentAsWhole", { value: 1.5 }), "en-US")).toBe("1.5 means 150% in Excel; for 1.5% type 1.5% or 0.015.");
});
