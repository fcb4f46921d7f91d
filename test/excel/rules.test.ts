// Every drop-down, date, number and 1-5 rule and every highlighting rule the Office.js set-up
// writes, read back from the recording fake and compared with SPEC sections 2 and 3 as written
// out here by hand: "*" marks an input message (SPEC: on required columns), "-" no rule.
import { TABLES } from "../../src/domain/spec/workbook";
import type { FakeExcel } from "../support/fakeExcel";
import { freshFake, setUp } from "../support/fakeExcelFixtures";
import { STAGES_BY_PATH } from "../support/stagesByPath";

function summary(rule: Record<string, unknown> | undefined, prompt: unknown): string {
  let text: string;
  if (!rule) text = "-";
  else if (Object.keys(rule).length === 0) text = "any";
  else if ("list" in rule) {
    const source = (rule.list as { source: string }).source;
    text = `list ${source === STAGES_BY_PATH ? "STAGES_BY_PATH" : source.replace(/^=/, "")}`;
  } else if ("decimal" in rule) {
    const d = rule.decimal as { formula1: number; formula2?: number; operator: string };
    text =
      d.operator === "Between" && d.formula1 === 0 && d.formula2 === 1
        ? "decimal 0..1"
        : d.operator === "GreaterThanOrEqualTo" && d.formula1 === 0
          ? "decimal >=0"
          : JSON.stringify(d);
  } else if ("wholeNumber" in rule) {
    const w = rule.wholeNumber as { formula1: number; formula2?: number; operator: string };
    text = w.operator === "Between" && w.formula1 === 1 && w.formula2 === 5 ? "whole 1..5" : JSON.stringify(w);
  } else if ("date" in rule) {
    const d = rule.date as { formula1: string; operator: string };
    text = d.operator === "GreaterThanOrEqualTo" && d.formula1 === "1900-01-01" ? "date" : JSON.stringify(d);
  } else text = JSON.stringify(rule);
  return prompt ? `${text} *` : text;
}

function rulesByColumn(fake: FakeExcel): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const name of Object.keys(EXPECTED)) {
    const table = fake.workbook.table(name)!;
    const header = table.rect.row;
    const columns: Record<string, string> = {};
    for (let c = table.rect.col; c < table.rect.col + table.rect.cols; c++) {
      const validation = table.sheet.validations.get((header + 1) * 16384 + c);
      columns[String(fake.workbook.peek(table.sheet, header, c)?.value)] = summary(validation?.rule, validation?.prompt);
    }
    out[name] = columns;
  }
  return out;
}

const EXPECTED: Record<string, Record<string, string>> = {
  SalesGoals: {
    Goal: "any *",
    Region: "-",
    Segment: "-",
    Metric: "list List_GoalMetric *",
    Baseline: "decimal >=0",
    Target: "decimal >=0 *",
    Start: "date",
    Deadline: "date *",
    Owner: "list List_Owner *",
    "Linked strategy": "-",
    Actual: "decimal >=0",
    Attainment: "-",
    SMART: "-",
  },
  StrategyPlan: {
    Dimension: "list List_StrategyDimension *",
    Description: "-",
    Plan: "-",
    Owner: "list List_Owner *",
    Due: "date",
    Resources: "-",
    "Expected result": "-",
    Status: "list List_TaskStatus *",
  },
  MarketAnalysis: {
    Framework: "list List_MarketFramework *",
    Factor: "any *",
    Finding: "-",
    Impact: "list List_Level *",
    Type: "list List_MarketFindingType *",
    Response: "-",
    Owner: "list List_Owner *",
  },
  Customers: {
    Customer: "any *",
    Industry: "-",
    Region: "-",
    "Annual revenue": "decimal >=0",
    Value: "decimal >=0 *",
    "Growth potential": "list List_Level *",
    "Win probability": "decimal 0..1 *",
    "Decision chain": "-",
    "Core needs": "-",
    "Pain points": "-",
    Tier: "-",
    "Follow-up days": "-",
    Strategy: "list List_StrategyMix *",
    Owner: "list List_Owner *",
    "Last contact": "date",
    "Next contact": "-",
  },
  Tasks: {
    ID: "any *",
    Customer: "list List_Customer *",
    Path: "list List_Path *",
    Stage: "list STAGES_BY_PATH *",
    Action: "any *",
    "Output standard": "-",
    Owner: "list List_Owner *",
    Support: "-",
    Start: "date",
    Due: "date *",
    Status: "list List_TaskStatus *",
    "Completed on": "date",
    "Days late": "-",
    Reason: "-",
  },
  Pipeline: {
    Opportunity: "any *",
    Customer: "list List_Customer *",
    Source: "list List_LeadSource *",
    Stage: "list List_Stage *",
    Status: "list List_DealStatus *",
    Amount: "decimal >=0",
    Probability: "decimal 0..1 *",
    Created: "date *",
    "Expected close": "date",
    "Closed on": "date",
    "Lost reason": "-",
    Owner: "list List_Owner *",
  },
  Risks: {
    Risk: "any *",
    Customer: "list List_Customer *",
    Category: "list List_RiskCategory *",
    Likelihood: "whole 1..5 *",
    Impact: "whole 1..5 *",
    Score: "-",
    "Early signal": "-",
    Contingency: "any *",
    Owner: "list List_Owner *",
    Status: "list List_RiskStatus *",
    "Review by": "date",
  },
  ReviewInputs: {
    "Period start": "date *",
    "Period end": "date *",
    "Sales spend": "decimal >=0",
    "Marketing spend": "decimal >=0",
    "New customers": "decimal >=0",
    ARPU: "decimal >=0 *",
    "Gross margin": "decimal 0..1 *",
    "Churn rate": "decimal 0..1 *",
  },
  ReviewMetrics: {
    Metric: "any *",
    Target: "decimal >=0",
    Actual: "-",
    Variance: "-",
    "On track": "-",
    "Better when": "list List_BetterWhen *",
  },
  ReviewFunnel: {
    Stage: "-",
    Reached: "-",
    "Conversion from previous stage": "-",
    "Default probability": "-",
  },
  Playbook: {
    Date: "date",
    Customer: "-",
    Outcome: "list List_Outcome *",
    Stage: "list List_Stage *",
    Situation: "-",
    "Key actions": "-",
    Lesson: "any *",
    "Reusable script or action": "-",
    Tags: "-",
  },
};

