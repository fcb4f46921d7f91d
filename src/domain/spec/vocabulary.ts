// The product's words, written once: list values, stages and tiers in both languages.
// Every writer, the validator, the metrics and the task pane read them from here.

export type Language = "en-US" | "zh-CN";
export const LANGUAGES: readonly Language[] = ["en-US", "zh-CN"];

export interface Term<K extends string = string> {
  readonly key: K;
  readonly en: string;
  readonly zh: string;
}

export interface TermList<K extends string = string> {
  readonly id: string;
  readonly terms: readonly Term<K>[];
}

function list<K extends string>(id: string, terms: readonly Term<K>[]): TermList<K> {
  return { id, terms };
}

export function label(term: Term, language: Language): string {
  return language === "zh-CN" ? term.zh : term.en;
}

/** Folds case and surrounding space so "Won", " won " and "WON" read alike. */
export function normalizeWord(text: string): string {
  return text.trim().toLocaleLowerCase("en-US");
}

const indexCache = new WeakMap<TermList, Map<string, string>>();

/** The key of the term whose English or Chinese word is `text`, matched case-insensitively. */
export function matchTerm<K extends string>(terms: TermList<K>, text: unknown): K | undefined {
  if (typeof text !== "string") return undefined;
  let index = indexCache.get(terms);
  if (!index) {
    index = new Map();
    for (const term of terms.terms) {
      index.set(normalizeWord(term.en), term.key);
      index.set(normalizeWord(term.zh), term.key);
      index.set(normalizeWord(term.key), term.key);
    }
    indexCache.set(terms, index);
  }
  return index.get(normalizeWord(text)) as K | undefined;
}

export function termOf<K extends string>(terms: TermList<K>, key: K): Term<K> {
  const term = terms.terms.find((t) => t.key === key);
  if (!term) throw new Error(`No term ${key} in list ${terms.id}`);
  return term;
}

export const TASK_STATUS = list("taskStatus", [
  { key: "notStarted", en: "Not started", zh: "未开始" },
  { key: "inProgress", en: "In progress", zh: "进行中" },
  { key: "done", en: "Done", zh: "已完成" },
  { key: "blocked", en: "Blocked", zh: "受阻" },
  { key: "cancelled", en: "Cancelled", zh: "已取消" },
] as const);
export type TaskStatus = (typeof TASK_STATUS.terms)[number]["key"];
/** Statuses that close a task: it can no longer be late. */
export const CLOSED_TASK_STATUSES: readonly TaskStatus[] = ["done", "cancelled"];

export const DEAL_STATUS = list("dealStatus", [
  { key: "open", en: "Open", zh: "跟进中" },
  { key: "won", en: "Won", zh: "赢单" },
  { key: "lost", en: "Lost", zh: "输单" },
] as const);
export type DealStatus = (typeof DEAL_STATUS.terms)[number]["key"];

export const LEVEL = list("level", [
  { key: "high", en: "High", zh: "高" },
  { key: "medium", en: "Medium", zh: "中" },
  { key: "low", en: "Low", zh: "低" },
] as const);
export type Level = (typeof LEVEL.terms)[number]["key"];

export const PATH = list("path", [
  { key: "new", en: "New customer", zh: "新客户" },
  { key: "existing", en: "Existing customer", zh: "老客户" },
] as const);
export type PathKey = (typeof PATH.terms)[number]["key"];

export const OUTCOME = list("outcome", [
  { key: "win", en: "Win", zh: "成功" },
  { key: "loss", en: "Loss", zh: "失败" },
] as const);

export const RISK_STATUS = list("riskStatus", [
  { key: "open", en: "Open", zh: "未处理" },
  { key: "mitigated", en: "Mitigated", zh: "已缓解" },
  { key: "closed", en: "Closed", zh: "已关闭" },
] as const);

export const STRATEGY_MIX = list("strategyMix", [
  { key: "technical", en: "Technical", zh: "技术型策略" },
  { key: "service", en: "Service", zh: "服务型策略" },
  { key: "price", en: "Price", zh: "价格型策略" },
] as const);

export const GOAL_METRIC = list("goalMetric", [
  { key: "newCustomers", en: "New customers", zh: "新签客户数" },
  { key: "revenue", en: "Revenue", zh: "销售额" },
  { key: "dealsWon", en: "Deals won", zh: "成交单数" },
  { key: "conversionRate", en: "Conversion rate", zh: "转化率" },
  { key: "other", en: "Other", zh: "其他" },
] as const);

export const MARKET_FRAMEWORK = list("marketFramework", [
  { key: "pest", en: "PEST", zh: "PEST分析" },
  { key: "fiveForces", en: "Five forces", zh: "波特五力" },
  { key: "advantage", en: "Advantage", zh: "自身优势" },
] as const);

export const MARKET_FINDING_TYPE = list("marketFindingType", [
  { key: "opportunity", en: "Opportunity", zh: "机会" },
  { key: "threat", en: "Threat", zh: "威胁" },
  { key: "strength", en: "Strength", zh: "优势" },
  { key: "weakness", en: "Weakness", zh: "劣势" },
] as const);

