// Every defined name a new workbook gets, and the cells it points at, worked out by hand from
// the Settings layout: Config at A1 (Value in B, one setting a row from row 2), Stages at H1
// (Stage I, Default probability J, Default days K: six new-customer stages, then four existing),
// Tiers at P1 (Tier P, Follow-up days Q: four tiers), Lists at AH1 (one column per list, AH..AU).
// Drop-downs, highlights and formulas read Settings through these names, so a name one cell off
// reads the wrong setting for every co-author.
import { plan, applyPlanToState, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { Plan, WorkbookState } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";

const namesOf = (p: Plan) => Object.fromEntries(p.steps.flatMap((s) => (s.kind === "setNames" ? s.names.map((n) => [n.name, n.refersTo]) : [])));

const settings = (sheet: string) => ({
  Language: `='${sheet}'!$B$2`,
  SchemaVersion: `='${sheet}'!$B$3`,
  LagAlertDays: `='${sheet}'!$B$4`,
  DueSoonDays: `='${sheet}'!$B$5`,
  TierHighValue: `='${sheet}'!$B$6`,
  TierMediumValue: `='${sheet}'!$B$7`,
  TierHighWinProbability: `='${sheet}'!$B$8`,
  RiskHighScore: `='${sheet}'!$B$9`,
  RiskMediumScore: `='${sheet}'!$B$10`,
  LtvLifetimeCap: `='${sheet}'!$B$11`,
  // Lists: as many rows as the list has words.
  List_TaskStatus: `='${sheet}'!$AH$2:$AH$6`,
  List_DealStatus: `='${sheet}'!$AI$2:$AI$4`,
  List_Level: `='${sheet}'!$AJ$2:$AJ$4`,
  List_Path: `='${sheet}'!$AK$2:$AK$3`,
  List_Outcome: `='${sheet}'!$AL$2:$AL$3`,
  List_RiskStatus: `='${sheet}'!$AM$2:$AM$4`,
  List_StrategyMix: `='${sheet}'!$AN$2:$AN$4`,
  List_GoalMetric: `='${sheet}'!$AO$2:$AO$6`,
  List_MarketFramework: `='${sheet}'!$AP$2:$AP$4`,
  List_MarketFindingType: `='${sheet}'!$AQ$2:$AQ$5`,
  List_LeadSource: `='${sheet}'!$AR$2:$AR$6`,
  List_RiskCategory: `='${sheet}'!$AS$2:$AS$7`,
  List_StrategyDimension: `='${sheet}'!$AT$2:$AT$4`,
  List_BetterWhen: `='${sheet}'!$AU$2:$AU$3`,
  List_Stage: `='${sheet}'!$I$2:$I$11`,
  List_StagesNew: `='${sheet}'!$I$2:$I$7`,
  List_StagesExisting: `='${sheet}'!$I$8:$I$11`,
  StageProbability: `='${sheet}'!$J$2:$J$11`,
  StageDays: `='${sheet}'!$K$2:$K$11`,
  List_Tier: `='${sheet}'!$P$2:$P$5`,
  FollowUpDays: `='${sheet}'!$Q$2:$Q$5`,
});

describe("the defined names of a new workbook", () => {
  it("point at the Settings cells and the growing table columns they name, in English", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, { language: "en-US", sample: true, today: "2026-03-15" });
    expect(namesOf(p)).toEqual({ ...settings("Settings"), List_Owner: "=Team[Name]", List_Customer: "=Customers[Customer]" });
  });

  it("point at the same cells of 设置 in Chinese, and at the Chinese headers", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, { language: "zh-CN", sample: false, today: "2026-03-15" });
    expect(namesOf(p)).toEqual({ ...settings("设置"), List_Owner: "=Team[姓名]", List_Customer: "=Customers[客户名称]" });
  });

  it("are all there but the customer list when only Playbook is chosen", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, { language: "en-US", sample: false, today: "2026-03-15", sheets: ["playbook"] });
    // Without Customers, its list name has no column to point at.
    expect(namesOf(p)).toEqual({ ...settings("Settings"), List_Owner: "=Team[Name]" });
  });
});

describe("the defined names after a set-up that stopped before naming anything", () => {
  const full = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, { language: "en-US", sample: false, today: "2026-03-15" }));
  const interrupted = (configRows: number): WorkbookState => ({
    ...full,
    names: [],
    record: [],
    tables: full.tables.map((t) => ({
      ...t,
      validated: false,
      typed: t.headers.map(() => false),
      ...(t.name === "Config" ? { rowCount: configRows, address: `A1:C${1 + Math.max(configRows, 1)}` } : {}),
    })),
  });
  const again = (state: WorkbookState) => plan(WORKBOOK, state, { language: "en-US", sample: false, today: "2026-03-15" });

  it("point at the rows the set-up wrote with Config, appending none", () => {
    const p = again(interrupted(10));
    expect(namesOf(p)).toEqual({ ...settings("Settings"), List_Owner: "=Team[Name]", List_Customer: "=Customers[Customer]" });
    expect(p.steps.filter((s) => s.kind === "appendRows" && s.table === "Config")).toEqual([]);
  });

  it("point at the same cells when Config was made without its rows, which are appended in order", () => {
    const p = again(interrupted(0));
    expect(namesOf(p)).toEqual({ ...settings("Settings"), List_Owner: "=Team[Name]", List_Customer: "=Customers[Customer]" });
    const rows = p.steps.flatMap((s) => (s.kind === "appendRows" && s.table === "Config" ? s.rows : []));
    expect(rows.map((r) => r[2])).toEqual([
      "Language",
      "SchemaVersion",
      "LagAlertDays",
      "DueSoonDays",
      "TierHighValue",
      "TierMediumValue",
      "TierHighWinProbability",
      "RiskHighScore",
      "RiskMediumScore",
      "LtvLifetimeCap",
    ]);
    expect(rows[0]).toEqual(["Workbook language", "en-US", "Language"]);
  });
});
