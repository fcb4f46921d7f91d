// The Settings form's checks: each problem at its field, as a message key; good text becomes numbers.
import { checkSettings, draftOf, type PaneSettings } from "../../src/taskpane/settings/model";

const SETTINGS: PaneSettings = {
  thresholds: {
    LagAlertDays: 3,
    DueSoonDays: 3,
    TierHighValue: 100,
    TierMediumValue: 50,
    TierHighWinProbability: 0.5,
    RiskHighScore: 15,
    RiskMediumScore: 8,
    LtvLifetimeCap: 60,
  },
  stages: [
    { path: "New customer", stage: "Lead", probability: 0.1, days: 7 },
    { path: "Existing customer", stage: "Visit", probability: null, days: 7 },
  ],
  tiers: [{ tier: "Key", followUpDays: 7 }],
  team: [{ name: "Wang", email: "", role: "" }],
};

const errorsOf = (change: (d: ReturnType<typeof draftOf>) => void) => {
  const draft = draftOf(SETTINGS);
  change(draft);
  const result = checkSettings(draft);
  return result.ok ? {} : result.errors;
};

describe("checkSettings", () => {
  it("gives back what it was given when nothing changed", () => {
    expect(checkSettings(draftOf(SETTINGS))).toEqual({ ok: true, settings: SETTINGS });
  });

  it.each([
    ["thresholds.LagAlertDays", (d: ReturnType<typeof draftOf>) => void (d.thresholds.LagAlertDays = "2.5"), "wholeNumber"],
    ["thresholds.LagAlertDays", (d: ReturnType<typeof draftOf>) => void (d.thresholds.LagAlertDays = "-1"), "nonNegative"],
    ["thresholds.DueSoonDays", (d: ReturnType<typeof draftOf>) => void (d.thresholds.DueSoonDays = ""), "required"],
    ["thresholds.TierHighValue", (d: ReturnType<typeof draftOf>) => void (d.thresholds.TierHighValue = "lots"), "number"],
    ["thresholds.TierHighWinProbability", (d: ReturnType<typeof draftOf>) => void (d.thresholds.TierHighWinProbability = "1.01"), "fraction"],
    ["thresholds.TierMediumValue", (d: ReturnType<typeof draftOf>) => void (d.thresholds.TierMediumValue = "100"), "order"],
    ["thresholds.RiskMediumScore", (d: ReturnType<typeof draftOf>) => void (d.thresholds.RiskMediumScore = "15"), "riskOrder"],
    ["thresholds.LtvLifetimeCap", (d: ReturnType<typeof draftOf>) => void (d.thresholds.LtvLifetimeCap = "0"), "nonNegative"],
    ["stages.0.probability", (d: ReturnType<typeof draftOf>) => void (d.stages[0].probability = "40"), "fraction"],
    ["tiers.0.followUpDays", (d: ReturnType<typeof draftOf>) => void (d.tiers[0].followUpDays = "1.5"), "wholeNumber"],
    ["team.0.name", (d: ReturnType<typeof draftOf>) => void (d.team[0].name = "  "), "required"],
    ["team.0.email", (d: ReturnType<typeof draftOf>) => void (d.team[0].email = "wang@"), "email"],
    ["team.1.name", (d: ReturnType<typeof draftOf>) => void d.team.push({ name: "WANG", email: "", role: "" }), "duplicate"],
  ])("%s gets %s", (path, change, key) => {
    expect(errorsOf(change)).toEqual({ [path]: key });
  });

  it("accepts the edges: 0 and 1 as probabilities, 0 days, a blank stage probability", () => {
    const result = checkSettings({
      ...draftOf(SETTINGS),
      stages: [
        { path: "New customer", stage: "Lead", probability: "1", days: "0" },
        { path: "Existing customer", stage: "Visit", probability: "", days: "0" },
      ],
      thresholds: { ...draftOf(SETTINGS).thresholds, TierHighWinProbability: "0" },
    });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.settings.stages.map((s) => s.probability)).toEqual([1, null]);
  });
});
