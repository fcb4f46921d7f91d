// Turns the spec's formula templates into en-US formula text for one workbook: column keys
// become that workbook's real headers (either language, or renamed), so the same template
// serves every language and survives a header a user renamed before the column was added.
import type { ComputedFormula, FormulaTemplate } from "../spec/types";
import { columnLetters } from "./address";

/** The header a table's column has (or will have) in this workbook; undefined when it has none. */
export type HeaderOf = (table: string, key: string) => string | undefined;

export interface MissingColumn {
  readonly table: string;
  readonly key: string;
}

export type Rendered = { readonly formula: string } | { readonly missing: MissingColumn };

const PLACEHOLDER = /\{(@|[A-Za-z]+:)([A-Za-z0-9]+)(?::([A-Za-z0-9]+))?\}/g;

/** A header inside a structured reference: [ ] # and ' are escaped with a quote. */
export function escapeHeader(header: string): string {
  return header.replace(/(['#[\]])/g, "'$1");
}

function render(template: FormulaTemplate, table: string, headerOf: HeaderOf, thisRow: (key: string, header: string) => string): Rendered {
  let missing: MissingColumn | undefined;
  const formula = template.replace(PLACEHOLDER, (_whole, scope: string, first: string, last: string | undefined) => {
    const target = scope === "@" ? table : scope.slice(0, -1);
    const keys = last ? [first, last] : [first];
    const headers = keys.map((key) => {
      const header = headerOf(target, key);
      if (header === undefined) missing ??= { table: target, key };
      return header ?? key;
    });
    if (scope === "@") return thisRow(first, headers[0]);
    if (headers.length === 2) return `${target}[[${escapeHeader(headers[0])}]:[${escapeHeader(headers[1])}]]`;
    return `${target}[${escapeHeader(headers[0])}]`;
  });
  return missing ? { missing } : { formula };
}

/**
 * A formula for a cell inside `table`: this-row cells as `Tasks[[#This Row],[Due]]`, the form
 * .xlsx files store and Excel, Office.js and LibreOffice all accept ("[@Due]" is only Excel's display).
 */
export function tableFormula(template: FormulaTemplate, table: string, headerOf: HeaderOf): Rendered {
  return render(template, table, headerOf, (_key, header) => `${table}[[#This Row],[${escapeHeader(header)}]]`);
}

/**
 * A formula for a conditional format or validation rule on `table`'s data rows, where
 * structured references are not allowed: this-row cells as `$J2` (absolute column, row of
 * the first data row, relative).
 */
export function ruleFormula(
  template: FormulaTemplate,
  table: string,
  headerOf: HeaderOf,
  columnOf: (key: string) => number | undefined,
  firstDataRow: number,
): Rendered {
  let missing: MissingColumn | undefined;
  const rendered = render(template, table, headerOf, (key) => {
    const column = columnOf(key);
    if (column === undefined) {
      missing ??= { table, key };
      return key;
    }
    return `$${columnLetters(column)}${firstDataRow}`;
  });
  if ("missing" in rendered) return rendered;
  return missing ? { missing } : rendered;
}

/** The template a computed column uses: its native formula, or SALES.* / the portable twin. */
export function chooseFormula(formula: ComputedFormula, functions: boolean): { template: FormulaTemplate; usesFunctions: boolean } {
  if ("native" in formula) return { template: formula.native, usesFunctions: false };
  return functions ? { template: formula.functions, usesFunctions: true } : { template: formula.portable, usesFunctions: false };
}

/** Column keys a template reads, by table ("@" for the table itself). */
export function referencedColumns(template: FormulaTemplate): { table: string; key: string }[] {
  const out: { table: string; key: string }[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) {
    const table = m[1] === "@" ? "@" : m[1].slice(0, -1);
    out.push({ table, key: m[2] });
    if (m[3]) out.push({ table, key: m[3] });
  }
  return out;
}
