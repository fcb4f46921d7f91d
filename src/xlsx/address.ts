// The one reference shape the .xlsx reader needs beyond the planner's A1 helpers.

/** "'My sheet'!$B$2" -> sheet "My sheet" and cell "B2"; undefined for anything but one cell. */
export function parseCellReference(reference: string): { sheet: string; cell: string } | undefined {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]+)\$?(\d+)$/.exec(reference.trim());
  if (!match) return undefined;
  return { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), cell: `${match[3].toUpperCase()}${match[4]}` };
}
