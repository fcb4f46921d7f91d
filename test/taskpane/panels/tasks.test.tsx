/** @jest-environment jsdom */
// Tasks panel: loading, a workbook without Tasks (empty), the board with its form and counts
// (success), failures (error).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TasksPanel, serialOfIso } from "../../../src/taskpane/tasks/TasksPanel";
import type { TasksAdapters, TasksBoard } from "../../../src/taskpane/adapters";
import { renderPanel } from "./support";

const TODAY = serialOfIso("2026-11-26")!;

const BOARD: TasksBoard = {
  sheet: "Tasks",
  language: "en-US",
  customers: ["Acme", "Globex"],
  owners: ["Wang", "Li"],
  paths: [
    {
      key: "new",
      word: "New customer",
      stages: [
        { stage: "Lead acquisition", days: 7 },
        { stage: "Signing", days: 5 },
      ],
    },
    { key: "existing", word: "Existing customer", stages: [{ stage: "Periodic review visit", days: 7 }] },
  ],
  tasks: [
    { id: "T-001", owner: "Wang", due: TODAY - 10, status: "In progress", cell: "A2" },
    { id: "T-002", owner: "Wang", due: TODAY + 2, status: "Not started", cell: "A3" },
    { id: "T-003", owner: "Li", due: TODAY - 1, status: "Done", cell: "A4" },
  ],
  columnKeys: ["id", "customer", "path", "stage", "action", "owner", "start", "due", "status"],
  notStartedWord: "Not started",
  lagAlertDays: 3,
  dueSoonDays: 3,
  today: TODAY,
};

function adapters(overrides: Partial<TasksAdapters> = {}): TasksAdapters {
  return { readTasks: async () => BOARD, createPathTasks: jest.fn(async () => 2), goToTask: jest.fn(async () => "selected" as const), ...overrides };
}

describe("Tasks panel", () => {
  it("shows that it is reading the workbook", () => {
    renderPanel(<TasksPanel language="en-US" adapters={adapters({ readTasks: () => new Promise(() => undefined) })} />);
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
  });

  it("asks for set-up when the workbook has no Tasks table", async () => {
    renderPanel(<TasksPanel language="zh-CN" adapters={adapters({ readTasks: async () => undefined })} />);
    expect(await screen.findByText("此工作簿尚未初始化。请先在“初始化”中创建规划器。")).toBeTruthy();
  });

  it("cannot create tasks without customers, and says where to add them", async () => {
    renderPanel(<TasksPanel language="en-US" adapters={adapters({ readTasks: async () => ({ ...BOARD, customers: [] }) })} />);
    expect(await screen.findByText(/No customers yet/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Create tasks" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("creates the chosen customer's path from the chosen day for the chosen owner, and reports it", async () => {
    const a = adapters();
    renderPanel(<TasksPanel language="en-US" adapters={a} />);
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: /Customer/ }), "Globex");
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Path/ }), "existing");
    expect(screen.getByText("1 stages, 7 working days in all (durations from Settings)")).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole("combobox", { name: /Owner/ }), "Li");
    const start = screen.getByLabelText(/Start/) as HTMLInputElement;
    await userEvent.clear(start);
    await userEvent.type(start, "2026-12-01");
    await userEvent.click(screen.getByRole("button", { name: "Create tasks" }));
    await waitFor(() => expect(a.createPathTasks).toHaveBeenCalledTimes(1));
    expect((a.createPathTasks as jest.Mock).mock.calls[0][1]).toEqual({
      customer: "Globex",
      path: "existing",
      start: serialOfIso("2026-12-01"),
      owner: "Li",
    });
    expect(await screen.findByText(/2 tasks added for Globex/)).toBeTruthy();
  });

  it("counts overdue and due-soon open tasks per owner, leaving done ones out", async () => {
    renderPanel(<TasksPanel language="en-US" adapters={adapters()} />);
    const table = await screen.findByRole("table", { name: "Overdue and due soon, by owner" });
    const rows = within(table)
      .getAllByRole("row")
      .map((r) => [...r.querySelectorAll("th, td, [role=cell], [role=columnheader]")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["Owner", "Overdue", "Due soon"],
      ["Wang", "1", "1"],
    ]);
  });

  it("goes to the next lagging task and says which", async () => {
    const a = adapters();
    renderPanel(<TasksPanel language="en-US" adapters={a} />);
    await userEvent.click(await screen.findByRole("button", { name: "Go to the next lagging task" }));
    expect(a.goToTask).toHaveBeenCalledWith("Tasks", "A2");
    expect(await screen.findByText("Selected task T-001 (A2).")).toBeTruthy();
  });

  it("shows a failed creation in an error bar, and a failed read with 'try again'", async () => {
    const read = jest.fn().mockRejectedValueOnce(new Error("Workbook busy")).mockResolvedValue(BOARD);
    const a = adapters({ readTasks: read, createPathTasks: async () => Promise.reject(new Error("Rows below Tasks are taken")) });
    renderPanel(<TasksPanel language="en-US" adapters={a} />);
    await userEvent.click(within(await screen.findByRole("alert")).getByRole("button", { name: "Try again" }));
    await userEvent.click(await screen.findByRole("button", { name: "Create tasks" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Rows below Tasks are taken");
  });
});
