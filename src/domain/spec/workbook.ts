// The workbook, declared once (SPEC sections 2 and 3): sheets, tables, columns, Settings,
// lists, computed formulas, conditional formats and the seed's own examples as samples.
// Every writer, the validator and the task pane read this; nothing else lists a column.
import type {
  ColumnSpec,
  ColumnType,
  ComputedFormula,
  ConditionalFormatSpec,
  ConfigSpec,
  LegendSpec,
  ListSpec,
  Localized,
  FormulaTemplate,
  NameSpec,
  OverviewCell,
  OverviewSpec,
  RuleFormat,
  SheetKey,
  SheetSpec,
  SpecRow,
  SpecValue,
  TableSpec,
  WorkbookSpec,
} from "./types";
import {
  BETTER_WHEN,
  CLOSED_TASK_STATUSES,
  DEAL_STATUS,
  type DealStatus,
  DEFAULT_DUE_SOON_DAYS,
  DEFAULT_LAG_ALERT_DAYS,
  DEFAULT_LTV_LIFETIME_CAP,
  DEFAULT_TIER_SETTINGS,
  EXISTING_CUSTOMER_STAGES,
  FOLLOW_UP_DAYS,
  GOAL_METRIC,
  LEAD_SOURCE,
  LEVEL,
  MARKET_FINDING_TYPE,
  MARKET_FRAMEWORK,
  NEW_CUSTOMER_STAGES,
  OPPORTUNITY_AFTER_STAGE,
  OUTCOME,
  PATH,
  RISK_CATEGORY,
  RISK_STATUS,
  SCHEMA_VERSION,
  STAGE,
  STRATEGY_DIMENSION,
  STRATEGY_MIX,
  TASK_STATUS,
  TIER,
  type Term,
  type TermList,
} from "./vocabulary";

const L = (en: string, zh: string): Localized => ({ en, zh });

/** Header labels that more than one table (or a table and its Settings list) share: written once. */
const HEADER = {
  customer: L("Customer", "客户名称"),
  status: L("Status", "状态"),
  stage: L("Stage", "阶段"),
  path: L("Path", "销售路径"),
  tier: L("Tier", "客户分层"),
  followUpDays: L("Follow-up days", "跟进周期天数"),
  impact: L("Impact", "影响程度"),
  start: L("Start", "开始日期"),
  region: L("Region", "区域"),
  target: L("Target", "目标值"),
  actual: L("Actual", "实际值"),
  outcome: L("Outcome", "结果"),
  framework: L("Framework", "分析框架"),
  dimension: L("Dimension", "维度"),
  betterWhen: L("Better when", "优化方向"),
  defaultProbability: L("Default probability", "默认概率"),
} as const;

/**
 * Number formats by meaning (SPEC section 7): rates as percentages, money with thousands
 * separators and no decimals, counts as whole numbers, ratios and months with one decimal.
 * Never "#,##0.##": Excel shows 15 in it as "15.".
 */
export const FORMAT = {
  date: "yyyy-mm-dd",
  rate: "0%",
  /** A small rate where a tenth of a percent matters (churn 2.5%). */
  fineRate: "0.0%",
  money: "#,##0",
  count: "#,##0",
  ratio: "0.0",
  months: "0.0",
  /** A score or a number of days. */
  whole: "0",
} as const;

const DEFAULTS: Record<ColumnType, Pick<ColumnSpec, "numberFormat" | "width">> = {
  text: { width: 22 },
  date: { numberFormat: FORMAT.date, width: 12 },
  number: { numberFormat: FORMAT.money, width: 14 },
  percent: { numberFormat: FORMAT.rate, width: 11 },
  int1to5: { numberFormat: FORMAT.whole, width: 10 },
  list: { width: 16 },
  ref: { width: 24 },
  computed: { width: 14 },
};

/** Text at least this wide is long text: it wraps rather than runs into the next column. */
const LONG_TEXT_WIDTH = 20;
/**
 * The same words in Chinese take about two thirds of the English width (fewer characters, each
 * about two units wide); never narrower than a date.
 */
const ZH_WIDTH_SHARE = 0.7;
const MIN_ZH_WIDTH = 12;

function column(key: string, header: Localized, type: ColumnType, more: Partial<ColumnSpec> = {}): ColumnSpec {
  const spec: ColumnSpec = { key, header, type, ...DEFAULTS[type], ...more };
  const text = type === "text" || type === "ref";
  const long = text && (spec.width ?? 0) >= LONG_TEXT_WIDTH;
  return {
    ...spec,
    ...(long && spec.wrap === undefined ? { wrap: true } : {}),
    ...(long && spec.zhWidth === undefined ? { zhWidth: Math.max(MIN_ZH_WIDTH, Math.round(spec.width! * ZH_WIDTH_SHARE)) } : {}),
  };
}

/** The header cells' own look, the colours of the table style they sit in (so readers without table styles agree). */
const HEADER_LOOK: Readonly<Record<string, RuleFormat>> = {
  TableStyleMedium2: { fill: "#4472C4", font: "#FFFFFF", bold: true },
  TableStyleMedium4: { fill: "#A5A5A5", font: "#FFFFFF", bold: true },
  TableStyleLight9: { fill: "#4472C4", font: "#FFFFFF", bold: true },
  TableStyleLight1: { bold: true },
};

const withHeaderLook = (t: TableSpec): TableSpec => (t.style && HEADER_LOOK[t.style] ? { ...t, headerFormat: HEADER_LOOK[t.style] } : t);

const term = (terms: TermList, key: string): SpecValue => ({ term: terms, key });

// ---------------------------------------------------------------------------------------
// Settings lists: every drop-down reads one of these defined names.

export const LIST = {
  taskStatus: "List_TaskStatus",
  dealStatus: "List_DealStatus",
  level: "List_Level",
  path: "List_Path",
  outcome: "List_Outcome",
  riskStatus: "List_RiskStatus",
  strategyMix: "List_StrategyMix",
  goalMetric: "List_GoalMetric",
  marketFramework: "List_MarketFramework",
  marketFindingType: "List_MarketFindingType",
  leadSource: "List_LeadSource",
  riskCategory: "List_RiskCategory",
  strategyDimension: "List_StrategyDimension",
  betterWhen: "List_BetterWhen",
  stage: "List_Stage",
  stagesNew: "List_StagesNew",
  stagesExisting: "List_StagesExisting",
  tier: "List_Tier",
  owner: "List_Owner",
  customer: "List_Customer",
} as const;

/** Term lists written as columns of the Settings Lists table, with the column's header. */
export const TERM_LISTS: readonly { readonly name: string; readonly terms: TermList; readonly header: Localized }[] = [
  { name: LIST.taskStatus, terms: TASK_STATUS, header: L("Task status", "任务状态") },
  { name: LIST.dealStatus, terms: DEAL_STATUS, header: L("Deal status", "商机状态") },
  { name: LIST.level, terms: LEVEL, header: L("Level", "高中低") },
  { name: LIST.path, terms: PATH, header: HEADER.path },
  { name: LIST.outcome, terms: OUTCOME, header: HEADER.outcome },
  { name: LIST.riskStatus, terms: RISK_STATUS, header: L("Risk status", "风险状态") },
  { name: LIST.strategyMix, terms: STRATEGY_MIX, header: L("Strategy mix", "策略组合") },
  { name: LIST.goalMetric, terms: GOAL_METRIC, header: L("Goal metric", "衡量指标") },
  { name: LIST.marketFramework, terms: MARKET_FRAMEWORK, header: HEADER.framework },
  { name: LIST.marketFindingType, terms: MARKET_FINDING_TYPE, header: L("Finding type", "分析类型") },
  { name: LIST.leadSource, terms: LEAD_SOURCE, header: L("Lead source", "线索来源") },
  { name: LIST.riskCategory, terms: RISK_CATEGORY, header: L("Risk category", "风险类别") },
  { name: LIST.strategyDimension, terms: STRATEGY_DIMENSION, header: HEADER.dimension },
  { name: LIST.betterWhen, terms: BETTER_WHEN, header: HEADER.betterWhen },
];

// ---------------------------------------------------------------------------------------
// Formula pieces. Words are matched in both languages (and any case), so the same formula
// text serves an English and a Chinese workbook.

/** The English and Chinese words of `keys`, lower-cased as LOWER() leaves them. */
function wordsOf(terms: TermList, keys: readonly string[]): string[] {
  return terms.terms
    .filter((t: Term) => keys.includes(t.key))
    .flatMap((t: Term) => [t.en, t.zh])
    .map((w) => w.toLocaleLowerCase("en-US"));
}

/** TRUE when `ref` holds the English or Chinese word of one of `keys`. */
function isWord(ref: string, terms: TermList, keys: readonly string[]): string {
  return `OR(${wordsOf(terms, keys)
    .map((w) => `LOWER(TRIM(${ref}))="${w}"`)
    .join(",")})`;
}

/** Array form of isWord for SUMPRODUCT (OR would fold a whole column into one value): 1 or 0 per row. */
function isWordEach(ref: string, terms: TermList, keys: readonly string[]): string {
  return `(${wordsOf(terms, keys)
    .map((w) => `(LOWER(TRIM(${ref}))="${w}")`)
    .join("+")})`;
}

const taskClosed = (status: string) => isWord(status, TASK_STATUS, CLOSED_TASK_STATUSES);

/** The new-customer stages from `position` (1-based, a number or a formula giving one) to the last. */
const stagesFrom = (position: number | string) => `INDEX(${LIST.stagesNew},${position}):INDEX(${LIST.stagesNew},${NEW_CUSTOMER_STAGES.length})`;

/** Count of rows of `stages` that reached the new-customer stage at `position` or beyond. */
function reached(stages: string, position: number | string): string {
  return `SUMPRODUCT(COUNTIF(${stages},${stagesFrom(position)}))`;
}

