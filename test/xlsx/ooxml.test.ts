// The three files `npm run workbook` writes (English, Chinese, --functions), unzipped and held to
// the structural rules of Office Open XML (ISO/IEC 29500) and to the rules Excel enforces on
// opening a file (a broken one gets "We found a problem with some content" and loses parts).
// No npm package ships the schemas with an offline validator, so the rules are written here.
import { createRequire } from "node:module";
import { buildWorkbook, type BuildOptions } from "../../src/xlsx/build";
import { descendants, readXml, type XmlElement } from "../manifest/readXml";

const JSZip = createRequire(require.resolve("exceljs"))("jszip") as {
  loadAsync(data: Buffer): Promise<{ files: Record<string, { dir: boolean; async(type: "string"): Promise<string> }> }>;
};

const TODAY = "2025-07-01";
const FILES: [string, BuildOptions][] = [
  ["English", { language: "en-US", sample: true, functions: false }],
  ["Chinese", { language: "zh-CN", sample: true, functions: false }],
  ["--functions", { language: "en-US", sample: true, functions: true }],
];

interface Package {
  readonly parts: Map<string, string>;
  xml(part: string): Promise<XmlElement>;
}

async function unzip(bytes: Buffer): Promise<Package> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const [name, entry] of Object.entries(zip.files)) if (!entry.dir) parts.set(name, await entry.async("string"));
  const parsed = new Map<string, Promise<XmlElement>>();
  return {
    parts,
    xml: (part) => {
      const text = parts.get(part);
      if (text === undefined) throw new Error(`no part ${part}`);
      if (!parsed.has(part)) parsed.set(part, readXml(text));
      return parsed.get(part)!;
    },
  };
}

const children = (e: XmlElement, name: string) => e.children.filter((c) => c.name === name);
const child = (e: XmlElement, name: string) => children(e, name)[0];

