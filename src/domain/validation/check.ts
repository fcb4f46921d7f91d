// checkWorkbook: every rule of the spec over a WorkbookSnapshot, as Findings. Columns are
// found by header in either language; each column of ours is compiled once into a checker
// (schema.ts gives the bounds), then run down its cells; the rules that span cells, columns or
// tables run on what the checkers read. Nothing here throws on a cell's content.
import { columnLetters } from "../plan/address";
import { smartFailures, type SmartLetter } from "../metrics/goals";
import type { ColumnSpec, TableSpec } from "../spec/types";
import { type DealStatus, label, PATH, STAGE, STAGES_BY_PATH, type Language, type PathKey, type TermList } from "../spec/vocabulary";
import { CONFIG, FORMULAS, LIST, SHEETS, TABLES } from "../spec/workbook";
import * as cells from "./cells";
import { SEVERITY_OF, type FindingCodeName } from "./codes";
import { listSource, NUMBER_SCHEMAS, numberBounds } from "./schema";
import type { CheckOptions, Finding, SnapshotValue, TableSnapshot, WorkbookSnapshot } from "./types";

/**
 * How far (in probability, 0..1) an open deal's probability may sit from its stage's default
 * before the check asks about it: more than the step between two neighbouring stages (20%).
 */
export const PROBABILITY_GAP = 0.25;
// Percentages such as 0.35 - 0.6 are not exact in binary; a gap of exactly 25% is not "far".
const EPSILON = 1e-9;
const OPEN_DEAL: DealStatus = "open";

type Details = Readonly<Record<string, string | number>>;

/** A table of ours in the snapshot, its spec columns found by header. */
interface Bound {
  readonly snap: TableSnapshot;
  readonly spec: TableSpec;
  /** Spec column key -> index in snap.headers. */
  readonly at: ReadonlyMap<string, number>;
}

interface StageEntry {
  readonly path?: PathKey;
  readonly probability?: number;
  /** The workbook's own word for the stage. */
  readonly word: string;
}

interface Hit<T> {
  readonly value: T;
  /** The word is the other language's. */
  readonly other: boolean;
}

interface Context {
  readonly language: Language;
  readonly words: (terms: TermList) => ReadonlyMap<string, Hit<string>>;
  readonly stages: ReadonlyMap<string, Hit<StageEntry>>;
  /** Folded names on the Team roster; undefined when there is no roster to go by. */
  readonly roster?: ReadonlySet<string>;
  readonly refs: (
    table: string,
    column: string,
  ) => { readonly names: ReadonlySet<string>; readonly sheet: string; readonly header: string } | undefined;
}

// Bound once: the hot loops call these per cell, and a bundler's module getters cost a call each.
const { foldText, isBlank, isExcelError, isoDateSerial, serialToIso } = cells;

const SPEC_BY_NAME = new Map(TABLES.map((t) => [t.name.toLowerCase(), t]));
const SHEET_RANK = new Map(SHEETS.map((s, i) => [s.key, i]));
const header = (h: unknown) => (typeof h === "string" ? h : String(h ?? ""));

/** The headers of `snap` that are columns of `spec`, by their English or Chinese header (trimmed, any case). */
function bind(snap: TableSnapshot, spec: TableSpec): Bound {
  const byHeader = new Map<string, number>();
  snap.headers.forEach((h, i) => {
    const folded = foldText(header(h));
    if (!byHeader.has(folded)) byHeader.set(folded, i);
  });
  const at = new Map<string, number>();
  const taken = new Set<number>();
  for (const c of spec.columns) {
    for (const word of [c.header.en, c.header.zh]) {
      const i = byHeader.get(foldText(word));
      if (i !== undefined && !taken.has(i)) {
        at.set(c.key, i);
        taken.add(i);
        break;
      }
    }
  }
  return { snap, spec, at };
}

const cellOf = (b: Bound, r: number, key: string): SnapshotValue => {
  const i = b.at.get(key);
  return i === undefined ? null : (b.snap.values[r]?.[i] ?? null);
};