/** Like reached, counting only rows whose status (in either language) is `status`. */
function reachedWithStatus(stages: string, position: number, statuses: string, status: DealStatus): string {
  return wordsOf(DEAL_STATUS, [status])
    .map((w) => `SUMPRODUCT(COUNTIFS(${stages},${stagesFrom(position)},${statuses},"${w}"))`)
    .join("+");
}
const stagePosition = (key: string) => NEW_CUSTOMER_STAGES.findIndex((s) => s.key === key) + 1;
// A lead becomes an opportunity once it passes the initial needs call (SPEC section 2).
const OPPORTUNITY_FROM = stagePosition(OPPORTUNITY_AFTER_STAGE) + 1;

const blankGuard = (refs: readonly string[], body: string) => `=IF(OR(${refs.map((r) => `${r}=""`).join(",")}),"",${body})`;

/** SALES.* in one form, native Excel in the other, with the same guard around both. */
function both(guard: (body: string) => string, functions: string, portable: string): ComputedFormula {
  return { functions: guard(functions), portable: guard(portable) };
}

// The seed's SMART letters (see metrics/goals.ts smartFailures), natively.
const SMART_MAX_MULTIPLE = 3;
const smartPortable = (() => {
  const g = "{@goal}",
    m = "{@metric}",
    t = "{@target}",
    d = "{@deadline}",
    b = "{@baseline}",
    s = "{@start}";
  const S = `AND(ISTEXT(${g}),TRIM(${g})<>"",NOT(ISNUMBER(VALUE(${g}))))`;
  // A target of 0 is no target: it is what a blank cell reaches SALES.SMART as on older Windows builds.
  const M = `AND(ISNUMBER(${t}),${t}<>0)`;
  const A = `AND(ISNUMBER(${t}),${t}>0,NOT(AND(${isWord(m, GOAL_METRIC, ["conversionRate"])},${t}>1)),NOT(AND(ISNUMBER(${b}),${b}>0,${t}>${b}*${SMART_MAX_MULTIPLE})))`;
  const R = isWord(
    m,
    GOAL_METRIC,
    GOAL_METRIC.terms.map((x) => x.key),
  );
  const T = `AND(ISNUMBER(${d}),${d}>0,OR(${s}="",AND(ISNUMBER(${s}),${d}>${s})))`;
  const letters = [
    ["S", S],
    ["M", M],
    ["A", A],
    ["R", R],
    ["T", T],
  ]
    .map(([letter, ok]) => `IF(${ok},""," ${letter}")`)
    .join("&");
  return `=IF({@goal}="","",IF(TRIM(${letters})="","✓",TRIM(${letters})))`;
})();

// Bad input is an error, as SALES.TIER gives, never a tier: text compares above every number
// and an unknown growth word would otherwise fall through to maintain.
const tierPortable =
  `IF(NOT(ISNUMBER({@value})),#VALUE!,IF({@value}<0,#NUM!,` +
  `IF(NOT(ISNUMBER({@winProbability})),#VALUE!,IF(OR({@winProbability}<0,{@winProbability}>1),#NUM!,` +
  `IF(NOT(${isWord(
    "{@growth}",
    LEVEL,
    LEVEL.terms.map((t) => t.key),
  )}),NA(),` +
  `IF(AND({@value}>=TierHighValue,{@winProbability}>=TierHighWinProbability),INDEX(${LIST.tier},1),` +
  `IF({@value}>=TierMediumValue,INDEX(${LIST.tier},2),` +
  `IF(${isWord("{@growth}", LEVEL, ["high"])},INDEX(${LIST.tier},3),INDEX(${LIST.tier},4)))))))))`;

export const FORMULAS = {
  attainment: both((body) => blankGuard(["{@actual}", "{@target}"], body), "SALES.ATTAINMENT({@actual},{@target})", "{@actual}/{@target}"),
  smart: {
    functions: blankGuard(["{@goal}"], "SALES.SMART({@goal},{@metric},{@target},{@deadline},{@baseline},{@start})"),
    portable: smartPortable,
  },
  tier: both(
    (body) => blankGuard(["{@value}", "{@winProbability}", "TRIM({@growth})"], body),
    "SALES.TIER({@value},{@winProbability},{@growth},TierHighValue,TierMediumValue,TierHighWinProbability,Language)",
    tierPortable,
  ),
  followUpDays: { native: `=IF({@tier}="","",IFERROR(INDEX(FollowUpDays,MATCH({@tier},${LIST.tier},0)),""))` },
  nextContact: { native: blankGuard(["{@lastContact}", "{@followUpDays}"], "{@lastContact}+{@followUpDays}") },
  daysLate: {
    native:
      `=IF(OR({@due}="",${isWord("{@status}", TASK_STATUS, ["cancelled"])}),"",` +
      `IF(${isWord("{@status}", TASK_STATUS, ["done"])},IF({@completedOn}="","",MAX(0,{@completedOn}-{@due})),MAX(0,TODAY()-{@due})))`,
  },
  score: { native: blankGuard(["{@likelihood}", "{@impact}"], "{@likelihood}*{@impact}") },
  variance: { native: `=IFERROR(IF(OR({@actual}="",{@target}=""),"",{@actual}-{@target}),"")` },
  onTrack: {
    native:
      `=IFERROR(IF(OR({@actual}="",{@target}=""),"",IF(${isWord("{@better}", BETTER_WHEN, ["lower"])},` +
      `IF({@actual}<={@target},"✓","✗"),IF({@actual}>={@target},"✓","✗"))),"")`,
  },
} satisfies Record<string, ComputedFormula>;

// Review metrics: one row each, the Actual cell's formula differs per row.
const pipelineStages = "{Pipeline:stage}";
const pipelineStatus = "{Pipeline:status}";
const spend = "{ReviewInputs:salesSpend:marketingSpend}";
const newCustomers = "{ReviewInputs:newCustomers}";
const avg = (key: string) => `AVERAGE({ReviewInputs:${key}})`;
const wonOrLost = (key: "won" | "lost") =>
  wordsOf(DEAL_STATUS, [key])
    .map((w) => `COUNTIF(${pipelineStatus},"${w}")`)
    .join("+");
const cacPortable = `SUM(${spend})/SUM(${newCustomers})`;
const cacFunctions = `SALES.CAC(${spend},${newCustomers})`;
const ltvPortable = `${avg("arpu")}*${avg("grossMargin")}*IF(${avg("churnRate")}=0,LtvLifetimeCap,MIN(1/${avg("churnRate")},LtvLifetimeCap))`;
const ltvFunctions = `SALES.LTV(${avg("arpu")},${avg("grossMargin")},${avg("churnRate")},LtvLifetimeCap)`;
// SPEC: a blank Probability is the stage's default (Settings). Arithmetic rather than IF, so
// SUMPRODUCT and SALES.WEIGHTED take it row by row without array entry in every engine.
const probabilityOrDefault = `{Pipeline:probability}+({Pipeline:probability}="")*SUMIF(${LIST.stage},{Pipeline:stage},StageProbability)`;
const ifAny =
  (range: string, count = "COUNTA") =>
  (body: string) =>
    `=IF(${count}(${range})=0,"",${body})`;
const ifInputs = ifAny(newCustomers, "COUNT");
const ifLtvInputs = (body: string) => `=IF(OR(COUNT(${newCustomers})=0,COUNT({ReviewInputs:arpu})=0),"",${body})`;

interface ReviewMetric {
  readonly key: string;
  /** The metric's name, with its unit. */
  readonly metric: Localized;
  /** How its Target, Actual and Variance show. */
  readonly format: string;
  readonly target?: number;
  readonly better: "higher" | "lower";
  readonly actual: ComputedFormula;
}

export const REVIEW_METRICS: readonly ReviewMetric[] = [
  {
    key: "leadToOpportunity",
    metric: L("Lead → opportunity conversion (%)", "线索→商机转化率（%）"),
    format: FORMAT.rate,
    target: 0.3,
    better: "higher",
    actual: both(
      ifAny(pipelineStages),
      `SALES.CONVERSION(${pipelineStages},INDEX(${LIST.stagesNew},1),INDEX(${LIST.stagesNew},${OPPORTUNITY_FROM}))`,
      `${reached(pipelineStages, OPPORTUNITY_FROM)}/${reached(pipelineStages, 1)}`,
    ),
  },
  {
    key: "opportunityToDeal",
    metric: L("Opportunity → deal conversion (%)", "商机→成交率（%）"),
    format: FORMAT.rate,
    target: 0.4,
    better: "higher",
    // An opportunity becomes a deal when won (SPEC section 2), whatever stage it was won at.
    // No SALES function counts by stage and status at once, so both forms use this one.
    actual: {
      native: ifAny(pipelineStages)(
        `(${reachedWithStatus(pipelineStages, OPPORTUNITY_FROM, pipelineStatus, "won")})/${reached(pipelineStages, OPPORTUNITY_FROM)}`,
      ),
    },
  },
  {
    key: "winRate",
    metric: L("Win rate (%)", "赢单率（%）"),
    format: FORMAT.rate,
    target: 0.3,
    better: "higher",
    actual: both(ifAny(pipelineStatus), `SALES.WINRATE(${pipelineStatus})`, `(${wonOrLost("won")})/(${wonOrLost("won")}+${wonOrLost("lost")})`),
  },
  {
    key: "cac",
    metric: L("Customer acquisition cost, CAC (amount)", "客户获取成本CAC（金额）"),
    format: FORMAT.money,
    target: 20000,
    better: "lower",
    actual: both(ifInputs, cacFunctions, cacPortable),
  },
  {
    key: "ltv",
    metric: L("Customer lifetime value, LTV (amount)", "客户生命周期价值LTV（金额）"),
    format: FORMAT.money,
    target: 100000,
    better: "higher",
    actual: both(ifAny("{ReviewInputs:arpu}", "COUNT"), ltvFunctions, ltvPortable),
  },
  {
    key: "ltvToCac",
    metric: L("LTV / CAC (times)", "LTV/CAC（倍）"),
    format: FORMAT.ratio,
    target: 3,
    better: "higher",
    actual: both(ifLtvInputs, `SALES.LTVCAC(${ltvFunctions},${cacFunctions})`, `(${ltvPortable})/(${cacPortable})`),
  },
  {
    key: "paybackMonths",
    metric: L("CAC payback (months)", "CAC回收期（月）"),
    format: FORMAT.months,
    target: 12,
    better: "lower",
    actual: both(
      ifLtvInputs,
      `SALES.PAYBACK(${cacFunctions},${avg("arpu")},${avg("grossMargin")})`,
      `(${cacPortable})/(${avg("arpu")}*${avg("grossMargin")})`,
    ),
  },
  {
    key: "weightedPipeline",
    metric: L("Weighted open pipeline (amount)", "加权在途商机（金额）"),
    format: FORMAT.money,
    better: "higher",
    actual: both(
      ifAny("{Pipeline:amount}", "COUNT"),
      `SALES.WEIGHTED({Pipeline:amount},${probabilityOrDefault},{Pipeline:status})`,
      `SUMPRODUCT(${isWordEach("{Pipeline:status}", DEAL_STATUS, ["open"])},{Pipeline:amount},${probabilityOrDefault})`,
    ),
  },
  {
    key: "laggingTasks",
    metric: L("Tasks lagging beyond alert days (count)", "滞后超预警天数的任务（个）"),
    format: FORMAT.count,
    target: 0,
    better: "lower",
    actual: both(
      ifAny("{Tasks:due}", "COUNT"),
      "SALES.OVERDUE({Tasks:due},{Tasks:status},TODAY(),LagAlertDays)",
      `SUMPRODUCT(ISNUMBER({Tasks:due})*(TODAY()-{Tasks:due}>LagAlertDays)*(1-${isWordEach("{Tasks:status}", TASK_STATUS, CLOSED_TASK_STATUSES)}))`,
    ),
  },
];

