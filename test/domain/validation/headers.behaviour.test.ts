// A user's table whose header row names a column twice: the check reads the first column of that
// name, as the table shows it from the left, and leaves the copy alone (no findings from it).
import { checkWorkbook } from "../../../src/domain/validation";
import { columnIndex, plant, sampleSnapshot } from "../../support/plantedFaults";

describe("a header typed twice in a table", () => {
  it("reads the first column of that name; a blank copy to its right is not reported", () => {
    const base = plant(sampleSnapshot("en-US"), []);
    const tasks = base.tables.find((t) => t.name === "Tasks")! as unknown as {
      name: string;
      headers: string[];
      values: unknown[][];
      formulas?: unknown[][];
    };
    const action = tasks.headers[columnIndex(tasks, "action")];
    tasks.headers.push(action);
    for (const row of tasks.values) row.push(null);
    for (const row of tasks.formulas ?? []) row.push(null);
    expect(checkWorkbook(base)).toEqual([]);
  });
});
