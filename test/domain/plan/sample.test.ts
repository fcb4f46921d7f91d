// Sample data a newcomer reads first: goals that name the quarter they span, review periods of
// whole quarters from the 1st, list words cased as sentences, and every prompt said once.
import { plan, EMPTY_WORKBOOK } from "../../../src/domain/plan";
import type { AddTableStep, Plan } from "../../../src/domain/plan";
import { nameQuarters, quarterDay } from "../../../src/domain/plan/calendar";
import { WORKBOOK, inputMessage } from "../../../src/domain/spec/workbook";
import { LANGUAGES, STAGE, TASK_STATUS, TIER, type TermList } from "../../../src/domain/spec/vocabulary";
import { TERM_LISTS } from "../../../src/domain/spec/workbook";

// Excel serials worked out by hand: 2026-01-01 is 46023.
const JAN_1_2026 = 46023;
const serial = (month: number, day: number) => JAN_1_2026 + Math.round((Date.UTC(2026, month - 1, day) - Date.UTC(2026, 0, 1)) / 86_400_000);

function rowsOf(p: Plan, table: string): Record<string, unknown>[] {
  const step = p.steps.find((s): s is AddTableStep => s.kind === "addTable" && s.table === table)!;
  return step.rows.map((row) => Object.fromEntries(step.keys.map((key, i) => [key, row[i]])));
}

describe("quarters relative to the setup day", () => {
  it("names and spans the quarter of the day, and the ones around it across a year's end", () => {
    expect(quarterDay("2026-12-01", 0, "first")).toBe(serial(10, 1));
    expect(quarterDay("2026-12-01", 0, "last")).toBe(serial(12, 31));
    expect(quarterDay("2026-02-10", -1, "first")).toBe(JAN_1_2026 - 92); // 2025-10-01
    expect(quarterDay("2026-02-10", -1, "last")).toBe(JAN_1_2026 - 1);
    expect(quarterDay("2026-03-31", 0, "last")).toBe(serial(3, 31));
    expect(quarterDay("2026-04-01", 0, "first")).toBe(serial(4, 1));
    expect(nameQuarters("{Q} up on {Q-1}", "2026-01-15")).toBe("Q1 up on Q4");
    expect(nameQuarters("{Q}/{Q+1}", "2026-12-31")).toBe("Q4/Q1");
  });
});

describe("sample rows, set up on 2026-12-01", () => {
  for (const language of LANGUAGES) {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, { language, sample: true, today: "2026-12-01" });

    it(`${language}: goals name Q4 and run from its first to its last day`, () => {
      const goals = rowsOf(p, "SalesGoals");
      expect(goals.length).toBeGreaterThan(0);
      for (const goal of goals) {
        expect({ start: goal.start, deadline: goal.deadline }).toEqual({ start: serial(10, 1), deadline: serial(12, 31) });
        // A goal that names a quarter names the one it spans first; a later Q is what it compares with.
        const named = /Q\d/.exec(String(goal.goal));
        if (named) expect(named[0]).toBe("Q4");
      }
      expect(goals.filter((g) => String(g.goal).startsWith("Q4")).length).toBeGreaterThanOrEqual(2);
      // The strategy's plan names the same goal.
      expect(rowsOf(p, "StrategyPlan").some((r) => String(r.plan).startsWith("Q4"))).toBe(true);
    });

    it(`${language}: review periods are the two quarters before, each from the 1st to its last day`, () => {
      const periods = rowsOf(p, "ReviewInputs").map((r) => [r.periodStart, r.periodEnd]);
      expect(periods).toEqual([
        [serial(4, 1), serial(6, 30)],
        [serial(7, 1), serial(9, 30)],
      ]);
    });
  }

  it("names the previous quarter of Q1 as Q4", () => {
    const p = plan(WORKBOOK, EMPTY_WORKBOOK, { language: "en-US", sample: true, today: "2027-02-01" });
    expect(rowsOf(p, "SalesGoals").map((g) => g.goal)).toContain("Q1 East China new customers up 30% on Q4, manufacturing at least 50%");
  });
});

describe("words a newcomer reads", () => {
  const lists: TermList[] = [...TERM_LISTS.map((l) => l.terms), STAGE, TIER];

  it("cases every English list value as a sentence, as the samples' own words are", () => {
    const notSentence = lists.flatMap((l) => l.terms.map((t) => t.en)).filter((w) => w[0] !== w[0].toUpperCase());
    expect(notSentence).toEqual([]);
    expect(TASK_STATUS.terms.map((t) => t.en)).toContain("Not started");
    expect(TIER.terms.map((t) => t.en)).toContain("Key breakthrough");
  });

  it("says Required once in every input message, in both languages", () => {
    for (const table of WORKBOOK.tables) {
      for (const c of table.columns) {
        const message = inputMessage(c);
        if (!message) continue;
        const where = `${table.name}.${c.key}`;
        expect({ where, en: (message.en.match(/required/gi) ?? []).length <= 1 }).toEqual({ where, en: true });
        expect({ where, zh: (message.zh.match(/必填/g) ?? []).length <= 1 }).toEqual({ where, zh: true });
      }
    }
    const customer = WORKBOOK.tables.find((t) => t.name === "Customers")!.columns.find((c) => c.key === "customer")!;
    expect(inputMessage(customer)).toEqual({
      en: "Required. Unique: tasks, pipeline and risks pick customers from this column.",
      zh: "必填。不可重复：任务、商机和风险从此列选择客户。",
    });
  });
});