// The funnel (SPEC section 2, Review; SALES.FUNNEL's rows as a table, since a spill cannot sit
// inside one): a row per new-customer stage, its Stage cell written at set-up in the workbook's
// language and found in the Settings stage list, so the formulas are the same in every row.
const funnelPosition = `MATCH({@stage},${LIST.stagesNew},0)`;
// The row above: the header (text) for the first stage, so a number there means a previous stage.
const previousReached = "OFFSET({@reached},-1,0)";
const FUNNEL_FORMULAS = {
  // A row reached every stage up to its own: count the rows at this stage or beyond.
  reached: { native: `=IF({@stage}="","",${reached(pipelineStages, funnelPosition)})` },
  // Blank for the first stage and after a stage nobody reached, never #DIV/0! in a shared sheet.
  conversion: {
    native: `=IF(AND(ISNUMBER({@reached}),ISNUMBER(${previousReached})),IF(${previousReached}=0,"",{@reached}/${previousReached}),"")`,
  },
  probability: { native: `=IF({@stage}="","",IFERROR(INDEX(StageProbability,MATCH({@stage},${LIST.stage},0)),""))` },
} satisfies Record<string, ComputedFormula>;

// ---------------------------------------------------------------------------------------
// Sample people and customers (the seed masks names as *经理, *技术专员, *销售代表).

const MANAGER = L("Manager Wang", "王经理");
const SPECIALIST = L("Tech specialist Li", "李技术专员");
const REP = L("Sales rep Chen", "陈销售代表");

// The seed's own phrases, each used by more than one sample row (a goal names its strategy).
const EAST_CHINA = L("East China", "华东");
const MANUFACTURING = L("Manufacturing", "制造业");
// The seed's goals name their quarter ("Q3..."): the samples name the setup day's quarter and span it.
const QUARTER_GOAL: SpecValue = { quarterly: L("{Q} East China manufacturing: sign 15 new customers", "{Q}华东区域制造业新签客户15家") };
const THIS_QUARTER = { start: { quarter: 0, day: "first" }, deadline: { quarter: 0, day: "last" } } as const;
const TECHNICAL_STRATEGY = L(
  "Technical strategy: 3 manufacturing success-case demos with the technical team",
  "技术型策略：联合技术部提供3个制造业成功案例演示",
);
const KEY_ACCOUNT_CONVERSION = L("Key-account follow-up conversion ≥ 40%", "重点客户跟进转化率≥40%");

const C1 = L("East China Precision Manufacturing Co.", "华东精密制造有限公司");
const C2 = L("Suzhou Smart Equipment Co.", "苏州智能装备有限公司");
const C3 = L("Hangzhou New Energy Tech", "杭州新能源科技有限公司");
const C4 = L("Shanghai Trading Co.", "上海商贸有限公司");
const C5 = L("Ningbo Logistics (new lead)", "宁波物流（新线索）");

// Owners warn rather than refuse: the roster may be empty at setup or lag behind the team.
const OWNER = (required: boolean) => column("owner", L("Owner", "负责人"), "list", { list: LIST.owner, required, width: 16, openList: true });

const NEEDS_RESEARCH_STANDARD = L(
  "Customer Needs Confirmation: 3 core pain points and the expected solution",
  "形成《客户需求确认书》，包含3项核心痛点与期望解决方案",
);

// ---------------------------------------------------------------------------------------
// Sheets and tables.

// Every table is wider than a portrait page; each prints one page wide, landscape.
const WIDE = { orientation: "landscape" } as const;

export const SHEETS: readonly SheetSpec[] = [
  { key: "overview", name: L("Overview", "总览"), visible: true, tabColor: "#404040", print: { orientation: "portrait" } },
  { key: "goals", name: L("Goals", "销售目标"), visible: true, tabColor: "#2E75B6", print: WIDE },
  { key: "strategy", name: L("Strategy", "策略规划"), visible: true, tabColor: "#2E75B6", print: WIDE },
  { key: "market", name: L("Market", "市场分析"), visible: true, tabColor: "#2E75B6", print: WIDE },
  { key: "customers", name: L("Customers", "客户分层"), visible: true, tabColor: "#548235", print: WIDE },
  { key: "tasks", name: L("Tasks", "任务矩阵"), visible: true, tabColor: "#548235", print: WIDE },
  { key: "pipeline", name: L("Pipeline", "商机"), visible: true, tabColor: "#548235", print: WIDE },
  { key: "risks", name: L("Risks", "风险预警"), visible: true, tabColor: "#C00000", print: WIDE },
  { key: "review", name: L("Review", "复盘"), visible: true, tabColor: "#7030A0", print: WIDE },
  { key: "playbook", name: L("Playbook", "经验沉淀"), visible: true, tabColor: "#7030A0", print: WIDE },
  { key: "settings", name: L("Settings", "设置"), visible: false },
];

const STYLE = "TableStyleMedium2";

const goals: TableSpec = {
  name: "SalesGoals",
  sheet: "goals",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("goal", L("Goal", "目标"), "text", {
      required: true,
      width: 40,
      input: L("Specific goal, e.g. Q3 East China manufacturing: 15 new customers.", "具体目标，例如：Q3华东区域制造业新签客户15家。"),
    }),
    column("region", HEADER.region, "text", { width: 12 }),
    column("segment", L("Segment", "客户类型"), "text", { width: 18 }),
    column("metric", L("Metric", "衡量指标"), "list", { list: LIST.goalMetric, required: true }),
    // No column format: each row shows its Metric's (GOAL_VALUE_FORMATS, as conditional formats).
    column("baseline", L("Baseline", "基准值"), "number", { numberFormat: undefined }),
    column("target", HEADER.target, "number", { required: true, numberFormat: undefined }),
    column("start", HEADER.start, "date"),
    column("deadline", L("Deadline", "截止日期"), "date", { required: true }),
    OWNER(true),
    column("linkedStrategy", L("Linked strategy", "关联策略"), "text", { width: 30 }),
    column("actual", HEADER.actual, "number", { numberFormat: undefined }),
    column("attainment", L("Attainment", "达成率"), "computed", { formula: FORMULAS.attainment, numberFormat: FORMAT.rate, width: 11 }),
    column("smart", L("SMART", "SMART检查"), "computed", { formula: FORMULAS.smart, width: 11 }),
  ],
  sample: [
    {
      goal: QUARTER_GOAL,
      region: EAST_CHINA,
      segment: MANUFACTURING,
      metric: term(GOAL_METRIC, "newCustomers"),
      baseline: 10,
      target: 15,
      ...THIS_QUARTER,
      owner: MANAGER,
      linkedStrategy: TECHNICAL_STRATEGY,
      actual: 6,
    },
    {
      goal: {
        quarterly: L(
          "{Q} East China new customers up 30% on {Q-1}, manufacturing at least 50%",
          "{Q}华东区域新签客户数量较{Q-1}增长30%，其中制造业客户占比不低于50%",
        ),
      },
      region: EAST_CHINA,
      metric: term(GOAL_METRIC, "newCustomers"),
      baseline: 20,
      target: 26,
      ...THIS_QUARTER,
      owner: MANAGER,
      actual: 12,
    },
    {
      goal: KEY_ACCOUNT_CONVERSION,
      segment: L("Key breakthrough", "重点突破型"),
      metric: term(GOAL_METRIC, "conversionRate"),
      baseline: 0.3,
      target: 0.4,
      ...THIS_QUARTER,
      owner: REP,
      actual: 0.25,
    },
  ],
};

