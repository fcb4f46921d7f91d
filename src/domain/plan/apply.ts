// A plan applied to a WorkbookState, in memory: what a writer's next read would return.
// Tests use it to check that planning again after applying gives an empty plan; writers'
// fakes can compare against it.
import { areaAddress, parseArea } from "./address";
import { LANGUAGE_NAME, RECORD_TABLE, type Plan, type SheetState, type TableState, type WorkbookState } from "./types";

export function applyPlanToState(state: WorkbookState, plan: Plan): WorkbookState {
  const sheets: SheetState[] = state.sheets.map((s) => ({ ...s }));
  const tables: TableState[] = state.tables.map((t) => ({ ...t, headers: [...t.headers] }));
  const names = [...state.names];
  const repaired = new Set(
    plan.steps.flatMap((s) => (s.kind === "setNames" ? s.names.filter((n) => n.repair).map((n) => n.name.toLowerCase()) : [])),
  );
  const record = [...state.record];
  let { schemaVersion, language } = state;

  const tableNamed = (name: string) => {
    const table = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) throw new Error(`The plan uses table ${name} before adding it`);
    return table;
  };
  const replace = (old: TableState, next: TableState) => tables.splice(tables.indexOf(old), 1, next);
  const touchSheet = (name: string, area: string) => {
    const i = sheets.findIndex((s) => s.name.toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`The plan uses sheet ${name} before adding it`);
    const a = parseArea(area);
    const used = sheets[i].usedRange ? parseArea(sheets[i].usedRange!) : a;
    const merged = {
      firstColumn: Math.min(used.firstColumn, a.firstColumn),
      firstRow: Math.min(used.firstRow, a.firstRow),
      lastColumn: Math.max(used.lastColumn, a.lastColumn),
      lastRow: Math.max(used.lastRow, a.lastRow),
    };
    sheets[i] = { ...sheets[i], empty: false, usedRange: areaAddress(merged) };
  };

  for (const step of plan.steps) {
    switch (step.kind) {
      case "addSheet":
        sheets.push({ name: step.sheet, visible: step.visible, empty: true });
        break;
      case "hideSheet": {
        const i = sheets.findIndex((s) => s.name.toLowerCase() === step.sheet.toLowerCase());
        if (i >= 0) sheets[i] = { ...sheets[i], visible: false };
        break;
      }
      case "renameTable": {
        const table = tableNamed(step.from);
        replace(table, { ...table, name: step.table });
        break;
      }
      case "addTable": {
        const header = parseArea(step.address);
        const rows = Math.max(step.rows.length, 1);
        const address = areaAddress({ ...header, lastRow: header.firstRow + rows });
        tables.push({ name: step.table, sheet: step.sheet, headers: [...step.headers], rowCount: step.rows.length, address });
        touchSheet(step.sheet, address);
        break;
      }
      case "addColumns": {
        const table = tableNamed(step.table);
        const area = parseArea(table.address);
        const address = areaAddress({ ...area, lastColumn: area.lastColumn + step.columns.length });
        replace(table, { ...table, headers: [...table.headers, ...step.columns.map((c) => c.header)], address });
        touchSheet(table.sheet, address);
        break;
      }
      case "appendRows": {
        const table = tableNamed(step.table);
        const area = parseArea(table.address);
        const rowCount = table.rowCount + step.rows.length;
        const address = areaAddress({ ...area, lastRow: area.firstRow + Math.max(rowCount, 1) });
        replace(table, { ...table, rowCount, address });
        touchSheet(table.sheet, address);
        if (step.table === RECORD_TABLE) for (const row of step.rows) record.push(String(row[0]));
        break;
      }
      case "setNames":
        for (const n of step.names) {
          if (n.repair) continue;
          names.push(n.name);
          if (n.name === LANGUAGE_NAME) language = plan.language;
        }
        break;
      case "setSchemaVersion":
        schemaVersion = step.version;
        break;
      case "writeCells":
        for (const cell of step.cells) touchSheet(step.sheet, cell.address);
        break;
      case "setFormats":
      case "setColumnFormula":
      case "setValidation":
      case "setConditionalFormat":
      case "setRowFormats":
      case "styleTable":
      case "setPrint":
      case "fillFormulas":
        // Not part of the state a writer reads: AddinRecord tells what rules exist.
        break;
    }
  }
  return {
    sheets,
    tables,
    names,
    ...(state.notRanges ? { notRanges: state.notRanges.filter((n) => !repaired.has(n.name.toLowerCase())) } : {}),
    record,
    ...(schemaVersion === undefined ? {} : { schemaVersion }),
    ...(language === undefined ? {} : { language }),
  };
}
