import { WORKBOOK, inputMessage, LISTS, FORMULAS, REVIEW_METRICS } from "../../../src/domain/spec/workbook";
import type { ColumnSpec, ComputedFormula, SpecValue, TableSpec } from "../../../src/domain/spec/types";
import { PATH, STAGE, TASK_STATUS, CLOSED_TASK_STATUSES, DEFAULT_LAG_ALERT_DAYS, type TermList } from "../../../src/domain/spec/vocabulary";
import { referencedColumns } from "../../../src/domain/plan/formulas";
import { a1 } from "./a1";
import { STAGES_BY_PATH } from "../../support/stagesByPath";

const table = (name: string): TableSpec => {
  const t = WORKBOOK.tables.find((x) => x.name === name);
  if (!t) throw new Error(`no table ${name}`);
  return t;
};
const byHeader = (t: TableSpec, en: string): ColumnSpec | undefined => t.columns.find((c) => c.header.en === en);
const CJK = /[\u4e00-\u9fff]/;
const DEFINED = new Set(WORKBOOK.names.map((n) => n.name));

// SPEC section 2, copied by hand: sheet (zh), table, every column, required ones starred.
const SPEC_TABLES: Record<string, { sheet: string; zh: string; columns: string[] }> = {
  SalesGoals: {
    sheet: "goals",
    zh: "销售目标",
    columns: [
      "Goal*",
      "Region",
      "Segment",
      "Metric*",
      "Baseline",
      "Target*",
      "Start",
      "Deadline*",
      "Owner*",
      "Linked strategy",
      "Actual",
      "Attainment",
      "SMART",
    ],
  },
  StrategyPlan: {
    sheet: "strategy",
    zh: "策略规划",
    columns: ["Dimension*", "Description", "Plan", "Owner", "Due", "Resources", "Expected result", "Status"],
  },
  MarketAnalysis: { sheet: "market", zh: "市场分析", columns: ["Framework*", "Factor*", "Finding", "Impact", "Type", "Response", "Owner"] },
  Customers: {
    sheet: "customers",
    zh: "客户分层",
    columns: [
      "Customer*",
      "Industry",
      "Region",
      "Annual revenue",
      "Value",
      "Growth potential",
      "Win probability",
      "Decision chain",
      "Core needs",
      "Pain points",
      "Tier",
      "Follow-up days",
      "Strategy",
      "Owner*",
      "Last contact",
      "Next contact",
    ],
  },
  Tasks: {
    sheet: "tasks",
    zh: "任务矩阵",
    columns: [
      "ID*",
      "Customer*",
      "Path*",
      "Stage*",
      "Action*",
      "Output standard",
      "Owner*",
      "Support",
      "Start",
      "Due*",
      "Status*",
      "Completed on",
      "Days late",
      "Reason",
    ],
  },
  Pipeline: {
    sheet: "pipeline",
    zh: "商机",
    columns: [
      "Opportunity*",
      "Customer*",
      "Source",
      "Stage*",
      "Status*",
      "Amount",
      "Probability",
      "Created*",
      "Expected close",
      "Closed on",
      "Lost reason",
      "Owner",
    ],
  },
  Risks: {
    sheet: "risks",
    zh: "风险预警",
    columns: ["Risk*", "Customer", "Category", "Likelihood", "Impact", "Score", "Early signal", "Contingency*", "Owner*", "Status", "Review by"],
  },
  // SPEC marks nothing required on Review; a period needs its dates and a metric its name.
  ReviewInputs: {
    sheet: "review",
    zh: "复盘",
    columns: ["Period start*", "Period end*", "Sales spend", "Marketing spend", "New customers", "ARPU", "Gross margin", "Churn rate"],
  },
  ReviewMetrics: { sheet: "review", zh: "复盘", columns: ["Metric*", "Target", "Actual", "Variance", "On track"] },
  // SPEC names the funnel only; its columns are SALES.FUNNEL's (section 4): stage, count reached, conversion from the previous stage.
  ReviewFunnel: { sheet: "review", zh: "复盘", columns: ["Stage", "Reached", "Conversion from previous stage"] },
  Playbook: {
    sheet: "playbook",
    zh: "经验沉淀",
    columns: ["Date", "Customer", "Outcome*", "Stage", "Situation", "Key actions", "Lesson*", "Reusable script or action", "Tags"],
  },
};

