// The Settings panel's form: what the Settings sheet holds that people tune (thresholds, stage
// probabilities and durations, follow-up days per tier, the team roster), as text while edited,
// checked with zod into numbers. Problems are data: a path to the field and a message key,
// worded per language by the panel.
import { z } from "zod";

/** Config names the panel edits, in the order it shows them (labels come from the spec's CONFIG). */
export const THRESHOLD_NAMES = [
  "LagAlertDays",
  "DueSoonDays",
  "TierHighValue",
  "TierMediumValue",
  "TierHighWinProbability",
  "RiskHighScore",
  "RiskMediumScore",
  "LtvLifetimeCap",
] as const;
export type ThresholdName = (typeof THRESHOLD_NAMES)[number];

export interface StageSetting {
  readonly path: string;
  readonly stage: string;
  /** Blank on the existing-customer path, which has no win probability. */
  readonly probability: number | null;
  readonly days: number | null;
}

export interface TierSetting {
  readonly tier: string;
  readonly followUpDays: number | null;
}

export interface TeamMember {
  readonly name: string;
  readonly email: string;
  readonly role: string;
}

/** What the Settings sheet holds, read by the adapter. */
export interface PaneSettings {
  readonly thresholds: Readonly<Partial<Record<ThresholdName, number>>>;
  readonly stages: readonly StageSetting[];
  readonly tiers: readonly TierSetting[];
  readonly team: readonly TeamMember[];
}

/** The form as typed: every number as text. */
export interface SettingsDraft {
  thresholds: Record<ThresholdName, string>;
  stages: { path: string; stage: string; probability: string; days: string }[];
  tiers: { tier: string; followUpDays: string }[];
  team: { name: string; email: string; role: string }[];
}

export type ErrorKey = "number" | "nonNegative" | "fraction" | "wholeNumber" | "required" | "email" | "duplicate" | "order" | "riskOrder";

const shown = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));

export function draftOf(settings: PaneSettings): SettingsDraft {
  return {
    thresholds: Object.fromEntries(THRESHOLD_NAMES.map((n) => [n, shown(settings.thresholds[n])])) as Record<ThresholdName, string>,
    stages: settings.stages.map((s) => ({ path: s.path, stage: s.stage, probability: shown(s.probability), days: shown(s.days) })),
    tiers: settings.tiers.map((t) => ({ tier: t.tier, followUpDays: shown(t.followUpDays) })),
    team: settings.team.map((m) => ({ ...m })),
  };
}

// Text to number, with the message key of what is wrong; "" is allowed only where blank means "none".
const numberText = (check: (n: number) => ErrorKey | undefined, blank: "allowed" | "required") =>
  z.string().transform((raw, ctx) => {
    const text = raw.trim();
    if (text === "") {
      if (blank === "allowed") return null;
      ctx.addIssue({ code: "custom", message: "required" });
      return z.NEVER;
    }
    const n = Number(text);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: "number" });
      return z.NEVER;
    }
    const problem = check(n);
    if (problem) {
      ctx.addIssue({ code: "custom", message: problem });
      return z.NEVER;
    }
    return n;
  });

const nonNegative = (n: number): ErrorKey | undefined => (n < 0 ? "nonNegative" : undefined);
const fraction = (n: number): ErrorKey | undefined => (n < 0 || n > 1 ? "fraction" : undefined);
const wholeDays = (n: number): ErrorKey | undefined => (n < 0 ? "nonNegative" : Number.isInteger(n) ? undefined : "wholeNumber");

const THRESHOLD_CHECKS: Record<ThresholdName, (n: number) => ErrorKey | undefined> = {
  LagAlertDays: wholeDays,
  DueSoonDays: wholeDays,
  TierHighValue: nonNegative,
  TierMediumValue: nonNegative,
  TierHighWinProbability: fraction,
  RiskHighScore: nonNegative,
  RiskMediumScore: nonNegative,
  LtvLifetimeCap: (n) => (n <= 0 ? "nonNegative" : undefined),
};

export const settingsSchema = z.object({
  thresholds: z.object(
    Object.fromEntries(THRESHOLD_NAMES.map((n) => [n, numberText(THRESHOLD_CHECKS[n], "required")])) as Record<
      ThresholdName,
      ReturnType<typeof numberText>
    >,
  ),
  stages: z.array(
    z.object({ path: z.string(), stage: z.string(), probability: numberText(fraction, "allowed"), days: numberText(wholeDays, "allowed") }),
  ),
  tiers: z.array(z.object({ tier: z.string(), followUpDays: numberText(wholeDays, "allowed") })),
  team: z.array(
    z.object({
      name: z.string().trim().min(1, "required"),
      email: z.union([z.literal(""), z.string().trim().pipe(z.email("email"))]),
      role: z.string().trim(),
    }),
  ),
});

export type CheckedSettings = z.output<typeof settingsSchema>;

/** Field path ("thresholds.LagAlertDays", "team.2.email") to the message key of its first problem. */
export type SettingsErrors = Readonly<Record<string, ErrorKey>>;

/**
 * Problems between fields, found even when other fields are wrong (zod runs an object's own
 * refinements only once every field parsed): thresholds out of order, a name twice on the roster.
 */
function crossFieldErrors(draft: SettingsDraft): Record<string, ErrorKey> {
  const errors: Record<string, ErrorKey> = {};
  const n = (name: ThresholdName) => {
    const text = draft.thresholds[name].trim();
    return text === "" ? NaN : Number(text);
  };
  if (n("TierMediumValue") >= n("TierHighValue")) errors["thresholds.TierMediumValue"] = "order";
  if (n("RiskMediumScore") >= n("RiskHighScore")) errors["thresholds.RiskMediumScore"] = "riskOrder";
  const seen = new Set<string>();
  draft.team.forEach((m, i) => {
    const key = m.name.trim().toLocaleLowerCase();
    if (key !== "" && seen.has(key)) errors[`team.${i}.name`] = "duplicate";
    seen.add(key);
  });
  return errors;
}

export function checkSettings(draft: SettingsDraft): { ok: true; settings: PaneSettings } | { ok: false; errors: SettingsErrors } {
  const result = settingsSchema.safeParse(draft);
  const errors: Record<string, ErrorKey> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join(".");
      errors[path] ??= issue.message as ErrorKey;
    }
  }
  for (const [path, key] of Object.entries(crossFieldErrors(draft))) errors[path] ??= key;
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  const s = result.data;
  return {
    ok: true,
    settings: {
      thresholds: s.thresholds as Record<ThresholdName, number>,
      stages: s.stages,
      tiers: s.tiers,
      team: s.team,
    },
  };
}
