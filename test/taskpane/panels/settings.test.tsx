/** @jest-environment jsdom */
// Settings panel: loading, a workbook without Settings (empty), the form saved (success),
// problems next to their fields and failures (error).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SettingsPanel } from "../../../src/taskpane/settings/SettingsPanel";
import type { PaneSettings, SettingsAdapters } from "../../../src/taskpane/adapters";
import { renderPanel } from "./support";

const SETTINGS: PaneSettings = {
  thresholds: {
    LagAlertDays: 3,
    DueSoonDays: 3,
    TierHighValue: 1000000,
    TierMediumValue: 200000,
    TierHighWinProbability: 0.5,
    RiskHighScore: 15,
    RiskMediumScore: 8,
    LtvLifetimeCap: 60,
  },
  stages: [
    { path: "New customer", stage: "Lead acquisition", probability: 0.1, days: 7 },
    { path: "Existing customer", stage: "Periodic review visit", probability: null, days: 7 },
  ],
  tiers: [{ tier: "Key breakthrough", followUpDays: 7 }],
  team: [{ name: "Wang", email: "wang@example.com", role: "Sales manager" }],
};

function adapters(overrides: Partial<SettingsAdapters> = {}): SettingsAdapters & { writeSettings: jest.Mock } {
  return { readSettings: jest.fn(async () => SETTINGS), writeSettings: jest.fn(async () => undefined), ...overrides } as SettingsAdapters & {
    writeSettings: jest.Mock;
  };
}

describe("Settings panel", () => {
  it("shows that it is reading the workbook", () => {
    renderPanel(<SettingsPanel language="en-US" adapters={adapters({ readSettings: () => new Promise(() => undefined) })} />);
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
  });

  it("asks for set-up when the workbook has no Settings sheet", async () => {
    renderPanel(<SettingsPanel language="en-US" adapters={adapters({ readSettings: async () => undefined })} />);
    expect(await screen.findByText(/not set up yet/)).toBeTruthy();
  });

  it("shows what Settings holds under the spec's labels, and saves edits as numbers", async () => {
    const a = adapters();
    renderPanel(<SettingsPanel language="en-US" adapters={a} />);
    const lag = (await screen.findByRole("textbox", { name: "Lag alert after (days late)" })) as HTMLInputElement;
    expect(lag.value).toBe("3");
    await userEvent.clear(lag);
    await userEvent.type(lag, "5");
    const probability = within(screen.getByRole("group", { name: "Lead acquisition" })).getByRole("textbox", { name: "Default probability" });
    await userEvent.clear(probability);
    await userEvent.type(probability, "0.15");
    await userEvent.click(screen.getByRole("button", { name: "Add a person" }));
    const names = screen.getAllByRole("textbox", { name: /^Name/ });
    await userEvent.type(names[1], "Chen");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    await waitFor(() => expect(a.writeSettings).toHaveBeenCalledTimes(1));
    const saved: PaneSettings = a.writeSettings.mock.calls[0][0];
    expect(saved.thresholds.LagAlertDays).toBe(5);
    expect(saved.stages[0].probability).toBe(0.15);
    expect(saved.stages[1].probability).toBeNull();
    expect(saved.team).toEqual([SETTINGS.team[0], { name: "Chen", email: "", role: "" }]);
    expect(await screen.findByText("Settings saved to the Settings sheet.")).toBeTruthy();
  });

  it("puts each problem next to its field and writes nothing", async () => {
    const a = adapters();
    renderPanel(<SettingsPanel language="en-US" adapters={a} />);
    const probability = within(await screen.findByRole("group", { name: "Lead acquisition" })).getByRole("textbox", { name: "Default probability" });
    await userEvent.clear(probability);
    await userEvent.type(probability, "40");
    const medium = screen.getByRole("textbox", { name: "Tier: medium value from" });
    await userEvent.clear(medium);
    await userEvent.type(medium, "2000000");
    const email = screen.getByRole("textbox", { name: "Email" });
    await userEvent.clear(email);
    await userEvent.type(email, "wang at example");
    await userEvent.click(screen.getByRole("button", { name: "Save settings" }));
    const alerts = await screen.findAllByRole("alert");
    expect(alerts.some((a) => a.textContent?.includes("Some settings need fixing"))).toBe(true);
    expect(probability.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByText("Enter a share between 0 and 1, e.g. 0.4 for 40%.")).toBeTruthy();
    expect(screen.getByText("Must be below the high-value threshold.")).toBeTruthy();
    expect(screen.getByText("Enter an email address, e.g. name@example.com.")).toBeTruthy();
    expect(a.writeSettings).not.toHaveBeenCalled();
  });

  it("shows a failed save in the user's language, and a failed read with 'try again'", async () => {
    const read = jest.fn().mockRejectedValueOnce(new Error("busy")).mockResolvedValue(SETTINGS);
    renderPanel(
      <SettingsPanel
        language="zh-CN"
        adapters={adapters({ readSettings: read, writeSettings: () => Promise.reject(new Error("The sheet is protected")) })}
      />,
    );
    await userEvent.click(within(await screen.findByRole("alert")).getByRole("button", { name: "重试" }));
    await userEvent.click(await screen.findByRole("button", { name: "保存设置" }));
    expect((await screen.findByRole("alert")).textContent).toContain("操作未完成：The sheet is protected");
  });
});
