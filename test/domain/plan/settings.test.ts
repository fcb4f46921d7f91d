// What the Settings sheet of a new workbook holds, row by row, written out by hand from SPEC
// section 2: the settings and their defaults, the stages of both paths with their default
// probability and days, the tiers' follow-up cadence, the list words. Every drop-down, highlight
// and formula reads these cells, so a wrong default here is wrong for every co-author.
import { plan, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { AddTableStep, Plan, PlanOptions } from "../../../src/domain/plan";
import { WORKBOOK } from "../../../src/domain/spec/workbook";

const options = (more: Partial<PlanOptions> = {}): PlanOptions => ({ language: "en-US", sample: false, today: "2026-03-15", ...more });
const tableOf = (p: Plan, table: string) => p.steps.find((s): s is AddTableStep => s.kind === "addTable" && s.table === table)!;
const english = plan(WORKBOOK, EMPTY_WORKBOOK, options());
const chinese = plan(WORKBOOK, EMPTY_WORKBOOK, options({ language: "zh-CN" }));

describe("the Settings of a new workbook", () => {
  it("lists every setting with its default: alerts after 3 days late, due soon within 3, red risk from 15, amber from 8, LTV capped at 60", () => {
    expect(tableOf(english, "Config").headers).toEqual(["Setting", "Value", "Name"]);
    expect(tableOf(english, "Config").rows).toEqual([
      ["Workbook language", "en-US", "Language"],
      // Written last, by setSchemaVersion, once everything else is there.
      ["Schema version", null, "SchemaVersion"],
      ["Lag alert after (days late)", 3, "LagAlertDays"],
      ["Due soon within (days)", 3, "DueSoonDays"],
      ["Tier: high value from", 1_000_000, "TierHighValue"],
      ["Tier: medium value from", 200_000, "TierMediumValue"],
      ["Tier: high win probability from", 0.5, "TierHighWinProbability"],
      ["Risk score: red from", 15, "RiskHighScore"],
      ["Risk score: amber from", 8, "RiskMediumScore"],
      ["LTV lifetime cap (periods)", 60, "LtvLifetimeCap"],
    ]);
    expect(tableOf(chinese, "Config").rows[0]).toEqual(["工作簿语言", "zh-CN", "Language"]);
    expect(tableOf(chinese, "Config").rows[2]).toEqual(["滞后预警天数", 3, "LagAlertDays"]);
  });

  it("lists the stages of both paths in order, new-customer ones with their default win probability", () => {
    expect(tableOf(english, "Stages").headers).toEqual(["Path", "Stage", "Default probability", "Default days"]);
    expect(tableOf(english, "Stages").rows).toEqual([
      ["New customer", "Lead acquisition", 0.1, 7],
      ["New customer", "Initial needs call", 0.2, 5],
      ["New customer", "Product demo", 0.4, 7],
      ["New customer", "Proposal", 0.6, 10],
      ["New customer", "Negotiation", 0.8, 10],
      ["New customer", "Signing", 1, 5],
      ["Existing customer", "Periodic review visit", null, 7],
      ["Existing customer", "Needs discovery", null, 10],
      ["Existing customer", "Cross-sell / upsell", null, 14],
      ["Existing customer", "Renewal negotiation", null, 10],
    ]);
    expect(tableOf(chinese, "Stages").rows.map((r) => r[1])).toEqual([
      "线索获取",
      "初步需求沟通",
      "产品演示",
      "方案制定",
      "商务谈判",
      "签约",
      "定期回访",
      "需求挖掘",
      "交叉销售/增购",
      "续约谈判",
    ]);
  });

  it("follows up key breakthrough customers weekly, cultivation every two weeks, potential monthly, the rest quarterly", () => {
    expect(tableOf(english, "Tiers").rows).toEqual([
      ["Key breakthrough", 7],
      ["Opportunity cultivation", 14],
      ["Potential watch", 30],
      ["Maintain", 90],
    ]);
    expect(tableOf(chinese, "Tiers").rows.map((r) => r[0])).toEqual(["重点突破型", "机会培养型", "潜力关注型", "常规维护"]);
  });

  it("writes the list words the drop-downs offer, one list a column", () => {
    const lists = tableOf(english, "Lists");
    const column = (header: string) => lists.rows.map((r) => r[lists.headers.indexOf(header)]).filter((w) => w !== null);
    expect(column("Task status")).toEqual(["Not started", "In progress", "Done", "Blocked", "Cancelled"]);
    expect(column("Deal status")).toEqual(["Open", "Won", "Lost"]);
    expect(column("Path")).toEqual(["New customer", "Existing customer"]);
    expect(column("Outcome")).toEqual(["Win", "Loss"]);
    expect(column("Risk status")).toEqual(["Open", "Mitigated", "Closed"]);
    expect(column("Level")).toEqual(["High", "Medium", "Low"]);
    const zh = tableOf(chinese, "Lists");
    expect(zh.rows.map((r) => r[0])).toEqual(["未开始", "进行中", "已完成", "受阻", "已取消", null]);
  });

  it("starts the team roster and the nudge record empty, even with sample data the roster has its three people", () => {
    expect(tableOf(english, "Team").rows).toEqual([]);
    expect(tableOf(english, "Nudges").rows).toEqual([]);
    const sample = plan(WORKBOOK, EMPTY_WORKBOOK, options({ sample: true }));
    expect(tableOf(sample, "Team").rows).toEqual([
      ["Manager Wang", "wang@example.com", "Sales manager"],
      ["Tech specialist Li", "li@example.com", "Technical specialist"],
      ["Sales rep Chen", "chen@example.com", "Sales representative"],
    ]);
    expect(tableOf(sample, "Nudges").rows).toEqual([]);
  });
});
