/** @jest-environment jsdom */
// Review panel: loading, no metrics (empty), cards with the chart and switch (success), failures (error).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ReviewPanel } from "../../../src/taskpane/review/ReviewPanel";
import type { ReviewAdapters, ReviewBoard } from "../../../src/taskpane/adapters";
import { renderPanel } from "./support";

const BOARD: ReviewBoard = {
  cards: [
    { metric: "Win rate", target: 0.3, actual: 0.25, variance: -0.05, onTrack: false, better: "higher", percent: true },
    { metric: "CAC", target: 20000, actual: 18750.5, variance: -1249.5, onTrack: true, better: "lower" },
    { metric: "Weighted open pipeline", actual: undefined },
  ],
  portable: true,
};

function adapters(overrides: Partial<ReviewAdapters> = {}): ReviewAdapters {
  return {
    readReview: jest.fn(async () => BOARD),
    upsertFunnelChart: jest.fn(async () => "inserted" as const),
    setPortableFormulas: jest.fn(async () => ({ changed: 7, kept: 1 })),
    ...overrides,
  };
}

describe("Review panel", () => {
  it("shows that it is reading the workbook", () => {
    renderPanel(<ReviewPanel language="en-US" adapters={adapters({ readReview: () => new Promise(() => undefined) })} />);
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
  });

  it("asks for set-up when the Review sheet has no metrics", async () => {
    renderPanel(<ReviewPanel language="en-US" adapters={adapters({ readReview: async () => undefined })} />);
    expect(await screen.findByText("The Review sheet has no metrics yet. Run Set up first.")).toBeTruthy();
  });

  it("shows each metric's actual, target and variance, and whether it is on track", async () => {
    renderPanel(<ReviewPanel language="en-US" adapters={adapters()} />);
    const cac = await screen.findByRole("group", { name: "CAC" });
    expect(cac.textContent).toContain("18,750.5");
    expect(cac.textContent).toContain("Target20,000");
    expect(cac.textContent).toContain("Variance-1,249.5");
    expect(within(cac).getByText("On track")).toBeTruthy();
    const winRate = screen.getByRole("group", { name: "Win rate" });
    expect(within(winRate).getByText("Off track")).toBeTruthy();
    expect(winRate.textContent).toContain("25%");
    expect(winRate.textContent).toContain("Target30%");
    const pipeline = screen.getByRole("group", { name: "Weighted open pipeline" });
    expect(within(pipeline).getByText("no value yet")).toBeTruthy();
    expect(within(pipeline).queryByText(/track/)).toBeNull();
  });

  it("words the cards' labels in Chinese from the spec's headers", async () => {
    renderPanel(<ReviewPanel language="zh-CN" adapters={adapters()} />);
    const cac = await screen.findByRole("group", { name: "CAC" });
    expect(cac.textContent).toContain("目标值");
    expect(cac.textContent).toContain("偏差");
    expect(within(cac).getByText("达标")).toBeTruthy();
  });

  it("inserts the funnel chart with a title in the pane's language, and reports it", async () => {
    const a = adapters();
    renderPanel(<ReviewPanel language="zh-CN" adapters={a} />);
    await userEvent.click(await screen.findByRole("button", { name: "插入或刷新漏斗图" }));
    expect(a.upsertFunnelChart).toHaveBeenCalledWith("销售漏斗");
    expect(await screen.findByText("已在复盘表中插入漏斗图。")).toBeTruthy();
  });

  it("turns portable formulas off (back to SALES.*) from the switch, says how many cells, and reads again", async () => {
    const a = adapters();
    renderPanel(<ReviewPanel language="en-US" adapters={a} />);
    const toggle = (await screen.findByRole("switch", { name: /Portable formulas/ })) as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    await userEvent.click(toggle);
    expect(a.setPortableFormulas).toHaveBeenCalledWith(false);
    expect(await screen.findByText("7 cells rewritten; 1 with your own formulas left alone.")).toBeTruthy();
    await waitFor(() => expect(a.readReview).toHaveBeenCalledTimes(2));
  });

  it("shows failures in an error bar: the read with 'try again', the chart as it came", async () => {
    const read = jest.fn().mockRejectedValueOnce(new Error("No connection to Excel")).mockResolvedValue(BOARD);
    renderPanel(
      <ReviewPanel
        language="en-US"
        adapters={adapters({ readReview: read, upsertFunnelChart: () => Promise.reject(new Error("Funnel charts need ExcelApi 1.9")) })}
      />,
    );
    await userEvent.click(within(await screen.findByRole("alert")).getByRole("button", { name: "Try again" }));
    await userEvent.click(await screen.findByRole("button", { name: "Insert or refresh the funnel chart" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Funnel charts need ExcelApi 1.9");
  });
});
