// Who a nudge reaches, who it cannot reach and why, and what the owner and the panel read. Every
// expected value is written by hand from the rules (plan.ts's header, SPEC's nudges): 2026-11-26 is
// Excel serial 46352, so a task due 5 days before it was due 2026-11-21.
import { planNudges, type NudgeRecordRow, type NudgeTaskRow, type RosterRow } from "../../../src/domain/nudges/plan";
import type { Language } from "../../../src/domain/spec/vocabulary";

const TODAY = 46352; // 2026-11-26
const CHEN: RosterRow[] = [{ name: "Chen", email: "chen@example.com" }];

const row = (more: Partial<NudgeTaskRow> = {}): NudgeTaskRow => ({
  id: "T-001",
  owner: "Chen",
  due: TODAY - 5,
  status: "In progress",
  action: "",
  outputStandard: "",
  cell: "Tasks!A2",
  ...more,
});

const plan = (tasks: NudgeTaskRow[], roster: RosterRow[] = CHEN, record: NudgeRecordRow[] = [], more: { today?: number; language?: Language } = {}) =>
  planNudges({ tasks, roster, record, today: more.today ?? TODAY, lagAlertDays: 3, language: more.language ?? "en-US" });

/** The panel's "cannot be nudged" rows: task, owner, reason and the emails it shows. */
const why = (p: ReturnType<typeof plan>) => p.cannot.map((c) => [c.taskId, c.owner, c.reason, c.emails ?? null]);

describe("the owner's email on the Team roster", () => {
  it("is used without the spaces typed around it", () => {
    const p = plan([row()], [{ name: "Chen", email: "  chen@example.com  " }]);
    expect(p.nudges.map((n) => n.email)).toEqual(["chen@example.com"]);
    expect(p.cannot).toEqual([]);
  });

  it.each([
    ["a space inside, after the @", "chen@example com"],
    ["a space inside, before the @", "chen wang@example.com"],
    ["nothing before the @", "@example.com"],
    ["nothing after the @", "chen@"],
    ["no @ at all", "chen.example.com"],
    ["two @", "chen@@example.com"],
    ["a second word after the address", "chen@example.com x"],
  ])("is refused when it is not an address (%s), and the panel shows it", (_what, email) => {
    const p = plan([row()], [{ name: "Chen", email }]);
    expect(p.nudges).toEqual([]);
    expect(why(p)).toEqual([["T-001", "Chen", "badEmail", [email]]]);
  });

  it("is taken as an address with anything but spaces on both sides of one @", () => {
    expect(plan([row()], [{ name: "Chen", email: "c@h" }]).nudges.map((n) => n.email)).toEqual(["c@h"]);
  });

  it("is missing when the cell is blank or only spaces", () => {
    expect(why(plan([row()], [{ name: "Chen", email: "" }]))).toEqual([["T-001", "Chen", "noEmail", null]]);
    expect(why(plan([row()], [{ name: "Chen", email: "   " }]))).toEqual([["T-001", "Chen", "noEmail", null]]);
  });

  it("is not ambiguous when the name is on the roster twice with the same email in another case", () => {
    const p = plan(
      [row({ owner: "zhao" })],
      [
        { name: "Zhao", email: "zhao@example.com" },
        { name: " ZHAO ", email: " Zhao@Example.com " },
      ],
    );
    expect(p.nudges.map((n) => [n.owner, n.email])).toEqual([["Zhao", "zhao@example.com"]]);
    expect(p.cannot).toEqual([]);
  });

  it("comes from the one row that has it when the name's other row has a blank email", () => {
    const p = plan(
      [row({ owner: "Li" })],
      [
        { name: "Li", email: "" },
        { name: "Li", email: "li@example.com" },
      ],
    );
    expect(p.nudges.map((n) => n.email)).toEqual(["li@example.com"]);
    expect(p.cannot).toEqual([]);
  });

  it("is ambiguous when the name's rows give different emails: nobody is guessed at, both are shown", () => {
    const p = plan(
      [row({ owner: "Wang" })],
      [
        { name: "Wang", email: "wang@a.com" },
        { name: "wang ", email: " wang@b.com " },
        { name: "WANG", email: "Wang@A.com" },
      ],
    );
    expect(p.nudges).toEqual([]);
    expect(why(p)).toEqual([["T-001", "Wang", "ambiguous", ["wang@a.com", "wang@b.com"]]]);
  });
});

