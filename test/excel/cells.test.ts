// User text reaches a cell as exactly that text, whatever Excel would make of it if typed.
import fc from "fast-check";
import { officeCell, textCell } from "../../src/excel/cells";
import { typeIntoCell, type FakeCell } from "../support/fakeExcelModel";

function typed(input: string | number | boolean, numberFormat = "General"): FakeCell {
  const cell: FakeCell = { value: "", numberFormat };
  typeIntoCell(cell, input);
  return cell;
}

describe("text written to Excel", () => {
  it.each([
    '=HYPERLINK("http://x","x")',
    "@SUM(A1:A3)",
    "+86 138 0000 0000",
    "-5% discount",
    "'quoted",
    "0012",
    "1,000",
    "TRUE",
    "false",
    "2024-01-05",
    "12:30",
    " 42 ",
    "(12)",
    "$12",
    "Jan 5",
    "#N/A",
    "#ref!",
    "#DIV/0!",
  ])("%s gets the apostrophe that keeps it text", (text) => {
    expect(textCell(text)).toBe(`'${text}`);
  });

  it.each(["Acme Ltd", "华东精密制造有限公司", "proposal", "Q3 East China", "TRUE story"])("%s is written as it is", (text) => {
    expect(textCell(text)).toBe(text);
  });

  it("reads back as the same text, never a formula or a number, for any string", () => {
    const tricky = fc.oneof(
      fc.string(),
      fc.string({ unit: "grapheme" }),
      fc.tuple(fc.constantFrom("=", "+", "-", "@", "'", " ", "0", "1", ".", "TRUE", "$"), fc.string()).map(([a, b]) => a + b),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    );
    fc.assert(
      fc.property(tricky, (text) => {
        const cell = typed(officeCell(text));
        expect({ value: cell.value, formula: cell.formula, error: cell.error }).toEqual({ value: text, formula: undefined, error: undefined });
      }),
      // Texts Excel would otherwise read as something else: a formula, a number, a date, a boolean, an error.
      {
        numRuns: 2000,
        examples: [
          "",
          "=",
          "=1+1",
          "+1",
          "-1",
          "@A1",
          "'quoted",
          " 1",
          "0001",
          "1e5",
          "1,000",
          "2024-01-05",
          "TRUE",
          "false",
          "#N/A",
          "#n/a",
          "#NAME?",
          "#SPILL!",
          "$5",
          ".5",
          "-0",
        ].map((t) => [t] as [string]),
      },
    );
  });

  it("writes numbers, booleans and formulas as such", () => {
    expect(officeCell(46_000)).toBe(46_000);
    expect(officeCell(true)).toBe(true);
    expect(officeCell({ formula: "=1+1" })).toBe("=1+1");
    expect(typed(officeCell({ formula: "=1+1" })).formula).toBe("=1+1");
  });
});
