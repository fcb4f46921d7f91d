// Ranges as Excel hands them to custom functions: rows of cells, blanks as "" or null.

export type Blank = "" | null | undefined;
export type Grid<T> = readonly (readonly T[])[];
export type NumberGrid = Grid<number | Blank>;
/** Cells read as words (stages, statuses); a cell that is not text reads as an unknown word. */
export type WordGrid = Grid<unknown>;

export function isBlank(value: unknown): value is Blank {
  return value === "" || value === null || value === undefined;
}

/** True when both ranges have as many rows and, row by row, as many cells. */
export function sameShape(a: Grid<unknown>, b: Grid<unknown>): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) if (a[r].length !== b[r].length) return false;
  return true;
}
