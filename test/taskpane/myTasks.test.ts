// "My tasks" as plain values: the remembered owner against the roster, where it is kept, the
// sheet view's name within Excel's name rules, and the values the two filters keep.
import {
  myTasksCriteria,
  myTasksMode,
  ownerStatus,
  parseRememberedOwner,
  rememberedOwnerKey,
  sheetViewName,
  storedOwner,
  SHEET_VIEW_NAME_MAX,
} from "../../src/taskpane/tasks/myTasks";
import { storageOwnerMemory } from "../../src/taskpane/tasks/ownerMemory";

const ROSTER = ["Wang Fang", "Li Lei", "王芳"];

describe("the remembered owner against the roster", () => {
  it("is no choice when nothing (or only space) was remembered", () => {
    expect(ownerStatus(undefined, ROSTER)).toEqual({ kind: "none" });
    expect(ownerStatus("  ", ROSTER)).toEqual({ kind: "none" });
  });

  it("is picked when the roster has the name, whatever its case and spaces, in the roster's spelling", () => {
    expect(ownerStatus(" wang FANG ", ROSTER)).toEqual({ kind: "picked", owner: "Wang Fang" });
    expect(ownerStatus("王芳", ROSTER)).toEqual({ kind: "picked", owner: "王芳" });
  });

  it("is stale when the owner was renamed or removed, and keeps the old name to say why", () => {
    expect(ownerStatus("Wang F.", ROSTER)).toEqual({ kind: "stale", was: "Wang F." });
    expect(ownerStatus("Wang Fang", [])).toEqual({ kind: "stale", was: "Wang Fang" });
  });
});

describe("where the choice is kept", () => {
  it("keys it by the partition key first, then the workbook's address", () => {
    expect(rememberedOwnerKey("p1", "https://contoso.sharepoint.com/plan.xlsx")).toBe(
      "p1sales-strategy-planner/my-owner/https://contoso.sharepoint.com/plan.xlsx",
    );
    expect(rememberedOwnerKey(undefined, "https://x/a.xlsx")).toBe("sales-strategy-planner/my-owner/https://x/a.xlsx");
    expect(rememberedOwnerKey(undefined, null)).toBe("sales-strategy-planner/my-owner/unsaved");
    expect(rememberedOwnerKey("p1", "https://x/a.xlsx")).not.toBe(rememberedOwnerKey("p1", "https://x/b.xlsx"));
  });

  it("reads back only a well-formed entry", () => {
    expect(parseRememberedOwner(storedOwner("Li Lei"))).toBe("Li Lei");
    for (const bad of [null, undefined, "", "Li Lei", "null", '{"owner":""}', '{"owner":5}', "[]"]) expect(parseRememberedOwner(bad)).toBeUndefined();
  });

  it("survives a reload (a new memory over the same storage), apart per workbook", async () => {
    const storage = new Map<string, string>();
    const local = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
    const plan = () => rememberedOwnerKey("p", "https://x/plan.xlsx");
    await storageOwnerMemory(() => local, plan).remember("Li Lei");
    expect(await storageOwnerMemory(() => local, plan).recall()).toBe("Li Lei");
    expect(
      await storageOwnerMemory(
        () => local,
        () => rememberedOwnerKey("p", "https://x/other.xlsx"),
      ).recall(),
    ).toBeUndefined();
    expect([...storage.keys()]).toEqual(["psales-strategy-planner/my-owner/https://x/plan.xlsx"]);
  });

  it("remembers nothing where the browser blocks storage: recall finds nothing, remember fails", async () => {
    const blocked = () => {
      throw new DOMException("The operation is insecure.", "SecurityError");
    };
    const memory = storageOwnerMemory(blocked, () => "k");
    expect(await memory.recall()).toBeUndefined();
    await expect(memory.remember("Li Lei")).rejects.toThrow("insecure");
  });
});

describe("the mode", () => {
  it("is the sheet view where ExcelApiOnline 1.1 is supported, else the shared filter", () => {
    expect(myTasksMode({ isSetSupported: (name, version) => name === "ExcelApiOnline" && version === "1.1" })).toBe("sheetView");
    expect(myTasksMode({ isSetSupported: (name) => name === "ExcelApi" })).toBe("sharedFilter");
  });
});

describe("the sheet view's name", () => {
  it("is in the workbook's language, with the owner's name", () => {
    expect(sheetViewName("Wang Fang", "en-US")).toBe("My tasks - Wang Fang");
    expect(sheetViewName("王芳", "zh-CN")).toBe("我的任务-王芳");
  });

  it("leaves out the characters sheet names cannot hold", () => {
    expect(sheetViewName("A/B: C[1]*?\\", "en-US")).toBe("My tasks - A B C 1");
  });

  it("keeps a name of exactly the limit whole, and shortens a longer one apart from its neighbours", () => {
    const fits = "x".repeat(SHEET_VIEW_NAME_MAX - "My tasks - ".length);
    expect(sheetViewName(fits, "en-US")).toBe(`My tasks - ${fits}`);
    const a = sheetViewName(`${fits}a`, "en-US");
    const b = sheetViewName(`${fits}b`, "en-US");
    expect([...a].length).toBe(SHEET_VIEW_NAME_MAX);
    expect([...b].length).toBe(SHEET_VIEW_NAME_MAX);
    expect(a).not.toBe(b);
    expect(a.startsWith("My tasks - xxxx")).toBe(true);
    const chinese = sheetViewName("欧阳".repeat(20), "zh-CN");
    expect([...chinese].length).toBe(SHEET_VIEW_NAME_MAX);
  });
});

describe("the filters' values", () => {
  it("keep the owner's rows that are neither done nor cancelled, in either language, as the cells spell them", () => {
    const owners = ["Wang Fang", "WANG FANG", "Li Lei", "wang fang", "Wang Fang", "Wang Fang", "Wang Fang", "", null];
    const statuses = ["In progress", "受阻", "Not started", "DONE", "已取消", "已完成", "Later", "Not started", "Not started"];
    expect(myTasksCriteria(owners, statuses, " Wang Fang ")).toEqual({
      ownerValues: ["Wang Fang", "WANG FANG", "wang fang"],
      statusValues: ["In progress", "受阻"],
      count: 2,
    });
  });

  it("count nothing for an owner with only closed tasks, or none", () => {
    expect(myTasksCriteria(["Li"], ["Cancelled"], "Li").count).toBe(0);
    expect(myTasksCriteria(["Li"], ["Not started"], "Chen")).toEqual({ ownerValues: [], statusValues: [], count: 0 });
  });

  it("count every open row, each status word once", () => {
    expect(myTasksCriteria(["Li", "Li", "Li"], ["未开始", "未开始", "进行中"], "Li")).toEqual({
      ownerValues: ["Li"],
      statusValues: ["未开始", "进行中"],
      count: 3,
    });
  });
});