/** The snapshot's language, else the Config table's, else the language most of our headers are in. */
function workbookLanguage(snapshot: WorkbookSnapshot, bound: readonly Bound[]): Language {
  if (snapshot.language === "en-US" || snapshot.language === "zh-CN") return snapshot.language;
  const config = bound.find((b) => b.spec.name === "Config");
  if (config) {
    for (let r = 0; r < config.snap.values.length; r++) {
      if (foldText(cellOf(config, r, "name")) !== "language") continue;
      const value = foldText(cellOf(config, r, "value"));
      if (value === "zh-cn") return "zh-CN";
      if (value === "en-us") return "en-US";
    }
  }
  let en = 0;
  let zh = 0;
  for (const b of bound) {
    for (const c of b.spec.columns) {
      const i = b.at.get(c.key);
      if (i === undefined) continue;
      const h = foldText(header(b.snap.headers[i]));
      if (h === foldText(c.header.zh) && h !== foldText(c.header.en)) zh++;
      else if (h === foldText(c.header.en) && h !== foldText(c.header.zh)) en++;
    }
  }
  return zh > en ? "zh-CN" : "en-US";
}

const otherLanguage = (language: Language): Language => (language === "zh-CN" ? "en-US" : "zh-CN");

function wordIndexes(language: Language): Context["words"] {
  const cache = new Map<TermList, Map<string, Hit<string>>>();
  return (terms) => {
    let index = cache.get(terms);
    if (!index) {
      index = new Map();
      for (const t of terms.terms) index.set(foldText(label(t, otherLanguage(language))), { value: t.key, other: true });
      // The workbook's own word wins where both languages spell a term alike.
      for (const t of terms.terms) index.set(foldText(label(t, language)), { value: t.key, other: false });
      cache.set(terms, index);
    }
    return index;
  };
}

/**
 * The stages a Stage cell may hold: the built-in ones in either language, with path and default
 * probability from the Settings Stages table when it has them, and any stage a user added there.
 */
function stageIndex(language: Language, words: Context["words"], stagesTable: Bound | undefined): Map<string, Hit<StageEntry>> {
  const entries = new Map<string, StageEntry>();
  for (const s of STAGE.terms) {
    const builtIn = [...STAGES_BY_PATH.new, ...STAGES_BY_PATH.existing].find((x) => x.key === s.key)!;
    entries.set(s.key, { path: builtIn.path, probability: builtIn.probability, word: label(s, language) });
  }
  const custom: StageEntry[] = [];
  if (stagesTable) {
    const byWord = words(STAGE);
    const hasProbability = stagesTable.at.has("probability");
    for (let r = 0; r < stagesTable.snap.values.length; r++) {
      const word = cellOf(stagesTable, r, "stage");
      if (isBlank(word) || isExcelError(word)) continue;
      const path = words(PATH).get(foldText(cellOf(stagesTable, r, "path")))?.value as PathKey | undefined;
      const p = cellOf(stagesTable, r, "probability");
      const probability = typeof p === "number" && p >= 0 && p <= 1 ? p : undefined;
      const builtIn = byWord.get(foldText(word));
      if (builtIn) {
        const entry = entries.get(builtIn.value)!;
        entries.set(builtIn.value, {
          path: path ?? entry.path,
          probability: hasProbability ? probability : entry.probability,
          word: builtIn.other ? entry.word : String(word).trim(),
        });
      } else {
        custom.push({ path, probability, word: String(word).trim() });
      }
    }
  }
  const index = new Map<string, Hit<StageEntry>>();
  for (const s of STAGE.terms) index.set(foldText(label(s, otherLanguage(language))), { value: entries.get(s.key)!, other: true });
  for (const s of STAGE.terms) index.set(foldText(label(s, language)), { value: entries.get(s.key)!, other: false });
  for (const entry of entries.values()) index.set(foldText(entry.word), { value: entry, other: false });
  for (const entry of custom) index.set(foldText(entry.word), { value: entry, other: false });
  return index;
}

function columnSet(b: Bound, key: string): Set<string> {
  const names = new Set<string>();
  for (let r = 0; r < b.snap.values.length; r++) {
    const v = cellOf(b, r, key);
    if (!isBlank(v) && !isExcelError(v)) names.add(foldText(v));
  }
  return names;
}

