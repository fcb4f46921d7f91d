/** @jest-environment jsdom */
// Check panel: loading, a clean workbook (empty), findings grouped by sheet (success), failures (error).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { CheckPanel, groupBySheet } from "../../../src/taskpane/check/CheckPanel";
import type { Finding } from "../../../src/taskpane/adapters";
import { renderPanel } from "./support";

const finding = (sheet: string, cell: string, row: number, severity: Finding["severity"] = "error", code = "required"): Finding => ({
  severity,
  code,
  sheet,
  table: sheet === "Tasks" ? "Tasks" : "Pipeline",
  row,
  columnNumber: 2,
  column: "Customer",
  cell,
  value: null,
});

const FINDINGS = [finding("Tasks", "B7", 7), finding("Pipeline", "C3", 3, "warning", "probabilityGap"), finding("Tasks", "B4", 4, "warning")];
const describe_ = (f: Finding) => `${f.code} in ${f.column}`;

describe("Check panel", () => {
  it("shows that it is checking", () => {
    renderPanel(
      <CheckPanel language="en-US" state={{ status: "loading" }} onRecheck={jest.fn()} goToFinding={jest.fn()} describeFinding={describe_} />,
    );
    expect(screen.getByText("Reading the workbook…")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Checking…" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("says so when nothing is wrong", () => {
    renderPanel(
      <CheckPanel
        language="zh-CN"
        state={{ status: "ready", data: { findings: [] } }}
        onRecheck={jest.fn()}
        goToFinding={jest.fn()}
        describeFinding={describe_}
      />,
    );
    expect(screen.getByText("未发现问题。")).toBeTruthy();
  });

  it("groups findings by sheet with counts by severity, rows top to bottom, and a click goes to the cell", async () => {
    const goTo = jest.fn(async () => "selected" as const);
    renderPanel(
      <CheckPanel
        language="en-US"
        state={{ status: "ready", data: { findings: FINDINGS } }}
        onRecheck={jest.fn()}
        goToFinding={goTo}
        describeFinding={describe_}
      />,
    );
    expect(screen.getByText("1 error, 2 warnings")).toBeTruthy();
    const tasks = screen.getByRole("region", { name: /^Tasks/ });
    expect(within(tasks).getByText("1 Error")).toBeTruthy();
    expect(within(tasks).getByText("1 Warning")).toBeTruthy();
    const buttons = within(tasks).getAllByRole("button");
    expect(buttons.map((b) => b.getAttribute("aria-label"))).toEqual(["Go to B4: required in Customer", "Go to B7: required in Customer"]);
    await userEvent.click(buttons[1]);
    await waitFor(() => expect(goTo).toHaveBeenCalledWith(FINDINGS[0]));
    const pipeline = screen.getByRole("region", { name: /^Pipeline/ });
    expect(within(pipeline).queryByText(/Error$/)).toBeNull();
  });

  it("says why it could not go to a hidden sheet", async () => {
    renderPanel(
      <CheckPanel
        language="en-US"
        state={{ status: "ready", data: { findings: [finding("Settings", "A2", 2)] } }}
        onRecheck={jest.fn()}
        goToFinding={async () => "sheetHidden"}
        describeFinding={describe_}
      />,
    );
    await userEvent.click(screen.getByRole("button", { name: /Go to A2/ }));
    expect(await screen.findByText('The sheet "Settings" is hidden; unhide it to go there.')).toBeTruthy();
  });

  it("shows a failed check in an error bar whose 'try again' checks again", async () => {
    const recheck = jest.fn();
    renderPanel(
      <CheckPanel
        language="en-US"
        state={{ status: "error", error: new Error("Excel stopped") }}
        onRecheck={recheck}
        goToFinding={jest.fn()}
        describeFinding={describe_}
      />,
    );
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toContain("Excel stopped");
    await userEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(recheck).toHaveBeenCalledTimes(1);
  });

  it("keeps each sheet's findings together, in the order the sheets came", () => {
    const groups = groupBySheet(FINDINGS);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings, g.findings.map((f) => f.cell)])).toEqual([
      ["Tasks", 1, 1, ["B4", "B7"]],
      ["Pipeline", 0, 1, ["C3"]],
    ]);
  });
});
