// Counts of findings by severity, overall and per sheet, for the command's header and the pane's badge.
import type { Finding } from "./types";

export interface SheetCounts {
  readonly sheet: string;
  readonly errors: number;
  readonly warnings: number;
}

export interface FindingSummary {
  readonly errors: number;
  readonly warnings: number;
  /** Sheets with findings, in the order the findings come (the spec's sheet order). */
  readonly sheets: readonly SheetCounts[];
}

export function summarize(findings: readonly Finding[]): FindingSummary {
  const sheets = new Map<string, { sheet: string; errors: number; warnings: number }>();
  let errors = 0;
  let warnings = 0;
  for (const f of findings) {
    let counts = sheets.get(f.sheet);
    if (!counts) sheets.set(f.sheet, (counts = { sheet: f.sheet, errors: 0, warnings: 0 }));
    if (f.severity === "error") {
      counts.errors++;
      errors++;
    } else {
      counts.warnings++;
      warnings++;
    }
  }
  return { errors, warnings, sheets: [...sheets.values()] };
}