const strategy: TableSpec = {
  name: "StrategyPlan",
  sheet: "strategy",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("dimension", HEADER.dimension, "list", { list: LIST.strategyDimension, required: true, openList: true }),
    column("description", L("Description", "内容说明"), "text", { width: 36 }),
    column("plan", L("Plan", "具体规划"), "text", { width: 44 }),
    OWNER(false),
    column("due", L("Due", "时间节点"), "date"),
    column("resources", L("Resources", "资源需求"), "text", { width: 24 }),
    column("expectedResult", L("Expected result", "预期结果"), "text", { width: 24 }),
    column("status", HEADER.status, "list", { list: LIST.taskStatus }),
  ],
  // The seed's Template 1 (销售策略规划表), row by row.
  sample: [
    {
      dimension: term(STRATEGY_DIMENSION, "salesGoal"),
      description: L("Specific goal by region, product or customer type", "明确区域/产品/客户类型的具体目标"),
      plan: QUARTER_GOAL,
      owner: MANAGER,
      due: { days: 0 },
      resources: L("Marketing's industry data report", "市场部行业数据报告"),
      expectedResult: L("Goal attainment ≥ 90%", "目标达成率≥90%"),
      status: term(TASK_STATUS, "inProgress"),
    },
    {
      dimension: term(STRATEGY_DIMENSION, "coreStrategy"),
      description: L("Key strategy for target customers (technical / service / price)", "针对目标客户的关键策略（技术/服务/价格等）"),
      plan: TECHNICAL_STRATEGY,
      owner: SPECIALIST,
      due: { days: 14 },
      resources: L("Case library", "案例库素材"),
      expectedResult: L("Customer approval of the solution ≥ 80%", "客户方案认可度≥80%"),
      status: term(TASK_STATUS, "notStarted"),
    },
    {
      dimension: term(STRATEGY_DIMENSION, "customerTiering"),
      description: L("Key / opportunity / potential customers and their criteria", "重点/机会/潜力客户分类及标准"),
      plan: L("Key breakthrough: annual revenue over 50 million, clear digitalization need", "重点突破型：年营收超5000万，有明确数字化升级需求"),
      owner: REP,
      due: { days: 9 },
      resources: L("Customer profile tag library", "客户画像标签库"),
      expectedResult: KEY_ACCOUNT_CONVERSION,
      status: term(TASK_STATUS, "notStarted"),
    },
  ],
};

const market: TableSpec = {
  name: "MarketAnalysis",
  sheet: "market",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("framework", HEADER.framework, "list", { list: LIST.marketFramework, required: true }),
    column("factor", L("Factor", "因素"), "text", { required: true, width: 18 }),
    column("finding", L("Finding", "分析发现"), "text", { width: 40 }),
    column("impact", HEADER.impact, "list", { list: LIST.level, width: 11 }),
    column("type", L("Type", "类型"), "list", { list: LIST.marketFindingType, width: 12 }),
    column("response", L("Response", "应对措施"), "text", { width: 40 }),
    OWNER(false),
  ],
  sample: [
    {
      framework: term(MARKET_FRAMEWORK, "pest"),
      factor: L("Technology", "技术"),
      finding: L("Manufacturers are upgrading to digital operations", "制造业数字化升级需求上升"),
      impact: term(LEVEL, "high"),
      type: term(MARKET_FINDING_TYPE, "opportunity"),
      response: L("Lead with a manufacturing digitalization offer", "推出制造业数字化升级方案"),
      owner: MANAGER,
    },
    {
      framework: term(MARKET_FRAMEWORK, "fiveForces"),
      factor: L("Competitors", "竞争者"),
      finding: L("A competitor launched a similar feature", "竞品推出同类功能"),
      impact: term(LEVEL, "high"),
      type: term(MARKET_FINDING_TYPE, "threat"),
      response: L("Stress our differentiators, e.g. the exclusive patented technology", "突出自身产品的差异化优势（如独家专利技术）"),
      owner: SPECIALIST,
    },
    {
      framework: term(MARKET_FRAMEWORK, "advantage"),
      factor: L("Service", "服务"),
      finding: L("Fast after-sales response and training", "售后响应速度快，培训支持完善"),
      impact: term(LEVEL, "medium"),
      type: term(MARKET_FINDING_TYPE, "strength"),
      response: L("Service strategy for customers who value support", "服务型策略：强调售后响应速度与培训支持"),
      owner: REP,
    },
  ],
};

const customers: TableSpec = {
  name: "Customers",
  sheet: "customers",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("customer", HEADER.customer, "text", {
      required: true,
      unique: true,
      width: 30,
      // Said once: inputMessage puts "Required." in front of a required column's own words.
      input: L("Unique: tasks, pipeline and risks pick customers from this column.", "不可重复：任务、商机和风险从此列选择客户。"),
    }),
    column("industry", L("Industry", "行业"), "text", { width: 14 }),
    column("region", HEADER.region, "text", { width: 12 }),
    column("annualRevenue", L("Annual revenue", "年营收"), "number", { width: 16 }),
    column("value", L("Value", "客户价值"), "number", {
      input: L(
        "ARPU or expected annual value; with win probability and growth it sets the tier.",
        "ARPU值或预计年价值；与转化概率、增长潜力一起决定客户分层。",
      ),
    }),
    column("growth", L("Growth potential", "增长潜力"), "list", { list: LIST.level, width: 12 }),
    column("winProbability", L("Win probability", "转化概率"), "percent", { width: 12 }),
    column("decisionChain", L("Decision chain", "决策链"), "text", { width: 26 }),
    column("coreNeeds", L("Core needs", "核心需求"), "text", { width: 24 }),
    column("painPoints", L("Pain points", "痛点"), "text", { width: 24 }),
    column("tier", HEADER.tier, "computed", { formula: FORMULAS.tier, width: 20 }),
    column("followUpDays", HEADER.followUpDays, "computed", { formula: FORMULAS.followUpDays, numberFormat: FORMAT.whole, width: 12 }),
    column("strategy", L("Strategy", "策略组合"), "list", { list: LIST.strategyMix, width: 14 }),
    OWNER(true),
    column("lastContact", L("Last contact", "最近联系"), "date"),
    column("nextContact", L("Next contact", "下次联系"), "computed", { formula: FORMULAS.nextContact, numberFormat: "yyyy-mm-dd", width: 12 }),
  ],
  sample: [
    {
      customer: C1,
      industry: MANUFACTURING,
      region: EAST_CHINA,
      annualRevenue: 80_000_000,
      value: 1_500_000,
      growth: term(LEVEL, "high"),
      winProbability: 0.6,
      decisionChain: L("IT department, purchasing, general manager", "技术部门、采购部门、总经理"),
      coreNeeds: L("Digital upgrade, cost and efficiency", "数字化升级、降本增效"),
      painPoints: L("Long purchasing cycle", "采购周期长"),
      strategy: term(STRATEGY_MIX, "technical"),
      owner: REP,
      lastContact: { days: -5 },
    },
    {
      customer: C2,
      industry: MANUFACTURING,
      region: EAST_CHINA,
      annualRevenue: 30_000_000,
      value: 500_000,
      growth: term(LEVEL, "medium"),
      winProbability: 0.3,
      decisionChain: L("Production manager, purchasing", "生产负责人、采购部门"),
      coreNeeds: L("Line automation", "产线自动化"),
      painPoints: L("Slow after-sales response", "售后响应慢"),
      strategy: term(STRATEGY_MIX, "service"),
      owner: SPECIALIST,
      lastContact: { days: -20 },
    },
    {
      customer: C3,
      industry: L("New energy", "新能源"),
      region: EAST_CHINA,
      annualRevenue: 8_000_000,
      value: 100_000,
      growth: term(LEVEL, "high"),
      winProbability: 0.2,
      coreNeeds: L("Energy monitoring", "能耗监测"),
      strategy: term(STRATEGY_MIX, "technical"),
      owner: REP,
      lastContact: { days: -10 },
    },
    {
      customer: C4,
      industry: L("Trading", "商贸"),
      region: EAST_CHINA,
      annualRevenue: 5_000_000,
      value: 50_000,
      growth: term(LEVEL, "low"),
      winProbability: 0.4,
      painPoints: L("Price sensitive", "价格敏感"),
      strategy: term(STRATEGY_MIX, "price"),
      owner: REP,
      lastContact: { days: -100 },
    },
    {
      customer: C5,
      industry: L("Logistics", "物流"),
      region: EAST_CHINA,
      owner: REP,
    },
  ],
};

