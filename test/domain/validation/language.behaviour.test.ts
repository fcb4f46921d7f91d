// The language a check words its suggestions in when the snapshot does not say (a file read by
// `npm run check`): the Settings' Language row first, else the language most headers are in.
import { checkWorkbook, type WorkbookSnapshot } from "../../../src/domain/validation";
import { columnIndex, plant, sampleSnapshot } from "../../support/plantedFaults";

type Mutable = { name: string; headers: string[]; values: unknown[][] };

/** The sample with a task status typed in the other language, and no language given. */
function withoutLanguage(sample: "en-US" | "zh-CN", status: string, settingsLanguage?: string): WorkbookSnapshot {
  const base = plant(sampleSnapshot(sample), []) as WorkbookSnapshot & { language?: string };
  delete base.language;
  const tasks = base.tables.find((t) => t.name === "Tasks") as unknown as Mutable;
  tasks.values[0][columnIndex(tasks, "status")] = status;
  const config = base.tables.find((t) => t.name === "Config") as unknown as Mutable;
  const row = config.values.find((r) => r[2] === "Language")!;
  row[1] = settingsLanguage ?? null;
  return base;
}

/** The findings about the first task's status, the one typed in the other language. */
const suggested = (snapshot: WorkbookSnapshot) => {
  const tasks = snapshot.tables.find((t) => t.name === "Tasks")!;
  return checkWorkbook(snapshot)
    .filter((f) => f.table === "Tasks" && f.columnKey === "status" && f.row === tasks.headerRow + 1)
    .map((f) => [f.code, f.details?.expected]);
};

describe("the workbook's language when the snapshot does not give it", () => {
  it("is the language most headers are in, the Language setting left empty", () => {
    expect(suggested(withoutLanguage("zh-CN", "Done"))).toEqual([["otherLanguage", "已完成"]]);
    expect(suggested(withoutLanguage("en-US", "已完成"))).toEqual([["otherLanguage", "Done"]]);
  });

  it("is the Settings' Language, in any case, before the headers", () => {
    expect(suggested(withoutLanguage("en-US", "Done", "ZH-cn"))).toEqual([["otherLanguage", "已完成"]]);
    expect(suggested(withoutLanguage("zh-CN", "已完成", "en-US"))).toEqual([["otherLanguage", "Done"]]);
  });
});