function makeContext(snapshot: WorkbookSnapshot, bound: readonly Bound[]): Context {
  const language = workbookLanguage(snapshot, bound);
  const find = (name: string) => bound.find((b) => b.spec.name === name);
  const team = find("Team");
  const roster = team && team.at.has("name") ? columnSet(team, "name") : undefined;
  const refCache = new Map<string, ReturnType<Context["refs"]>>();
  const words = wordIndexes(language);
  return {
    language,
    words,
    stages: stageIndex(language, words, find("Stages")),
    // An empty roster is one nobody filled yet: no owner is held against it.
    ...(roster && roster.size > 0 ? { roster } : {}),
    refs: (table, column) => {
      const id = `${table}:${column}`;
      if (!refCache.has(id)) {
        const target = find(table);
        const i = target?.at.get(column);
        refCache.set(
          id,
          target && i !== undefined
            ? { names: columnSet(target, column), sheet: target.snap.sheet, header: header(target.snap.headers[i]) }
            : undefined,
        );
      }
      return refCache.get(id);
    },
  };
}

// ---------------------------------------------------------------------------------------

/** Where findings of one table go: Excel row and column from the table's place on its sheet. */
class TableFindings {
  /** Per column index, the data rows that already have a finding (later rules leave them be). */
  readonly flagged = new Map<number, Uint8Array>();
  constructor(
    private readonly b: Bound,
    private readonly out: Finding[],
  ) {}

  emit(code: FindingCodeName, row: number, index: number, value: SnapshotValue, details?: Details): void {
    const { snap, spec } = this.b;
    const excelRow = row < 0 ? snap.headerRow : snap.headerRow + 1 + row;
    const columnNumber = snap.firstColumn + index;
    const key = spec.columns.find((c) => this.b.at.get(c.key) === index)?.key;
    this.out.push({
      severity: SEVERITY_OF[code],
      code,
      sheet: snap.sheet,
      table: spec.name,
      row: excelRow,
      columnNumber,
      column: header(snap.headers[index]),
      ...(key ? { columnKey: key } : {}),
      cell: `${columnLetters(columnNumber)}${excelRow}`,
      value,
      ...(details ? { details } : {}),
    });
    if (row >= 0) {
      let rows = this.flagged.get(index);
      if (!rows) this.flagged.set(index, (rows = new Uint8Array(snap.values.length)));
      rows[row] = 1;
    }
  }

  isFlagged(index: number, row: number): boolean {
    return this.flagged.get(index)?.[row] === 1;
  }
}

type Checker = (value: SnapshotValue, row: number) => unknown;