/** The part a relationship points at, from the folder of the part that owns the .rels file. */
function resolveTarget(relsPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const owner = relsPart.replace(/_rels\/[^/]*\.rels$/, "");
  const segments = (owner + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

function relsOf(part: string): string {
  const at = part.lastIndexOf("/");
  return `${part.slice(0, at + 1)}_rels/${part.slice(at + 1)}.rels`;
}

async function relationships(pkg: Package, part: string): Promise<Map<string, { target: string; type: string }>> {
  const rels = relsOf(part);
  if (!pkg.parts.has(rels)) return new Map();
  const root = await pkg.xml(rels);
  return new Map(
    children(root, "Relationship")
      .filter((r) => r.attributes.TargetMode !== "External")
      .map((r) => [r.attributes.Id, { target: resolveTarget(rels, r.attributes.Target), type: r.attributes.Type }]),
  );
}

function columnNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function columnLetters(n: number): string {
  let letters = "";
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

function area(ref: string): Area {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(ref);
  if (!m) throw new Error(`not an A1 area: ${ref}`);
  const [left, top] = [columnNumber(m[1]), Number(m[2])];
  return { top, left, bottom: m[4] ? Number(m[4]) : top, right: m[3] ? columnNumber(m[3]) : left };
}

const inside = (a: Area, b: Area) => a.top >= b.top && a.bottom <= b.bottom && a.left >= b.left && a.right <= b.right;
const overlap = (a: Area, b: Area) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** Whether a name reads as a cell reference in A1 (up to XFD1048576) or R1C1 style, which Excel refuses as a name. */
function isCellReference(name: string): boolean {
  const a1 = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(name);
  if (a1 && columnNumber(a1[1].toUpperCase()) <= 16384 && Number(a1[2]) >= 1 && Number(a1[2]) <= 1048576) return true;
  return /^(?:[Rr]\d*|[Cc]\d*|[Rr]\d*[Cc]\d*)$/.test(name);
}

/** Excel's rule for a defined or table name: a letter, _ or \ first, then letters, digits, _ . \ ; not a cell reference. */
const validName = (name: string) => /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) && name.length <= 255 && !isCellReference(name);

// Child elements in the order of their xs:sequence in the transitional SpreadsheetML schema
// (ISO/IEC 29500-1, sml.xsd: CT_Workbook, CT_Worksheet, CT_Table, CT_TableColumn). Excel
// refuses a part whose children are out of order ("We found a problem with some content").
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const TABLE_ORDER = ["autoFilter", "sortState", "tableColumns", "tableStyleInfo", "extLst"];
const TABLE_COLUMN_ORDER = ["calculatedColumnFormula", "totalsRowFormula", "xmlColumnPr", "extLst"];
/** Elements that may repeat in place (conditionalFormatting is maxOccurs unbounded). */
const REPEATABLE = new Set(["conditionalFormatting"]);

function orderProblems(where: string, element: XmlElement, order: readonly string[]): string[] {
  const names = element.children.map((c) => c.name.replace(/^\w+:/, "")).filter((n) => n !== "AlternateContent");
  const unknown = names.filter((n) => !order.includes(n)).map((n) => `${where}: <${n}> is not a child the schema allows`);
  const known = names.filter((n) => order.includes(n));
  const outOfOrder = known.flatMap((n, i) =>
    i > 0 && (order.indexOf(n) < order.indexOf(known[i - 1]) || (n === known[i - 1] && !REPEATABLE.has(n)))
      ? [`${where}: <${n}> after <${known[i - 1]}>`]
      : [],
  );
  return [...unknown, ...outOfOrder];
}

// Functions added after Excel 2007 that a file must store with a prefix, or Excel shows #NAME?
// until the cell is re-entered ([MS-XLSX] 2.2.2 "Formulas": future functions).
const FUTURE_FUNCTIONS = [
  "AGGREGATE",
  "CONCAT",
  "DAYS",
  "FILTER",
  "FORECAST.LINEAR",
  "IFNA",
  "IFS",
  "ISOWEEKNUM",
  "LAMBDA",
  "LET",
  "MAXIFS",
  "MINIFS",
  "NUMBERVALUE",
  "RANDARRAY",
  "SEQUENCE",
  "SORT",
  "SORTBY",
  "STDEV.P",
  "STDEV.S",
  "SWITCH",
  "TEXTJOIN",
  "UNIQUE",
  "XLOOKUP",
  "XMATCH",
  "XOR",
];

/** Formula text outside string literals. */
const code = (formula: string) => formula.replace(/"(?:[^"]|"")*"/g, '""');

function prefixProblems(formula: string): string[] {
  const text = code(formula);
  const problems: string[] = [];
  for (const m of text.matchAll(/(^|[^A-Za-z0-9_.])([A-Za-z][A-Za-z0-9.]*)\(/g)) {
    const name = m[2].toUpperCase();
    if (FUTURE_FUNCTIONS.includes(name)) problems.push(`${m[2]}( without _xlfn.`);
    if (name.startsWith("SALES.")) problems.push(`${m[2]}( not stored as _xldudf_SALES_`);
  }
  return problems;
}

// Where legacy Excel takes a whole range without reducing it to one cell: the argument positions
// of each function that take a range (others get the range's one cell in the formula's row or
// column: implicit intersection, @ in Excel 365). "*" is every argument.
const RANGE_ARGUMENTS: Record<string, number[] | "*"> = {
  SUM: "*",
  AVERAGE: "*",
  COUNT: "*",
  COUNTA: "*",
  MIN: "*",
  MAX: "*",
  ROWS: "*",
  COLUMNS: "*",
  COUNTIF: [0],
  SUMIF: [0, 2],
  INDEX: [0],
  MATCH: [1],
  OFFSET: [0],
};
const COUNTIFS_RANGE = (i: number) => i % 2 === 0;
/** Functions that evaluate all their arguments as arrays in every Excel. */
const ARRAY_CONTEXT = new Set(["SUMPRODUCT"]);

interface Frame {
  readonly name: string;
  argument: number;
  argumentStart: number;
}

/**
 * Every range in a formula that legacy Excel would reduce to one cell. A range is a whole table
 * column (not [#This Row]), a name of several cells, or INDEX(...):INDEX(...).
 */
function intersected(formula: string, multiCellNames: ReadonlySet<string>): string[] {
  const text = code(formula);
  const problems: string[] = [];
  const stack: Frame[] = [];
  const ok = (start: number, end: number, frames: readonly Frame[]) => {
    if (frames.some((f) => ARRAY_CONTEXT.has(f.name))) return true;
    const inner = frames[frames.length - 1];
    if (!inner) return false;
    // the range must be the whole argument
    const rest = text.slice(end);
    const wholeArgument = text.slice(inner.argumentStart, start).trim() === "" && /^\s*[,)]/.test(rest);
    if (!wholeArgument) return false;
    if (inner.name.startsWith("_XLDUDF_")) return true;
    if (inner.name === "COUNTIFS") return COUNTIFS_RANGE(inner.argument);
    const allowed = RANGE_ARGUMENTS[inner.name];
    return allowed === "*" || (allowed?.includes(inner.argument) ?? false);
  };
  let pendingRangeStart: { start: number; depth: number; frames: Frame[] } | undefined;
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    const name = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(text.slice(i))?.[0];
    if (name) {
      const after = i + name.length;
      if (text[after] === "(") {
        stack.push({ name: name.toUpperCase(), argument: 0, argumentStart: after + 1 });
        i = after + 1;
        continue;
      }
      if (text[after] === "[") {
        let depth = 0;
        let end = after;
        for (; end < text.length; end++) {
          if (text[end] === "[") depth++;
          else if (text[end] === "]" && --depth === 0) break;
        }
        const reference = text.slice(i, end + 1);
        if (!/#This Row|\[@/i.test(reference) && !ok(i, end + 1, stack)) problems.push(reference);
        i = end + 1;
        continue;
      }
      if (multiCellNames.has(name) && !ok(i, after, stack)) problems.push(name);
      i = after;
      continue;
    }
    if (ch === "(") {
      // a bracketed expression: a frame that takes no range as a whole argument
      stack.push({ name: "", argument: 0, argumentStart: i + 1 });
    } else if (ch === ",") {
      const top = stack[stack.length - 1];
      if (top) {
        top.argument++;
        top.argumentStart = i + 1;
      }
    } else if (ch === ")") {
      stack.pop();
      if (pendingRangeStart && stack.length === pendingRangeStart.depth) {
        if (!ok(pendingRangeStart.start, i + 1, pendingRangeStart.frames)) problems.push(text.slice(pendingRangeStart.start, i + 1));
        pendingRangeStart = undefined;
      }
    } else if (ch === ":" && text[i - 1] === ")" && /^INDEX\(/i.test(text.slice(i + 1))) {
      // INDEX(a,1):INDEX(a,6): the range starts at the call that just closed
      let depth = 0;
      let start = i - 1;
      for (; start >= 0; start--) {
        if (text[start] === ")") depth++;
        else if (text[start] === "(" && --depth === 0) break;
      }
      start -= "INDEX".length;
      pendingRangeStart = { start, depth: stack.length, frames: [...stack] };
    }
    i++;
  }
  return problems;
}

describe.each(FILES)("the %s file `npm run workbook` writes", (_label, options) => {
  let pkg: Package;
  let workbook: XmlElement;
  let workbookRels: Map<string, { target: string; type: string }>;
  let sheets: { name: string; part: string; xml: XmlElement; rels: Map<string, { target: string; type: string }> }[];
  let sharedStrings: string[];

  beforeAll(async () => {
    pkg = await unzip((await buildWorkbook(options, TODAY)).bytes);
    workbook = await pkg.xml("xl/workbook.xml");
    workbookRels = await relationships(pkg, "xl/workbook.xml");
    sheets = [];
    for (const sheet of children(child(workbook, "sheets"), "sheet")) {
      const part = workbookRels.get(sheet.attributes["r:id"])!.target;
      sheets.push({ name: sheet.attributes.name, part, xml: await pkg.xml(part), rels: await relationships(pkg, part) });
    }
    const sst = pkg.parts.has("xl/sharedStrings.xml") ? await pkg.xml("xl/sharedStrings.xml") : undefined;
    sharedStrings = sst
      ? children(sst, "si").map((si) =>
          descendants(si)
            .filter((e) => e.name === "t")
            .map((t) => t.text)
            .join(""),
        )
      : [];
  });

  it("is well-formed XML in every part", async () => {
    for (const part of pkg.parts.keys()) if (/\.(xml|rels)$/.test(part)) await expect(pkg.xml(part)).resolves.toBeDefined();
  });

  it("declares a content type for every part in [Content_Types].xml, and no part that is missing", async () => {
    const types = await pkg.xml("[Content_Types].xml");
    const defaults = new Set(children(types, "Default").map((d) => d.attributes.Extension.toLowerCase()));
    const overrides = children(types, "Override").map((o) => o.attributes.PartName.replace(/^\//, ""));
    const parts = [...pkg.parts.keys()].filter((p) => p !== "[Content_Types].xml");
    expect(parts.filter((p) => !overrides.includes(p) && !defaults.has(p.split(".").pop()!.toLowerCase()))).toEqual([]);
    expect(overrides.filter((o) => !pkg.parts.has(o))).toEqual([]);
    // The main parts need their own types, not the generic application/xml.
    expect(overrides).toEqual(expect.arrayContaining(["xl/workbook.xml", ...sheets.map((s) => s.part)]));
  });

  it("has a part for every relationship target, and the package's relationship to the workbook", async () => {
    const missing: string[] = [];
    for (const rels of [...pkg.parts.keys()].filter((p) => p.endsWith(".rels"))) {
      for (const r of children(await pkg.xml(rels), "Relationship")) {
        if (r.attributes.TargetMode === "External") continue;
        const target = resolveTarget(rels, r.attributes.Target);
        if (!pkg.parts.has(target)) missing.push(`${rels} ${r.attributes.Id} -> ${target}`);
      }
    }
    expect(missing).toEqual([]);
    const root = [...(await relationships(pkg, "")).values()];
    expect(root.map((r) => r.target)).toContain("xl/workbook.xml");
  });

  it("keeps the child order the schema's sequences require in the workbook, every sheet and every table", async () => {
    const problems = [orderProblems("xl/workbook.xml", workbook, WORKBOOK_ORDER)];
    for (const sheet of sheets) problems.push(orderProblems(sheet.part, sheet.xml, WORKSHEET_ORDER));
    for (const part of [...pkg.parts.keys()].filter((p) => p.startsWith("xl/tables/"))) {
      const table = await pkg.xml(part);
      problems.push(orderProblems(part, table, TABLE_ORDER));
      for (const column of children(child(table, "tableColumns"), "tableColumn"))
        problems.push(orderProblems(`${part} ${column.attributes.name}`, column, TABLE_COLUMN_ORDER));
    }
    expect(problems.flat()).toEqual([]);
  });

  it("names sheets as Excel allows: at most 31 characters, none of []:*?/\\, unique ignoring case; unique sheet ids", () => {
    const names = sheets.map((s) => s.name);
    expect(names.filter((n) => n.length === 0 || n.length > 31 || /[[\]:*?/\\]/.test(n) || /^'|'$/.test(n))).toEqual([]);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const ids = children(child(workbook, "sheets"), "sheet").map((s) => s.attributes.sheetId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("has workbook views that open on a visible sheet", () => {
    const views = children(child(workbook, "bookViews") ?? { name: "", attributes: {}, text: "", children: [] }, "workbookView");
    expect(views).toHaveLength(1);
    const active = Number(views[0].attributes.activeTab ?? 0);
    const sheet = children(child(workbook, "sheets"), "sheet")[active];
    expect(sheet?.attributes.state ?? "visible").toBe("visible");
  });

  it("keeps table rules: unique names and ids, headers that are the table's text cells, an autoFilter inside, no overlap", async () => {
    const tables: { sheet: string; name: string; id: string; ref: Area }[] = [];
    const problems: string[] = [];
    for (const sheet of sheets) {
      const cells = new Map<string, XmlElement>();
      for (const c of descendants(sheet.xml).filter((e) => e.name === "c")) cells.set(c.attributes.r, c);
      const parts = children(child(sheet.xml, "tableParts") ?? sheet.xml, "tablePart");
      for (const tablePart of parts) {
        const partName = sheet.rels.get(tablePart.attributes["r:id"])?.target;
        if (!partName) {
          problems.push(`${sheet.name}: tablePart ${tablePart.attributes["r:id"]} has no relationship`);
          continue;
        }
        const table = await pkg.xml(partName);
        const { name, displayName, id, ref } = table.attributes;
        const where = `${sheet.name}!${displayName}`;
        const box = area(ref);
        tables.push({ sheet: sheet.name, name: displayName, id, ref: box });
        if (name !== displayName) problems.push(`${where}: name ${name} differs from displayName`);
        if (!validName(displayName) || /\s/.test(displayName)) problems.push(`${where}: not a valid table name`);
        const columns = children(child(table, "tableColumns"), "tableColumn");
        if (columns.length !== box.right - box.left + 1) problems.push(`${where}: ${columns.length} columns for ref ${ref}`);
        if (Number(child(table, "tableColumns").attributes.count) !== columns.length) problems.push(`${where}: tableColumns count`);
        const columnIds = columns.map((c) => c.attributes.id);
        if (new Set(columnIds).size !== columnIds.length) problems.push(`${where}: repeated column id`);
        const headers = columns.map((c) => c.attributes.name);
        if (headers.some((h) => !h || h.trim() === "")) problems.push(`${where}: an empty header`);
        if (new Set(headers.map((h) => h.toLowerCase())).size !== headers.length) problems.push(`${where}: repeated header`);
        if (table.attributes.headerRowCount !== "0") {
          headers.forEach((header, i) => {
            const address = `${columnLetters(box.left + i)}${box.top}`;
            const cell = cells.get(address);
            const text =
              cell?.attributes.t === "s"
                ? sharedStrings[Number(child(cell, "v")?.text)]
                : cell?.attributes.t === "inlineStr"
                  ? descendants(cell)
                      .filter((e) => e.name === "t")
                      .map((t) => t.text)
                      .join("")
                  : undefined;
            if (text !== header)
              problems.push(`${where}: header cell ${address} holds ${JSON.stringify(text)}, the table says ${JSON.stringify(header)}`);
          });
        }
        const filter = child(table, "autoFilter");
        if (filter && !inside(area(filter.attributes.ref), box)) problems.push(`${where}: autoFilter ${filter.attributes.ref} outside ${ref}`);
        for (const c of columns) {
          const calculated = child(c, "calculatedColumnFormula");
          if (calculated && calculated.text.startsWith("=")) problems.push(`${where}[${c.attributes.name}]: calculated column formula starts with =`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(10);
    expect(new Set(tables.map((t) => t.name.toLowerCase())).size).toBe(tables.length);
    expect(new Set(tables.map((t) => t.id)).size).toBe(tables.length);
    const overlapping = tables.flatMap((a, i) =>
      tables
        .slice(i + 1)
        .filter((b) => a.sheet === b.sheet && overlap(a.ref, b.ref))
        .map((b) => `${a.name}/${b.name}`),
    );
    expect(overlapping).toEqual([]);
  });

  it("defines names Excel accepts: valid, not a cell reference, unique, not a table's name, no leading =", async () => {
    const names = children(child(workbook, "definedNames"), "definedName");
    const tableNames = new Set<string>();
    for (const part of [...pkg.parts.keys()].filter((p) => p.startsWith("xl/tables/"))) {
      tableNames.add((await pkg.xml(part)).attributes.displayName.toLowerCase());
    }
    expect(tableNames.size).toBeGreaterThanOrEqual(10);
    expect(names.filter((n) => tableNames.has(n.attributes.name.toLowerCase())).map((n) => n.attributes.name)).toEqual([]);
    expect(names.length).toBeGreaterThan(10);
    const keys = names.map((n) => `${n.attributes.localSheetId ?? ""}!${n.attributes.name.toLowerCase()}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(names.filter((n) => !validName(n.attributes.name)).map((n) => n.attributes.name)).toEqual([]);
    expect(names.filter((n) => n.text.startsWith("=") || n.text === "").map((n) => n.attributes.name)).toEqual([]);
  });

  it("stores formulas as a file holds them: no leading =, _xlfn./_xldudf_ prefixes, no range reduced to one cell", async () => {
    const multiCellNames = new Set(
      children(child(workbook, "definedNames"), "definedName")
        .filter((n) => /:|\[/.test(n.text))
        .map((n) => n.attributes.name),
    );
    const problems: string[] = [];
    const check = (where: string, formula: string, array: boolean, ranges = true) => {
      if (formula.startsWith("=")) problems.push(`${where}: leading =`);
      for (const p of prefixProblems(formula)) problems.push(`${where}: ${p}`);
      if (ranges && !array) for (const r of intersected(formula, multiCellNames)) problems.push(`${where}: ${r} would be reduced to one cell`);
    };
    let formulas = 0;
    for (const sheet of sheets) {
      for (const c of descendants(sheet.xml).filter((e) => e.name === "c")) {
        const f = child(c, "f");
        if (!f) continue;
        formulas++;
        check(`${sheet.name}!${c.attributes.r}`, f.text, f.attributes.t === "array");
      }
      for (const rule of descendants(sheet.xml).filter((e) => e.name === "cfRule")) {
        for (const f of children(rule, "formula")) check(`${sheet.name} conditional format`, f.text, false);
      }
      for (const v of descendants(sheet.xml).filter((e) => e.name === "dataValidation")) {
        // a list's source is a range by design
        for (const f of [...children(v, "formula1"), ...children(v, "formula2")])
          check(`${sheet.name} validation ${v.attributes.sqref}`, f.text, false, v.attributes.type !== "list");
      }
      for (const tablePart of children(child(sheet.xml, "tableParts") ?? sheet.xml, "tablePart")) {
        const table = await pkg.xml(sheet.rels.get(tablePart.attributes["r:id"])!.target);
        for (const f of descendants(table).filter((e) => e.name === "calculatedColumnFormula"))
          check(`${table.attributes.name} calculated column`, f.text, false);
      }
    }
    for (const n of children(child(workbook, "definedNames"), "definedName")) check(`name ${n.attributes.name}`, n.text, false, false);
    expect(formulas).toBeGreaterThan(30);
    expect(problems).toEqual([]);
  });
});

describe("the formula audit itself", () => {
  const names = new Set(["List_Stage", "StageProbability"]);
  it("finds a whole column used as one value outside an aggregate, and lets aggregates, SUMPRODUCT and custom functions take ranges", () => {
    expect(intersected("_xldudf_SALES_WEIGHTED(Pipeline[Amount],Pipeline[Probability]+1,Pipeline[Status])", names)).toEqual([
      "Pipeline[Probability]",
    ]);
    expect(intersected('IF(LOWER(Pipeline[Status])="won",1,0)', names)).toEqual(["Pipeline[Status]"]);
    expect(intersected("SUMIF(List_Stage,Pipeline[Stage],StageProbability)", names)).toEqual(["Pipeline[Stage]"]);
    expect(intersected("SUMPRODUCT(COUNTIF(Pipeline[Stage],INDEX(List_Stage,3):INDEX(List_Stage,6)))", names)).toEqual([]);
    expect(intersected("COUNTIF(Pipeline[Stage],INDEX(List_Stage,3):INDEX(List_Stage,6))", names)).toEqual([
      "INDEX(List_Stage,3):INDEX(List_Stage,6)",
    ]);
    expect(
      intersected(
        'IF(COUNT(Pipeline[Amount])=0,"",_xldudf_SALES_CAC(ReviewInputs[[Sales spend]:[Marketing spend]],ReviewInputs[New customers]))',
        names,
      ),
    ).toEqual([]);
    expect(intersected("INDEX(StageProbability,MATCH(Tasks[[#This Row],[Stage]],List_Stage,0))", names)).toEqual([]);
  });

  it("finds a function newer than Excel 2007 without its prefix, and a SALES call not stored as _xldudf_", () => {
    expect(prefixProblems('IFS(A1>1,"a",TRUE,"b")')).toEqual(["IFS( without _xlfn."]);
    expect(prefixProblems("_xlfn.IFS(A1>1,1)+_xldudf_SALES_LTV(1,2,3)")).toEqual([]);
    expect(prefixProblems("SALES.LTV(1,2,3)")).toEqual(["SALES.LTV( not stored as _xldudf_SALES_"]);
  });

  it("resolves relationship targets from the folder of the part that owns them", () => {
    expect(resolveTarget("_rels/.rels", "xl/workbook.xml")).toBe("xl/workbook.xml");
    expect(resolveTarget("xl/_rels/workbook.xml.rels", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/_rels/sheet1.xml.rels", "../tables/table1.xml")).toBe("xl/tables/table1.xml");
    expect(resolveTarget("xl/_rels/workbook.xml.rels", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(relsOf("xl/worksheets/sheet2.xml")).toBe("xl/worksheets/_rels/sheet2.xml.rels");
  });

  it("reads areas past column Z, and tells inside from overlapping", () => {
    expect(area("AA10:AF12")).toEqual({ top: 10, left: 27, bottom: 12, right: 32 });
    expect(columnLetters(28)).toBe("AB");
    expect(inside(area("B2:C3"), area("A1:N8"))).toBe(true);
    expect(inside(area("A1:O8"), area("A1:N8"))).toBe(false);
    expect(overlap(area("A1:B2"), area("B2:C3"))).toBe(true);
    expect(overlap(area("A1:B2"), area("C1:D2"))).toBe(false);
  });

  it("finds a child out of the schema's order, a repeated one, and one the schema does not know", () => {
    const el = (...names: string[]): XmlElement => ({
      name: "worksheet",
      attributes: {},
      text: "",
      children: names.map((name) => ({ name, attributes: {}, text: "", children: [] })),
    });
    expect(orderProblems("s", el("sheetData", "dataValidations", "conditionalFormatting"), WORKSHEET_ORDER)).toEqual([
      "s: <conditionalFormatting> after <dataValidations>",
    ]);
    expect(orderProblems("s", el("sheetData", "sheetData"), WORKSHEET_ORDER)).toEqual(["s: <sheetData> after <sheetData>"]);
    expect(orderProblems("s", el("sheetData", "conditionalFormatting", "conditionalFormatting", "tableParts"), WORKSHEET_ORDER)).toEqual([]);
    expect(orderProblems("s", el("sheetData", "chart"), WORKSHEET_ORDER)).toEqual(["s: <chart> is not a child the schema allows"]);
  });

  it("knows a name that reads as a cell reference", () => {
    expect(["A1", "XFD1048576", "R1C1", "r", "C"].filter(isCellReference)).toHaveLength(5);
    expect(["XFE1", "Tasks", "List_Stage", "TierHighValue", "A1048577"].filter(isCellReference)).toEqual([]);
  });
});
