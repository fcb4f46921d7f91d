// Reading a cell: ISO date text as Excel's serial (with Excel's 1900 leap day), errors, blanks.
import { isoDateSerial, serialToIso, isExcelError, isBlank } from "../../../src/domain/validation/cells";

describe("ISO date text", () => {
  it.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["2026-03-15", 46096],
    ["9999-12-31", 2_958_465],
    [" 2024-02-29 ", 45351],
  ])("%s is serial %d", (text, serial) => {
    expect(isoDateSerial(text)).toBe(serial);
  });
  it.each([["2023-02-29"], ["2026-04-31"], ["2026-13-01"], ["2026-00-10"], ["2026-1-5"], ["26-01-05"], ["2026-01-05T10:00"], [""]])(
    "%s is no date",
    (text) => {
      expect(isoDateSerial(text)).toBeUndefined();
    },
  );
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [46096.75, "2026-03-15"],
    [2_958_465, "9999-12-31"],
  ])("serial %d reads %s", (serial, text) => {
    expect(serialToIso(serial)).toBe(text);
  });
});

describe("cell values", () => {
  it.each([["#N/A"], ["#n/a"], ["#DIV/0!"], ["#SPILL!"], ["#GETTING_DATA"]])("%s is an Excel error", (v) => {
    expect(isExcelError(v)).toBe(true);
  });
  it.each([["#N/A "], ["#hashtag"], ["N/A"], [0], [null]])("%p is not", (v) => {
    expect(isExcelError(v)).toBe(false);
  });
  it.each([
    [null, true],
    ["", true],
    [" \t ", true],
    [0, false],
    [false, false],
    ["x", false],
  ])("%p is blank: %p", (v, blank) => {
    expect(isBlank(v)).toBe(blank);
  });
});
