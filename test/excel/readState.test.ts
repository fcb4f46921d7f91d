// What the set-up reads before it plans, on small workbooks typed by hand: each sheet's place and
// use, each table's place and rows (Excel's blank row of an empty table is no row), the cells a
// write must not cover (beside and below a table), what the add-in recorded, the schema version
// and language it keeps in names, and the rules already on a table. A wrong read here is a plan
// that writes over a user's cell or adds a second copy of something.
import { readWorkbook, ruleKey, type WorkbookSnapshot } from "../../src/excel/readState";
import { FakeExcel, FakeWorkbook } from "../support/fakeExcel";

async function read(wb: FakeWorkbook): Promise<WorkbookSnapshot> {
  const fake = new FakeExcel(wb);
  const snapshot = await fake.run({}, (c) => readWorkbook(c as unknown as Excel.RequestContext));
  expect(fake.operations).toEqual([]);
  return snapshot;
}

/** A user's notes sheet, a hidden empty sheet, a Tasks table at B3 with a note below and a cell beside it, Settings with its record and names. */
function used(): FakeWorkbook {
  const wb = new FakeWorkbook();
  wb.addSheet("Notes");
  wb.type("Notes", "B2", [
    ["a", "b"],
    ["c", null],
  ]);
  wb.addSheet("Hidden").visibility = "Hidden";
  wb.seedTable(
    "Tasks",
    "Tasks",
    "B3",
    ["ID", "Customer", "Days late"],
    [
      ["T-1", "Acme", ""],
      ["T-2", "", ""],
      ["T-3", "Beta", 4],
    ],
  );
  wb.type("Tasks", "C9", [["note"]]);
  wb.type("Tasks", "G4", [["beside"]]);
  wb.seedTable("Notes", "Empty", "F1", ["X", "Y"], []);
  wb.seedTable("Settings", "AddinRecord", "A1", ["Made by the add-in"], [["table:Tasks."], [""], ["sheet:Tasks."]]);
  wb.type("Settings", "D1", [[3], ["zh-CN"]]);
  wb.addName("SchemaVersion", "=Settings!$D$1");
  wb.addName("Language", "=Settings!$D$2");
  wb.addName("Cap", "=60");
  return wb;
}

describe("readWorkbook on a used workbook", () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    snapshot = await read(used());
  });

  it("sees each sheet: shown or hidden, empty or where its cells are, and the top-left block only of the planner's sheets", () => {
    expect(snapshot.state.sheets.map(({ top, ...s }) => ({ ...s, top: top?.length }))).toEqual([
      // B2:C3 typed, F1:G1 the Empty table's header.
      { name: "Notes", visible: true, empty: false, usedRange: "B1:G3", top: undefined },
      { name: "Hidden", visible: false, empty: true, top: undefined },
      { name: "Tasks", visible: true, empty: false, usedRange: "B3:G9", top: 64 },
      { name: "Settings", visible: true, empty: false, usedRange: "A1:D4", top: 64 },
    ]);
    const tasksTop = snapshot.state.sheets[2].top!;
    expect(tasksTop[2].slice(0, 4)).toEqual(["", "ID", "Customer", "Days late"]);
    expect(tasksTop[3][6]).toBe("beside");
    expect(tasksTop[0]).toHaveLength(64);
  });

  it("sees each table where it is, its rows (an empty table has none), what is beside it and its blank computed cells", () => {
    expect(snapshot.state.tables.slice(0, 2)).toEqual([
      {
        name: "Tasks",
        sheet: "Tasks",
        headers: ["ID", "Customer", "Days late"],
        rowCount: 3,
        address: "Tasks!B3:D6",
        usedRight: "G4",
        checkedRight: 32,
        // Days late is computed: its blank cells are the rows typed where Excel did not fill the formula.
        blanks: [{ column: "Days late", address: "D4:D5" }],
      },
      { name: "Empty", sheet: "Notes", headers: ["X", "Y"], rowCount: 0, address: "Notes!F1:G2", usedRight: "", checkedRight: 32 },
    ]);
  });

  it("knows, per column, how many rows below a table are blank", () => {
    const tasks = snapshot.tables.get("tasks")!;
    expect([tasks.row, tasks.col, tasks.rows, tasks.bodyRows]).toEqual([2, 1, 3, 3]);
    // Below the table (rows 7 on), C9 holds a note: two blank rows under Customer.
    expect(tasks.blankBelow).toEqual([64, 2, 64]);
    const empty = snapshot.tables.get("empty")!;
    expect([empty.row, empty.col, empty.rows, empty.bodyRows]).toEqual([0, 5, 0, 1]);
  });

  it("reads what the add-in recorded, the schema version and the language it keeps in names, and the names that are no ranges", () => {
    expect(snapshot.state.record).toEqual(["table:Tasks.", "sheet:Tasks."]);
    expect(snapshot.state.schemaVersion).toBe(3);
    expect(snapshot.state.language).toBe("zh-CN");
    expect(snapshot.state.names).toEqual(["SchemaVersion", "Language", "Cap"]);
    expect(snapshot.state.notRanges).toEqual([{ name: "Cap", formula: "=60" }]);
  });

  it("checks, for a planner table the record says nothing of, which columns hold typed values; a recorded one is not scanned", () => {
    expect(snapshot.syncs).toBe(3);
    const record = snapshot.state.tables.find((t) => t.name === "AddinRecord")!;
    expect([record.validated, record.typed]).toEqual([false, [true]]);
    const tasks = snapshot.state.tables.find((t) => t.name === "Tasks")!;
    expect("typed" in tasks).toBe(false);
  });
});