function formulasOf(f: ComputedFormula): string[] {
  return Object.values(f);
}

function allFormulas(): { where: string; template: string }[] {
  const out: { where: string; template: string }[] = [];
  for (const t of WORKBOOK.tables) {
    for (const c of t.columns) if (c.formula) for (const f of formulasOf(c.formula)) out.push({ where: `${t.name}.${c.key}`, template: f });
    for (const c of t.columns) if (c.listFormula) out.push({ where: `${t.name}.${c.key} list`, template: c.listFormula });
    for (const row of t.rows ?? []) {
      for (const [key, v] of Object.entries(row)) {
        if (typeof v === "object" && "formula" in v) for (const f of formulasOf(v.formula)) out.push({ where: `${t.name}.${key} row`, template: f });
      }
    }
  }
  for (const cf of WORKBOOK.conditionalFormats) out.push({ where: `cf ${cf.table}.${cf.id}`, template: cf.formula });
  return out;
}

/** Bare identifiers in a formula that are not functions, placeholders, strings or cell references. */
function namesIn(template: string): string[] {
  const stripped = template
    .replace(/"[^"]*"/g, '""')
    .replace(/#(VALUE!|NUM!|N\/A)/g, "")
    .replace(/\{[^}]*\}/g, "X1")
    .replace(/\$?[A-Z]{1,3}\$?\d+/g, "");
  const names = [...stripped.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)(\s*\()?/g)].filter((m) => m[2] === undefined).map((m) => m[1]);
  return [...new Set(names)].filter((w) => !/^(TRUE|FALSE)$/.test(w));
}

