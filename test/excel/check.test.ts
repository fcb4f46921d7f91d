import { checkLiveWorkbook, selectFinding, watchWorkbook, type LiveCheck } from "../../src/excel/check";
import { UI_ONLY, type FakeExcel } from "../support/fakeExcel";
import { freshFake, hostFor, setUp } from "../support/fakeExcelFixtures";

/** Operations that would change the workbook (anything but showing a sheet and selecting). */
function writes(fake: FakeExcel): string[] {
  return fake.operations.filter((op) => !UI_ONLY.has(op.name)).map((op) => op.name);
}

async function setUpWorkbook(): Promise<FakeExcel> {
  const fake = freshFake();
  await setUp(fake, { language: "en-US", sample: true });
  fake.resetCounters();
  return fake;
}

describe("checkLiveWorkbook", () => {
  it("reads the live workbook (reads only, delayed while a cell is being edited) and names its language", async () => {
    const fake = freshFake();
    await setUp(fake, { language: "zh-CN", sample: true });
    fake.resetCounters();
    const result = await checkLiveWorkbook(hostFor(fake));
    expect(result.language).toBe("zh-CN");
    expect(Array.isArray(result.findings)).toBe(true);
    expect(result.syncs).toBe(fake.syncs);
    expect(fake.operations).toEqual([]);
    expect(fake.runs).toEqual([{ delayForCellEdit: true }]);
  });
});

