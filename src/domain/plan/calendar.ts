// Quarters relative to the setup day, for sample data that names and spans real quarters.
import { excelSerial } from "./address";

function parts(isoDate: string): { year: number; quarter: number } {
  const [year, month] = isoDate.split("-").map(Number);
  return { year, quarter: Math.floor((month - 1) / 3) };
}

/** Excel serial of the first or last day of the quarter `offset` quarters from `today`'s. */
export function quarterDay(today: string, offset: number, day: "first" | "last"): number {
  const { year, quarter } = parts(today);
  const index = year * 4 + quarter + offset + (day === "last" ? 1 : 0);
  const first = new Date(Date.UTC(Math.floor(index / 4), (index % 4) * 3, 1));
  return excelSerial(first.toISOString().slice(0, 10)) - (day === "last" ? 1 : 0);
}

/** "Q1".."Q4" of the quarter `offset` quarters from `today`'s. */
export function quarterName(today: string, offset: number): string {
  const { year, quarter } = parts(today);
  return `Q${((((year * 4 + quarter + offset) % 4) + 4) % 4) + 1}`;
}

/** Replaces `{Q}` and `{Q-n}` / `{Q+n}` with the quarters they name. */
export function nameQuarters(text: string, today: string): string {
  return text.replace(/\{Q([+-]\d+)?\}/g, (_, offset?: string) => quarterName(today, Number(offset ?? 0)));
}
