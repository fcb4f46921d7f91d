// What a user reads when a write fails: where (sheet, table, column), what the add-in was doing,
// why, and what to do next, in either language.
import { WorkbookWriteError, describeFailure, officeErrorParts } from "../../src/excel/errors";

const AGAIN = "Nothing that was in the workbook has been changed; run Set up again to finish.";

describe("describeFailure names the place", () => {
  it("sheet, table and column, in that order", () => {
    expect(describeFailure([{ sheet: "Tasks", table: "Tasks", column: "Due" }], "setFormats", { kind: "tableMissing" }, "en-US")).toBe(
      `Sheet "Tasks", table Tasks, column "Due": could not set the number format and width (the table is not in the workbook). ${AGAIN}`,
    );
  });

  it("only the parts it knows, and several places joined", () => {
    expect(describeFailure([{ table: "Team" }, { sheet: "Review" }], "addTable", { kind: "tableMissing" }, "en-US")).toBe(
      `table Team; Sheet "Review": could not create the table (the table is not in the workbook). ${AGAIN}`,
    );
  });

  it("the workbook, when no place or an empty one is known", () => {
    expect(describeFailure([], "read", { kind: "tableMissing" }, "en-US")).toMatch(/^The workbook: could not read the workbook \(/);
    expect(describeFailure([{}], "recalculate", { kind: "tableMissing" }, "en-US")).toMatch(/^The workbook: could not recalculate \(/);
  });

  it("in Chinese, with Chinese separators", () => {
    expect(describeFailure([{ sheet: "任务矩阵", table: "Tasks", column: "截止日期" }], "appendRows", { kind: "tableMissing" }, "zh-CN")).toBe(
      "工作表“任务矩阵”，表 Tasks，列“截止日期”：无法添加行（工作簿中没有这个表）。工作簿中原有的内容均未改动；请再次运行“设置”以完成。",
    );
    expect(describeFailure([], "read", { kind: "tableMissing" }, "zh-CN")).toMatch(/^工作簿：无法读取工作簿（/);
  });
});

describe("describeFailure says why", () => {
  const at = [{ sheet: "Customers", table: "Customers" }];
  const place = 'Sheet "Customers", table Customers';

  it("Excel's own code and message", () => {
    expect(describeFailure(at, "appendRows", { kind: "excel", code: "InvalidArgument", message: "The argument is invalid." }, "en-US")).toBe(
      `${place}: could not add rows (InvalidArgument: The argument is invalid.). ${AGAIN}`,
    );
  });

  it("a missing column by its name", () => {
    expect(describeFailure(at, "setColumnFormula", { kind: "columnMissing", column: "Tier" }, "en-US")).toBe(
      `${place}: could not write the column's formula (the table has no column "Tier"). ${AGAIN}`,
    );
  });

  it("a row too long, with both counts", () => {
    expect(describeFailure(at, "appendRows", { kind: "rowTooLong", cells: 18, columns: 16 }, "en-US")).toBe(
      `${place}: could not add rows (a row of 18 cells does not fit a table of 16 columns). ${AGAIN}`,
    );
  });

  it("cells below the table taken, with how many rows, in either language", () => {
    expect(describeFailure(at, "appendRows", { kind: "cellsBelowTaken", rows: 4 }, "en-US")).toBe(
      `${place}: could not add rows (the 4 rows below the table are not empty, and the add-in only writes into empty cells; move what is below the table and try again). ${AGAIN}`,
    );
    expect(describeFailure([{ table: "Customers" }], "appendRows", { kind: "cellsBelowTaken", rows: 2 }, "zh-CN")).toBe(
      "表 Customers：无法添加行（表下方的 2 行不是空的，而加载项只向空单元格写入；请移走表下方的内容后重试）。工作簿中原有的内容均未改动；请再次运行“设置”以完成。",
    );
  });

  it("an Excel too old: what it needs, and no advice to run Set up again", () => {
    const text = describeFailure(at, "addTable", { kind: "excelTooOld", apiVersion: "1.13" }, "en-US");
    expect(text).toBe(
      "This version of Excel cannot set up the workbook: it needs the Excel JavaScript API 1.13 (Microsoft 365, Excel 2021 or later, or Excel on the web). Nothing was changed.",
    );
  });

  it("rows partly added: where, how many, and to look before adding them again", () => {
    expect(describeFailure([{ table: "Tasks" }], "appendRows", { kind: "rowsPartlyAdded", rows: 6 }, "en-US")).toBe(
      "table Tasks: Excel stopped while adding 6 rows and may have kept some of them. Check the end of the table before adding them again.",
    );
  });
});

describe("WorkbookWriteError", () => {
  it("reads in English by default, in Chinese when asked, and carries Excel's code when Excel refused", () => {
    const error = new WorkbookWriteError([{ sheet: "Tasks" }], "styleTable", { kind: "excel", code: "InvalidArgument", message: "Bad style" });
    expect(error.name).toBe("WorkbookWriteError");
    expect(error.message).toBe(`Sheet "Tasks": could not style the table (InvalidArgument: Bad style). ${AGAIN}`);
    expect(error.describe("zh-CN")).toBe(
      "工作表“Tasks”：无法设置表格样式（InvalidArgument: Bad style）。工作簿中原有的内容均未改动；请再次运行“设置”以完成。",
    );
    expect(error.code).toBe("InvalidArgument");
    expect(new WorkbookWriteError([], "read", { kind: "tableMissing" }).code).toBeUndefined();
  });
});

describe("officeErrorParts", () => {
  it("takes an Office error's code, message and the call that failed", () => {
    const error = Object.assign(new Error("The argument is invalid."), { code: "InvalidArgument", debugInfo: { errorLocation: "Range.values" } });
    expect(officeErrorParts(error)).toEqual({ code: "InvalidArgument", message: "The argument is invalid.", location: "Range.values" });
  });

  it("calls anything else a general exception, worded as it is, with no location", () => {
    expect(officeErrorParts("network down")).toEqual({ code: "GeneralException", message: "network down", location: undefined });
    expect(officeErrorParts(undefined)).toEqual({ code: "GeneralException", message: "undefined", location: undefined });
    expect(officeErrorParts({ code: 5, message: 7, debugInfo: { errorLocation: 9 } })).toEqual({
      code: "GeneralException",
      message: "[object Object]",
      location: undefined,
    });
    expect(officeErrorParts(new Error("plain"))).toEqual({ code: "GeneralException", message: "plain", location: undefined });
  });
});
