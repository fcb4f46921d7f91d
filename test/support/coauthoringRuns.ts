// Runs both co-authors' copies start from, shared by the co-authoring tests.
import { setUpWorkbook } from "../../src/excel/setup";
import { SharedWorkbook, type Who } from "./coauthoring";
import { FakeWorkbook } from "./fakeExcel";
import { planner } from "./fakeExcelFixtures";

/** A new workbook both copies have open: one empty sheet. */
export function sharedFresh(): SharedWorkbook {
  const workbook = new FakeWorkbook();
  workbook.addSheet("Sheet1");
  return new SharedWorkbook(workbook);
}

/** Both copies set up (or upgrade) with the same choices, as two managers pressing Set up at once. */
export function bothSetUp(room: SharedWorkbook) {
  const run = (who: Who) => () => setUpWorkbook(room.host(who), { plan: planner() });
  return { A: run("A"), B: run("B") };
}