describe("the workbook spec covers SPEC section 2", () => {
  it.each(Object.entries(SPEC_TABLES))("%s is on its sheet with every SPEC column, required ones required", (name, expected) => {
    const t = table(name);
    expect(t.sheet).toBe(expected.sheet);
    const sheet = WORKBOOK.sheets.find((s) => s.key === t.sheet)!;
    expect(sheet.name.zh).toBe(expected.zh);
    for (const entry of expected.columns) {
      const header = entry.replace("*", "");
      const c = byHeader(t, header);
      expect({ table: name, header, present: c !== undefined }).toEqual({ table: name, header, present: true });
      expect({ table: name, header, required: c?.required === true }).toEqual({ table: name, header, required: entry.endsWith("*") });
    }
  });

  it("has the Settings sheet, hidden, and every visible sheet in both languages", () => {
    const settings = WORKBOOK.sheets.find((s) => s.key === "settings")!;
    expect(settings).toMatchObject({ visible: false, name: { en: "Settings", zh: "设置" } });
    for (const s of WORKBOOK.sheets) {
      expect(s.name.zh).toMatch(CJK);
      expect(s.name.en).toMatch(/^[A-Za-z ]+$/);
      expect(s.name.en.length).toBeLessThanOrEqual(31);
      expect(s.name.zh.length).toBeLessThanOrEqual(31);
    }
    for (const lang of ["en", "zh"] as const) {
      const names = WORKBOOK.sheets.map((s) => s.name[lang].toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    }
  });

  it("names tables, defined names and column keys uniquely, tables and names in plain English", () => {
    const tables = WORKBOOK.tables.map((t) => t.name);
    expect(new Set(tables).size).toBe(tables.length);
    for (const t of tables) expect(t).toMatch(/^[A-Z][A-Za-z]+$/);
    const names = WORKBOOK.names.map((n) => n.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    for (const n of WORKBOOK.names) expect(n.name).toMatch(/^[A-Z][A-Za-z_]+$/);
    for (const t of WORKBOOK.tables) {
      const keys = t.columns.map((c) => c.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const lang of ["en", "zh"] as const) {
        const headers = t.columns.map((c) => c.header[lang].trim().toLowerCase());
        expect({ table: t.name, lang, unique: new Set(headers).size === headers.length }).toEqual({ table: t.name, lang, unique: true });
      }
    }
  });

  it("gives every header and input message in both languages, within Excel's limits", () => {
    for (const t of WORKBOOK.tables) {
      for (const c of t.columns) {
        const where = `${t.name}.${c.key}`;
        expect({ where, en: c.header.en.trim() !== "", zh: CJK.test(c.header.zh) }).toEqual({ where, en: true, zh: true });
        const message = inputMessage(c);
        if (c.required) expect({ where, message: message !== undefined }).toEqual({ where, message: true });
        if (message) {
          expect({ where, en: message.en.length <= 255 && message.en.length > 0, zh: CJK.test(message.zh) && message.zh.length <= 255 }).toEqual({
            where,
            en: true,
            zh: true,
          });
        }
      }
    }
  });

  it("feeds every list column from a defined Settings list, and every ref column from the referenced table", () => {
    const listNames = new Set(LISTS.map((l) => l.name));
    for (const t of WORKBOOK.tables) {
      for (const c of t.columns) {
        if (c.type === "list") {
          expect({ column: `${t.name}.${c.key}`, list: c.list !== undefined && listNames.has(c.list) && DEFINED.has(c.list) }).toEqual({
            column: `${t.name}.${c.key}`,
            list: true,
          });
        }
        if (c.type === "ref") {
          const target = table(c.ref!.table).columns.find((x) => x.key === c.ref!.column);
          expect(target?.unique).toBe(true);
          const feeding = LISTS.find((l) => l.source.kind === "ref" && l.source.table === c.ref!.table && l.source.column === c.ref!.column);
          expect(feeding && DEFINED.has(feeding.name)).toBe(true);
        }
      }
    }
    // Every Owner drop-down reads the team roster.
    for (const t of WORKBOOK.tables) {
      const owner = t.columns.find((c) => c.key === "owner");
      if (owner) expect(LISTS.find((l) => l.name === owner.list)?.source).toEqual({ kind: "roster" });
    }
  });

  it("gives every computed column a formula; SALES.* ones a portable twin without SALES.", () => {
    for (const t of WORKBOOK.tables) {
      for (const c of t.columns.filter((x) => x.type === "computed")) {
        if (c.formulaPerRow) {
          const rows = t.rows ?? [];
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows) expect(typeof row[c.key] === "object" && "formula" in (row[c.key] as object)).toBe(true);
          continue;
        }
        expect({ column: `${t.name}.${c.key}`, formula: c.formula !== undefined }).toEqual({ column: `${t.name}.${c.key}`, formula: true });
      }
    }
    const withFunctions = [...WORKBOOK.tables.flatMap((t) => t.columns.map((c) => c.formula)), ...REVIEW_METRICS.map((m) => m.actual)].filter(
      (f): f is Extract<ComputedFormula, { functions: string }> => f !== undefined && "functions" in f,
    );
    // Opportunity → deal counts by stage and status at once, which no SALES function does: native in both forms.
    expect(withFunctions.length).toBeGreaterThanOrEqual(3 + REVIEW_METRICS.length - 1);
    for (const f of withFunctions) {
      expect(f.functions).toContain("SALES.");
      expect(f.portable).not.toContain("SALES.");
    }
  });

  it("uses SALES.* for Attainment, SMART, Tier and the review metrics, native formulas for Days late, Score and Next contact", () => {
    for (const f of [FORMULAS.attainment, FORMULAS.smart, FORMULAS.tier]) expect("functions" in f).toBe(true);
    for (const m of REVIEW_METRICS)
      expect({ metric: m.key, functions: "functions" in m.actual }).toEqual({ metric: m.key, functions: m.key !== "opportunityToDeal" });
    for (const [name, key] of [
      ["Tasks", "daysLate"],
      ["Risks", "score"],
      ["Customers", "nextContact"],
    ] as const) {
      const formula = table(name).columns.find((c) => c.key === key)!.formula!;
      expect(formula).toHaveProperty("native");
      expect(formulasOf(formula).join()).not.toContain("SALES.");
    }
  });

  it("offers on Tasks Stage only the stages of the row's path, from a validation formula without structured references", () => {
    const stage = table("Tasks").columns.find((c) => c.key === "stage")!;
    expect(stage.list).toBe("List_Stage");
    expect(a1(stage.listFormula!, "Tasks")).toBe(STAGES_BY_PATH);
    expect(STAGES_BY_PATH.length).toBeLessThanOrEqual(255);
  });

  it("weights a blank Pipeline probability at its stage's default in both forms, the SALES one too", () => {
    const weighted = REVIEW_METRICS.find((m) => m.key === "weightedPipeline")!.actual;
    const blankIsDefault = '{Pipeline:probability}+({Pipeline:probability}="")*SUMIF(List_Stage,{Pipeline:stage},StageProbability)';
    expect(formulasOf(weighted)).toHaveLength(2);
    for (const f of formulasOf(weighted)) expect(f).toContain(blankIsDefault);
    expect(formulasOf(weighted).join()).toContain(`SALES.WEIGHTED({Pipeline:amount},${blankIsDefault},{Pipeline:status})`);
  });

  it("refers only to real columns and to defined Settings names in every formula and highlight", () => {
    for (const { where, template } of allFormulas()) {
      const own = where.split(/[ .]/)[where.startsWith("cf ") ? 1 : 0];
      for (const ref of referencedColumns(template)) {
        const t = table(ref.table === "@" ? own : ref.table);
        expect({ where, column: ref.key, exists: t.columns.some((c) => c.key === ref.key) }).toEqual({ where, column: ref.key, exists: true });
      }
      for (const name of namesIn(template)) {
        if (name.startsWith("SALES.")) continue;
        expect({ where, name, defined: DEFINED.has(name) }).toEqual({ where, name, defined: true });
      }
      expect(template.startsWith("=") || where.endsWith("row") || !where.startsWith("cf")).toBe(true);
    }
  });

  it("highlights Tasks and Risks from Settings names only, never through custom functions", () => {
    const rules = WORKBOOK.conditionalFormats;
    expect(
      rules
        .filter((r) => r.table === "Tasks")
        .map((r) => r.id)
        .sort(),
    ).toEqual(["closed", "dueSoon", "lagging", "overdue"]);
    expect(rules.find((r) => r.id === "lagging")!.formula).toContain("LagAlertDays");
    expect(rules.find((r) => r.id === "dueSoon")!.formula).toContain("DueSoonDays");
    expect(rules.find((r) => r.id === "scoreHigh")!.formula).toContain("RiskHighScore");
    expect(rules.find((r) => r.id === "nextContactPast")!.table).toBe("Customers");
    for (const r of rules) {
      expect(r.formula).not.toContain("SALES.");
      expect(r.formula).not.toMatch(/\b(15|8|3)\b/);
    }
    // status words of both languages are matched
    for (const key of CLOSED_TASK_STATUSES) {
      const word = TASK_STATUS.terms.find((t) => t.key === key)!;
      expect(rules.find((r) => r.id === "closed")!.formula).toContain(`"${word.zh}"`);
      expect(rules.find((r) => r.id === "closed")!.formula).toContain(`"${word.en.toLowerCase()}"`);
    }
  });

  it("keeps Settings defaults: lag alert 3 days, due soon 3, LTV cap 60, risk thresholds 15 and 8", () => {
    const value = (name: string) => WORKBOOK.config.find((c) => c.name === name)?.value;
    expect(value("LagAlertDays")).toBe(3);
    expect(DEFAULT_LAG_ALERT_DAYS).toBe(3);
    expect(value("DueSoonDays")).toBe(3);
    expect(value("LtvLifetimeCap")).toBe(60);
    expect(value("RiskHighScore")).toBe(15);
    expect(value("RiskMediumScore")).toBe(8);
    expect(value("Language")).toEqual({ fill: "language" });
    for (const name of [
      "TierHighValue",
      "TierMediumValue",
      "TierHighWinProbability",
      "SchemaVersion",
      "List_Owner",
      "FollowUpDays",
      "StageProbability",
      "StageDays",
    ]) {
      expect({ name, defined: DEFINED.has(name) }).toEqual({ name, defined: true });
    }
  });
});

describe("sample rows use the seed's examples and stay consistent", () => {
  const samples = (name: string) => table(name).sample ?? [];
  const text = (v: SpecValue | undefined) =>
    v && typeof v === "object" && "zh" in v ? v.zh : v && typeof v === "object" && "quarterly" in v ? v.quarterly.zh : v;

  it("carry the seed's own words", () => {
    const all = WORKBOOK.tables.flatMap((t) => [...(t.sample ?? []), ...(t.rows ?? [])]).flatMap((r) => Object.values(r).map(text));
    for (const words of [
      "{Q}华东区域制造业新签客户15家",
      "技术型策略：联合技术部提供3个制造业成功案例演示",
      "重点突破型：年营收超5000万，有明确数字化升级需求",
    ]) {
      expect(all).toContain(words);
    }
    expect(all.some((v) => typeof v === "string" && v.includes("《客户需求确认书》"))).toBe(true);
    const roster = samples("Team").map((r) => text(r.name) as string);
    expect(roster.some((n) => n.endsWith("经理"))).toBe(true);
    expect(roster.some((n) => n.endsWith("技术专员"))).toBe(true);
    expect(roster.some((n) => n.endsWith("销售代表"))).toBe(true);
  });

  it("fill only real columns, every required one, with list words from the column's own list", () => {
    const listTerms = (c: ColumnSpec): TermList | undefined => {
      const source = LISTS.find((l) => l.name === c.list)?.source;
      if (source?.kind === "terms") return source.terms;
      if (source?.kind === "stages") return STAGE;
      return undefined;
    };
    for (const t of WORKBOOK.tables) {
      for (const row of t.sample ?? []) {
        for (const key of Object.keys(row))
          expect({ table: t.name, key, known: t.columns.some((c) => c.key === key) }).toEqual({ table: t.name, key, known: true });
        for (const c of t.columns) {
          const v = row[c.key];
          if (c.required && c.type !== "computed")
            expect({ table: t.name, column: c.key, filled: v !== undefined }).toEqual({ table: t.name, column: c.key, filled: true });
          const terms = listTerms(c);
          if (terms && v !== undefined) expect(typeof v === "object" && "term" in v && v.term === terms).toBe(true);
        }
      }
    }
  });

  it("name owners from the roster and customers that exist", () => {
    const roster = new Set(samples("Team").map((r) => text(r.name)));
    const customers = new Set(samples("Customers").map((r) => text(r.customer)));
    for (const t of WORKBOOK.tables) {
      for (const row of t.sample ?? []) {
        if (row.owner !== undefined) expect(roster.has(text(row.owner))).toBe(true);
      }
      for (const c of t.columns.filter((x) => x.type === "ref")) {
        for (const row of t.sample ?? []) if (row[c.key] !== undefined) expect(customers.has(text(row[c.key]))).toBe(true);
      }
    }
  });

  it("place task due dates around the setup day so lagging, overdue, due-soon and closed rows all exist", () => {
    const tasks = samples("Tasks");
    const closedKeys: readonly string[] = CLOSED_TASK_STATUSES;
    const offset = (r: (typeof tasks)[number]) => (r.due as { days: number }).days;
    const isClosed = (r: (typeof tasks)[number]) => closedKeys.includes((r.status as { key: string }).key);
    const open = tasks.filter((r) => !isClosed(r));
    expect(open.some((r) => -offset(r) > DEFAULT_LAG_ALERT_DAYS)).toBe(true);
    expect(open.some((r) => -offset(r) > 0 && -offset(r) <= DEFAULT_LAG_ALERT_DAYS)).toBe(true);
    expect(open.some((r) => offset(r) >= 0 && offset(r) <= 3)).toBe(true);
    expect(tasks.some(isClosed)).toBe(true);
    // each task's stage belongs to its path
    for (const r of tasks) {
      const stage = STAGE.terms.find((s) => s.key === (r.stage as { key: string }).key) as unknown as { path: string };
      expect(PATH.terms.find((p) => p.key === (r.path as { key: string }).key)!.key).toBe(stage.path);
    }
  });
});