export const LEAD_SOURCE = list("leadSource", [
  { key: "tradeShow", en: "Trade show", zh: "行业展会" },
  { key: "online", en: "Online", zh: "线上推广" },
  { key: "referral", en: "Referral", zh: "转介绍" },
  { key: "existingCustomer", en: "Existing customer", zh: "老客户" },
  { key: "other", en: "Other", zh: "其他" },
] as const);

export const RISK_CATEGORY = list("riskCategory", [
  { key: "budgetCut", en: "Budget cut", zh: "预算缩减" },
  { key: "keyContactLeft", en: "Key contact left", zh: "关键联系人离职" },
  { key: "competitorMove", en: "Competitor move", zh: "竞品动作" },
  { key: "decisionDelay", en: "Decision delay", zh: "决策延迟" },
  { key: "internalResources", en: "Internal resources", zh: "内部资源不足" },
  { key: "other", en: "Other", zh: "其他" },
] as const);

export const STRATEGY_DIMENSION = list("strategyDimension", [
  { key: "salesGoal", en: "Sales goal", zh: "销售目标" },
  { key: "coreStrategy", en: "Core strategy", zh: "核心策略" },
  { key: "customerTiering", en: "Customer tiering", zh: "客户分层" },
] as const);

export interface Stage extends Term {
  readonly path: PathKey;
  /** Default win probability of an opportunity at this stage (0..1); undefined on the existing-customer path. */
  readonly probability?: number;
  /** Default working days the stage takes, used when tasks are created from the path. */
  readonly days: number;
}

export const NEW_CUSTOMER_STAGES: readonly Stage[] = [
  { key: "leadAcquisition", en: "Lead acquisition", zh: "线索获取", path: "new", probability: 0.1, days: 7 },
  { key: "initialNeedsCall", en: "Initial needs call", zh: "初步需求沟通", path: "new", probability: 0.2, days: 5 },
  { key: "productDemo", en: "Product demo", zh: "产品演示", path: "new", probability: 0.4, days: 7 },
  { key: "proposal", en: "Proposal", zh: "方案制定", path: "new", probability: 0.6, days: 10 },
  { key: "negotiation", en: "Negotiation", zh: "商务谈判", path: "new", probability: 0.8, days: 10 },
  { key: "signing", en: "Signing", zh: "签约", path: "new", probability: 1, days: 5 },
];

export const EXISTING_CUSTOMER_STAGES: readonly Stage[] = [
  { key: "periodicReview", en: "Periodic review visit", zh: "定期回访", path: "existing", days: 7 },
  { key: "needsDiscovery", en: "Needs discovery", zh: "需求挖掘", path: "existing", days: 10 },
  { key: "crossSell", en: "Cross-sell / upsell", zh: "交叉销售/增购", path: "existing", days: 14 },
  { key: "renewal", en: "Renewal negotiation", zh: "续约谈判", path: "existing", days: 10 },
];

export const STAGES_BY_PATH: Readonly<Record<PathKey, readonly Stage[]>> = {
  new: NEW_CUSTOMER_STAGES,
  existing: EXISTING_CUSTOMER_STAGES,
};

/** All stages as one list, for drop-downs and matching; each path keeps its own order. */
export const STAGE = list("stage", [...NEW_CUSTOMER_STAGES, ...EXISTING_CUSTOMER_STAGES]);

/** A lead becomes an opportunity once it passes this stage (SPEC section 2). */
export const OPPORTUNITY_AFTER_STAGE = "initialNeedsCall";

export const TIER = list("tier", [
  { key: "keyBreakthrough", en: "Key breakthrough", zh: "重点突破型" },
  { key: "opportunityCultivation", en: "Opportunity cultivation", zh: "机会培养型" },
  { key: "potentialWatch", en: "Potential watch", zh: "潜力关注型" },
  { key: "maintain", en: "Maintain", zh: "常规维护" },
] as const);
export type TierKey = (typeof TIER.terms)[number]["key"];

/** Tier thresholds and follow-up cadence; the workbook's Settings sheet holds the live copy. */
export interface TierSettings {
  /** Value at or above which a customer is high value. */
  readonly highValue: number;
  /** Value at or above which a customer is at least medium value. */
  readonly mediumValue: number;
  /** Win probability (0..1) at or above which a customer is likely to convert. */
  readonly highWinProbability: number;
}

export const DEFAULT_TIER_SETTINGS: TierSettings = {
  highValue: 1_000_000,
  mediumValue: 200_000,
  highWinProbability: 0.5,
};

export const FOLLOW_UP_DAYS: Readonly<Record<TierKey, number>> = {
  keyBreakthrough: 7,
  opportunityCultivation: 14,
  potentialWatch: 30,
  maintain: 90,
};

export const DEFAULT_LAG_ALERT_DAYS = 3;
export const DEFAULT_DUE_SOON_DAYS = 3;
export const DEFAULT_LTV_LIFETIME_CAP = 60;
export const SCHEMA_VERSION = 1;

/** Whether a review metric is on track when its actual is above or below its target. */
export const BETTER_WHEN = list("betterWhen", [
  { key: "higher", en: "Higher", zh: "越高越好" },
  { key: "lower", en: "Lower", zh: "越低越好" },
] as const);