/** The per-cell check of a column of ours, made once: it returns what the cell reads as, or undefined. */
function compile(c: ColumnSpec, index: number, b: Bound, ctx: Context, found: TableFindings): Checker {
  const emit = (code: FindingCodeName, row: number, value: SnapshotValue, details?: Details) => found.emit(code, row, index, value, details);
  const numeric = NUMBER_SCHEMAS[c.type];
  if (numeric) {
    const { min, max, integer } = numberBounds(numeric);
    switch (c.type) {
      case "date":
        return (v, r) => {
          const serial = typeof v === "string" ? isoDateSerial(v) : v;
          if (typeof serial === "number" && serial >= min && serial <= max) return serial;
          emit("notDate", r, v);
          return undefined;
        };
      case "percent":
        return (v, r) => {
          if (typeof v !== "number" || !Number.isFinite(v)) return void emit("notNumber", r, v);
          if (v >= min && v <= max) return v;
          // 45 for 45%: Excel stores 45% as 0.45, so a number above 1 and up to 100 was meant as a percentage.
          if (v > max && v <= 100) emit("percentAsWhole", r, v, { percent: v });
          else emit("percentRange", r, v);
          return undefined;
        };
      case "int1to5":
        return (v, r) => {
          if (typeof v !== "number" || !Number.isFinite(v)) return void emit("notNumber", r, v);
          if (v >= min && v <= max && (!integer || Number.isInteger(v))) return v;
          return void emit("scale1to5", r, v);
        };
      default:
        return (v, r) => {
          if (typeof v !== "number" || !Number.isFinite(v)) return void emit("notNumber", r, v);
          if (v >= min && v <= max) return v;
          return void emit("negative", r, v);
        };
    }
  }
  if (c.type === "ref" && c.ref) {
    const target = ctx.refs(c.ref.table, c.ref.column);
    if (!target) return (v) => String(v).trim();
    const details = { table: c.ref.table, sheet: target.sheet, column: target.header };
    const known = remembered((v) => target.names.has(foldText(v)));
    return (v, r) => (known(v) ? v : void emit("refMissing", r, v, details));
  }
  if (c.type === "list") {
    const source = listSource(c);
    if (source?.kind === "roster") {
      const roster = ctx.roster;
      if (!roster) return (v) => v;
      const known = remembered((v) => roster.has(foldText(v)));
      return (v, r) => {
        if (!known(v)) emit("notOnRoster", r, v);
        return v;
      };
    }
    if (source?.kind === "stages") {
      const expected = ownWords([...ctx.stages.values()]);
      const find = remembered((v) => ctx.stages.get(foldText(v)));
      return (v, r) => {
        const hit = find(v);
        if (!hit) return void emit(c.openList ? "unlistedWord" : "notInList", r, v, { expected });
        if (hit.other) emit("otherLanguage", r, v, { expected: hit.value.word });
        return hit.value;
      };
    }
    if (source?.kind === "terms") {
      const words = ctx.words(source.terms);
      const expected = source.terms.terms.map((t) => label(t, ctx.language)).join(" / ");
      const own = new Map(source.terms.terms.map((t) => [t.key, label(t, ctx.language)]));
      const find = remembered((v) => (typeof v === "string" ? words.get(foldText(v)) : undefined));
      return (v, r) => {
        const hit = find(v);
        if (!hit) return void emit(c.openList ? "unlistedWord" : "notInList", r, v, { expected });
        if (hit.other) emit("otherLanguage", r, v, { expected: own.get(hit.value)! });
        return hit.value;
      };
    }
  }
  // Text (and any list the spec feeds from elsewhere): taken as typed.
  return (v) => (typeof v === "string" ? v.trim() : v);
}

/** Distinct cell values a column holds before it stops remembering (IDs are all distinct). */
const REMEMBERED_VALUES = 4096;

/**
 * `look` once per distinct cell value: a column of statuses, stages or customers repeats a few
 * words down 100,000 rows, and folding each again would make a string per cell.
 */
function remembered<T>(look: (v: SnapshotValue) => T): (v: SnapshotValue) => T {
  const memo = new Map<SnapshotValue, T>();
  return (v) => {
    const seen = memo.get(v);
    if (seen !== undefined || memo.has(v)) return seen as T;
    const found = look(v);
    if (memo.size < REMEMBERED_VALUES) memo.set(v, found);
    return found;
  };
}

function ownWords(hits: readonly Hit<StageEntry>[]): string {
  return [...new Set(hits.filter((h) => !h.other).map((h) => h.value.word))].join(" / ");
}

// ---------------------------------------------------------------------------------------

/** The SMART letters, each named at the cell it is about (SALES.SMART's argument order, from the spec's formula). */
const SMART_ARGUMENTS = ["goal", "metric", "target", "deadline", "baseline", "start"] as const;
const SMART_KEYS: Readonly<Record<(typeof SMART_ARGUMENTS)[number], string>> = (() => {
  const call = /SALES\.SMART\(([^)]*)\)/.exec("functions" in FORMULAS.smart ? FORMULAS.smart.functions : "");
  const keys = (call?.[1] ?? "").split(",").map((a) => /^\{@(\w+)\}$/.exec(a.trim())?.[1] ?? "");
  return Object.fromEntries(SMART_ARGUMENTS.map((a, i) => [a, keys[i] ?? a])) as Record<(typeof SMART_ARGUMENTS)[number], string>;
})();
const SMART_CELL: Readonly<Record<SmartLetter, (typeof SMART_ARGUMENTS)[number]>> = {
  S: "goal",
  M: "target",
  A: "target",
  R: "metric",
  T: "deadline",
};

