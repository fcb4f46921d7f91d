// Tables side by side on one sheet (Settings, Review) each grow down for rows and right for
// columns; a column cannot be inserted with a neighbour on the table's rows, so each table keeps
// ROOM_TO_GROW blank columns to its right, and none shares a column with another.
import { parseArea } from "../../../src/domain/plan/address";
import { ROOM_TO_GROW, WORKBOOK } from "../../../src/domain/spec/workbook";

describe("tables side by side on one sheet", () => {
  const bySheet = new Map<string, { name: string; first: number; last: number; row: number }[]>();
  for (const t of WORKBOOK.tables) {
    const a = parseArea(t.anchor);
    bySheet.set(t.sheet, [
      ...(bySheet.get(t.sheet) ?? []),
      { name: t.name, first: a.firstColumn, last: a.firstColumn + t.columns.length - 1, row: a.firstRow },
    ]);
  }
  const crowded = [...bySheet].filter(([, tables]) => tables.length > 1);

  it("are on Settings and Review", () => {
    expect(crowded.map(([sheet]) => sheet).sort()).toEqual(["review", "settings"]);
  });

  it.each(crowded)("on %s, each has at least ROOM_TO_GROW blank columns before the next one", (_sheet, tables) => {
    const sorted = [...tables].sort((a, b) => a.first - b.first);
    expect(ROOM_TO_GROW).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i].first - sorted[i - 1].last - 1;
      expect({ between: [sorted[i - 1].name, sorted[i].name], roomy: gap >= ROOM_TO_GROW }).toEqual({
        between: [sorted[i - 1].name, sorted[i].name],
        roomy: true,
      });
    }
  });
});
