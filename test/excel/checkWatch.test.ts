// The live check's edges the pane relies on: its default quiet time, a workbook with no language
// of its own, and a watch stopped while a re-check is still reading (the panel is gone: nothing
// may be shown or reported after it).
import { DEFAULT_DEBOUNCE_MS, checkLiveWorkbook, watchWorkbook, type LiveCheck } from "../../src/excel/check";
import { FakeExcel, FakeWorkbook } from "../support/fakeExcel";
import { freshFake, hostFor, setUp } from "../support/fakeExcelFixtures";

describe("checkLiveWorkbook on a workbook the add-in did not set up", () => {
  it("checks what is there and names no language, so the pane keeps its own", async () => {
    const wb = new FakeWorkbook();
    wb.addSheet("Sheet1");
    wb.seedTable("Tasks", "Tasks", "A1", ["ID", "Status"], [["T-1", "finished"]]);
    const fake = new FakeExcel(wb);
    const result = await checkLiveWorkbook(hostFor(fake));
    expect("language" in result).toBe(false);
    expect(result.syncs).toBe(fake.syncs);
    expect(fake.operations).toEqual([]);
  });
});

describe("watchWorkbook", () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  async function setUpFake(): Promise<FakeExcel> {
    const fake = freshFake();
    await setUp(fake, { language: "en-US", sample: false });
    fake.resetCounters();
    return fake;
  }

  it("waits one second of quiet by default before re-checking", async () => {
    const fake = await setUpFake();
    const results: LiveCheck[] = [];
    const watch = await watchWorkbook(hostFor(fake), (r) => results.push(r));
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await jest.advanceTimersByTimeAsync(DEFAULT_DEBOUNCE_MS - 1);
    expect(results).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(results).toHaveLength(1);
    expect(DEFAULT_DEBOUNCE_MS).toBe(1000);
    await watch.stop();
  });

  it("asks for the check's options at each re-check, so a pane left open past midnight checks against the new day", async () => {
    const fake = await setUpFake();
    let day = 46_000;
    const asked: number[] = [];
    const watch = await watchWorkbook(hostFor(fake), () => undefined, {
      debounceMs: 10,
      checkOptions: () => {
        asked.push(day);
        return { today: day };
      },
    });
    expect(asked).toEqual([]);
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await jest.advanceTimersByTimeAsync(10);
    day += 1;
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Remote" });
    await jest.advanceTimersByTimeAsync(10);
    expect(asked).toEqual([46_000, 46_001]);
    await watch.stop();
  });

  /** Makes each sync take `ms`, so a test can act while a re-check is reading. */
  function slowSyncs(fake: FakeExcel, ms: number): () => void {
    const execute = fake.execute.bind(fake);
    fake.execute = async (...args: Parameters<FakeExcel["execute"]>) => {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return execute(...args);
    };
    return () => (fake.execute = execute);
  }

  it("stopped while a re-check is reading: its findings are not shown, and no re-check follows a change made meanwhile", async () => {
    const fake = await setUpFake();
    const results: LiveCheck[] = [];
    const errors: unknown[] = [];
    const watch = await watchWorkbook(hostFor(fake), (r) => results.push(r), { debounceMs: 10, onError: (e) => errors.push(e) });
    const restore = slowSyncs(fake, 100);
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await jest.advanceTimersByTimeAsync(20);
    // A change arrives while the re-check is reading, then the pane closes.
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B3", source: "Remote" });
    const stopping = watch.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    await stopping;
    restore();
    expect(results).toEqual([]);
    expect(errors).toEqual([]);
    // The read that was under way finished; none started after the stop.
    expect(fake.runs.filter((r) => "delayForCellEdit" in r)).toHaveLength(1);
  });

  it("stopped while a re-check is failing: the failure is not reported", async () => {
    const fake = await setUpFake();
    const errors: unknown[] = [];
    const results: LiveCheck[] = [];
    const watch = await watchWorkbook(hostFor(fake), (r) => results.push(r), { debounceMs: 10, onError: (e) => errors.push(e) });
    const restore = slowSyncs(fake, 100);
    fake.failure = { sync: 1 };
    await fake.raiseWorksheetChanged({ sheet: "Tasks", address: "B2", source: "Local" });
    await jest.advanceTimersByTimeAsync(20);
    const stopping = watch.stop();
    await jest.advanceTimersByTimeAsync(5_000);
    await stopping;
    restore();
    expect(errors).toEqual([]);
    expect(results).toEqual([]);
  });
});