const tasks: TableSpec = {
  name: "Tasks",
  sheet: "tasks",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("id", L("ID", "编号"), "text", { required: true, unique: true, width: 9 }),
    column("customer", HEADER.customer, "ref", { required: true, ref: { table: "Customers", column: "customer" } }),
    column("path", HEADER.path, "list", { list: LIST.path, required: true, width: 16 }),
    column("stage", HEADER.stage, "list", {
      list: LIST.stage,
      // SPEC: Stage offers that path's stages; all of them until the path is known.
      listFormula:
        `=IF(${isWord("{@path}", PATH, ["existing"])},${LIST.stagesExisting},` +
        `IF(${isWord("{@path}", PATH, ["new"])},${LIST.stagesNew},${LIST.stage}))`,
      required: true,
      width: 20,
      input: L("A stage of the task's path (new or existing customer).", "所选销售路径（新客户/老客户）中的阶段。"),
    }),
    column("action", L("Action", "关键动作"), "text", { required: true, width: 30 }),
    column("outputStandard", L("Output standard", "输出标准"), "text", {
      width: 36,
      input: L(
        "What done looks like, e.g. a Customer Needs Confirmation with 3 core pain points.",
        "节点的输出标准，例如：形成《客户需求确认书》，包含3项核心痛点。",
      ),
    }),
    OWNER(true),
    column("support", L("Support", "支持资源"), "text", { width: 24 }),
    column("start", HEADER.start, "date"),
    column("due", L("Due", "截止日期"), "date", { required: true, notBefore: "start" }),
    column("status", HEADER.status, "list", { list: LIST.taskStatus, required: true, width: 12 }),
    column("completedOn", L("Completed on", "完成日期"), "date", { requiredWhen: { column: "status", is: ["done"], onlyThen: true } }),
    column("daysLate", L("Days late", "滞后天数"), "computed", { formula: FORMULAS.daysLate, numberFormat: FORMAT.whole, width: 10 }),
    column("reason", L("Reason", "滞后原因"), "text", { width: 26 }),
  ],
  // Due dates relative to the setup day, so lagging, overdue and due-soon rows exist.
  sample: [
    {
      id: "T-001",
      customer: C1,
      path: term(PATH, "new"),
      stage: term(STAGE, "leadAcquisition"),
      action: L("Lead screening", "线索筛选"),
      outputStandard: L("Qualified lead with a named contact", "确认有效线索及对接人"),
      owner: REP,
      support: L("Marketing: industry white paper", "市场部提供行业白皮书"),
      start: { days: -30 },
      due: { days: -25 },
      status: term(TASK_STATUS, "done"),
      completedOn: { days: -26 },
    },
    {
      id: "T-002",
      customer: C1,
      path: term(PATH, "new"),
      stage: term(STAGE, "initialNeedsCall"),
      action: L("Needs research", "需求调研"),
      outputStandard: NEEDS_RESEARCH_STANDARD,
      owner: SPECIALIST,
      start: { days: -20 },
      due: { days: -10 },
      status: term(TASK_STATUS, "inProgress"),
      reason: L("Complex decision chain at the customer", "客户决策链复杂"),
    },
    {
      id: "T-003",
      customer: C1,
      path: term(PATH, "new"),
      stage: term(STAGE, "productDemo"),
      action: L("Technical demo with 3 manufacturing cases", "技术演示+客户案例分享"),
      outputStandard: L("Demo held, feedback recorded", "完成演示并记录客户反馈"),
      owner: SPECIALIST,
      support: L("Technical team: custom demo", "技术部协助定制方案演示"),
      start: { days: -7 },
      due: { days: -2 },
      status: term(TASK_STATUS, "notStarted"),
    },
    {
      id: "T-004",
      customer: C1,
      path: term(PATH, "new"),
      stage: term(STAGE, "proposal"),
      action: L("Proposal submission", "方案提交"),
      outputStandard: L("Proposal covering the 3 confirmed pain points", "方案覆盖3项已确认的核心痛点"),
      owner: REP,
      start: { days: -3 },
      due: { days: 2 },
      status: term(TASK_STATUS, "inProgress"),
    },
    {
      id: "T-005",
      customer: C1,
      path: term(PATH, "new"),
      stage: term(STAGE, "negotiation"),
      action: L("Contract terms review", "合同条款审核"),
      outputStandard: L("Terms agreed by both legal teams", "双方法务确认合同条款"),
      owner: MANAGER,
      support: L("Legal: contract review", "法务部审核合同条款"),
      start: { days: -12 },
      due: { days: -5 },
      status: term(TASK_STATUS, "blocked"),
      reason: L("Internal resources hard to coordinate", "内部资源协调不畅"),
    },
    {
      id: "T-006",
      customer: C2,
      path: term(PATH, "existing"),
      stage: term(STAGE, "periodicReview"),
      action: L("Quarterly satisfaction survey", "季度满意度调研"),
      outputStandard: L("Survey returned, scores logged", "回收调研问卷并记录评分"),
      owner: SPECIALIST,
      start: { days: 3 },
      due: { days: 10 },
      status: term(TASK_STATUS, "notStarted"),
    },
    {
      id: "T-007",
      customer: C2,
      path: term(PATH, "existing"),
      stage: term(STAGE, "needsDiscovery"),
      action: L("New business scenarios", "新增业务场景挖掘"),
      owner: SPECIALIST,
      start: { days: -14 },
      due: { days: -6 },
      status: term(TASK_STATUS, "cancelled"),
    },
  ],
};

const pipeline: TableSpec = {
  name: "Pipeline",
  sheet: "pipeline",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("opportunity", L("Opportunity", "商机名称"), "text", { required: true, width: 30 }),
    column("customer", HEADER.customer, "ref", { required: true, ref: { table: "Customers", column: "customer" } }),
    column("source", L("Source", "线索来源"), "list", { list: LIST.leadSource, width: 14 }),
    column("stage", L("Stage", "当前阶段"), "list", {
      list: LIST.stage,
      required: true,
      width: 20,
      input: L("The furthest stage this opportunity has reached.", "该商机已到达的最远阶段。"),
    }),
    column("status", HEADER.status, "list", { list: LIST.dealStatus, required: true, width: 11 }),
    column("amount", L("Amount", "金额"), "number"),
    column("probability", L("Probability", "成交概率"), "percent", {
      defaultFrom: "stage",
      input: L(
        "Chance to win, 0% to 100%; leave blank to use the stage's default (Settings).",
        "赢单可能性，0%到100%；留空则使用该阶段的默认概率（见“设置”）。",
      ),
    }),
    column("created", L("Created", "创建日期"), "date", { required: true }),
    column("expectedClose", L("Expected close", "预计成交"), "date", { notBefore: "created" }),
    column("closedOn", L("Closed on", "关闭日期"), "date", { notBefore: "created", requiredWhen: { column: "status", is: ["won", "lost"] } }),
    column("lostReason", L("Lost reason", "输单原因"), "text", {
      requiredWhen: { column: "status", is: ["lost"] },
      width: 28,
      input: L("Required when the status is lost.", "状态为输单时必填。"),
    }),
    OWNER(false),
  ],
  sample: [
    {
      opportunity: L("MES digital upgrade", "MES数字化升级项目"),
      customer: C1,
      source: term(LEAD_SOURCE, "tradeShow"),
      stage: term(STAGE, "proposal"),
      status: term(DEAL_STATUS, "open"),
      amount: 1_200_000,
      probability: 0.6,
      created: { days: -40 },
      expectedClose: { days: 30 },
      owner: REP,
    },
    {
      opportunity: L("Line automation expansion", "产线自动化增购"),
      customer: C2,
      source: term(LEAD_SOURCE, "existingCustomer"),
      stage: term(STAGE, "signing"),
      status: term(DEAL_STATUS, "won"),
      amount: 300_000,
      probability: 1,
      created: { days: -90 },
      closedOn: { days: -20 },
      owner: SPECIALIST,
    },
    {
      opportunity: L("Energy monitoring pilot", "能耗监测试点"),
      customer: C3,
      source: term(LEAD_SOURCE, "online"),
      stage: term(STAGE, "productDemo"),
      status: term(DEAL_STATUS, "lost"),
      amount: 80_000,
      created: { days: -60 },
      closedOn: { days: -15 },
      lostReason: L("Needs research too thin; the proposal missed", "需求调研不充分导致方案不符"),
      owner: REP,
    },
    {
      opportunity: L("Warehouse system enquiry", "仓储系统咨询"),
      customer: C5,
      source: term(LEAD_SOURCE, "referral"),
      stage: term(STAGE, "leadAcquisition"),
      status: term(DEAL_STATUS, "open"),
      amount: 150_000,
      probability: 0.1,
      created: { days: -3 },
      owner: REP,
    },
  ],
};

const risks: TableSpec = {
  name: "Risks",
  sheet: "risks",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("risk", L("Risk", "风险"), "text", { required: true, width: 30 }),
    column("customer", HEADER.customer, "ref", { ref: { table: "Customers", column: "customer" } }),
    column("category", L("Category", "风险类别"), "list", { list: LIST.riskCategory, width: 16 }),
    column("likelihood", L("Likelihood", "可能性"), "int1to5", { input: L("1 (rare) to 5 (almost certain).", "1（很少）到5（几乎肯定）。") }),
    column("impact", HEADER.impact, "int1to5", { input: L("1 (minor) to 5 (severe).", "1（轻微）到5（严重）。") }),
    column("score", L("Score", "风险分值"), "computed", { formula: FORMULAS.score, numberFormat: FORMAT.whole, width: 10 }),
    column("earlySignal", L("Early signal", "预警信号"), "text", { width: 26 }),
    column("contingency", L("Contingency", "应对预案"), "text", { required: true, width: 32 }),
    OWNER(true),
    column("status", HEADER.status, "list", { list: LIST.riskStatus, width: 11 }),
    column("reviewBy", L("Review by", "复核日期"), "date"),
  ],
  sample: [
    {
      risk: L("Competitor launches a similar feature", "竞争对手推出同类功能"),
      customer: C1,
      category: term(RISK_CATEGORY, "competitorMove"),
      likelihood: 4,
      impact: 4,
      earlySignal: L("Customer asks for a feature comparison", "客户要求功能对比"),
      contingency: L("Stress the exclusive patented technology", "突出独家专利技术等差异化优势"),
      owner: SPECIALIST,
      status: term(RISK_STATUS, "open"),
      reviewBy: { days: 7 },
    },
    {
      risk: L("Customer budget cut", "客户预算缩减"),
      customer: C1,
      category: term(RISK_CATEGORY, "budgetCut"),
      likelihood: 3,
      impact: 4,
      earlySignal: L("Purchasing paused", "采购流程暂停"),
      contingency: L("Offer instalment payment or a smaller first phase", "增加分期付款选项或提供替代性解决方案"),
      owner: MANAGER,
      status: term(RISK_STATUS, "open"),
      reviewBy: { days: 14 },
    },
    {
      risk: L("Key contact leaves", "关键联系人离职"),
      customer: C2,
      category: term(RISK_CATEGORY, "keyContactLeft"),
      likelihood: 2,
      impact: 5,
      contingency: L("Build a relationship with a backup decision maker", "对接备用决策人"),
      owner: SPECIALIST,
      status: term(RISK_STATUS, "mitigated"),
    },
    {
      risk: L("Decision delayed to next quarter", "决策推迟到下季度"),
      customer: C3,
      category: term(RISK_CATEGORY, "decisionDelay"),
      likelihood: 2,
      impact: 2,
      contingency: L("Keep a monthly touchpoint", "保持每月联系"),
      owner: REP,
      status: term(RISK_STATUS, "open"),
    },
  ],
};

/**
 * Blank columns between tables side by side on one sheet (Settings, Review): a later version adds
 * columns into them (a table cannot insert columns with a neighbour on its rows), and rows go down.
 */
export const ROOM_TO_GROW = 4;

