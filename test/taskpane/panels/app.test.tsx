/** @jest-environment jsdom */
// The shell: tabs reachable by keyboard, the Check tab's count badge kept live by the watch,
// the pane's language switched in place.
import { act, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../src/taskpane/App";
import type { CheckResult, Finding, PaneAdapters } from "../../../src/taskpane/adapters";
import { renderPanel } from "./support";

const finding = (cell: string): Finding => ({
  severity: "error",
  code: "required",
  sheet: "Tasks",
  table: "Tasks",
  row: 2,
  columnNumber: 1,
  column: "ID",
  cell,
  value: null,
});

function adapters(findings: Finding[]) {
  let push: (result: CheckResult) => void = () => undefined;
  const stop = jest.fn(async () => undefined);
  const a: PaneAdapters = {
    readWorkbookInfo: async () => ({ sheets: [] }),
    setUp: async () => ({ language: "en-US", added: {}, steps: 0, notices: [] }),
    check: jest.fn(async () => ({ findings })),
    watch: jest.fn(async (onResult) => {
      push = onResult;
      return stop;
    }),
    goToFinding: async () => "selected",
    describeFinding: (f) => `${f.code}`,
    readTasks: async () => undefined,
    createPathTasks: async () => 0,
    goToTask: async () => "selected",
    readReview: async () => undefined,
    upsertFunnelChart: async () => "inserted",
    setPortableFormulas: async () => ({ changed: 0, kept: 0 }),
    readSettings: async () => undefined,
    writeSettings: async () => undefined,
  };
  return { a, push: (r: CheckResult) => push(r), stop };
}

describe("the pane's shell", () => {
  it("opens on Set up and badges the Check tab with the live count, which follows each re-check", async () => {
    const { a, push, stop } = adapters([finding("A2"), finding("A3")]);
    const view = renderPanel(<App language="en-US" functions={[]} adapters={a} />);
    expect(screen.getByRole("tab", { name: "Set up" }).getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByRole("tab", { name: "Check, 2 findings" })).toBeTruthy();
    await waitFor(() => expect(a.watch).toHaveBeenCalledTimes(1));
    act(() => push({ findings: [finding("A2")] }));
    expect(await screen.findByRole("tab", { name: "Check, 1 finding" })).toBeTruthy();
    act(() => push({ findings: [] }));
    expect(await screen.findByRole("tab", { name: "Check" })).toBeTruthy();
    view.unmount();
    expect(stop).toHaveBeenCalledTimes(1);
  });

  it("shows the panel of the tab chosen", async () => {
    const { a } = adapters([finding("A2")]);
    renderPanel(<App language="en-US" functions={[]} adapters={a} />);
    await userEvent.click(screen.getByRole("tab", { name: /^Check/ }));
    expect(screen.getByRole("tab", { name: /^Check/ }).getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByRole("heading", { name: "Check the workbook" })).toBeTruthy();
    expect(screen.getByRole("tabpanel").getAttribute("aria-labelledby")).toBe("tab-check");
  });

  it("switches every label to Chinese from the language menu", async () => {
    const { a } = adapters([]);
    renderPanel(<App language="en-US" functions={[]} adapters={a} />);
    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Pane language" }), "zh-CN");
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("销售策略规划器");
    expect(screen.getByRole("tab", { name: "任务" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "初始化工作簿" })).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "窗格语言" })).toBeTruthy();
  });

  it("outside Excel lists the functions only, under its notice", () => {
    renderPanel(
      <App
        language="en-US"
        functions={[{ name: "LTV", signature: "SALES.LTV(arpu)", helpUrl: "help.html#ltv" }]}
        notice="Open this page from Excel"
      />,
    );
    expect(screen.queryByRole("tablist")).toBeNull();
    expect(screen.getByRole("link", { name: /SALES.LTV/ })).toBeTruthy();
    expect(screen.getByText("Open this page from Excel")).toBeTruthy();
  });
});
