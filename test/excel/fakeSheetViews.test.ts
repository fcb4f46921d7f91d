// Each rule of the fake's named sheet views and column filters (test/support/FAKE.md, "Sheet views
// and filters"), pinned through the Office.js-shaped calls the product makes.
import { FakeExcel, FakeOfficeError, FakeWorkbook, asExcelRun } from "../support/fakeExcel";
import { activeSheetView, filtersSeen, setSharedFilter, sheetViewNames, visibleRows, withoutSheetViews } from "../support/fakeSheetViews";

type Run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
const runOn =
  (fake: FakeExcel): Run =>
  (batch) =>
    asExcelRun(fake)({}, batch);

/** A sheet "Tasks" with a table Tasks: Owner and Status over four rows. */
function workbook(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet("Tasks");
  wb.type("Tasks", "A1:B5", [
    ["Owner", "Status"],
    ["Wang", "Open"],
    ["Li", "Open"],
    ["Wang", "Done"],
    ["wang", "Open"],
  ]);
  wb.addTable(wb.requireSheet("Tasks"), { row: 0, col: 0, rows: 5, cols: 2 }, "Tasks");
  return wb;
}

const filterOwner = (values: string[]) => async (context: Excel.RequestContext) => {
  context.workbook.tables.getItem("Tasks").columns.getItemAt(0).filter.apply({ filterOn: "Values", values });
  await context.sync();
};
const addView = (name: string) => async (context: Excel.RequestContext) => {
  context.workbook.worksheets.getItem("Tasks").namedSheetViews.add(name);
  await context.sync();
};
const activate = (name: string) => async (context: Excel.RequestContext) => {
  context.workbook.worksheets.getItem("Tasks").namedSheetViews.getItem(name).activate();
  await context.sync();
};
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => "no refusal",
    (e: unknown) => (e instanceof FakeOfficeError ? e.code : String(e)),
  );

describe("fake named sheet views (ExcelApiOnline 1.1)", () => {
  it("are missing on an Excel without the set", async () => {
    const fake = withoutSheetViews(new FakeExcel(workbook()));
    expect(await refusal(runOn(fake)(addView("Mine")))).toBe("ApiNotFound");
  });

  it("refuse an empty name and a taken one (any case), and names outside sheet-name rules (a guess)", async () => {
    const run = runOn(new FakeExcel(workbook()));
    await run(addView("Mine"));
    expect(await refusal(run(addView("")))).toBe("InvalidArgument");
    expect(await refusal(run(addView("MINE")))).toBe("ItemAlreadyExists");
    expect(await refusal(run(addView("x".repeat(32))))).toBe("InvalidArgument");
    expect(await refusal(run(addView("a/b")))).toBe("InvalidArgument");
    expect(await refusal(run(addView("x".repeat(31))))).toBe("no refusal");
  });

  it("are found by their exact name, case included; another case is ItemNotFound", async () => {
    const run = runOn(new FakeExcel(workbook()));
    await run(addView("Mine"));
    expect(await refusal(run(activate("mine")))).toBe("ItemNotFound");
    expect(await refusal(run(activate("Mine")))).toBe("no refusal");
  });

  it("are kept in the workbook for every co-author, and listed by name", async () => {
    const wb = workbook();
    await runOn(new FakeExcel(wb))(addView("Mine"));
    const names = await runOn(new FakeExcel(wb))(async (context) => {
      const views = context.workbook.worksheets.getItem("Tasks").namedSheetViews.load("items/name");
      await context.sync();
      return views.items.map((v) => v.name);
    });
    expect(names).toEqual(["Mine"]);
    expect(sheetViewNames(wb, "Tasks")).toEqual(["Mine"]);
  });

  it("are not switched to by add; activate switches this host only; exit leaves it, and does nothing with none active (a guess)", async () => {
    const wb = workbook();
    const me = new FakeExcel(wb);
    const coauthor = new FakeExcel(wb);
    await runOn(me)(addView("Mine"));
    expect(activeSheetView(me, "Tasks")).toBeUndefined();
    await runOn(me)(activate("Mine"));
    expect(activeSheetView(me, "Tasks")).toBe("Mine");
    expect(activeSheetView(coauthor, "Tasks")).toBeUndefined();
    const exit = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem("Tasks").namedSheetViews.exit();
      await context.sync();
    };
    await runOn(me)(exit);
    expect(activeSheetView(me, "Tasks")).toBeUndefined();
    expect(await refusal(runOn(coauthor)(exit))).toBe("no refusal");
  });

  it("keep the filters set while they are active; the view's filter comes back when it is switched to again", async () => {
    const wb = workbook();
    const me = new FakeExcel(wb);
    const coauthor = new FakeExcel(wb);
    await runOn(me)(addView("Mine"));
    await runOn(me)(activate("Mine"));
    await runOn(me)(filterOwner(["Wang"]));
    expect(visibleRows(me, "Tasks")).toEqual([0, 2]);
    expect(visibleRows(coauthor, "Tasks")).toEqual([0, 1, 2, 3]);
    await runOn(coauthor)(activate("Mine"));
    expect(visibleRows(coauthor, "Tasks")).toEqual([0, 2]);
  });

  it("are removed by delete", async () => {
    const wb = workbook();
    const run = runOn(new FakeExcel(wb));
    await run(addView("Mine"));
    await run(async (context) => {
      context.workbook.worksheets.getItem("Tasks").namedSheetViews.getItem("Mine").delete();
      await context.sync();
    });
    expect(sheetViewNames(wb, "Tasks")).toEqual([]);
  });
});