const reviewInputs: TableSpec = {
  name: "ReviewInputs",
  sheet: "review",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("periodStart", L("Period start", "期间开始"), "date", { required: true }),
    column("periodEnd", L("Period end", "期间结束"), "date", { required: true, notBefore: "periodStart" }),
    // Sales and marketing spend stay side by side: CAC reads them as one range.
    column("salesSpend", L("Sales spend", "销售费用"), "number"),
    column("marketingSpend", L("Marketing spend", "市场费用"), "number"),
    column("newCustomers", L("New customers", "新增客户数"), "number", { numberFormat: FORMAT.count }),
    column("arpu", L("ARPU", "ARPU值"), "number", { input: L("Average revenue per customer per month.", "每客户每月平均收入。") }),
    column("grossMargin", L("Gross margin", "毛利率"), "percent"),
    column("churnRate", L("Churn rate", "流失率"), "percent", {
      numberFormat: FORMAT.fineRate,
      input: L("Share of customers lost per month, e.g. 2%.", "每月流失客户占比，例如2%。"),
    }),
  ],
  sample: [
    // Whole quarters, each from its 1st: the two before the setup day's.
    {
      periodStart: { quarter: -2, day: "first" },
      periodEnd: { quarter: -2, day: "last" },
      salesSpend: 180_000,
      marketingSpend: 120_000,
      newCustomers: 20,
      arpu: 8_000,
      grossMargin: 0.45,
      churnRate: 0.02,
    },
    {
      periodStart: { quarter: -1, day: "first" },
      periodEnd: { quarter: -1, day: "last" },
      salesSpend: 200_000,
      marketingSpend: 140_000,
      newCustomers: 16,
      arpu: 8_500,
      grossMargin: 0.46,
      churnRate: 0.025,
    },
  ],
};

const reviewMetrics: TableSpec = {
  name: "ReviewMetrics",
  sheet: "review",
  anchor: "M1",
  style: "TableStyleMedium4",
  columns: [
    column("metric", L("Metric", "指标"), "text", { required: true, width: 34, zhWidth: 26 }),
    // Each row's own format comes from rowFormats; the column's is for rows users add.
    column("target", HEADER.target, "number", { numberFormat: FORMAT.money }),
    column("actual", HEADER.actual, "computed", { formulaPerRow: true, numberFormat: FORMAT.money }),
    column("variance", L("Variance", "偏差"), "computed", { formula: FORMULAS.variance, numberFormat: FORMAT.money }),
    column("onTrack", L("On track", "是否达标"), "computed", { formula: FORMULAS.onTrack, width: 10 }),
    column("better", HEADER.betterWhen, "list", { list: LIST.betterWhen, width: 12 }),
  ],
  rows: REVIEW_METRICS.map((m) => ({
    metric: m.metric,
    ...(m.target === undefined ? {} : { target: m.target }),
    actual: { formula: m.actual },
    better: term(BETTER_WHEN, m.better),
  })),
  rowFormats: REVIEW_METRICS.map((m) => ({ columns: ["target", "actual", "variance"], numberFormat: m.format })),
};

const reviewFunnel: TableSpec = {
  name: "ReviewFunnel",
  sheet: "review",
  // Right of ReviewMetrics (M:R), ROOM_TO_GROW columns apart: all three grow downwards, and each has room to gain columns.
  anchor: "W1",
  style: "TableStyleMedium4",
  columns: [
    column("stage", HEADER.stage, "text", { width: 20 }),
    column("reached", L("Reached", "到达数"), "computed", { formula: FUNNEL_FORMULAS.reached, numberFormat: FORMAT.whole, width: 10 }),
    column("conversion", L("Conversion from previous stage", "较上一阶段转化率"), "computed", {
      formula: FUNNEL_FORMULAS.conversion,
      numberFormat: FORMAT.rate,
      width: 16,
    }),
    column("probability", HEADER.defaultProbability, "computed", { formula: FUNNEL_FORMULAS.probability, numberFormat: FORMAT.rate, width: 12 }),
  ],
  rows: NEW_CUSTOMER_STAGES.map((s) => ({ stage: term(STAGE, s.key) })),
};

const playbook: TableSpec = {
  name: "Playbook",
  sheet: "playbook",
  anchor: "A1",
  style: STYLE,
  columns: [
    column("date", L("Date", "日期"), "date"),
    column("customer", HEADER.customer, "text", { width: 26 }),
    column("outcome", HEADER.outcome, "list", { list: LIST.outcome, required: true, width: 10 }),
    column("stage", HEADER.stage, "list", { list: LIST.stage, width: 18 }),
    column("situation", L("Situation", "情况描述"), "text", { width: 32 }),
    column("keyActions", L("Key actions", "关键动作"), "text", { width: 32 }),
    column("lesson", L("Lesson", "经验教训"), "text", { required: true, width: 36 }),
    column("script", L("Reusable script or action", "标准化话术/动作"), "text", { width: 36 }),
    column("tags", L("Tags", "标签"), "text", { width: 16 }),
  ],
  sample: [
    {
      date: { days: -20 },
      customer: C2,
      outcome: term(OUTCOME, "win"),
      stage: term(STAGE, "signing"),
      situation: L("Manufacturing customer comparing three vendors", "制造业客户同时比较三家供应商"),
      keyActions: L("Technical demo plus customer case sharing", "技术演示+客户案例分享"),
      lesson: L("Real cases from the same industry shorten the decision", "同行业真实案例能显著缩短决策周期"),
      script: L("Open the demo with the closest industry case", "演示开场先讲最相近的行业案例"),
      tags: L("manufacturing, demo", "制造业, 演示"),
    },
    {
      date: { days: -15 },
      customer: C3,
      outcome: term(OUTCOME, "loss"),
      stage: term(STAGE, "productDemo"),
      situation: L("Proposal did not match what the customer needed", "方案与客户需求不符"),
      keyActions: L("Skipped the needs confirmation", "跳过了需求确认"),
      lesson: L("Needs research was too thin", "需求调研不充分导致方案不符"),
      script: L("Always get the Customer Needs Confirmation signed before the proposal", "方案制定前必须完成《客户需求确认书》"),
      tags: L("needs research", "需求调研"),
    },
  ],
};

// ---------------------------------------------------------------------------------------
// Settings: named cells and lists. Column keys here are fixed; headers are localized.

export const CONFIG: readonly ConfigSpec[] = [
  { name: "Language", label: L("Workbook language", "工作簿语言"), value: { fill: "language" } },
  { name: "SchemaVersion", label: L("Schema version", "结构版本"), value: { fill: "schemaVersion" } },
  { name: "LagAlertDays", label: L("Lag alert after (days late)", "滞后预警天数"), value: DEFAULT_LAG_ALERT_DAYS },
  { name: "DueSoonDays", label: L("Due soon within (days)", "临期提醒天数"), value: DEFAULT_DUE_SOON_DAYS },
  { name: "TierHighValue", label: L("Tier: high value from", "分层：高价值门槛"), value: DEFAULT_TIER_SETTINGS.highValue },
  { name: "TierMediumValue", label: L("Tier: medium value from", "分层：中等价值门槛"), value: DEFAULT_TIER_SETTINGS.mediumValue },
  {
    name: "TierHighWinProbability",
    label: L("Tier: high win probability from", "分层：高转化概率门槛"),
    value: DEFAULT_TIER_SETTINGS.highWinProbability,
  },
  { name: "RiskHighScore", label: L("Risk score: red from", "风险分值：红色预警"), value: 15 },
  { name: "RiskMediumScore", label: L("Risk score: amber from", "风险分值：黄色预警"), value: 8 },
  { name: "LtvLifetimeCap", label: L("LTV lifetime cap (periods)", "LTV生命周期上限（期）"), value: DEFAULT_LTV_LIFETIME_CAP },
];

const config: TableSpec = {
  name: "Config",
  sheet: "settings",
  anchor: "A1",
  style: "TableStyleLight9",
  columns: [
    column("setting", L("Setting", "设置项"), "text", { width: 30 }),
    column("value", L("Value", "值"), "text", { width: 14 }),
    column("name", L("Name", "名称"), "text", { width: 22 }),
  ],
  rows: CONFIG.map((c) => ({ setting: c.label, value: c.value, name: c.name })),
};

const ALL_STAGES = [...NEW_CUSTOMER_STAGES, ...EXISTING_CUSTOMER_STAGES];

const stages: TableSpec = {
  name: "Stages",
  sheet: "settings",
  anchor: "H1",
  style: "TableStyleLight9",
  columns: [
    column("path", HEADER.path, "text", { width: 16 }),
    column("stage", HEADER.stage, "text", { width: 20 }),
    column("probability", HEADER.defaultProbability, "percent", { width: 12 }),
    column("days", L("Default days", "默认天数"), "number", { numberFormat: FORMAT.whole, width: 10 }),
  ],
  rows: ALL_STAGES.map((s) => ({
    path: term(PATH, s.path),
    stage: term(STAGE, s.key),
    ...(s.probability === undefined ? {} : { probability: s.probability }),
    days: s.days,
  })),
};

const tiers: TableSpec = {
  name: "Tiers",
  sheet: "settings",
  anchor: "P1",
  style: "TableStyleLight9",
  columns: [
    column("tier", HEADER.tier, "text", { width: 20 }),
    column("followUpDays", HEADER.followUpDays, "number", { numberFormat: FORMAT.whole, width: 12 }),
  ],
  rows: TIER.terms.map((t) => ({ tier: term(TIER, t.key), followUpDays: FOLLOW_UP_DAYS[t.key] })),
};

const team: TableSpec = {
  name: "Team",
  sheet: "settings",
  anchor: "V1",
  style: "TableStyleLight9",
  columns: [
    column("name", L("Name", "姓名"), "text", { required: true, unique: true, width: 18 }),
    column("email", L("Email", "邮箱"), "text", { width: 24 }),
    column("role", L("Role", "角色"), "text", { width: 16 }),
  ],
  sample: [
    { name: MANAGER, email: "wang@example.com", role: L("Sales manager", "销售经理") },
    { name: SPECIALIST, email: "li@example.com", role: L("Technical specialist", "技术专员") },
    { name: REP, email: "chen@example.com", role: L("Sales representative", "销售代表") },
  ],
};

