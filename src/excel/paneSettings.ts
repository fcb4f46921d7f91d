// The Settings panel's Excel side: read the tuned values from the Settings sheet's tables and
// write back only the cells that changed (Config values, stage probabilities and days, follow-up
// days, the roster), so co-authors' other edits on the sheet stay. New roster rows go below the
// Team table through set-up's addRows; nobody is removed from the roster here.
import { THRESHOLD_NAMES, type PaneSettings, type TeamMember, type ThresholdName } from "../taskpane/settings/model";
import { textCell } from "./cells";
import type { ExcelHost } from "./host";
import { cellAddress, columnIndex, filledRows, readPaneTables, type PaneTable } from "./paneTables";
import { configValues } from "./paneTasks";
import { addRows } from "./setup";

const text = (v: unknown) => (v === null || v === undefined ? "" : String(v).trim());
const numberOrNull = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

const SETTINGS_TABLES = ["Config", "Stages", "Tiers", "Team"] as const;

function rowsOf(table: PaneTable | undefined, keys: readonly string[]): { index: number; cells: unknown[] }[] {
  if (!table) return [];
  const columns = keys.map((k) => columnIndex(table, k));
  return filledRows(table).map((index) => ({ index, cells: columns.map((c) => (c < 0 ? null : table.values[index][c])) }));
}

export function settingsFrom(tables: Map<string, PaneTable>): PaneSettings {
  const config = configValues(tables.get("Config"));
  const thresholds: Partial<Record<ThresholdName, number>> = {};
  for (const name of THRESHOLD_NAMES) {
    const n = numberOrNull(config.get(name));
    if (n !== null) thresholds[name] = n;
  }
  return {
    thresholds,
    stages: rowsOf(tables.get("Stages"), ["path", "stage", "probability", "days"]).map(({ cells: [path, stage, probability, days] }) => ({
      path: text(path),
      stage: text(stage),
      probability: numberOrNull(probability),
      days: numberOrNull(days),
    })),
    tiers: rowsOf(tables.get("Tiers"), ["tier", "followUpDays"]).map(({ cells: [tier, days] }) => ({
      tier: text(tier),
      followUpDays: numberOrNull(days),
    })),
    team: rowsOf(tables.get("Team"), ["name", "email", "role"]).map(({ cells: [name, email, role] }) => ({
      name: text(name),
      email: text(email),
      role: text(role),
    })),
  };
}

/** Undefined when the workbook has no Settings tables (not set up). */
export async function readSettings(host: ExcelHost): Promise<PaneSettings | undefined> {
  return host.run({ delayForCellEdit: true }, async (context) => {
    const tables = await readPaneTables(context, SETTINGS_TABLES);
    if (!tables.has("Config")) return undefined;
    return settingsFrom(tables as Map<string, PaneTable>);
  });
}

interface CellWrite {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string | number;
}

/** The cells whose value differs from `next`; text is written as text. */
export function settingsWrites(tables: Map<string, PaneTable>, next: PaneSettings): { writes: CellWrite[]; newMembers: TeamMember[] } {
  const writes: CellWrite[] = [];
  const put = (table: PaneTable | undefined, row: number, key: string, value: string | number | null) => {
    if (!table || value === null) return;
    const c = columnIndex(table, key);
    if (c < 0) return;
    const old = table.values[row][c];
    if (old === value || (typeof value === "string" && text(old) === value)) return;
    writes.push({ sheet: table.sheet, cell: cellAddress(table, row, c), value });
  };
  const config = tables.get("Config");
  if (config) {
    const nameCol = columnIndex(config, "name");
    config.values.forEach((row, i) => {
      const name = text(row[nameCol]) as ThresholdName;
      if ((THRESHOLD_NAMES as readonly string[]).includes(name) && next.thresholds[name] !== undefined)
        put(config, i, "value", next.thresholds[name]!);
    });
  }
  const stages = tables.get("Stages");
  rowsOf(stages, []).forEach(({ index }, i) => {
    const s = next.stages[i];
    if (!s) return;
    put(stages, index, "probability", s.probability);
    put(stages, index, "days", s.days);
  });
  const tiers = tables.get("Tiers");
  rowsOf(tiers, []).forEach(({ index }, i) => {
    const t = next.tiers[i];
    if (t) put(tiers, index, "followUpDays", t.followUpDays);
  });
  const team = tables.get("Team");
  const members = rowsOf(team, []);
  members.forEach(({ index }, i) => {
    const m = next.team[i];
    if (!m) return;
    put(team, index, "name", m.name);
    put(team, index, "email", m.email);
    put(team, index, "role", m.role);
  });
  return { writes, newMembers: next.team.slice(members.length) };
}

export async function writeSettings(host: ExcelHost, next: PaneSettings): Promise<{ cells: number; members: number }> {
  const { writes, newMembers, team } = await host.run({ delayForCellEdit: true }, async (context) => {
    const tables = await readPaneTables(context, SETTINGS_TABLES);
    const planned = settingsWrites(tables as Map<string, PaneTable>, next);
    for (const w of planned.writes) {
      const range = context.workbook.worksheets.getItem(w.sheet).getRange(w.cell);
      // Text stays text (cells.ts): a name starting with = or + never becomes a formula.
      range.values = [[typeof w.value === "string" ? textCell(w.value) : w.value]];
    }
    if (planned.writes.length > 0) await context.sync();
    return { ...planned, team: tables.get("Team") };
  });
  if (newMembers.length > 0 && team) {
    const [name, email, role] = ["name", "email", "role"].map((k) => columnIndex(team, k));
    const rows = newMembers.map((m) => team.headers.map((_, c) => (c === name ? m.name : c === email ? m.email : c === role ? m.role : null)));
    await addRows(host, { table: "Team", rows });
  }
  return { cells: writes.length, members: newMembers.length };
}
