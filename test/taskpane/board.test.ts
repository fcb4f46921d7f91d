// The Tasks panel's arithmetic: working days, IDs, a path as rows, counts per owner, the next lagging task.
import {
  addWorkingDays,
  countsByOwner,
  nextLaggingTask,
  nextTaskIds,
  pathTaskRows,
  type TaskRow,
  type TasksBoard,
} from "../../src/taskpane/tasks/board";
import { excelSerial } from "../../src/domain/plan/address";

const day = excelSerial;
const TODAY = day("2026-11-26"); // a Thursday

describe("addWorkingDays", () => {
  it.each([
    ["2026-11-26", 1, "2026-11-27"], // Thursday -> Friday
    ["2026-11-27", 1, "2026-11-30"], // Friday -> Monday
    ["2026-11-28", 1, "2026-11-30"], // Saturday -> Monday
    ["2026-11-30", 5, "2026-12-07"],
    ["2026-11-30", 0, "2026-11-30"],
  ])("%s plus %i working days is %s", (from, days, to) => {
    expect(addWorkingDays(day(from), days)).toBe(day(to));
  });
});

describe("nextTaskIds", () => {
  it("continues after the highest T-number, whatever the order, case or gaps", () => {
    expect(nextTaskIds(["T-002", "t-010", "X-99", "T-7"], 2)).toEqual(["T-011", "T-012"]);
    expect(nextTaskIds([], 1)).toEqual(["T-001"]);
  });
});

const task = (id: string, owner: string, due: number | undefined, status: string): TaskRow => ({
  id,
  owner,
  ...(due === undefined ? {} : { due }),
  status,
  cell: `A${id.slice(2)}`,
});

const BOARD: TasksBoard = {
  sheet: "Tasks",
  language: "en-US",
  customers: ["Acme"],
  owners: ["Wang"],
  paths: [
    {
      key: "new",
      word: "New customer",
      stages: [
        { stage: "Lead", days: 2 },
        { stage: "Demo", days: 3 },
      ],
    },
    { key: "existing", word: "Existing customer", stages: [] },
  ],
  tasks: [task("T-004", "Wang", TODAY, "Done")],
  columnKeys: ["id", undefined, "customer", "path", "stage", "action", "owner", "start", "due", "status", "daysLate"],
  notStartedWord: "Not started",
  lagAlertDays: 3,
  dueSoonDays: 3,
  today: TODAY,
};

describe("pathTaskRows", () => {
  it("gives one row per stage in the table's column order, a user's own column and computed ones blank", () => {
    const rows = pathTaskRows(BOARD, { customer: "Acme", path: "new", start: day("2026-11-26"), owner: "Wang" });
    expect(rows).toEqual([
      ["T-005", null, "Acme", "New customer", "Lead", "Lead", "Wang", day("2026-11-26"), day("2026-11-30"), "Not started", null],
      ["T-006", null, "Acme", "New customer", "Demo", "Demo", "Wang", day("2026-11-30"), day("2026-12-03"), "Not started", null],
    ]);
  });

  it("refuses a path the Stages table does not have", () => {
    expect(() => pathTaskRows({ ...BOARD, paths: [] }, { customer: "Acme", path: "new", start: TODAY, owner: "Wang" })).toThrow(/new path/);
  });
});

describe("countsByOwner", () => {
  it("counts open tasks past due as overdue and those due within the due-soon days, at both edges; most overdue first, then most due soon", () => {
    const tasks = [
      task("T-1", "Wang", TODAY - 1, "In progress"), // overdue
      task("T-2", "Wang", TODAY, "Not started"), // due today: due soon
      task("T-3", "Wang", TODAY + 3, "Not started"), // last due-soon day
      task("T-4", "Wang", TODAY + 4, "Not started"), // later
      task("T-5", "Li", TODAY - 9, "已完成"), // done (Chinese word)
      task("T-6", "Li", TODAY - 9, "cancelled"),
      task("T-7", "Li", undefined, "Not started"),
      task("T-8", "", TODAY - 2, "Blocked"),
    ];
    expect(countsByOwner(tasks, TODAY, 3)).toEqual([
      { owner: "Wang", overdue: 1, dueSoon: 2 },
      { owner: "", overdue: 1, dueSoon: 0 },
    ]);
  });
});

describe("nextLaggingTask", () => {
  const tasks = [
    task("T-1", "Wang", TODAY - 4, "In progress"),
    task("T-2", "Li", TODAY - 3, "Not started"),
    task("T-3", "Li", TODAY - 10, "Blocked"),
    task("T-4", "Li", TODAY - 20, "Done"),
  ];
  it("walks the open tasks late by more than the alert days, latest first, and wraps round", () => {
    expect(nextLaggingTask(tasks, TODAY, 3)?.id).toBe("T-3");
    expect(nextLaggingTask(tasks, TODAY, 3, "T-3")?.id).toBe("T-1");
    expect(nextLaggingTask(tasks, TODAY, 3, "T-1")?.id).toBe("T-3");
  });
  it("finds none when nothing is late beyond the alert days", () => {
    expect(nextLaggingTask(tasks, TODAY, 10)).toBeUndefined();
  });
});