const record: TableSpec = {
  name: "AddinRecord",
  sheet: "settings",
  anchor: "AC1",
  style: "TableStyleLight1",
  columns: [column("item", L("Made by the add-in", "插件已创建"), "text", { width: 26 })],
};

const longestList = Math.max(...TERM_LISTS.map((l) => l.terms.terms.length));
const lists: TableSpec = {
  name: "Lists",
  sheet: "settings",
  anchor: "AH1",
  style: "TableStyleLight9",
  columns: TERM_LISTS.map((l) => column(l.terms.id, l.header, "text", { width: 16 })),
  rows: Array.from({ length: longestList }, (_, i) =>
    Object.fromEntries(
      TERM_LISTS.flatMap((l) => {
        const t = l.terms.terms[i];
        return t ? [[l.terms.id, term(l.terms, t.key)]] : [];
      }),
    ),
  ) as SpecRow[],
};

/**
 * The record of nudges (Tasks panel): one row per comment that @mentioned a lagging task's owner,
 * so nobody nudges the same task twice on one day, whoever runs it. Right of Lists, ROOM_TO_GROW
 * columns apart. "Nudge run" tells two co-authors' simultaneous claims apart (src/excel/paneNudges.ts).
 */
const nudgeRecord: TableSpec = {
  name: "Nudges",
  sheet: "settings",
  anchor: "AZ1",
  style: "TableStyleLight9",
  columns: [
    column("taskId", L("Task ID", "任务编号"), "text", { width: 10 }),
    // Who was mentioned, as the roster spelled it then: a record, not a choice (no roster drop-down).
    column("mentioned", L("Owner", "负责人"), "text", { width: 18 }),
    column("email", L("Email", "邮箱"), "text", { width: 24 }),
    column("nudgedOn", L("Nudged on", "提醒日期"), "date"),
    column("daysLate", L("Days late", "滞后天数"), "number", { numberFormat: FORMAT.whole, width: 10 }),
    column("run", L("Nudge run", "提醒批次"), "text", { width: 14 }),
  ],
};

export const LISTS: readonly ListSpec[] = [
  ...TERM_LISTS.map((l): ListSpec => ({ name: l.name, source: { kind: "terms", terms: l.terms } })),
  { name: LIST.stage, source: { kind: "stages" } },
  { name: LIST.stagesNew, source: { kind: "stages", path: "new" } },
  { name: LIST.stagesExisting, source: { kind: "stages", path: "existing" } },
  { name: LIST.tier, source: { kind: "tiers" } },
  { name: LIST.owner, source: { kind: "roster" } },
  { name: LIST.customer, source: { kind: "ref", table: "Customers", column: "customer" } },
];

export const NAMES: readonly NameSpec[] = [
  ...CONFIG.map((c): NameSpec => ({ name: c.name, target: { kind: "config" } })),
  ...TERM_LISTS.map((l): NameSpec => ({
    name: l.name,
    target: { kind: "column", table: "Lists", column: l.terms.id, count: l.terms.terms.length },
  })),
  { name: LIST.stage, target: { kind: "column", table: "Stages", column: "stage", count: ALL_STAGES.length } },
  { name: LIST.stagesNew, target: { kind: "column", table: "Stages", column: "stage", count: NEW_CUSTOMER_STAGES.length } },
  {
    name: LIST.stagesExisting,
    target: { kind: "column", table: "Stages", column: "stage", from: NEW_CUSTOMER_STAGES.length, count: EXISTING_CUSTOMER_STAGES.length },
  },
  { name: "StageProbability", target: { kind: "column", table: "Stages", column: "probability", count: ALL_STAGES.length } },
  { name: "StageDays", target: { kind: "column", table: "Stages", column: "days", count: ALL_STAGES.length } },
  { name: LIST.tier, target: { kind: "column", table: "Tiers", column: "tier", count: TIER.terms.length } },
  { name: "FollowUpDays", target: { kind: "column", table: "Tiers", column: "followUpDays", count: TIER.terms.length } },
  // The roster and the customer list grow with their tables.
  { name: LIST.owner, target: { kind: "tableColumn", table: "Team", column: "name" } },
  { name: LIST.customer, target: { kind: "tableColumn", table: "Customers", column: "customer" } },
];

// ---------------------------------------------------------------------------------------
// Conditional formats (SPEC section 3): native formulas, thresholds from Settings names.
// Within one table the rules never match the same cell twice, so their order does not matter.

const due = "{@due}";
const open = `NOT(${taskClosed("{@status}")})`;

/** How a goal's Baseline, Target and Actual show, by its Metric; "other" keeps Excel's General. */
export const GOAL_VALUE_FORMATS: Readonly<Record<(typeof GOAL_METRIC.terms)[number]["key"], string | undefined>> = {
  newCustomers: FORMAT.count,
  revenue: FORMAT.money,
  dealsWon: FORMAT.count,
  conversionRate: FORMAT.rate,
  other: undefined,
};

/** One rule per format: a goal row shows its numbers as its Metric means them. */
const goalValueFormats: ConditionalFormatSpec[] = [...new Set(Object.values(GOAL_VALUE_FORMATS))].flatMap((numberFormat) => {
  if (!numberFormat) return [];
  const keys = GOAL_METRIC.terms.filter((t) => GOAL_VALUE_FORMATS[t.key] === numberFormat).map((t) => t.key);
  const rate = numberFormat === FORMAT.rate;
  return [
    {
      id: rate ? "rateValues" : "countValues",
      table: "SalesGoals",
      columns: ["baseline", "target", "actual"],
      formula: `=${isWord("{@metric}", GOAL_METRIC, keys)}`,
      format: { numberFormat },
      description: rate ? L("Rates show as percentages", "比率显示为百分比") : L("Counts and amounts show as whole numbers", "数量和金额显示为整数"),
    },
  ];
});

export const CONDITIONAL_FORMATS: readonly ConditionalFormatSpec[] = [
  ...goalValueFormats,
  {
    id: "lagging",
    table: "Tasks",
    formula: `=AND(ISNUMBER(${due}),${open},TODAY()-${due}>LagAlertDays)`,
    format: { fill: "#C00000", font: "#FFFFFF", bold: true },
    description: L("Lagging: late by more than the lag alert days", "滞后：超过预警天数"),
  },
  {
    id: "overdue",
    table: "Tasks",
    formula: `=AND(ISNUMBER(${due}),${open},TODAY()-${due}>0,TODAY()-${due}<=LagAlertDays)`,
    format: { fill: "#FFC7CE", font: "#9C0006" },
    description: L("Overdue", "已逾期"),
  },
  {
    id: "dueSoon",
    table: "Tasks",
    formula: `=AND(ISNUMBER(${due}),${open},${due}-TODAY()>=0,${due}-TODAY()<=DueSoonDays)`,
    format: { fill: "#FFEB9C", font: "#9C5700" },
    description: L("Due within the due-soon days", "临近截止"),
  },
  {
    id: "closed",
    table: "Tasks",
    formula: `=${taskClosed("{@status}")}`,
    format: { font: "#A6A6A6" },
    description: L("Done or cancelled", "已完成或已取消"),
  },
  {
    id: "nextContactPast",
    table: "Customers",
    columns: ["nextContact"],
    formula: "=AND(ISNUMBER({@nextContact}),{@nextContact}<TODAY())",
    format: { fill: "#FFC7CE", font: "#9C0006" },
    description: L("Next contact is past", "已过下次联系日期"),
  },
  {
    id: "scoreHigh",
    table: "Risks",
    columns: ["score"],
    formula: "=AND(ISNUMBER({@score}),{@score}>=RiskHighScore)",
    format: { fill: "#FF7C80", font: "#9C0006", bold: true },
    description: L("Risk score at or above the red threshold", "风险分值达到红色预警"),
  },
  {
    id: "scoreMedium",
    table: "Risks",
    columns: ["score"],
    formula: "=AND(ISNUMBER({@score}),{@score}>=RiskMediumScore,{@score}<RiskHighScore)",
    format: { fill: "#FFEB9C", font: "#9C5700" },
    description: L("Risk score at or above the amber threshold", "风险分值达到黄色预警"),
  },
];

/** What each sheet's colours mean, with the thresholds read live from Settings. */
export const LEGENDS: readonly LegendSpec[] = [
  {
    table: "Tasks",
    title: L("Colours", "颜色说明"),
    entries: [
      { rule: "lagging", text: L('="Lagging: more than "&LagAlertDays&" days late"', '="滞后：逾期超过"&LagAlertDays&"天"') },
      { rule: "overdue", text: L('="Overdue: 1 to "&LagAlertDays&" days late"', '="已逾期：逾期1至"&LagAlertDays&"天"') },
      { rule: "dueSoon", text: L('="Due within "&DueSoonDays&" days"', '="临近截止："&DueSoonDays&"天内到期"') },
      { rule: "closed", text: L("Done or cancelled", "已完成或已取消") },
    ],
  },
  {
    table: "Customers",
    title: L("Colours", "颜色说明"),
    entries: [{ rule: "nextContactPast", text: L("Next contact date has passed", "已过下次联系日期") }],
  },
  {
    table: "Risks",
    title: L("Colours", "颜色说明"),
    entries: [
      { rule: "scoreHigh", text: L('="Score "&RiskHighScore&" or more"', '="风险分值"&RiskHighScore&"及以上"') },
      { rule: "scoreMedium", text: L('="Score "&RiskMediumScore&" to "&(RiskHighScore-1)', '="风险分值"&RiskMediumScore&"至"&(RiskHighScore-1)') },
    ],
  },
];

// ---------------------------------------------------------------------------------------
// The overview (SPEC section 2): the method's five steps linked to their sheets, key figures,
// lagging and overdue tasks per owner, and the funnel, all native formulas over the tables.

