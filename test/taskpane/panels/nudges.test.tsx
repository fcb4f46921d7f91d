/** @jest-environment jsdom */
// Nudges in the Tasks panel: not offered where Excel cannot mention people; a preview of who, for
// which task, how late and what is due, and who cannot be nudged and why; nothing written until
// confirmed; the result; loading, empty and error states; both languages; the keyboard.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { NudgePlan } from "../../../src/domain/nudges/plan";
import { NudgeError, type NudgePreview, type NudgeResult } from "../../../src/excel/paneNudges";
import type { NudgeAdapters, TasksAdapters, TasksBoard } from "../../../src/taskpane/adapters";
import { Nudges } from "../../../src/taskpane/tasks/Nudges";
import { TasksPanel } from "../../../src/taskpane/tasks/TasksPanel";
import { deferred, renderPanel } from "./support";

const lagging = (taskId: string, owner: string, daysLate: number, action = "", outputStandard = "") => ({
  taskId,
  cell: `'Tasks'!A${taskId.slice(2)}`,
  owner,
  daysLate,
  due: "2026-11-20",
  action,
  outputStandard,
});

const PLAN: NudgePlan = {
  nudges: [
    { ...lagging("T-004", "Wang", 8), email: "wang@example.com", richContent: "", text: "" },
    { ...lagging("T-001", "Chen", 5, "Proposal submission", "Proposal approved"), email: "chen@example.com", richContent: "", text: "" },
  ],
  cannot: [
    { ...lagging("T-002", "Li", 6), reason: "noEmail" },
    { ...lagging("T-007", "Zhou", 4), reason: "ambiguous", emails: ["z@a.com", "z@b.com"] },
  ],
  nudgedToday: [lagging("T-009", "Chen", 12)],
};

const READY: NudgePreview = { status: "ready", language: "en-US", plan: PLAN };
const DONE: NudgeResult = { language: "en-US", nudged: PLAN.nudges, takenMeanwhile: [], plan: PLAN };

function adapters(overrides: Partial<NudgeAdapters> = {}): NudgeAdapters {
  return { supported: () => true, preview: jest.fn(async () => READY), nudge: jest.fn(async () => DONE), ...overrides };
}

const startButton = () => screen.getByRole("button", { name: "Nudge owners of lagging tasks" });

