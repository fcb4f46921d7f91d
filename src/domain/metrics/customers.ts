// Customer tiering (step 2): which of the seed's four tiers a customer falls in.
// The workbook spec reuses tierOf to explain the portable native formula, so keep it pure.
import { label, LEVEL, matchTerm, termOf, TIER, type Language, type TierKey, type TierSettings } from "../spec/vocabulary";
import { metricError, type MetricError } from "./errors";
import { choicesOf } from "./words";

export interface TierInputs {
  readonly value: number | undefined;
  readonly winProbability: number | undefined;
  /** Growth potential as typed: high / medium / low, 高 / 中 / 低, any case. */
  readonly growth: string | undefined;
}

/**
 * The tier, or undefined when value, win probability or growth is missing (no tier rather
 * than a wrong one): high value and high win probability -> key breakthrough; at least
 * medium value -> opportunity cultivation; high growth -> potential watch; else maintain.
 */
export function tierOf(inputs: TierInputs, settings: TierSettings): TierKey | undefined | MetricError {
  const { value, winProbability, growth } = inputs;
  if (settings.mediumValue > settings.highValue) {
    return metricError("#NUM!", "thresholdsOutOfOrder", [settings.mediumValue, settings.highValue]);
  }
  if (value === undefined || winProbability === undefined || growth === undefined || growth.trim() === "") return undefined;
  const level = matchTerm(LEVEL, growth);
  if (level === undefined) return metricError("#N/A", "unknownWord", ["growth", growth, choicesOf(LEVEL)]);
  if (value >= settings.highValue && winProbability >= settings.highWinProbability) return "keyBreakthrough";
  if (value >= settings.mediumValue) return "opportunityCultivation";
  if (level === "high") return "potentialWatch";
  return "maintain";
}

/** The tier's label in the workbook's language; "" for no tier. */
export function tierLabel(tier: TierKey | undefined, language: Language): string {
  return tier === undefined ? "" : label(termOf(TIER, tier), language);
}
