/** @jest-environment jsdom */
// "My tasks" in the Tasks panel: the owner asked once and remembered (a reload does not ask
// again), a renamed or removed owner asked again with the reason, the user's own view or the
// shared filter with its note, the way back, failures, both languages, the keyboard.
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { TasksPanel } from "../../../src/taskpane/tasks/TasksPanel";
import type { MyTasksAdapters, OwnerMemory, TasksAdapters, TasksBoard } from "../../../src/taskpane/adapters";
import { MyTasksError } from "../../../src/excel/paneMyTasks";
import { renderPanel } from "./support";

const BOARD: TasksBoard = {
  sheet: "Tasks",
  language: "en-US",
  customers: ["Acme"],
  owners: ["Wang", "Li"],
  paths: [{ key: "new", word: "New customer", stages: [{ stage: "Lead acquisition", days: 7 }] }],
  tasks: [],
  columnKeys: ["id", "owner", "status"],
  notStartedWord: "Not started",
  lagAlertDays: 3,
  dueSoonDays: 3,
  today: 46_000,
};

/** A memory over a plain map, as localStorage would be across reloads of the pane. */
function mapMemory(store = new Map<string, string>()): OwnerMemory & { store: Map<string, string> } {
  return {
    store,
    recall: async () => store.get("owner"),
    remember: jest.fn(async (owner: string) => void store.set("owner", owner)),
  };
}

function adapters(myTasks: Partial<MyTasksAdapters> = {}, board: TasksBoard = BOARD): TasksAdapters & { myTasks: MyTasksAdapters } {
  return {
    readTasks: async () => board,
    createPathTasks: async () => 0,
    goToTask: async () => "selected",
    myTasks: {
      mode: () => "sheetView",
      memory: mapMemory(),
      showMine: jest.fn(async (owner: string) => ({ mode: "sheetView" as const, sheet: "Tasks", count: 2, view: `My tasks - ${owner}` })),
      showAll: jest.fn(async () => "sheetView" as const),
      ...myTasks,
    },
  };
}

const section = async () => within((await screen.findByRole("heading", { name: "My tasks" })).closest("section")!);