describe("fake column filters (ExcelApi 1.2)", () => {
  it("with no view active are the sheet's own: every co-author sees them", async () => {
    const wb = workbook();
    await runOn(new FakeExcel(wb))(filterOwner(["Wang"]));
    expect(visibleRows(new FakeExcel(wb), "Tasks")).toEqual([0, 2]);
  });

  it("keep the rows whose cell text is one of the values, exactly (case is a guess)", async () => {
    const fake = new FakeExcel(workbook());
    await runOn(fake)(filterOwner(["Wang", "Li"]));
    expect(visibleRows(fake, "Tasks")).toEqual([0, 1, 2]);
  });

  it("model Values filters only, with at least one text (a guess)", async () => {
    const run = runOn(new FakeExcel(workbook()));
    expect(await refusal(run(filterOwner([])))).toBe("InvalidArgument");
    const topItems = async (context: Excel.RequestContext) => {
      context.workbook.tables.getItem("Tasks").columns.getItemAt(0).filter.apply({ filterOn: "TopItems", criterion1: "2" });
      await context.sync();
    };
    expect(await refusal(run(topItems))).toBe("NotImplemented");
  });

  it("clear one column at a time, leaving the others' filters; criteria read back what was applied", async () => {
    const wb = workbook();
    const fake = new FakeExcel(wb);
    setSharedFilter(wb, "Tasks", "Status", ["Open"]);
    await runOn(fake)(filterOwner(["Wang"]));
    expect(visibleRows(fake, "Tasks")).toEqual([0]);
    const criteria = await runOn(fake)(async (context) => {
      const filter = context.workbook.tables.getItem("Tasks").columns.getItemAt(0).filter.load("criteria");
      await context.sync();
      return filter.criteria;
    });
    expect(criteria).toEqual({ filterOn: "Values", values: ["Wang"] });
    await runOn(fake)(async (context) => {
      context.workbook.tables.getItem("Tasks").columns.getItemAt(0).filter.clear();
      await context.sync();
    });
    expect(filtersSeen(fake, "Tasks")).toEqual({ Status: ["Open"] });
    expect(visibleRows(fake, "Tasks")).toEqual([0, 1, 3]);
  });
});