const CLOSED = 'OR(LOWER(TRIM($K2))="done",LOWER(TRIM($K2))="已完成",LOWER(TRIM($K2))="cancelled",LOWER(TRIM($K2))="已取消")';

describe("every rule the set-up writes", () => {
  let fake: FakeExcel;
  beforeAll(async () => {
    fake = freshFake();
    await setUp(fake, { sample: false });
  });

  it("covers every user-facing table", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(
      TABLES.map((t) => t.name as string)
        .filter((t) => fake.workbook.table(t)?.sheet.visibility !== "Hidden")
        .sort(),
    );
  });

  it("puts exactly the SPEC's data-validation rule and input message on each column", () => {
    expect(rulesByColumn(fake)).toEqual(EXPECTED);
  });

  it("writes exactly these highlighting rules, with native formulas reading Settings names", () => {
    const rules = fake.workbook.sheets.flatMap((s) =>
      s.conditionalFormats.map(
        (r) =>
          `${s.name} ${r.rect.col}+${r.rect.cols} ${r.formula} ${r.fill ?? "no fill"} ${r.fontColor}${r.numberFormat ? ` shown as ${r.numberFormat}` : ""}`,
      ),
    );
    // A goal's Baseline (D), Target (E) and Actual (K) show as its Metric (D) means them.
    const rate = 'OR(LOWER(TRIM($D2))="conversion rate",LOWER(TRIM($D2))="转化率")';
    const counts =
      'OR(LOWER(TRIM($D2))="new customers",LOWER(TRIM($D2))="新签客户数",LOWER(TRIM($D2))="revenue",LOWER(TRIM($D2))="销售额",LOWER(TRIM($D2))="deals won",LOWER(TRIM($D2))="成交单数")';
    expect(rules.sort()).toEqual(
      [
        "Customers 15+1 =AND(ISNUMBER($P2),$P2<TODAY()) #FFC7CE #9C0006",
        `Tasks 0+14 =${CLOSED} no fill #A6A6A6`,
        `Tasks 0+14 =AND(ISNUMBER($J2),NOT(${CLOSED}),$J2-TODAY()>=0,$J2-TODAY()<=DueSoonDays) #FFEB9C #9C5700`,
        `Tasks 0+14 =AND(ISNUMBER($J2),NOT(${CLOSED}),TODAY()-$J2>0,TODAY()-$J2<=LagAlertDays) #FFC7CE #9C0006`,
        `Tasks 0+14 =AND(ISNUMBER($J2),NOT(${CLOSED}),TODAY()-$J2>LagAlertDays) #C00000 #FFFFFF`,
        "Risks 5+1 =AND(ISNUMBER($F2),$F2>=RiskMediumScore,$F2<RiskHighScore) #FFEB9C #9C5700",
        "Risks 5+1 =AND(ISNUMBER($F2),$F2>=RiskHighScore) #FF7C80 #9C0006",
        `Goals 4+2 =${rate} no fill undefined shown as 0%`,
        `Goals 10+1 =${rate} no fill undefined shown as 0%`,
        `Goals 4+2 =${counts} no fill undefined shown as #,##0`,
        `Goals 10+1 =${counts} no fill undefined shown as #,##0`,
      ].sort(),
    );
  });
});