describe("the owner", () => {
  it("is mentioned by the roster's own spelling of the name, without its spaces", () => {
    const n = plan([row({ owner: "CHEN" })], [{ name: "  Chen  ", email: "chen@example.com" }]).nudges;
    expect(n.map((x) => x.owner)).toEqual(["Chen"]);
    expect(n[0].richContent.startsWith('<at id="0">Chen</at> Task T-001 is 5 days late')).toBe(true);
    expect(n[0].text.startsWith("@Chen Task T-001 is 5 days late")).toBe(true);
  });

  it("who is not on the roster is named as typed, without its spaces", () => {
    expect(why(plan([row({ owner: "  Zhou " })]))).toEqual([["T-001", "Zhou", "notOnRoster", null]]);
  });

  it("who is blank or only spaces is no owner, not a name missing from the roster", () => {
    expect(why(plan([row({ owner: "" })]))).toEqual([["T-001", "", "noOwner", null]]);
    expect(why(plan([row({ owner: "   " })]))).toEqual([["T-001", "", "noOwner", null]]);
  });

  it("is not matched by a roster row without a name", () => {
    expect(why(plan([row({ owner: "Chen" })], [{ name: " ", email: "chen@example.com" }]))).toEqual([["T-001", "Chen", "notOnRoster", null]]);
  });
});

describe("the task ID, which the record of nudges goes by", () => {
  it("blank or only spaces: the task cannot be nudged, although its owner could be", () => {
    const p = plan([row({ id: "" }), row({ id: "   ", cell: "Tasks!A3" })]);
    expect(p.nudges).toEqual([]);
    expect(p.cannot.map((c) => [c.taskId, c.cell, c.reason])).toEqual([
      ["", "Tasks!A2", "noTaskId"],
      ["", "Tasks!A3", "noTaskId"],
    ]);
  });

  it("on two rows, in another case or with spaces: neither is nudged, the others still are", () => {
    const p = plan([
      row({ id: "T-013", cell: "Tasks!A2" }),
      row({ id: "T-014", cell: "Tasks!A3" }),
      row({ id: " t-013 ", cell: "Tasks!A4", due: TODAY - 7 }),
    ]);
    expect(p.nudges.map((n) => n.taskId)).toEqual(["T-014"]);
    expect(p.cannot.map((c) => [c.taskId, c.cell, c.reason])).toEqual([
      ["t-013", "Tasks!A4", "duplicateTaskId"],
      ["T-013", "Tasks!A2", "duplicateTaskId"],
    ]);
  });

  it("on three rows: all three are refused", () => {
    const p = plan([row({ id: "T-9" }), row({ id: "T-9" }), row({ id: "T-9" })]);
    expect(p.cannot.map((c) => c.reason)).toEqual(["duplicateTaskId", "duplicateTaskId", "duplicateTaskId"]);
    expect(p.nudges).toEqual([]);
  });

  it("shared with a row that is not lagging still counts: the record could not tell the two apart", () => {
    const p = plan([row({ id: "T-5" }), row({ id: "T-5", status: "Done", cell: "Tasks!A3" })]);
    expect(why(p)).toEqual([["T-5", "Chen", "duplicateTaskId", null]]);
  });

  it("is written without its spaces in the comment and the panel", () => {
    const n = plan([row({ id: "  T-001  " })]).nudges;
    expect(n.map((x) => x.taskId)).toEqual(["T-001"]);
    expect(n[0].text).toBe(
      "@Chen Task T-001 is 5 days late: it was due 2026-11-21. Please finish it, or update its status and the reason on the Tasks sheet.",
    );
  });
});

describe("a task already nudged today", () => {
  const lagging = row({ id: "T-001", owner: "Chen", action: "Call", outputStandard: "Order" });
  const left = { taskId: "T-001", cell: "Tasks!A2", owner: "Chen", daysLate: 5, due: "2026-11-21", action: "Call", outputStandard: "Order" };

  it("is left alone whatever the time of day the record holds, its ID matched in any case", () => {
    const p = plan([lagging], CHEN, [{ taskId: " t-001 ", nudgedOn: TODAY + 0.75 }]);
    expect(p.nudges).toEqual([]);
    expect(p.cannot).toEqual([]);
    expect(p.nudgedToday).toEqual([left]);
  });

  it("is left alone when today itself is given with a time of day", () => {
    const p = plan([lagging], CHEN, [{ taskId: "T-001", nudgedOn: TODAY + 0.1 }], { today: TODAY + 0.9 });
    expect(p.nudgedToday.map((t) => t.taskId)).toEqual(["T-001"]);
    expect(p.nudges).toEqual([]);
  });

  it("nudged late yesterday evening is nudged again today", () => {
    const p = plan([lagging], CHEN, [{ taskId: "T-001", nudgedOn: TODAY - 0.01 }]);
    expect(p.nudges.map((n) => n.taskId)).toEqual(["T-001"]);
    expect(p.nudgedToday).toEqual([]);
  });

  it("is nudged when the record's row has no date, or is about another task", () => {
    const p = plan([lagging], CHEN, [{ taskId: "T-001" }, { taskId: "T-002", nudgedOn: TODAY }]);
    expect(p.nudges.map((n) => n.taskId)).toEqual(["T-001"]);
    expect(p.nudgedToday).toEqual([]);
  });

  it("is left alone even when its owner has since left the roster: nothing to fix today", () => {
    const p = plan([row({ owner: "Zhou" })], CHEN, [{ taskId: "T-001", nudgedOn: TODAY }]);
    expect(p.cannot).toEqual([]);
    expect(p.nudgedToday.map((t) => [t.taskId, t.owner])).toEqual([["T-001", "Zhou"]]);
  });
});

