import { OVERDUE } from "../../src/functions/functions";
import { excelError, installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

const AS_OF = 46300; // an Excel serial date

describe("SALES.OVERDUE", () => {
  it("is #VALUE! for a due date typed as text", () => {
    const error = thrownBy(() => OVERDUE([["2026-10-01"]], [["in progress"]], AS_OF));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toContain("dueDates");
  });

  it("is #N/A for an unknown status of a late row", () => {
    expect(thrownBy(() => OVERDUE([[AS_OF - 5]], [["stuck"]], AS_OF)).code).toBe("#N/A");
  });

  it("is #VALUE! when the ranges differ in size", () => {
    expect(thrownBy(() => OVERDUE([[AS_OF], [AS_OF]], [["done"]], AS_OF)).code).toBe("#VALUE!");
  });

  it("is #VALUE! when a row differs only in width, even below an unknown status", () => {
    expect(thrownBy(() => OVERDUE([[AS_OF], [AS_OF]], [["done"], ["done", "done"]], AS_OF)).code).toBe("#VALUE!");
    const error = thrownBy(() => OVERDUE([[AS_OF - 5], [AS_OF]], [["stuck"], ["done", "done"]], AS_OF));
    expect(error.code).toBe("#VALUE!");
    expect(error.message).toMatch(/^statuses.*dueDates/);
  });

  it("counts rows past due that are not done or cancelled, blanks skipped", () => {
    const due = [[AS_OF - 1], [AS_OF - 10], [AS_OF], [AS_OF - 4], [""], [AS_OF - 2], [AS_OF - 3]];
    const statuses = [["in progress"], ["done"], ["not started"], ["blocked"], ["in progress"], ["CANCELLED"], [""]];
    // late and open: AS_OF-1 (in progress), AS_OF-4 (blocked), AS_OF-3 (blank status) -> 3
    expect(OVERDUE(due, statuses, AS_OF)).toBe(3);
    // more than 3 days late: only AS_OF-4
    expect(OVERDUE(due, statuses, AS_OF, 3)).toBe(1);
  });

  it("reads Chinese statuses", () => {
    const due = [[AS_OF - 5], [AS_OF - 5], [AS_OF - 5], [AS_OF - 5]];
    expect(OVERDUE(due, [["进行中"], ["已完成"], ["已取消"], ["受阻"]], AS_OF)).toBe(2);
  });

  it("ignores the time of day in asOf", () => {
    expect(OVERDUE([[AS_OF]], [["in progress"]], AS_OF + 0.75)).toBe(0);
  });

  it("passes on an error among the due dates", () => {
    expect(thrownBy(() => OVERDUE([[excelError("notAvailable")]], [["done"]], AS_OF)).code).toBe("#N/A");
  });

  it("passes on an error among the statuses of late rows, naming its cell", () => {
    const error = thrownBy(() => OVERDUE([[AS_OF - 5], [AS_OF - 5]], [["done"], [excelError("divisionByZero")]], AS_OF));
    expect(error.code).toBe("#DIV/0!");
    expect(error.message).toMatch(/statuses.*row 2/);
  });
});
