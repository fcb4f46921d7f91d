// The Settings panel's reads and writes: what the form shows is what the Settings tables hold,
// and saving writes only the cells the user changed, at the cell that holds them, so a co-author's
// edits elsewhere on the sheet stay; new people go below the roster, nobody is removed.
import { readSettings, writeSettings, settingsFrom } from "../../../src/excel/paneSettings";
import type { PaneTable } from "../../../src/excel/paneTables";
import type { PaneSettings } from "../../../src/taskpane/settings/model";
import { FakeExcel, FakeWorkbook } from "../../support/fakeExcel";
import { hostFor } from "../../support/fakeExcelFixtures";

const CONFIG = ["Setting", "Value", "Name"];
const STAGES = ["Path", "Stage", "Default probability", "Default days"];
const TIERS = ["Tier", "Follow-up days"];
const TEAM = ["Name", "Email", "Role"];

/** Settings typed by hand, each table somewhere else than set-up puts it. */
function settingsWorkbook(): { fake: FakeExcel; wb: FakeWorkbook } {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  wb.seedTable("Settings", "Config", "B2", CONFIG, [
    ["Workbook language", "en-US", "Language"],
    ["Lag alert", 3, "LagAlertDays"],
    ["", "", ""],
    ["Due soon", "three", "DueSoonDays"],
    ["Risk red", 15, " RiskHighScore "],
    ["Something of the user's", 42, "MyOwnSetting"],
  ]);
  wb.seedTable("Settings", "Stages", "H3", STAGES, [
    [" New customer ", " Lead ", 0.1, 7],
    ["", "", "", ""],
    ["New customer", "Demo", "40%?", 5],
    ["Existing customer", "Visit", "", 10],
  ]);
  wb.seedTable("Settings", "Tiers", "N3", TIERS, [
    ["Key breakthrough", 7],
    ["Maintain", "quarterly"],
  ]);
  wb.seedTable("Settings", "Team", "R3", TEAM, [
    ["Ann", "ann@example.com", "Manager"],
    [" Bo ", "", "Rep"],
  ]);
  return { fake: new FakeExcel(wb), wb };
}

const value = (wb: FakeWorkbook, address: string) => {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  const col = m[1].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return wb.peek(wb.sheet("Settings")!, Number(m[2]) - 1, col)?.value;
};

describe("readSettings", () => {
  it("shows the thresholds that are numbers, every stage, tier and person, text trimmed and blanks as none", async () => {
    const { fake } = settingsWorkbook();
    fake.resetCounters();
    const settings = await readSettings(hostFor(fake));
    expect(settings).toEqual({
      thresholds: { LagAlertDays: 3, RiskHighScore: 15 },
      stages: [
        { path: "New customer", stage: "Lead", probability: 0.1, days: 7 },
        { path: "New customer", stage: "Demo", probability: null, days: 5 },
        { path: "Existing customer", stage: "Visit", probability: null, days: 10 },
      ],
      tiers: [
        { tier: "Key breakthrough", followUpDays: 7 },
        { tier: "Maintain", followUpDays: null },
      ],
      team: [
        { name: "Ann", email: "ann@example.com", role: "Manager" },
        { name: "Bo", email: "", role: "Rep" },
      ],
    });
    expect(fake.operations).toEqual([]);
  });

  it("has nothing to show in a workbook without Config (not set up)", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Settings", "Team", "A1", TEAM, [["Ann", "", ""]]);
    expect(await readSettings(hostFor(new FakeExcel(wb)))).toBeUndefined();
  });

  it("shows empty lists for tables that are missing, and blanks for columns that were renamed", () => {
    const config: PaneTable = {
      name: "Config",
      sheet: "Settings",
      headerRowIndex: 0,
      firstColumnIndex: 0,
      headers: CONFIG,
      values: [["x", 4, "DueSoonDays"]],
      formulas: [],
      numberFormats: [],
    };
    const team: PaneTable = { ...config, name: "Team", headers: ["Name", "Mail", "Role"], values: [["Ann", "a@x", "Rep"]] };
    expect(
      settingsFrom(
        new Map([
          ["Config", config],
          ["Team", team],
        ]),
      ),
    ).toEqual({
      thresholds: { DueSoonDays: 4 },
      stages: [],
      tiers: [],
      team: [{ name: "Ann", email: "", role: "Rep" }],
    });
  });
});

