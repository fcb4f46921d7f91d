// "My tasks" on a Tasks table that lost both columns it filters by: the message names the sheet
// and both columns, in the pane's language, and nothing is filtered.
import { MyTasksError, showMyTasks } from "../../src/excel/paneMyTasks";
import { FakeExcel, FakeWorkbook } from "../support/fakeExcel";
import { hostFor } from "../support/fakeExcelFixtures";

it("names the sheet and both missing columns, Owner first, in either language", async () => {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  wb.seedTable("我的任务", "Tasks", "A1", ["ID", "Who", "State"], [["T-1", "Ann", "open"]]);
  const fake = new FakeExcel(wb);
  const error = (await showMyTasks(hostFor(fake), "Ann", "en-US").catch((e: unknown) => e)) as MyTasksError;
  expect(error).toBeInstanceOf(MyTasksError);
  expect(error.name).toBe("MyTasksError");
  expect(error.missing).toEqual(["owner", "status"]);
  expect(error.message).toBe('The Tasks table on sheet "我的任务" has no Owner or Status column.');
  expect(error.describe("zh-CN")).toBe("工作表“我的任务”上的任务表缺少负责人或状态列。");
  expect(fake.operations).toEqual([]);
});

it("a missing Owner alone is named alone", async () => {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  wb.seedTable("Tasks", "Tasks", "A1", ["ID", "Who", "Status"], [["T-1", "Ann", "open"]]);
  const error = (await showMyTasks(hostFor(new FakeExcel(wb)), "Ann", "zh-CN").catch((e: unknown) => e)) as MyTasksError;
  expect(error.missing).toEqual(["owner"]);
  expect(error.describe("zh-CN")).toBe("工作表“Tasks”上的任务表缺少负责人列。");
});