describe("the words the owner reads", () => {
  it("drop the spaces around the action and the output standard, in the comment and the panel", () => {
    const p = plan([
      row({ action: "  Call back  ", outputStandard: "  Signed order  " }),
      row({ id: "T-002", owner: "Zhou", action: " Visit ", outputStandard: " Minutes " }),
    ]);
    expect(p.nudges.map((n) => [n.action, n.outputStandard])).toEqual([["Call back", "Signed order"]]);
    expect(p.nudges[0].text).toBe(
      "@Chen Task T-001 (Call back) is 5 days late: it was due 2026-11-21. Output standard due: Signed order. Please finish it, or update its status and the reason on the Tasks sheet.",
    );
    expect(p.cannot.map((c) => [c.action, c.outputStandard])).toEqual([["Visit", "Minutes"]]);
  });

  it.each([
    ["Signed order.", "Signed order."],
    ["Signed order...", "Signed order."],
    ["Signed order。", "Signed order."],
    ["Signed order.。.", "Signed order."],
    ["Signed order. ", "Signed order."],
    ["Contract v1.2 signed", "Contract v1.2 signed."],
    ["Contract v1.2 signed.", "Contract v1.2 signed."],
  ])("end the output standard %j with one full stop", (standard, shown) => {
    const text = plan([row({ outputStandard: standard })]).nudges[0].text;
    expect(text).toBe(
      `@Chen Task T-001 is 5 days late: it was due 2026-11-21. Output standard due: ${shown} Please finish it, or update its status and the reason on the Tasks sheet.`,
    );
  });

  it("end a Chinese output standard with one 。", () => {
    const text = plan([row({ outputStandard: "形成确认书。。" })], CHEN, [], { language: "zh-CN" }).nudges[0].text;
    expect(text).toBe("@Chen 任务 T-001已滞后5天，截止日期为2026-11-21。输出标准：形成确认书。请尽快完成，或在“任务矩阵”中更新状态并填写滞后原因。");
  });

  it("leave out an output standard that is only full stops", () => {
    expect(plan([row({ outputStandard: " . " })]).nudges[0].text).toBe(
      "@Chen Task T-001 is 5 days late: it was due 2026-11-21. Please finish it, or update its status and the reason on the Tasks sheet.",
    );
  });
});

describe("the order of the panel's three lists", () => {
  // Given out of order; each list shows the longest delay first, then by task ID.
  const days = { "B-2": 9, "A-1": 4, "C-3": 9, "A-9": 9 } as const;
  const tasks = (owner: string) =>
    (Object.keys(days) as (keyof typeof days)[]).map((id, i) =>
      row({ id: `${owner}${id}`, owner: owner === "" ? "" : "Chen", due: TODAY - days[id], cell: `Tasks!A${i + 2}` }),
    );

  it("nudges: the longest delay first, ties by task ID", () => {
    expect(plan(tasks("N")).nudges.map((n) => [n.taskId, n.daysLate])).toEqual([
      ["NA-9", 9],
      ["NB-2", 9],
      ["NC-3", 9],
      ["NA-1", 4],
    ]);
  });

  it("cannot be nudged: the same order", () => {
    expect(plan(tasks("")).cannot.map((c) => [c.taskId, c.daysLate])).toEqual([
      ["A-9", 9],
      ["B-2", 9],
      ["C-3", 9],
      ["A-1", 4],
    ]);
  });

  it("already nudged today: the same order", () => {
    const record = ["TA-1", "TB-2", "TC-3", "TA-9"].map((taskId) => ({ taskId, nudgedOn: TODAY }));
    expect(plan(tasks("T"), CHEN, record).nudgedToday.map((t) => [t.taskId, t.daysLate])).toEqual([
      ["TA-9", 9],
      ["TB-2", 9],
      ["TC-3", 9],
      ["TA-1", 4],
    ]);
  });
});
