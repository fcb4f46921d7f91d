// Whatever a workbook holds, the check returns findings and never throws, and every finding
// names a real cell of the input: a data row of its table (or the header row, for a missing
// column), one of its columns, with the matching header, address and value.
import fc from "fast-check";
import { columnLetters } from "../../../src/domain/plan";
import { TABLES } from "../../../src/domain/spec/workbook";
import { LANGUAGES, STAGE, TASK_STATUS, DEAL_STATUS, PATH } from "../../../src/domain/spec/vocabulary";
import {
  checkWorkbook,
  describeFinding,
  SEVERITY_OF,
  type Finding,
  type FindingCodeName,
  type SnapshotValue,
  type TableSnapshot,
  type WorkbookSnapshot,
} from "../../../src/domain/validation";
import { sampleSnapshot } from "../../support/plantedFaults";

const ERRORS = ["#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#n/a"];
const WORDS = [
  ...[STAGE, TASK_STATUS, DEAL_STATUS, PATH].flatMap((l) => l.terms.flatMap((t) => [t.en, t.zh, t.en.toUpperCase()])),
  "T-001",
  "East China Precision Manufacturing Co.",
  "Sales rep Chen",
  "王经理",
];
const HEADERS = TABLES.flatMap((t) => t.columns.flatMap((c) => [c.header.en, c.header.zh, ` ${c.header.en.toLowerCase()} `]));

const cellValue: fc.Arbitrary<SnapshotValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 3_000_000 }),
  fc.double(),
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.integer({ min: 0, max: 6 }),
  fc.string(),
  fc.constantFrom(...ERRORS),
  fc.constant("x".repeat(10_000)),
  fc.constantFrom("=1+1", "=SUM(A1:A3)", "@SUM(A1)", "+1", "-1", "=Tasks[[#This Row],[Due]]"),
  fc.date({ min: new Date("1800-01-01"), max: new Date("9999-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2026-02-30", "2026-13-01", "0000-00-00"),
  fc.constantFrom(...WORDS),
  fc.constantFrom("", "  ", "\t"),
);

type Change =
  | { kind: "cell"; t: number; r: number; c: number; v: SnapshotValue; formula: string | null }
  | { kind: "rename"; t: number; c: number; to: string }
  | { kind: "swap"; t: number; a: number; b: number }
  | { kind: "drop"; t: number; c: number }
  | { kind: "addRow"; t: number; cells: SnapshotValue[] }
  | { kind: "clearRows"; t: number }
  | { kind: "move"; t: number; headerRow: number; firstColumn: number }
  | { kind: "noFormulas"; t: number }
  | { kind: "dropTable"; t: number };

const index = fc.nat({ max: 1000 });
const change: fc.Arbitrary<Change> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      kind: fc.constant("cell" as const),
      t: index,
      r: index,
      c: index,
      v: cellValue,
      formula: fc.option(fc.constantFrom("=1", "=A1+1"), { nil: null }),
    }),
  },
  fc.record({ kind: fc.constant("rename" as const), t: index, c: index, to: fc.oneof(fc.string(), fc.constantFrom(...HEADERS)) }),
  fc.record({ kind: fc.constant("swap" as const), t: index, a: index, b: index }),
  fc.record({ kind: fc.constant("drop" as const), t: index, c: index }),
  fc.record({ kind: fc.constant("addRow" as const), t: index, cells: fc.array(cellValue, { maxLength: 20 }) }),
  fc.record({ kind: fc.constant("clearRows" as const), t: index }),
  fc.record({
    kind: fc.constant("move" as const),
    t: index,
    headerRow: fc.integer({ min: 1, max: 1_048_575 }),
    firstColumn: fc.integer({ min: 1, max: 16_000 }),
  }),
  fc.record({ kind: fc.constant("noFormulas" as const), t: index }),
  fc.record({ kind: fc.constant("dropTable" as const), t: index }),
);

interface Draft {
  name: string;
  sheet: string;
  headerRow: number;
  firstColumn: number;
  headers: string[];
  values: SnapshotValue[][];
  formulas?: (string | null)[][];
}