describe("My tasks in the Tasks panel", () => {
  it("asks once who the user is, remembers it, and shows their open tasks in their own sheet view", async () => {
    const a = adapters();
    renderPanel(<TasksPanel language="en-US" adapters={a} />);
    const mine = await section();
    await userEvent.selectOptions(await mine.findByRole("combobox", { name: /Who are you on the Team roster/ }), "Li");
    await userEvent.click(mine.getByRole("button", { name: "This is me" }));
    expect(a.myTasks.memory.remember).toHaveBeenCalledWith("Li");
    expect(await mine.findByText("You are Li on the Team roster.")).toBeTruthy();
    await userEvent.click(mine.getByRole("button", { name: "My tasks" }));
    expect(a.myTasks.showMine).toHaveBeenCalledWith("Li", "en-US");
    expect(
      await mine.findByText('Showing your 2 open tasks in your own sheet view "My tasks - Li". Co-authors\' sheets are not filtered.'),
    ).toBeTruthy();
    expect(mine.queryByText(/everyone in the workbook sees it/)).toBeNull();
    await userEvent.click(mine.getByRole("button", { name: "All tasks" }));
    expect(await mine.findByText("Back to the default view: every task is shown. Your sheet view stays for next time.")).toBeTruthy();
    expect(mine.queryByText(/Showing your 2 open tasks/)).toBeNull();
  });

  it("does not ask again after a reload, and asks again on Change", async () => {
    const memory = mapMemory();
    const first = renderPanel(<TasksPanel language="en-US" adapters={adapters({ memory })} />);
    await userEvent.selectOptions(await screen.findByRole("combobox", { name: /Who are you/ }), "Wang");
    await userEvent.click(screen.getByRole("button", { name: "This is me" }));
    await screen.findByText("You are Wang on the Team roster.");
    first.unmount();

    renderPanel(<TasksPanel language="en-US" adapters={adapters({ memory: mapMemory(memory.store) })} />);
    expect(await screen.findByText("You are Wang on the Team roster.")).toBeTruthy();
    expect(screen.queryByRole("combobox", { name: /Who are you/ })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Change" }));
    expect((screen.getByRole("combobox", { name: /Who are you/ }) as HTMLSelectElement).value).toBe("Wang");
  });

  it("asks again, saying why, when the remembered owner is no longer on the roster", async () => {
    const memory = mapMemory(new Map([["owner", "Zhao"]]));
    renderPanel(<TasksPanel language="en-US" adapters={adapters({ memory })} />);
    expect(
      await screen.findByText('You picked "Zhao" before, who is no longer on the Team roster (renamed or removed). Pick yourself again.'),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "My tasks" })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "This is me" }));
    expect(memory.remember).toHaveBeenCalledWith("Wang");
    expect(await screen.findByRole("button", { name: "My tasks" })).toBeTruthy();
  });

  it("takes a remembered name in another case as the roster's owner", async () => {
    renderPanel(<TasksPanel language="en-US" adapters={adapters({ memory: mapMemory(new Map([["owner", " li "]])) })} />);
    expect(await screen.findByText("You are Li on the Team roster.")).toBeTruthy();
  });

  it("says, before anything is filtered, that the filter is shared where Excel has no sheet views, and what All tasks clears", async () => {
    const a = adapters({
      mode: () => "sharedFilter",
      memory: mapMemory(new Map([["owner", "Li"]])),
      showMine: jest.fn(async () => ({ mode: "sharedFilter" as const, sheet: "Tasks", count: 1 })),
      showAll: jest.fn(async () => "sharedFilter" as const),
    });
    renderPanel(<TasksPanel language="en-US" adapters={a} />);
    const mine = await section();
    expect(
      await mine.findByText(/This Excel has no sheet views, so the filter is the Tasks table's own: everyone in the workbook sees it/),
    ).toBeTruthy();
    await userEvent.click(mine.getByRole("button", { name: "My tasks" }));
    expect(await mine.findByText("Showing your 1 open task.")).toBeTruthy();
    await userEvent.click(mine.getByRole("button", { name: "All tasks" }));
    expect(await mine.findByText("The Owner and Status filters are cleared; filters on other columns are kept.")).toBeTruthy();
  });

  it("says when the owner has no open tasks", async () => {
    const a = adapters({
      memory: mapMemory(new Map([["owner", "Li"]])),
      showMine: async () => ({ mode: "sheetView" as const, sheet: "Tasks", count: 0 }),
    });
    renderPanel(<TasksPanel language="en-US" adapters={a} />);
    await userEvent.click(await screen.findByRole("button", { name: "My tasks" }));
    expect(await screen.findByText("Li has no open tasks: nothing was filtered.")).toBeTruthy();
  });

  it("goes on when the choice cannot be stored, saying it will ask again", async () => {
    const memory: OwnerMemory = { recall: async () => undefined, remember: async () => Promise.reject(new Error("SecurityError")) };
    renderPanel(<TasksPanel language="en-US" adapters={adapters({ memory })} />);
    await userEvent.click(await screen.findByRole("button", { name: "This is me" }));
    expect(await screen.findByText(/could not be kept on this computer/)).toBeTruthy();
    expect(screen.getByText("You are Wang on the Team roster.")).toBeTruthy();
  });

  it("shows the reading state, then a failed filter in the workbook's words and in the pane's language", async () => {
    let recall!: (owner: string | undefined) => void;
    const a = adapters({
      memory: { recall: () => new Promise((resolve) => (recall = resolve)), remember: async () => undefined },
      showMine: async () => Promise.reject(new MyTasksError("任务矩阵", ["status"])),
    });
    renderPanel(<TasksPanel language="zh-CN" adapters={{ ...a, readTasks: async () => ({ ...BOARD, language: "zh-CN" }) }} />);
    const mine = within((await screen.findByRole("heading", { name: "我的任务" })).closest("section")!);
    expect(mine.getByText("正在读取工作簿…")).toBeTruthy();
    await act(async () => recall("Li"));
    expect(await mine.findByText("您在团队名单中是 Li。")).toBeTruthy();
    await userEvent.click(mine.getByRole("button", { name: "我的任务" }));
    expect((await mine.findByRole("alert")).textContent).toContain("工作表“任务矩阵”上的任务表缺少状态列");
  });

  it("asks for a roster first when the Team table is empty", async () => {
    renderPanel(<TasksPanel language="en-US" adapters={adapters({}, { ...BOARD, owners: [] })} />);
    const mine = await section();
    expect(await mine.findByText("The Team roster on Settings is empty: add yourself there first.")).toBeTruthy();
    expect(mine.queryByRole("button")).toBeNull();
  });

  it("is reached by Tab: the owner list, then the button", async () => {
    renderPanel(<TasksPanel language="en-US" adapters={adapters()} />);
    const select = await screen.findByRole("combobox", { name: /Who are you/ });
    const button = screen.getByRole("button", { name: "This is me" });
    select.focus();
    await userEvent.tab();
    expect(document.activeElement).toBe(button);
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByRole("button", { name: "My tasks" })).toBeTruthy());
  });
});
