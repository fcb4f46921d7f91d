// Renders spec templates with A1 references for a sheet per table (spec column order, data
// from row 2), so engines without structured references can compute them.
import { WORKBOOK } from "../../../src/domain/spec/workbook";
import type { TableSpec } from "../../../src/domain/spec/types";
import { columnLetters } from "../../../src/domain/plan/address";

export const table = (name: string): TableSpec => WORKBOOK.tables.find((t) => t.name === name)!;
export const ROWS = 20;

export function a1(template: string, own: string): string {
  const col = (t: string, key: string) => {
    const i = table(t).columns.findIndex((c) => c.key === key);
    if (i < 0) throw new Error(`${t} has no ${key}`);
    return columnLetters(i + 1);
  };
  return template
    .replace(/\{@([A-Za-z0-9]+)\}/g, (_, key: string) => `$${col(own, key)}2`)
    .replace(
      /\{([A-Za-z]+):([A-Za-z0-9]+):([A-Za-z0-9]+)\}/g,
      (_, t: string, a: string, b: string) => `${t}!$${col(t, a)}$2:$${col(t, b)}$${ROWS + 1}`,
    )
    .replace(/\{([A-Za-z]+):([A-Za-z0-9]+)\}/g, (_, t: string, key: string) => `${t}!$${col(t, key)}$2:$${col(t, key)}$${ROWS + 1}`);
}
