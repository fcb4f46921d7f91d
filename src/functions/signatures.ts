// Every SALES function's parameters, in order, declared once. functions.ts documents them for
// Excel (its JSDoc is the metadata); test/functions/metadata.test.ts checks the names agree.
import { DEFAULT_LTV_LIFETIME_CAP, DEFAULT_TIER_SETTINGS } from "../domain/spec/vocabulary";
import { param, type Parameter } from "./parameters";

const amount = (name: string) => param(name, "number", { min: 0 });
/** A cell the formula must name, though the cell itself may be empty. */
const given = { blank: "absent", optional: false } as const;
/** A given cell holding words or a date: a 0 there is a blank cell (see Parameter.zeroIsBlank). */
const words = { ...given, zeroIsBlank: true } as const;
const total = (name: string) => param(name, "sum", { min: 0 });

export const SIGNATURES = {
  LTV: [
    amount("arpu"),
    param("grossMargin", "percent"),
    param("churnRate", "percent"),
    // A cap of 0 periods is never meant: it is a blank cell from a build that passes blanks as 0.
    param("lifetimeCap", "number", { blank: DEFAULT_LTV_LIFETIME_CAP, above: 0, zeroIsBlank: true }),
  ],
  CAC: [total("spend"), total("newCustomers")],
  LTVCAC: [amount("ltv"), amount("cac")],
  PAYBACK: [amount("cac"), amount("arpu"), param("grossMargin", "percent")],
  CONVERSION: [param("stages", "words"), param("fromStage", "word"), param("toStage", "word"), param("stageOrder", "wordList", { blank: "absent" })],
  FUNNEL: [param("stages", "words"), param("stageOrder", "wordList", { blank: "absent" })],
  WINRATE: [param("statuses", "words")],
  WEIGHTED: [param("amounts", "numbers", { min: 0 }), param("probabilities", "percents"), param("statuses", "words", { blank: "absent" })],
  VELOCITY: [amount("opportunities"), amount("avgDealSize"), param("winRate", "percent"), amount("cycleDays")],
  ATTAINMENT: [total("actual"), total("target")],
  COVERAGE: [total("openPipeline"), total("remainingQuota")],
  GROWTH: [amount("current"), amount("previous")],
  TIER: [
    param("value", "number", { ...given, min: 0 }),
    param("winProbability", "percent", given),
    param("growth", "word", given),
    param("highValue", "number", { blank: DEFAULT_TIER_SETTINGS.highValue, min: 0 }),
    param("mediumValue", "number", { blank: DEFAULT_TIER_SETTINGS.mediumValue, min: 0 }),
    param("highWinProbability", "percent", { blank: DEFAULT_TIER_SETTINGS.highWinProbability }),
    param("language", "language", { blank: "en-US" }),
  ],
  OVERDUE: [
    param("dueDates", "numbers", { min: 0, zeroIsBlank: true }),
    param("statuses", "words"),
    param("asOf", "number", { min: 0, zeroIsBlank: true }),
    param("minDaysLate", "number", { blank: 0, min: 0 }),
  ],
  SMART: [
    param("goal", "cell", words),
    param("metric", "cell", words),
    param("target", "cell", given),
    param("deadline", "cell", words),
    param("baseline", "cell", { blank: "absent" }),
    param("start", "cell", { blank: "absent", zeroIsBlank: true }),
  ],
} as const;

export type FunctionId = keyof typeof SIGNATURES;

/** "SALES.LTV(arpu, grossMargin, churnRate, [lifetimeCap])": optional arguments in brackets. */
export function signatureOf(id: FunctionId): string {
  const parameters: readonly Parameter[] = SIGNATURES[id];
  return `SALES.${id}(${parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
}
