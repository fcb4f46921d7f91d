import { tableFormula, ruleFormula, escapeHeader, referencedColumns } from "../../../src/domain/plan/formulas";
import { excelSerial, parseArea, columnLetters, absoluteColumnRange } from "../../../src/domain/plan/address";

const headers: Record<string, Record<string, string>> = {
  Tasks: { due: "Due [days]", status: "Status", owner: "Owner's #" },
  Customers: { customer: "客户名称" },
  ReviewInputs: { salesSpend: "Sales spend", marketingSpend: "Marketing spend" },
};
const headerOf = (table: string, key: string) => headers[table]?.[key];

describe("formula templates", () => {
  it("escape the characters structured references reserve", () => {
    expect(escapeHeader("Due [days]")).toBe("Due '[days']");
    expect(escapeHeader("Owner's #")).toBe("Owner''s '#");
  });

  it("become structured references in a table formula", () => {
    expect(tableFormula('=IF({@status}="","",{@due})', "Tasks", headerOf)).toEqual({
      formula: '=IF(Tasks[[#This Row],[Status]]="","",Tasks[[#This Row],[Due \'[days\']]])',
    });
    expect(tableFormula("=COUNTA({Customers:customer})+SUM({ReviewInputs:salesSpend:marketingSpend})", "Tasks", headerOf)).toEqual({
      formula: "=COUNTA(Customers[客户名称])+SUM(ReviewInputs[[Sales spend]:[Marketing spend]])",
    });
  });

  it("become A1 references, absolute column and relative row, in a rule formula", () => {
    const columnOf = (key: string) => ({ due: 10, status: 28 })[key];
    expect(ruleFormula('=AND(ISNUMBER({@due}),{@status}="x")', "Tasks", headerOf, columnOf, 5)).toEqual({ formula: '=AND(ISNUMBER($J5),$AB5="x")' });
  });

  it("name the missing column instead of writing a broken formula", () => {
    expect(tableFormula("={@nope}+1", "Tasks", headerOf)).toEqual({ missing: { table: "Tasks", key: "nope" } });
    expect(ruleFormula("={@owner}", "Tasks", headerOf, () => undefined, 2)).toEqual({ missing: { table: "Tasks", key: "owner" } });
  });

  it("list the columns they read", () => {
    expect(referencedColumns("={@due}-{Customers:customer}+{ReviewInputs:salesSpend:marketingSpend}")).toEqual([
      { table: "@", key: "due" },
      { table: "Customers", key: "customer" },
      { table: "ReviewInputs", key: "salesSpend" },
      { table: "ReviewInputs", key: "marketingSpend" },
    ]);
  });
});

describe("addresses", () => {
  it("read areas with or without a sheet", () => {
    expect(parseArea("'My sheet'!$B$3:AA10")).toEqual({ firstColumn: 2, firstRow: 3, lastColumn: 27, lastRow: 10 });
    expect(parseArea("C7")).toEqual({ firstColumn: 3, firstRow: 7, lastColumn: 3, lastRow: 7 });
  });
  it("letter columns past Z", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
  it("quote sheet names in references", () => {
    expect(absoluteColumnRange("Tom's", 2, 4, 4)).toBe("'Tom''s'!$B$4");
    expect(absoluteColumnRange("设置", 6, 2, 7)).toBe("'设置'!$F$2:$F$7");
  });
  it("count days as Excel does", () => {
    expect(excelSerial("1900-03-01")).toBe(61);
    expect(excelSerial("2026-03-15")).toBe(46096);
    expect(() => excelSerial("2026-3-15")).toThrow(/YYYY-MM-DD/);
  });
});
