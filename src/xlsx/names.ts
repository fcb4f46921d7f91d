// Defined names written exactly as the plan gives them. ExcelJS only models names that are A1
// ranges of cells; a name such as List_Customer = Customers[Customer] (a structured reference
// that grows with the table) it cannot hold, and on reading a file it drops it. So the
// workbook keeps a list of names written verbatim, which ExcelJS emits next to its own
// (it has none of its own in workbooks made or loaded here).
import type ExcelJS from "exceljs";
import { readDefinedNames } from "./zipEntry";
import { parseCellReference } from "./address";
import { teachCalculatedColumns } from "./calculatedColumns";

export interface VerbatimName {
  readonly name: string;
  /** Without the leading "=". */
  readonly refersTo: string;
}

interface ModelEntry {
  name: string;
  ranges: string[];
  localSheetId?: number;
}

const verbatim = new WeakMap<ExcelJS.Workbook, VerbatimName[]>();

function verbatimList(workbook: ExcelJS.Workbook): VerbatimName[] {
  let list = verbatim.get(workbook);
  if (!list) {
    list = [];
    verbatim.set(workbook, list);
    const names = workbook.definedNames as unknown as { model: ModelEntry[] };
    const own = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(names), "model");
    if (!own?.get || !own.set) throw new Error("this ExcelJS version keeps defined names differently");
    const entries = list;
    Object.defineProperty(names, "model", {
      configurable: true,
      get: () => [...(own.get!.call(names) as ModelEntry[]), ...entries.map((n) => ({ name: n.name, ranges: [n.refersTo] }))],
      set: (value: ModelEntry[]) => own.set!.call(names, value),
    });
  }
  return list;
}

export function addName(workbook: ExcelJS.Workbook, name: string, refersTo: string): void {
  verbatimList(workbook).push({ name, refersTo: refersTo.replace(/^=/, "") });
}

/** Every workbook-scope name with what it refers to (no leading "="). */
export function definedNames(workbook: ExcelJS.Workbook): VerbatimName[] {
  verbatimList(workbook);
  const own = (workbook.definedNames.model as ModelEntry[]).filter((n) => n.localSheetId === undefined);
  // The model getter above already appends the verbatim names.
  return own.map((n) => ({ name: n.name, refersTo: n.ranges.join(",") }));
}

/** The cell a single-cell name points at, or undefined. */
export function namedCell(workbook: ExcelJS.Workbook, name: string): ExcelJS.Cell | undefined {
  const entry = definedNames(workbook).find((n) => n.name.toLowerCase() === name.toLowerCase());
  const reference = entry && parseCellReference(entry.refersTo);
  return reference ? workbook.getWorksheet(reference.sheet)?.getCell(reference.cell) : undefined;
}

/**
 * Loads an .xlsx keeping every workbook-scope name exactly as the file has it: ExcelJS drops
 * the names it cannot parse and rewrites the others ('Settings'!$B$2 comes back Settings!$B$2),
 * so its own copy is emptied and the file's text is kept verbatim instead.
 */
export async function loadWorkbook(workbook: ExcelJS.Workbook, bytes: Buffer): Promise<void> {
  teachCalculatedColumns();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const list = verbatimList(workbook);
  (workbook.definedNames as unknown as { model: ModelEntry[] }).model = [];
  list.length = 0;
  for (const raw of readDefinedNames(bytes)) {
    if (raw.localSheetId === undefined) list.push({ name: raw.name, refersTo: raw.refersTo });
  }
}