function checkTable(b: Bound, ctx: Context, out: Finding[]): void {
  const { snap, spec } = b;
  const found = new TableFindings(b, out);
  if (snap.headers.length === 0) return;

  for (const c of spec.columns) {
    if (c.required && !b.at.has(c.key)) {
      found.emit("columnMissing", -1, 0, null, { missing: ctx.language === "zh-CN" ? c.header.zh : c.header.en, missingKey: c.key });
    }
  }

  // A row with nothing typed in (computed cells aside) is a spare row, not a faulty one.
  const computed = new Set(spec.columns.filter((c) => c.type === "computed").map((c) => b.at.get(c.key)));
  const rows = snap.values;
  const blank = new Uint8Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r] ?? [];
    let empty = true;
    for (let i = 0; i < snap.headers.length && empty; i++) if (!computed.has(i) && (!isBlank(row[i]) || unread(snap, r, i))) empty = false;
    blank[r] = empty ? 1 : 0;
  }

  const parsed = new Map<string, unknown[]>();
  for (const c of spec.columns) {
    const i = b.at.get(c.key);
    if (i === undefined) continue;
    if (c.type === "computed") {
      checkFormulas(b, c, i, blank, found);
      continue;
    }
    const check = compile(c, i, b, ctx, found);
    const values: unknown[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      if (blank[r]) continue;
      const v = rows[r]?.[i] ?? null;
      if (v === null && unread(snap, r, i)) continue;
      if (isExcelError(v)) found.emit("cellError", r, i, v);
      else if (isBlank(v)) {
        if (c.required) found.emit("required", r, i, v);
      } else values[r] = check(v, r);
    }
    parsed.set(c.key, values);
  }

  for (const c of spec.columns) {
    const i = b.at.get(c.key);
    if (i === undefined) continue;
    if (c.unique) checkUnique(b, i, blank, found);
    if (c.notBefore) checkOrder(b, c, c.notBefore, i, parsed, found);
    if (c.requiredWhen) checkRequiredWhen(b, c, i, blank, parsed, found);
    if (c.listFormula) checkStagePath(b, c, i, parsed, found);
    if (c.defaultFrom) checkProbability(b, c, i, parsed, found);
    if (c.formula === FORMULAS.smart) checkSmart(b, blank, parsed, found);
  }
  if (spec.name === CONFIG_TABLE) checkSettings(b, found);
}

const CONFIG_TABLE = "Config";
const NUMERIC_SETTINGS = new Set(CONFIG.filter((c) => typeof c.value === "number").map((c) => c.name.toLowerCase()));

/**
 * Settings' thresholds (lag alert days, tier thresholds...) are numbers that formulas, rules and
 * highlights read by name: text there breaks them for everyone, so it is reported like a number cell.
 */
function checkSettings(b: Bound, found: TableFindings): void {
  const i = b.at.get("value");
  if (i === undefined || !b.at.has("name")) return;
  for (let r = 0; r < b.snap.values.length; r++) {
    if (!NUMERIC_SETTINGS.has(foldText(cellOf(b, r, "name")))) continue;
    const v = b.snap.values[r]?.[i] ?? null;
    if (unread(b.snap, r, i) || isExcelError(v)) continue;
    if (isBlank(v)) found.emit("required", r, i, v);
    else if (typeof v !== "number" || !Number.isFinite(v)) found.emit("notNumber", r, i, v);
    else if (v < 0) found.emit("negative", r, i, v);
  }
}

/**
 * A cell holding a formula whose value the reader could not give (a file saved without
 * calculated results): its value is unknown, so it is neither blank nor checked.
 */
function unread(snap: TableSnapshot, r: number, i: number): boolean {
  const f = snap.formulas?.[r]?.[i];
  return typeof f === "string" && f !== "" && (snap.values[r]?.[i] ?? null) === null;
}

