// Unit economics of the Review step: what a customer is worth and what winning one costs.
import { divide, metricError, type MetricError } from "./errors";

/**
 * Lifetime value: arpu × grossMargin × expected lifetime in periods, 1 / churnRate,
 * capped at lifetimeCap so a churn of 0 (or near it) gives a finite, sensible value.
 */
export function lifetimeValue(arpu: number, grossMargin: number, churnRate: number, lifetimeCap: number): number {
  const lifetime = churnRate > 0 ? Math.min(1 / churnRate, lifetimeCap) : lifetimeCap;
  return arpu * grossMargin * lifetime;
}

/** Customer acquisition cost: total sales and marketing spend over new customers won. */
export function acquisitionCost(spend: number, newCustomers: number): number | MetricError {
  return divide(spend, newCustomers, "newCustomers");
}

export function ltvToCac(ltv: number, cac: number): number | MetricError {
  return divide(ltv, cac, "cac");
}

/** Periods (months when arpu is monthly) until the margin a customer brings repays its CAC. */
export function paybackPeriods(cac: number, arpu: number, grossMargin: number): number | MetricError {
  const marginPerPeriod = arpu * grossMargin;
  if (!(marginPerPeriod > 0)) return metricError("#NUM!", "neverRecovered", []);
  return cac / marginPerPeriod;
}
