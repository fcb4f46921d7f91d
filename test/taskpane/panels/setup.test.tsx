/** @jest-environment jsdom */
// Set up panel: loading, a new workbook (empty), a finished set-up (success) and failures (error).
import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SetupPanel } from "../../../src/taskpane/setup/SetupPanel";
import type { Progress, SetupAdapters, SetUpSummary, WorkbookInfo } from "../../../src/taskpane/adapters";
import { WorkbookWriteError } from "../../../src/excel/errors";
import { WORKBOOK } from "../../../src/domain/spec/workbook";
import { deferred, renderPanel } from "./support";

const TODAY = () => "2026-11-26";

function adapters(overrides: Partial<SetupAdapters> = {}): SetupAdapters & { setUp: jest.Mock } {
  return {
    readWorkbookInfo: jest.fn(async (): Promise<WorkbookInfo> => ({ sheets: [] })),
    setUp: jest.fn(async (): Promise<SetUpSummary> => ({ language: "en-US", added: {}, steps: 0, notices: [] })),
    ...overrides,
  } as SetupAdapters & { setUp: jest.Mock };
}

describe("Set up panel", () => {
  it("shows that it is reading the workbook while it does", () => {
    renderPanel(<SetupPanel language="en-US" adapters={adapters({ readWorkbookInfo: () => new Promise(() => undefined) })} today={TODAY} />);
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Set up workbook" })).toBeNull();
  });

  it("offers a new workbook every sheet, sample data and the pane's language, and sends exactly those choices", async () => {
    const a = adapters();
    renderPanel(<SetupPanel language="zh-CN" adapters={a} today={TODAY} />);
    const button = await screen.findByRole("button", { name: "初始化工作簿" });
    expect((screen.getByRole("combobox", { name: "工作簿语言" }) as HTMLSelectElement).value).toBe("zh-CN");
    expect((screen.getByRole("checkbox", { name: "任务矩阵" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole("checkbox", { name: "设置" })).toBeNull(); // Settings always comes
    await userEvent.click(screen.getByRole("checkbox", { name: "风险预警" }));
    await userEvent.click(screen.getByRole("checkbox", { name: "在新工作表中加入示例数据" }));
    await userEvent.click(button);
    await waitFor(() => expect(a.setUp).toHaveBeenCalledTimes(1));
    const request = a.setUp.mock.calls[0][0];
    expect(request.language).toBe("zh-CN");
    expect(request.sample).toBe(false);
    expect(request.today).toBe("2026-11-26");
    expect(request.sheets).not.toContain("risks");
    expect(request.sheets).toContain("tasks");
    // Every sheet of the spec but Settings (always made) and the one unticked.
    expect([...request.sheets].sort()).toEqual(
      WORKBOOK.sheets
        .map((s) => s.key)
        .filter((k) => k !== "settings" && k !== "risks")
        .sort(),
    );
  });

  it("runs once however often the button is pressed, moves the progress bar through the steps and ends it full", async () => {
    const running = deferred<SetUpSummary>();
    let report: (p: Progress) => void = () => undefined;
    const a = adapters({
      setUp: jest.fn((_request, onProgress) => {
        report = onProgress;
        return running.promise;
      }),
    });
    renderPanel(<SetupPanel language="en-US" adapters={a} today={TODAY} />);
    const button = await screen.findByRole("button", { name: "Set up workbook" });
    await userEvent.click(button);
    await userEvent.click(screen.getByRole("button", { name: "Setting up…" }));
    expect(a.setUp).toHaveBeenCalledTimes(1);
    expect((screen.getByRole("button", { name: "Setting up…" }) as HTMLButtonElement).disabled).toBe(true);
    act(() => report({ done: 3, total: 12 }));
    expect(screen.getByText("Step 3 of 12")).toBeTruthy();
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe(String(3 / 12));
    await act(async () => running.resolve({ language: "en-US", added: { addSheet: 10, addTable: 17 }, steps: 27, notices: [] }));
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");
    expect(screen.getByText("Step 12 of 12")).toBeTruthy();
    expect(screen.getByText(/Done: 27 changes made/)).toBeTruthy();
    const added = screen.getByRole("region", { name: "What was added" });
    expect(within(added).getByText("10 sheets")).toBeTruthy();
    expect(within(added).getByText("17 tables")).toBeTruthy();
  });

  it("says 'already up to date' when nothing was missing, and words the planner's notices", async () => {
    const a = adapters({
      readWorkbookInfo: async () => ({ language: "en-US", sheets: ["tasks", "settings"] }),
      setUp: jest.fn(async () => ({
        language: "en-US" as const,
        added: {},
        steps: 0,
        notices: [{ code: "columnMissing" as const, sheet: "Tasks", table: "Tasks" as const, column: { key: "support", header: "Support" } }],
      })),
    });
    renderPanel(<SetupPanel language="en-US" adapters={a} today={TODAY} />);
    await userEvent.click(await screen.findByRole("button", { name: "Update workbook" }));
    expect(await screen.findByText("Already up to date: nothing was missing.")).toBeTruthy();
    const notices = screen.getByRole("region", { name: "Left alone on purpose" });
    expect(notices.textContent).toContain("Support");
    expect(notices.textContent).toContain("Tasks");
  });

  it("keeps the language recorded in the workbook, and says so", async () => {
    renderPanel(
      <SetupPanel language="en-US" adapters={adapters({ readWorkbookInfo: async () => ({ language: "zh-CN", sheets: ["tasks"] }) })} today={TODAY} />,
    );
    const select = (await screen.findByRole("combobox", { name: /Workbook language/ })) as HTMLSelectElement;
    expect(select.value).toBe("zh-CN");
    expect(select.disabled).toBe(true);
    expect(screen.getByText(/recorded as 简体中文/)).toBeTruthy();
  });

  it("shows a failed read in an error bar with 'try again', which reads again", async () => {
    const read = jest.fn().mockRejectedValueOnce(new Error("Excel is busy")).mockResolvedValue({ sheets: [] });
    renderPanel(<SetupPanel language="en-US" adapters={adapters({ readWorkbookInfo: read })} today={TODAY} />);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("That did not work: Excel is busy");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("button", { name: "Set up workbook" })).toBeTruthy();
    expect(read).toHaveBeenCalledTimes(2);
  });

  it("shows a failed set-up in the user's language, naming where, and lets it be run again", async () => {
    const failure = new WorkbookWriteError([{ sheet: "Tasks", table: "Tasks" }], "addTable", {
      kind: "excel",
      code: "InvalidArgument",
      message: "bad range",
    });
    const setUp = jest.fn().mockRejectedValueOnce(failure).mockResolvedValue({ language: "zh-CN", added: {}, steps: 0, notices: [] });
    renderPanel(<SetupPanel language="zh-CN" adapters={adapters({ setUp })} today={TODAY} />);
    await userEvent.click(await screen.findByRole("button", { name: "初始化工作簿" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain(failure.describe("zh-CN").replace(/[.。]+$/, ""));
    expect(alert.textContent).toContain("Tasks");
    await userEvent.click(screen.getByRole("button", { name: "初始化工作簿" }));
    expect(await screen.findByText("已是最新：没有缺少的内容。")).toBeTruthy();
  });
});
