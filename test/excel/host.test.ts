// The door to the real Excel: RunOptions only reach hosts when there are some, and undo
// grouping is asked for exactly when Office says ExcelApi 1.20 is there.
import { officeHost, supportsUndoGrouping } from "../../src/excel/host";

describe("officeHost", () => {
  const g = globalThis as unknown as { Excel?: unknown; Office?: unknown };
  let calls: unknown[][];

  beforeEach(() => {
    calls = [];
    g.Excel = { run: (...args: unknown[]) => (calls.push(args), Promise.resolve("done")) };
    g.Office = { context: { requirements: { isSetSupported: (name: string, version: string) => name === "ExcelApi" && Number(version) <= 1.2 } } };
  });
  afterEach(() => {
    delete g.Excel;
    delete g.Office;
  });

  it("passes RunOptions to Excel.run only when there are some", async () => {
    const batch = async () => "x";
    await officeHost().run({}, batch);
    await officeHost().run({ mergeUndoGroup: true }, batch);
    expect(calls).toEqual([[batch], [{ mergeUndoGroup: true }, batch]]);
  });

  it("goes on with an earlier run's context when given one (how event handlers are removed)", async () => {
    const batch = async () => "x";
    const context = { sync: async () => undefined };
    await officeHost().run(context as unknown as Excel.RequestContext, batch);
    expect(calls).toEqual([[context, batch]]);
  });

  it("asks Office for ExcelApi 1.20 to decide on undo grouping", () => {
    expect(supportsUndoGrouping(officeHost())).toBe(true);
    g.Office = { context: { requirements: { isSetSupported: () => false } } };
    expect(supportsUndoGrouping(officeHost())).toBe(false);
  });
});