describe("writeSettings", () => {
  async function edit(change: (s: PaneSettings) => PaneSettings) {
    const { fake, wb } = settingsWorkbook();
    const host = hostFor(fake);
    const read = (await readSettings(host))!;
    fake.resetCounters();
    const result = await writeSettings(host, change(read));
    return { fake, wb, result, host };
  }

  it("saving what was read writes nothing and takes the one read", async () => {
    const { fake, result } = await edit((s) => s);
    expect(result).toEqual({ cells: 0, members: 0 });
    expect(fake.operations).toEqual([]);
    expect(fake.syncs).toBe(2);
  });

  it("a changed threshold is written into its own Value cell, and nothing else", async () => {
    const { fake, wb, result } = await edit((s) => ({ ...s, thresholds: { ...s.thresholds, LagAlertDays: 5 } }));
    expect(result).toEqual({ cells: 1, members: 0 });
    // Config's header is on row 2 from column B; LagAlertDays is its second data row.
    expect(value(wb, "C4")).toBe(5);
    expect(fake.operations.map((o) => [o.name, o.target])).toEqual([["Range.values", `worksheet "Settings"!C4`]]);
    expect(value(wb, "C3")).toBe("en-US");
    expect(value(wb, "C8")).toBe(42);
  });

  it("a threshold whose cell held text gets the number; one whose name has spaces around it is still found", async () => {
    const { wb, result } = await edit((s) => ({ ...s, thresholds: { ...s.thresholds, DueSoonDays: 4, RiskHighScore: 16 } }));
    expect(result.cells).toBe(2);
    expect(value(wb, "C6")).toBe(4);
    expect(value(wb, "C7")).toBe(16);
  });

  it("a threshold the workbook has no row for is not added anywhere", async () => {
    const { fake, result } = await edit((s) => ({ ...s, thresholds: { ...s.thresholds, LtvLifetimeCap: 80 } }));
    expect(result.cells).toBe(0);
    expect(fake.operations).toEqual([]);
  });

  it("a stage's new days land on that stage's row, past a blank row in the table; a blank probability stays blank", async () => {
    const { wb, result } = await edit((s) => ({
      ...s,
      stages: s.stages.map((st) => (st.stage === "Demo" ? { ...st, days: 6 } : st.stage === "Visit" ? { ...st, probability: 0.3 } : st)),
    }));
    expect(result.cells).toBe(2);
    // Stages: header on row 3 from column H; Demo is on row 6 (row 5 is blank), Visit on row 7.
    expect(value(wb, "K6")).toBe(6);
    expect(value(wb, "J7")).toBe(0.3);
    expect(value(wb, "J6")).toBe("40%?");
    expect(value(wb, "K5")).toBe("");
  });

  it("leaves a cell alone when the form has no value for it, and a stage or tier the form does not list", async () => {
    const { fake, result } = await edit((s) => ({
      ...s,
      stages: [{ ...s.stages[0], probability: null, days: null }],
      tiers: [],
    }));
    expect(result.cells).toBe(0);
    expect(fake.operations).toEqual([]);
  });

  it("a tier's follow-up days are written to its row", async () => {
    const { wb, result } = await edit((s) => ({ ...s, tiers: s.tiers.map((t, i) => (i === 1 ? { ...t, followUpDays: 90 } : t)) }));
    expect(result.cells).toBe(1);
    expect(value(wb, "O5")).toBe(90);
    expect(value(wb, "O4")).toBe(7);
  });

  it("a person's changed email is written; text that differs only by spaces around it is not", async () => {
    const { fake, wb, result } = await edit((s) => ({
      ...s,
      team: s.team.map((m) => (m.name === "Bo" ? { ...m, email: "bo@example.com" } : m)),
    }));
    expect(result).toEqual({ cells: 1, members: 0 });
    expect(value(wb, "S5")).toBe("bo@example.com");
    // " Bo " was read as "Bo" and saved back as "Bo": the same to the user, so not rewritten.
    expect(value(wb, "R5")).toBe(" Bo ");
    expect(fake.operations.map((o) => o.target)).toEqual([`worksheet "Settings"!S5`]);
  });

  it("a new person goes below the roster, each field in its column, text kept as text", async () => {
    const { wb, result } = await edit((s) => ({ ...s, team: [...s.team, { name: "+Chen", email: "chen@example.com", role: "Rep" }] }));
    expect(result).toEqual({ cells: 0, members: 1 });
    const team = wb.table("Team")!;
    expect(team.rect.rows).toBe(4);
    expect([value(wb, "R6"), value(wb, "S6"), value(wb, "T6")]).toEqual(["+Chen", "chen@example.com", "Rep"]);
    expect(value(wb, "R4")).toBe("Ann");
  });

  it("a new person's fields follow the roster's own column order, and a user's extra column stays blank", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Settings", "Config", "A1", CONFIG, [["Lag", 3, "LagAlertDays"]]);
    wb.seedTable("Settings", "Team", "E1", ["Role", "Phone", "Name", "Email"], [["Manager", "123", "Ann", "a@x"]]);
    const fake = new FakeExcel(wb);
    const host = hostFor(fake);
    const read = (await readSettings(host))!;
    expect(read.team).toEqual([{ name: "Ann", email: "a@x", role: "Manager" }]);
    const result = await writeSettings(host, { ...read, team: [...read.team, { name: "Bo", email: "b@x", role: "Rep" }] });
    expect(result).toEqual({ cells: 0, members: 1 });
    const sheet = wb.sheet("Settings")!;
    expect([4, 5, 6, 7].map((c) => wb.peek(sheet, 2, c)?.value ?? "")).toEqual(["Rep", "", "Bo", "b@x"]);
  });
});
