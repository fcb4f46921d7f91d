// Row heights for wrapped text in a file. Excel fits a row to its wrapped cells as it lays it
// out (Office.js: RangeFormat.autofitRows), but a reader opening a file takes the stored height,
// and LibreOffice stores none for a row without one: the lines would overlap. So the writer
// estimates the lines each wrapped cell needs and stores the row's height.
import type ExcelJS from "exceljs";

/** Points per line of 11-point text, Excel's default row height. */
const LINE_POINTS = 15;
/** CJK fonts draw taller lines than Calibri at the same size. */
const CJK_LINE_POINTS = 17;
const CJK = /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFF60]/u;
/** Excel's default column width, in characters, for a column without its own. */
const DEFAULT_WIDTH = 8.43;
/** Bold text runs a little wider than the average character width. */
const BOLD_SLACK = 1.1;
/** Width of a CJK character in character units, as CJK fonts draw them beside Calibri. */
const CJK_UNITS = 1.65;

/** Display width in character units: CJK and full-width characters take nearly two. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text)
    units += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u.test(ch) ? CJK_UNITS : 1;
  return units;
}

/** Lines a text needs in a column `width` characters wide, breaking at spaces where it can. */
export function linesFor(text: string, width: number, bold = false): number {
  const slack = bold ? BOLD_SLACK : 1;
  const room = Math.max(1, width - 1);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/(?<=[\s/])/)) {
      const w = textUnits(word) * slack;
      if (line > 0 && line + w > room) {
        count++;
        line = 0;
      }
      if (w > room) {
        // A word longer than a line (CJK text has no spaces) breaks wherever it must.
        const extra = Math.ceil(w / room) - 1;
        count += extra;
        line = w - extra * room;
      } else line += w;
    }
    lines += count;
  }
  return lines;
}

/** Sets the height of rows `first`..`last` whose wrapped text needs more than one line. */
export function fitRowHeights(sheet: ExcelJS.Worksheet, first: number, last: number, firstColumn: number, lastColumn: number): void {
  for (let r = first; r <= last; r++) {
    let height = 0;
    let lines = 1;
    for (let c = firstColumn; c <= lastColumn; c++) {
      const cell = sheet.getCell(r, c);
      if (!cell.alignment?.wrapText || typeof cell.value !== "string") continue;
      const needs = linesFor(cell.value, sheet.getColumn(c).width ?? DEFAULT_WIDTH, cell.font?.bold === true);
      lines = Math.max(lines, needs);
      height = Math.max(height, needs * (CJK.test(cell.value) ? CJK_LINE_POINTS : LINE_POINTS));
    }
    const row = sheet.getRow(r);
    if (lines > 1) row.height = Math.max(row.height ?? 0, height);
  }
}