const OVERVIEW_OWNER_ROWS = 10;
const portableOf = (key: string): FormulaTemplate => {
  const actual = REVIEW_METRICS.find((m) => m.key === key)!.actual;
  return "native" in actual ? actual.native : actual.portable;
};
const taskOpen = `(1-${isWordEach("{Tasks:status}", TASK_STATUS, CLOSED_TASK_STATUSES)})`;
const lateBy = (more: string) => `ISNUMBER({Tasks:due})*(TODAY()-{Tasks:due}>${more})*${taskOpen}`;
const ownerIs = (cell: string) => `(LOWER(TRIM({Tasks:owner}))=LOWER(TRIM(${cell})))`;

const TITLE = { bold: true, size: 16 } as const;
const HEADING = { bold: true, size: 12, font: "#2E75B6" } as const;
// Wrapped cells start at the top of their row, so a block's cells line up.
const COLUMN_HEAD = { bold: true, fill: "#4472C4", font: "#FFFFFF", wrap: true } as const;
const text = (en: string, zh: string, format?: OverviewCell["format"]): OverviewCell => ({ value: L(en, zh), ...(format ? { format } : {}) });
const formula = (template: FormulaTemplate, numberFormat?: string): OverviewCell => ({
  value: { formula: template },
  ...(numberFormat ? { format: { numberFormat } } : {}),
});
const link = (sheet: SheetKey): OverviewCell => ({ value: { link: sheet } });

/** Rows of the overview before the per-owner block, so its formulas can point at their own row. */
const OVERVIEW_HEAD: readonly (readonly OverviewCell[])[] = [
  [text("Sales plan overview", "销售计划总览", TITLE)],
  [
    text(
      "Every figure is a live formula over the sheets; click a sheet name to open it.",
      "所有数字均由公式从各工作表实时计算；点击工作表名称即可打开。",
      { font: "#595959" },
    ),
  ],
  [],
  [text("The method in five steps", "五步法", HEADING)],
  [
    text("1. Goals and market: SMART goals, PEST and five forces, customer profile", "1. 目标与市场：SMART目标、PEST与五力分析、客户画像", {
      wrap: true,
    }),
    link("goals"),
    link("market"),
    link("customers"),
  ],
  [
    text("2. Strategy: customer tiers, sales paths, strategy mix", "2. 策略：客户分层、销售路径、策略组合", { wrap: true }),
    link("strategy"),
    link("customers"),
    link("pipeline"),
  ],
  [
    text("3. Task decomposition: action nodes, output standards, one owner each", "3. 任务拆解：关键节点、输出标准、责任到人", { wrap: true }),
    link("tasks"),
  ],
  [
    text("4. Monitoring: progress, lagging nodes, risk warnings", "4. 监控：进度跟踪、滞后预警、风险预案", { wrap: true }),
    link("tasks"),
    link("risks"),
  ],
  [
    text("5. Review and iteration: conversion, CAC, LTV; wins and losses as a playbook", "5. 复盘迭代：转化率、CAC、LTV；成败经验沉淀", {
      wrap: true,
    }),
    link("review"),
    link("playbook"),
  ],
  [],
  [text("Key figures", "关键指标", HEADING)],
  [text("Goal attainment (average of the goals)", "目标达成率（各目标平均）"), formula(`=IFERROR(AVERAGE({SalesGoals:attainment}),"")`, FORMAT.rate)],
  [text("Weighted open pipeline (amount)", "加权在途商机（金额）"), formula(portableOf("weightedPipeline"), FORMAT.money)],
  [text("Win rate (%)", "赢单率（%）"), formula(portableOf("winRate"), FORMAT.rate)],
  [text("Tasks lagging beyond the alert days", "滞后超预警天数的任务"), formula(`=SUMPRODUCT(${lateBy("LagAlertDays")})`, FORMAT.count)],
  [text("Tasks overdue", "已逾期任务"), formula(`=SUMPRODUCT(${lateBy("0")})`, FORMAT.count)],
  [
    text("Customer contacts due within the due-soon days (or past)", "临期或已过期的客户联系"),
    formula(`=COUNTIFS({Customers:nextContact},"<="&(TODAY()+DueSoonDays))`, FORMAT.count),
  ],
  [
    text("Open risks at or above the red score", "达到红色预警的未处理风险"),
    formula(
      `=SUMPRODUCT(${isWordEach("{Risks:status}", RISK_STATUS, ["open"])}*ISNUMBER({Risks:score})*({Risks:score}>=RiskHighScore))`,
      FORMAT.count,
    ),
  ],
  [],
  [text("Lagging and overdue tasks per owner", "各负责人的滞后与逾期任务", HEADING)],
  [
    { value: L("Owner (Team on Settings)", "负责人（设置中的团队）"), format: COLUMN_HEAD },
    { value: L("Lagging", "滞后"), format: COLUMN_HEAD },
    { value: L("Overdue", "逾期"), format: COLUMN_HEAD },
  ],
];

const ownerRows: OverviewCell[][] = Array.from({ length: OVERVIEW_OWNER_ROWS }, (_, i) => {
  const row = OVERVIEW_HEAD.length + 1 + i;
  const owner = `$A${row}`;
  return [
    formula(`=IFERROR(INDEX(${LIST.owner},${i + 1}),"")`),
    formula(`=IF(${owner}="","",SUMPRODUCT(${ownerIs(owner)}*${lateBy("LagAlertDays")}))`, FORMAT.count),
    formula(`=IF(${owner}="","",SUMPRODUCT(${ownerIs(owner)}*${lateBy("0")}))`, FORMAT.count),
  ];
});

const funnelRows: OverviewCell[][] = NEW_CUSTOMER_STAGES.map((_, i) => [
  formula(`=IFERROR(INDEX({ReviewFunnel:stage},${i + 1}),"")`),
  formula(`=IFERROR(INDEX({ReviewFunnel:reached},${i + 1}),"")`, FORMAT.count),
  formula(`=IFERROR(INDEX({ReviewFunnel:conversion},${i + 1}),"")`, FORMAT.rate),
]);

export const OVERVIEW: OverviewSpec = {
  sheet: "overview",
  widths: [52, 16, 16, 16],
  rows: [
    ...OVERVIEW_HEAD,
    ...ownerRows,
    [],
    [text("Funnel (from Review)", "销售漏斗（来自复盘）", HEADING)],
    [
      { value: HEADER.stage, format: COLUMN_HEAD },
      { value: L("Reached", "到达数"), format: COLUMN_HEAD },
      { value: L("Conversion from previous stage", "较上一阶段转化率"), format: COLUMN_HEAD },
    ],
    ...funnelRows,
  ],
};

// ---------------------------------------------------------------------------------------

/** Settings tables first: the other tables' names and drop-downs point into them. */
export const TABLES: readonly TableSpec[] = [
  config,
  stages,
  tiers,
  team,
  record,
  lists,
  nudgeRecord,
  goals,
  strategy,
  market,
  customers,
  tasks,
  pipeline,
  risks,
  reviewInputs,
  reviewMetrics,
  reviewFunnel,
  playbook,
].map(withHeaderLook);

export const WORKBOOK: WorkbookSpec = {
  schemaVersion: SCHEMA_VERSION,
  sheets: SHEETS,
  tables: TABLES,
  config: CONFIG,
  lists: LISTS,
  names: NAMES,
  conditionalFormats: CONDITIONAL_FORMATS,
  printFooter: L("&A — page &P of &N", "&A — 第 &P 页，共 &N 页"),
  legends: LEGENDS,
  overview: OVERVIEW,
};

/** Type hints for input messages of columns without their own. */
export const TYPE_HINTS: Readonly<Record<ColumnType, Localized>> = {
  text: L("Text.", "文本。"),
  date: L("A date, e.g. 2025-07-01.", "日期，例如 2025-07-01。"),
  number: L("A number, 0 or more.", "数字，不小于0。"),
  percent: L("A percentage from 0% to 100%.", "百分比，0%到100%。"),
  int1to5: L("A whole number from 1 to 5.", "1到5的整数。"),
  list: L("Pick from the list.", "从下拉列表中选择。"),
  ref: L("Pick an existing row.", "从已有记录中选择。"),
  computed: L("Calculated; do not type here.", "自动计算，请勿输入。"),
};

/** What a refused or questioned entry is told, by column type. */
export const ENTRY_ERRORS: Readonly<Record<"list" | "ref" | "date" | "number" | "percent" | "int1to5", Localized>> = {
  list: L("Pick a value from the drop-down list (the words are on the Settings sheet).", "请从下拉列表中选择（选项见“设置”工作表）。"),
  ref: L("Pick an existing row; add it to its own sheet first.", "请选择已有记录；如需新增，请先在对应工作表中添加。"),
  date: L("Enter a date, e.g. 2025-07-01.", "请输入日期，例如 2025-07-01。"),
  number: L("Enter a number, 0 or more.", "请输入不小于0的数字。"),
  percent: L("Enter a percentage from 0% to 100%.", "请输入0%到100%之间的百分比。"),
  int1to5: L("Enter a whole number from 1 to 5.", "请输入1到5之间的整数。"),
};
export const ENTRY_ERROR_TITLE = L("Check this entry", "请检查输入");

const REQUIRED = L("Required. ", "必填。");

/** The input message a column shows, or undefined when it needs none (optional text, computed). */
export function inputMessage(c: ColumnSpec): Localized | undefined {
  if (c.input) return c.required ? { en: REQUIRED.en + c.input.en, zh: REQUIRED.zh + c.input.zh } : c.input;
  const hinted = c.type === "list" || c.type === "ref" || c.type === "int1to5" || c.type === "percent";
  if (!c.required && !hinted) return undefined;
  const hint = TYPE_HINTS[c.type];
  return c.required ? { en: REQUIRED.en + hint.en, zh: REQUIRED.zh + hint.zh } : hint;
}

export function tableSpec(name: string): TableSpec | undefined {
  return TABLES.find((t) => t.name === name);
}

export function sheetSpec(key: string): SheetSpec | undefined {
  return SHEETS.find((s) => s.key === key);
}