function mutate(base: WorkbookSnapshot, changes: readonly Change[], language: WorkbookSnapshot["language"]): WorkbookSnapshot {
  let tables: Draft[] = base.tables.map((t): Draft => ({
    name: t.name,
    sheet: t.sheet,
    headerRow: t.headerRow,
    firstColumn: t.firstColumn,
    headers: [...t.headers],
    values: t.values.map((r) => [...r]),
    ...(t.formulas ? { formulas: t.formulas.map((r) => [...r]) } : {}),
  }));
  for (const ch of changes) {
    if (tables.length === 0) break;
    const t = tables[ch.t % tables.length];
    const width = t.headers.length;
    const grids = (): unknown[][][] => [[t.headers], t.values, ...(t.formulas ? [t.formulas] : [])];
    switch (ch.kind) {
      case "cell":
        if (t.values.length === 0 || width === 0) break;
        t.values[ch.r % t.values.length][ch.c % width] = ch.v;
        if (t.formulas) t.formulas[ch.r % t.values.length][ch.c % width] = ch.formula;
        break;
      case "rename":
        if (width) t.headers[ch.c % width] = ch.to;
        break;
      case "swap":
        if (width)
          for (const grid of grids()) for (const row of grid) [row[ch.a % width], row[ch.b % width]] = [row[ch.b % width], row[ch.a % width]];
        break;
      case "drop":
        if (width) for (const grid of grids()) for (const row of grid) row.splice(ch.c % width, 1);
        break;
      case "addRow":
        t.values.push(t.headers.map((_, i) => ch.cells[i] ?? null));
        t.formulas?.push(t.headers.map(() => null));
        break;
      case "clearRows":
        t.values = [];
        if (t.formulas) t.formulas = [];
        break;
      case "move":
        t.headerRow = ch.headerRow;
        t.firstColumn = ch.firstColumn;
        break;
      case "noFormulas":
        delete t.formulas;
        break;
      case "dropTable":
        tables = tables.filter((x) => x !== t);
        break;
    }
  }
  return { ...(language ? { language } : {}), tables };
}

/** What must hold of every finding, as a list of broken promises (empty when all hold). */
function broken(input: WorkbookSnapshot, f: Finding): string[] {
  const problems: string[] = [];
  const table: TableSnapshot | undefined = input.tables.find((t) => t.name.toLowerCase() === String(f.table).toLowerCase());
  if (!table) return [`no table ${f.table}`];
  if (f.sheet !== table.sheet) problems.push(`sheet ${f.sheet} is not ${table.sheet}`);
  const c = f.columnNumber - table.firstColumn;
  if (!(c >= 0 && c < table.headers.length)) problems.push(`column ${f.columnNumber} outside the table`);
  else if (f.column !== table.headers[c]) problems.push(`header ${f.column} is not ${table.headers[c]}`);
  if (f.cell !== `${columnLetters(f.columnNumber)}${f.row}`) problems.push(`cell ${f.cell} is not row ${f.row}, column ${f.columnNumber}`);
  if (f.code === "columnMissing") {
    if (f.row !== table.headerRow) problems.push(`a missing column named at row ${f.row}, not the header row`);
  } else {
    const r = f.row - table.headerRow - 1;
    if (!(r >= 0 && r < table.values.length)) problems.push(`row ${f.row} outside the data rows`);
    else if (!Object.is(f.value, table.values[r][c] ?? null)) problems.push(`value ${String(f.value).slice(0, 20)} is not the cell's`);
  }
  if (SEVERITY_OF[f.code as FindingCodeName] !== f.severity) problems.push(`severity ${f.severity} for ${f.code}`);
  for (const language of LANGUAGES) if (describeFinding(f, language).trim() === "") problems.push(`no words in ${language}`);
  return problems;
}