describe("readWorkbook, edge by edge", () => {
  function settings(version: unknown, language: unknown): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.addSheet("Settings");
    wb.type("Settings", "D1", [[version as string], [language as string]]);
    wb.addName("SchemaVersion", "=Settings!$D$1");
    wb.addName("Language", "=Settings!$D$2");
    return wb;
  }

  it("takes a schema version typed as digits, and no version or language from anything else", async () => {
    const wb = settings("'12", "en-US");
    expect((await read(wb)).state).toMatchObject({ schemaVersion: 12, language: "en-US" });
    const odd = (await read(settings("3a", "fr-FR"))).state;
    expect("schemaVersion" in odd).toBe(false);
    expect("language" in odd).toBe(false);
  });

  it("a version or language name that lost its cells (#REF!) reads as none, without failing", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.addName("SchemaVersion", "=#REF!");
    wb.addName("language", "=#REF!");
    const { state, syncs } = await read(wb);
    expect("schemaVersion" in state).toBe(false);
    expect("language" in state).toBe(false);
    expect(syncs).toBe(2);
  });

  it("a table whose one row holds only formulas is Excel's blank row with computed cells: no row; a typed value makes it one", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    const t = wb.seedTable("Risks", "Risks", "A1", ["Risk", "Score"], [["", null]]);
    wb.cell(t.sheet, 1, 1).formula = "=1*2";
    expect((await read(wb)).state.tables[0].rowCount).toBe(0);
    wb.cell(t.sheet, 1, 0).value = "Budget cut";
    expect((await read(wb)).state.tables[0].rowCount).toBe(1);
  });

  it("sees what is beside a table only within 32 columns", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Sheet1", "Mine", "A1", ["A", "B"], [["x", "y"]]);
    wb.type("Sheet1", "AI1", [["far"]]);
    expect((await read(wb)).state.tables[0].usedRight).toBe("");
    wb.type("Sheet1", "AH2", [["near"]]);
    expect((await read(wb)).state.tables[0].usedRight).toBe("AH2");
  });

  it("scans a table named otherwise but with a planner table's exact headers (one an interrupted set-up made), never a user's own", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Settings", "Table1", "A1", ["Name", "Email", "Role"], [["Ann", "", "Rep"]]);
    wb.seedTable("Sheet1", "MyTable", "A1", ["Name", "Email"], [["Bo", "b@x"]]);
    const { state, syncs } = await read(wb);
    expect(syncs).toBe(3);
    expect(state.tables.find((t) => t.name === "Table1")).toMatchObject({ validated: false, typed: [true, false, true] });
    expect("typed" in state.tables.find((t) => t.name === "MyTable")!).toBe(false);
  });

  it("reads nothing more when every planner table is recorded: two syncs", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Plan", "Tasks", "A1", ["ID"], [["T-1"]]);
    wb.seedTable("Settings", "AddinRecord", "C1", ["Made by the add-in"], [["table:Tasks."], ["table:AddinRecord."]]);
    expect((await read(wb)).syncs).toBe(2);
  });

  it("knows the highlight rules on a table by their formula, spacing and case aside, and the rules left without a formula", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    const t = wb.seedTable("Plan", "Tasks", "A1", ["ID", "Due"], [["T-1", 46000]]);
    const ours = wb.addConditionalFormat(t.sheet, { row: 1, col: 0, rows: 1, cols: 2 }, "Custom");
    Object.assign(ours, { formula: '=AND($B2<>"", $B2 < TODAY())', fill: "#FFC7CE", fontColor: "#9C0006", strike: true, numberFormat: "0.0" });
    const half = wb.addConditionalFormat(t.sheet, { row: 1, col: 0, rows: 1, cols: 2 }, "Custom");
    const other = wb.addConditionalFormat(t.sheet, { row: 1, col: 0, rows: 1, cols: 2 }, "CellValue");
    Object.assign(other, { formula: "=1" });
    const layout = (await read(wb)).tables.get("tasks")!;
    expect([...layout.rules]).toEqual([
      [ruleKey('=and($b2<>"",$b2<today())'), [{ id: ours.id, format: { fill: "#FFC7CE", font: "#9C0006", strike: true, numberFormat: "0.0" } }]],
    ]);
    expect(layout.emptyRules).toEqual([half.id]);
  });
});

describe("ruleKey", () => {
  it("drops spaces and letter case outside quotes, keeping quoted text's spaces", () => {
    expect(ruleKey('=AND( $B2 <> "in progress" , x )')).toBe('=AND($B2<>"IN PROGRESS",X)');
    expect(ruleKey("=a\tb\nc")).toBe("=ABC");
  });
});