describe("Nudges in the Tasks panel", () => {
  it("says where Excel cannot mention people, and offers no nudge", () => {
    const a = adapters({ supported: () => false });
    renderPanel(<Nudges language="en-US" adapters={a} />);
    expect(screen.getByText(/cannot add comments that @mention people/)).toBeTruthy();
    expect(screen.queryByRole("button")).toBeNull();
    expect(a.preview).not.toHaveBeenCalled();
  });

  it("previews who will be nudged and who cannot be, with the reason, before writing anything", async () => {
    const a = adapters();
    renderPanel(<Nudges language="en-US" adapters={a} />);
    await userEvent.click(startButton());
    const will = await screen.findByRole("table", { name: "Will nudge: 2 tasks" });
    expect(
      within(will)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      "OwnerTaskDays lateOutput standard",
      "Wang wang@example.comT-0048—",
      "Chen chen@example.comT-001 · Proposal submission5Proposal approved",
    ]);
    const cannot = screen.getByRole("table", { name: "Cannot be nudged: 2 tasks" });
    expect(
      within(cannot)
        .getAllByRole("row")
        .map((r) => r.textContent),
    ).toEqual([
      "OwnerTaskDays lateWhy not",
      "LiT-0026Li has no email on the Team roster (Settings).",
      "ZhouT-0074The Team roster has Zhou more than once, with different emails: z@a.com, z@b.com.",
    ]);
    expect(screen.getByText("Already nudged today: 1 task: T-009 (Chen)")).toBeTruthy();
    expect(a.nudge).not.toHaveBeenCalled();
  });

  it("cancel writes nothing and goes back", async () => {
    const a = adapters();
    renderPanel(<Nudges language="en-US" adapters={a} />);
    await userEvent.click(startButton());
    await userEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(startButton()).toBeTruthy();
    expect(a.nudge).not.toHaveBeenCalled();
  });

  it("nudges once on confirm, shows it running, then what was done", async () => {
    const pending = deferred<NudgeResult>();
    const a = adapters({ nudge: jest.fn(() => pending.promise) });
    renderPanel(<Nudges language="en-US" adapters={a} />);
    await userEvent.click(startButton());
    await userEvent.click(await screen.findByRole("button", { name: "Add 2 comments" }));
    const running = screen.getByRole("button", { name: "Adding comments…" }) as HTMLButtonElement;
    expect(running.disabled).toBe(true);
    await userEvent.click(running);
    pending.resolve({ ...DONE, nudged: [PLAN.nudges[1]], takenMeanwhile: [PLAN.nudges[0]] });
    expect(
      await screen.findByText(
        "1 comment added; Excel notifies the people mentioned. 1 task had been nudged by someone else meanwhile and was left alone.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole("table", { name: "Nudged: 1 task" })).toBeTruthy();
    expect(a.nudge).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("button", { name: /Add \d comments?/ })).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(startButton()).toBeTruthy();
  });

  it("shows that it is reading, and a failed preview with a way to try again", async () => {
    const first = deferred<NudgePreview>();
    const preview = jest.fn().mockReturnValueOnce(first.promise).mockResolvedValueOnce(READY);
    renderPanel(<Nudges language="en-US" adapters={adapters({ preview })} />);
    await userEvent.click(startButton());
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
    first.reject(new Error("Excel is busy"));
    expect((await screen.findByRole("alert")).textContent).toContain("That did not work: Excel is busy");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Add 2 comments" })).toBeTruthy();
  });

  it("says what went wrong when the nudge fails, in the pane's language", async () => {
    const error = new NudgeError({ kind: "comments", code: "GeneralException", message: "busy", notNudged: ["T-001", "T-004"] });
    renderPanel(<Nudges language="zh-CN" adapters={adapters({ nudge: jest.fn(async () => Promise.reject(error)) })} />);
    await userEvent.click(screen.getByRole("button", { name: "提醒滞后任务的负责人" }));
    await userEvent.click(await screen.findByRole("button", { name: "添加2条批注" }));
    expect((await screen.findByRole("alert")).textContent).toContain(
      "Excel拒绝了一条批注（GeneralException：busy）。以下任务未提醒，也未记录，下次会再次包含：T-001、T-004",
    );
  });

  it.each([
    ["noRecord", /no Nudges record on Settings yet/],
    ["noTasks", /no Tasks table/],
  ] as const)("explains a workbook it cannot nudge in (%s)", async (status, text) => {
    renderPanel(<Nudges language="en-US" adapters={adapters({ preview: async () => ({ status }) })} />);
    await userEvent.click(startButton());
    expect(await screen.findByText(text)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Add/ })).toBeNull();
  });

  it("says when nobody is lagging, and offers no comment to add", async () => {
    const empty: NudgePreview = { status: "ready", language: "en-US", plan: { nudges: [], cannot: [], nudgedToday: [] } };
    renderPanel(<Nudges language="en-US" adapters={adapters({ preview: async () => empty })} />);
    await userEvent.click(startButton());
    expect(await screen.findByText("No task is lagging beyond the alert days: there is nobody to nudge.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Add/ })).toBeNull();
  });

  it("in Chinese", async () => {
    renderPanel(<Nudges language="zh-CN" adapters={adapters()} />);
    await userEvent.click(screen.getByRole("button", { name: "提醒滞后任务的负责人" }));
    expect(await screen.findByRole("table", { name: "将提醒：2个任务" })).toBeTruthy();
    expect(screen.getByText("团队名单（设置）中没有Li的邮箱。")).toBeTruthy();
    expect(screen.getByRole("button", { name: "取消" })).toBeTruthy();
  });

  it("works from the keyboard: Tab to the button, Enter, focus on confirm, Enter", async () => {
    const a = adapters();
    renderPanel(<Nudges language="en-US" adapters={a} />);
    await userEvent.tab();
    expect(document.activeElement).toBe(startButton());
    await userEvent.keyboard("{Enter}");
    const confirm = await screen.findByRole("button", { name: "Add 2 comments" });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    await userEvent.keyboard("{Enter}");
    await waitFor(() => expect(a.nudge).toHaveBeenCalledTimes(1));
  });

  it("sits in the Tasks panel when the pane hands it in", async () => {
    const board: TasksBoard = {
      sheet: "Tasks",
      language: "en-US",
      customers: [],
      owners: [],
      paths: [],
      tasks: [],
      columnKeys: [],
      notStartedWord: "Not started",
      lagAlertDays: 3,
      dueSoonDays: 3,
      today: 46352,
    };
    const tasks: TasksAdapters = { readTasks: async () => board, createPathTasks: jest.fn(), goToTask: jest.fn(), nudges: adapters() };
    renderPanel(<TasksPanel language="en-US" adapters={tasks} />);
    expect(await screen.findByRole("heading", { name: "Nudge owners of lagging tasks" })).toBeTruthy();
  });
});