/** Checks `input`, asserts every finding names its cell, and returns how many there were. */
function holds(input: WorkbookSnapshot): number {
  const findings = checkWorkbook(input);
  const problems = findings.flatMap((f) => broken(input, f).map((p) => `${f.code} at ${f.sheet}!${f.cell}: ${p}`));
  expect(problems).toEqual([]);
  return findings.length;
}

describe.each(LANGUAGES)("the check on random content, starting from the %s sample", (language) => {
  const base = sampleSnapshot(language);
  const tableCount = base.tables.length;
  const every = (v: SnapshotValue) =>
    mutate(
      base,
      base.tables.flatMap((t, ti) => t.values.flatMap((row, r) => row.map((_, c) => ({ kind: "cell" as const, t: ti, r, c, v, formula: null })))),
      language,
    );

  it.each([
    ["an Excel error", "#N/A"],
    ["10,000 characters", "y".repeat(10_000)],
    ["a formula typed as text", "=1+1"],
    ["TRUE", true],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["a huge number", 1e308],
  ] as [string, SnapshotValue][])("holds with %s in every cell", (_what, value) => {
    const found = holds(every(value));
    // Every one of these fails some column of ours (a blank fails the required ones).
    expect(found).toBeGreaterThan(0);
  });

  it.each([
    ["a blank", null],
    ["spaces", "   "],
  ] as [string, SnapshotValue][])("finds nothing with %s in every cell: every row is a spare row", (_what, value) => {
    expect(holds(every(value))).toBe(0);
  });

  it("holds with tables that have no headers, no rows, or rows shorter than their headers", () => {
    holds({ tables: base.tables.map((t) => ({ ...t, headers: [], values: [] })) });
    holds({ tables: base.tables.map((t) => ({ ...t, values: [] })) });
    holds({ tables: base.tables.map((t) => ({ ...t, values: t.values.map((r) => r.slice(0, 2)), formulas: [] })) });
    holds({ tables: [...base.tables, ...base.tables] });
    holds({ tables: [] });
  });

  it("holds for random edits of cells, headers, rows and places", () => {
    const codes = new Set<string>();
    fc.assert(
      fc.property(
        fc.array(change, { maxLength: 40 }),
        fc.constantFrom(undefined, "en-US" as const, "zh-CN" as const, "fr-FR" as unknown as "en-US"),
        (changes, lang) => {
          const input = mutate(base, changes, lang);
          holds(input);
          for (const f of checkWorkbook(input)) codes.add(f.code);
        },
      ),
      {
        numRuns: 300,
        // The edges first: nothing changed, the first and the last place on a sheet, an empty and
        // a long row, Excel's first and last date (serials 1 and 2958465) and one past it, 0 and -0.
        examples: [
          [[], undefined],
          [[{ kind: "move", t: 0, headerRow: 1, firstColumn: 1 }], "en-US"],
          [[{ kind: "move", t: 1, headerRow: 1_048_575, firstColumn: 16_000 }], "zh-CN"],
          [
            [
              { kind: "addRow", t: 2, cells: [] },
              { kind: "addRow", t: 2, cells: Array.from({ length: 20 }, () => "y".repeat(10_000)) },
            ],
            undefined,
          ],
          [[1, 2_958_465, 2_958_466, 0, -0, -1].map((v, i) => ({ kind: "cell" as const, t: 0, r: 0, c: i, v, formula: null })), undefined],
          [
            ["1900-01-01", "9999-12-31", "2026-02-29", "2028-02-29"].map((v, i) => ({ kind: "cell" as const, t: 3, r: 0, c: i, v, formula: null })),
            "en-US",
          ],
          [
            [
              { kind: "clearRows", t: 0 },
              { kind: "dropTable", t: 1000 },
              { kind: "drop", t: 0, c: 0 },
              { kind: "swap", t: 0, a: 0, b: 1000 },
            ],
            undefined,
          ],
        ] as [Change[], WorkbookSnapshot["language"]][],
      },
    );
    expect(tableCount).toBe(base.tables.length);
    // The random edits reach far into the rules, not only the first one that fires.
    expect(codes.size).toBeGreaterThan(10);
  });
});