function checkFormulas(b: Bound, c: ColumnSpec, i: number, blank: Uint8Array, found: TableFindings): void {
  const formulas = b.snap.formulas;
  if (!formulas) return;
  const hasFormula = (r: number) => {
    const f = formulas[r]?.[i];
    return typeof f === "string" && f.trim() !== "";
  };
  for (let r = 0; r < b.snap.values.length; r++) {
    if (blank[r] || hasFormula(r)) continue;
    const v = b.snap.values[r]?.[i] ?? null;
    // Point at a row that still has the formula, to copy it from.
    let from = -1;
    for (let d = 1; from < 0 && (r - d >= 0 || r + d < b.snap.values.length); d++) {
      if (r - d >= 0 && hasFormula(r - d)) from = r - d;
      else if (r + d < b.snap.values.length && hasFormula(r + d)) from = r + d;
    }
    const details = from >= 0 ? { fromRow: b.snap.headerRow + 1 + from } : undefined;
    found.emit(isBlank(v) ? "formulaMissing" : "formulaOverwritten", r, i, v, details);
  }
}

function checkUnique(b: Bound, i: number, blank: Uint8Array, found: TableFindings): void {
  const first = new Map<string, number>();
  for (let r = 0; r < b.snap.values.length; r++) {
    const v = b.snap.values[r]?.[i] ?? null;
    if (blank[r] || isBlank(v) || isExcelError(v)) continue;
    const name = foldText(v);
    const seen = first.get(name);
    if (seen === undefined) first.set(name, r);
    else found.emit("duplicate", r, i, v, { firstRow: b.snap.headerRow + 1 + seen });
  }
}

function checkOrder(b: Bound, c: ColumnSpec, before: string, i: number, parsed: Map<string, unknown[]>, found: TableFindings): void {
  const late = parsed.get(c.key);
  const early = parsed.get(before);
  const j = b.at.get(before);
  if (!late || !early || j === undefined) return;
  for (let r = 0; r < late.length; r++) {
    const a = late[r];
    const s = early[r];
    // Whole days: a task due the day it starts is in order, whatever the times.
    if (typeof a === "number" && typeof s === "number" && Math.floor(a) < Math.floor(s)) {
      found.emit("dateOrder", r, i, b.snap.values[r]?.[i] ?? null, { other: header(b.snap.headers[j]), otherValue: serialToIso(s) });
    }
  }
}

function checkRequiredWhen(b: Bound, c: ColumnSpec, i: number, blank: Uint8Array, parsed: Map<string, unknown[]>, found: TableFindings): void {
  const rule = c.requiredWhen!;
  const status = parsed.get(rule.column);
  const j = b.at.get(rule.column);
  if (!status || j === undefined) return;
  for (let r = 0; r < b.snap.values.length; r++) {
    const key = status[r];
    if (blank[r] || typeof key !== "string") continue;
    const v = b.snap.values[r]?.[i] ?? null;
    if (unread(b.snap, r, i)) continue;
    const details = { when: header(b.snap.headers[j]), status: String(b.snap.values[r]?.[j] ?? "").trim() };
    if (rule.is.includes(key)) {
      if (isBlank(v)) found.emit("requiredWhen", r, i, v, details);
    } else if (rule.onlyThen && !isBlank(v) && !found.isFlagged(i, r)) {
      found.emit("blankUnless", r, i, v, details);
    }
  }
}

function checkStagePath(b: Bound, c: ColumnSpec, i: number, parsed: Map<string, unknown[]>, found: TableFindings): void {
  const pathKey = /\{@(\w+)\}/.exec(c.listFormula ?? "")?.[1];
  const stages = parsed.get(c.key);
  const paths = pathKey ? parsed.get(pathKey) : undefined;
  const j = pathKey ? b.at.get(pathKey) : undefined;
  if (!stages || !paths || j === undefined) return;
  for (let r = 0; r < stages.length; r++) {
    const stage = stages[r] as StageEntry | undefined;
    const path = paths[r];
    if (stage?.path && typeof path === "string" && stage.path !== path) {
      found.emit("stageNotOnPath", r, i, b.snap.values[r]?.[i] ?? null, {
        path: header(b.snap.headers[j]),
        pathValue: String(b.snap.values[r]?.[j] ?? "").trim(),
      });
    }
  }
}