describe("checkLiveWorkbook against the rules", () => {
  it.each(["en-US", "zh-CN"] as const)("the set-up workbook with sample data (%s) has no error", async (language) => {
    const fake = freshFake();
    await setUp(fake, { language, sample: true });
    const result = await checkLiveWorkbook(hostFor(fake));
    expect(result.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("a status nobody knows, typed into Tasks, is found at its cell", async () => {
    const fake = await setUpWorkbook();
    const tasks = fake.workbook.table("Tasks")!;
    const status = fake.workbook.headers(tasks).indexOf("Status");
    fake.workbook.cell(tasks.sheet, tasks.rect.row + 3, tasks.rect.col + status).value = "finished";
    const { findings } = await checkLiveWorkbook(hostFor(fake));
    const cell = `${String.fromCharCode(65 + tasks.rect.col + status)}${tasks.rect.row + 4}`;
    expect(findings.filter((f) => f.cell === cell)).toMatchObject([
      { sheet: "Tasks", table: "Tasks", column: "Status", value: "finished", severity: "error" },
    ]);
  });
});

describe("selectFinding", () => {
  it("shows the finding's sheet and selects its cell, changing nothing in the workbook", async () => {
    const fake = await setUpWorkbook();
    fake.activeSheet = "Goals";
    expect(await selectFinding(hostFor(fake), { sheet: "Tasks", cell: "K5" })).toBe("selected");
    expect(fake.activeSheet).toBe("Tasks");
    expect(fake.selection).toEqual({ sheet: "Tasks", address: "K5" });
    expect(writes(fake)).toEqual([]);
    expect(fake.undoSteps).toBe(0);
  });

  it("a sheet renamed or deleted since the check: says so, selects nothing", async () => {
    const fake = await setUpWorkbook();
    fake.activeSheet = "Goals";
    expect(await selectFinding(hostFor(fake), { sheet: "Old tasks", cell: "A2" })).toBe("sheetMissing");
    expect(fake.activeSheet).toBe("Goals");
    expect(fake.selection).toBeUndefined();
  });

  it("a finding on the hidden Settings sheet: says so, never unhides it", async () => {
    const fake = await setUpWorkbook();
    const settings = fake.workbook.sheets.find((s) => s.visibility !== "Visible")!;
    expect(await selectFinding(hostFor(fake), { sheet: settings.name, cell: "A2" })).toBe("sheetHidden");
    expect(settings.visibility).not.toBe("Visible");
    expect(fake.operations).toEqual([]);
  });
});

describe("watchWorkbook", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function watching(fake: FakeExcel, debounceMs = 500) {
    const results: LiveCheck[] = [];
    const errors: unknown[] = [];
    const watch = await watchWorkbook(hostFor(fake), (r) => results.push(r), { debounceMs, onError: (e) => errors.push(e) });
    fake.resetCounters();
    return { watch, results, errors };
  }

  it("a burst of local edits gives one re-check, after the quiet time, and no write", async () => {
    const fake = await setUpWorkbook();
    const { results, watch } = await watching(fake, 500);
    for (let i = 0; i < 10; i++) {
      if (i > 0) await jest.advanceTimersByTimeAsync(100);
      await fake.raiseWorksheetChanged({ sheet: "Tasks", address: `C${i + 2}`, source: "Local" });
    }
    expect(results).toHaveLength(0);
    expect(fake.syncs).toBe(0);
    await jest.advanceTimersByTimeAsync(499);
    expect(results).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(results).toHaveLength(1);
    expect(fake.syncs).toBeGreaterThan(0);
    expect(fake.operations).toEqual([]);
    await watch.stop();
  });

  it("a co-author's (remote) edit leads to a re-read and nothing else, and its findings follow the edit", async () => {
    const fake = await setUpWorkbook();
    const { results, watch } = await watching(fake, 200);
    // The co-author's edit, as it arrives in this copy of the workbook: a lost deal loses its reason.
    const pipeline = fake.workbook.table("Pipeline")!;
    const headers = fake.workbook.headers(pipeline);
    const lostRow = [...Array(pipeline.rect.rows - 1).keys()].find(
      (r) =>
        fake.workbook
          .peek(pipeline.sheet, pipeline.rect.row + 1 + r, pipeline.rect.col + headers.indexOf("Status"))
          ?.value.toString()
          .toLowerCase() === "lost",
    )!;
    const reason = fake.workbook.cell(pipeline.sheet, pipeline.rect.row + 1 + lostRow, pipeline.rect.col + headers.indexOf("Lost reason"));
    const before = (await checkLiveWorkbook(hostFor(fake))).findings.length;
    fake.resetCounters();
    reason.value = "";
    await fake.raiseWorksheetChanged({ sheet: "Pipeline", address: "K3", source: "Remote" });
    await jest.advanceTimersByTimeAsync(200);
    expect(results).toHaveLength(1);
    expect(results[0].findings).toHaveLength(before + 1);
    expect(results[0].findings).toContainEqual(
      expect.objectContaining({ sheet: "Pipeline", row: pipeline.rect.row + 2 + lostRow, column: "Lost reason", severity: "error" }),
    );
    expect(fake.runs.length).toBeGreaterThan(0);
    expect(fake.operations).toEqual([]);
    await watch.stop();
  });

  it("two copies of the add-in on one workbook never answer each other: each re-reads once", async () => {
    const fake = await setUpWorkbook();
    const a = await watching(fake, 100);
    const b = await watching(fake, 100);
    // Whatever one copy writes reaches the other as a remote change (Excel fires events for an
    // add-in's own writes); relay them for a while and count the re-checks.
    let relayed = 0;
    let seen = 0;
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Remote" });
    for (let round = 0; round < 20; round++) {
      await jest.advanceTimersByTimeAsync(100);
      for (const op of fake.operations.slice(seen)) {
        relayed++;
        await fake.raiseWorksheetChanged({ sheet: "Tasks", address: op.target.replace(/^.*!/, "") || "A1", source: "Remote" });
      }
      seen = fake.operations.length;
    }
    expect(relayed).toBe(0);
    expect(a.results).toHaveLength(1);
    expect(b.results).toHaveLength(1);
    await a.watch.stop();
    await b.watch.stop();
  });

  it("a change while a slow re-check is reading gives one more re-check after it, not one beside it", async () => {
    const fake = await setUpWorkbook();
    const { results, watch } = await watching(fake, 50);
    // Each sync takes 200 ms; a co-author's change arrives during the first one.
    const execute = fake.execute.bind(fake);
    let inFlight = 0;
    let most = 0;
    fake.execute = async (...args: Parameters<FakeExcel["execute"]>) => {
      inFlight++;
      most = Math.max(most, inFlight);
      if (fake.syncs === 0) void fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B3", source: "Remote" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      inFlight--;
      return execute(...args);
    };
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await jest.advanceTimersByTimeAsync(50 + 3 * 200);
    expect(results).toHaveLength(1);
    await jest.advanceTimersByTimeAsync(50 + 3 * 200);
    expect(results).toHaveLength(2);
    expect(most).toBe(1);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(results).toHaveLength(2);
    fake.execute = execute;
    await watch.stop();
  });

  it("after stop, its handler is removed and no re-check runs, even one already scheduled", async () => {
    const fake = await setUpWorkbook();
    const { results, watch } = await watching(fake, 300);
    expect(fake.changedHandlers).toHaveLength(1);
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await watch.stop();
    expect(fake.changedHandlers).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(results).toHaveLength(0);
    expect(fake.operations).toEqual([]);
  });

  it("a re-check that fails is reported, and the watch goes on", async () => {
    const fake = await setUpWorkbook();
    const { results, errors, watch } = await watching(fake, 10);
    fake.failure = { sync: 1 };
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await jest.advanceTimersByTimeAsync(10);
    expect(errors).toHaveLength(1);
    expect(results).toHaveLength(0);
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await jest.advanceTimersByTimeAsync(10);
    expect(results).toHaveLength(1);
    await watch.stop();
  });
});