function checkProbability(b: Bound, c: ColumnSpec, i: number, parsed: Map<string, unknown[]>, found: TableFindings): void {
  const probabilities = parsed.get(c.key);
  const stages = parsed.get(c.defaultFrom!);
  const statusColumn = b.spec.columns.find((x) => x.list === LIST.dealStatus);
  const statuses = statusColumn ? parsed.get(statusColumn.key) : undefined;
  const j = b.at.get(c.defaultFrom!);
  if (!probabilities || !stages || j === undefined) return;
  for (let r = 0; r < probabilities.length; r++) {
    const p = probabilities[r];
    const stage = stages[r] as StageEntry | undefined;
    // A won or lost deal's probability is its outcome, not a forecast.
    const status = statuses?.[r];
    if (typeof status === "string" && status !== OPEN_DEAL) continue;
    if (typeof p !== "number" || stage?.probability === undefined) continue;
    if (Math.abs(p - stage.probability) > PROBABILITY_GAP + EPSILON) {
      found.emit("probabilityFar", r, i, p, { default: stage.probability, stage: String(b.snap.values[r]?.[j] ?? "").trim() });
    }
  }
}

function checkSmart(b: Bound, blank: Uint8Array, parsed: Map<string, unknown[]>, found: TableFindings): void {
  const at = (arg: (typeof SMART_ARGUMENTS)[number]) => b.at.get(SMART_KEYS[arg]);
  const read = (arg: (typeof SMART_ARGUMENTS)[number], r: number, raw: boolean) => {
    const i = at(arg);
    if (i === undefined) return undefined;
    return raw ? (b.snap.values[r]?.[i] ?? null) : parsed.get(SMART_KEYS[arg])?.[r];
  };
  for (let r = 0; r < b.snap.values.length; r++) {
    if (blank[r]) continue;
    // Words as typed (SALES.SMART reads them in either language); numbers and dates as read, so
    // a cell already reported as not a number is not reported again as a SMART letter.
    const failed = smartFailures({
      goal: read("goal", r, true),
      metric: read("metric", r, true),
      target: read("target", r, false),
      deadline: read("deadline", r, false),
      baseline: read("baseline", r, false),
      start: read("start", r, false),
    });
    const byCell = new Map<number, SmartLetter[]>();
    for (const letter of failed) {
      const i = at(SMART_CELL[letter]);
      if (i === undefined || found.isFlagged(i, r)) continue;
      byCell.set(i, [...(byCell.get(i) ?? []), letter]);
    }
    for (const [i, letters] of byCell) found.emit("smart", r, i, b.snap.values[r]?.[i] ?? null, { letters: letters.join(" ") });
  }
}

// ---------------------------------------------------------------------------------------

/**
 * Every finding in the snapshot's tables of ours, in the order of the spec's sheets, then by row
 * and column. Tables that are not ours are left alone; a table of ours that is absent is not a
 * finding (set-up may leave sheets out), and rules that need it (customers, roster) are skipped.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): Finding[] {
  void options;
  const bound: Bound[] = [];
  const seen = new Set<string>();
  for (const snap of snapshot.tables ?? []) {
    const spec = SPEC_BY_NAME.get(String(snap?.name ?? "").toLowerCase());
    if (!spec || seen.has(spec.name) || !Array.isArray(snap.headers) || !Array.isArray(snap.values)) continue;
    seen.add(spec.name);
    bound.push(bind(snap, spec));
  }
  const ctx = makeContext(snapshot, bound);
  const findings: Finding[] = [];
  for (const b of bound) checkTable(b, ctx, findings);
  const rank = new Map<string, number>(bound.map((b) => [b.spec.name, SHEET_RANK.get(b.spec.sheet) ?? SHEETS.length]));
  return findings
    .map((f, n) => ({ f, n }))
    .sort(
      (x, y) =>
        rank.get(x.f.table)! - rank.get(y.f.table)! ||
        (x.f.sheet < y.f.sheet ? -1 : x.f.sheet > y.f.sheet ? 1 : 0) ||
        x.f.row - y.f.row ||
        x.f.columnNumber - y.f.columnNumber ||
        x.n - y.n,
    )
    .map(({ f }) => f);
}
