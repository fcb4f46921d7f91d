// The nudge plan as pure data: who is nudged for which task, with what words, and who cannot be
// and why. Expected values are written by hand (2026-11-26 is Excel serial 46352).
import { planNudges, type NudgeInput, type NudgeTaskRow } from "../../../src/domain/nudges/plan";

const TODAY = 46352; // 2026-11-26

const task = (id: string, owner: string, daysAgo: number | undefined, status = "In progress", more: Partial<NudgeTaskRow> = {}): NudgeTaskRow => ({
  id,
  owner,
  ...(daysAgo === undefined ? {} : { due: TODAY - daysAgo }),
  status,
  action: "",
  outputStandard: "",
  cell: `Tasks!A${Number(id.replace(/\D/g, "")) || 99}`,
  ...more,
});

const ROSTER = [
  { name: "Chen", email: "chen@example.com" },
  { name: "Li", email: "" },
  { name: "Wang", email: "wang@a.com" },
  { name: "Wang ", email: "wang@b.com" },
  { name: "Zhao", email: "zhao@example.com" },
  { name: "ZHAO", email: " Zhao@Example.com " },
  { name: "Sun", email: "n/a" },
];

const base: NudgeInput = { tasks: [], roster: ROSTER, record: [], today: TODAY, lagAlertDays: 3, language: "en-US" };

describe("who is nudged", () => {
  const input: NudgeInput = {
    ...base,
    tasks: [
      task("T-001", "Chen", 5),
      task("T-002", "Chen", 4, "Done"),
      task("T-003", "Chen", 10, "已取消"),
      task("T-004", "Li", 6),
      task("T-005", "Wang", 7),
      task("T-006", "Zhou", 8),
      task("T-007", "Chen", 9),
      task("T-008", "Chen", 4),
      task("T-011", "zhao", 5, "进行中"),
      task("T-012", "", 5),
      task("", "Chen", 5, "In progress", { cell: "Tasks!A40" }),
      task("T-013", "Chen", 6, "In progress", { cell: "Tasks!A41" }),
      task("T-013", "Chen", 6, "Not started", { cell: "Tasks!A42" }),
      task("T-014", "Sun", 5),
      task("T-015", "Chen", undefined),
      task("T-016", "Chen", 20, "DONE"),
    ],
    record: [{ taskId: "t-007", nudgedOn: TODAY + 0.4 }, { taskId: "T-008", nudgedOn: TODAY - 1 }, { taskId: "T-001" }],
  };
  // Planned inside each test, not here: Stryker's per-test coverage sees only code a test runs.
  const plan = () => planNudges(input);

  it("nudges each open lagging task whose owner has one email on the roster, latest first", () => {
    expect(plan().nudges.map((n) => [n.taskId, n.owner, n.email, n.daysLate, n.due, n.cell])).toEqual([
      ["T-001", "Chen", "chen@example.com", 5, "2026-11-21", "Tasks!A1"],
      // The owner typed in lower case is mentioned by the roster's own spelling; the same email twice is not ambiguous.
      ["T-011", "Zhao", "zhao@example.com", 5, "2026-11-21", "Tasks!A11"],
      // Nudged yesterday: due again today.
      ["T-008", "Chen", "chen@example.com", 4, "2026-11-22", "Tasks!A8"],
    ]);
  });

  it("lists who cannot be nudged, with the reason", () => {
    expect(plan().cannot.map((c) => [c.taskId, c.owner, c.reason, c.emails ?? null, c.daysLate])).toEqual([
      ["T-006", "Zhou", "notOnRoster", null, 8],
      ["T-005", "Wang", "ambiguous", ["wang@a.com", "wang@b.com"], 7],
      ["T-004", "Li", "noEmail", null, 6],
      ["T-013", "Chen", "duplicateTaskId", null, 6],
      ["T-013", "Chen", "duplicateTaskId", null, 6],
      ["", "Chen", "noTaskId", null, 5],
      ["T-012", "", "noOwner", null, 5],
      ["T-014", "Sun", "badEmail", ["n/a"], 5],
    ]);
  });

  it("leaves a task nudged today alone, and says so", () => {
    expect(plan().nudgedToday.map((t) => [t.taskId, t.daysLate])).toEqual([["T-007", 9]]);
  });

  it("never nudges done, cancelled or undated tasks, in either language or case", () => {
    const all = [...plan().nudges, ...plan().cannot, ...plan().nudgedToday].map((t) => t.taskId);
    for (const id of ["T-002", "T-003", "T-015", "T-016"]) expect(all).not.toContain(id);
  });
});

describe("the lag threshold", () => {
  const at = (daysAgo: number, lagAlertDays = 3) =>
    planNudges({ ...base, lagAlertDays, tasks: [task("T-001", "Chen", daysAgo)] }).nudges.map((n) => n.daysLate);

  it("nudges only past it: at 3 days late with 3 alert days no, at 4 yes", () => {
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual([4]);
  });

  it("counts whole days, so a due time of day does not make a task late sooner", () => {
    expect(at(3.5)).toEqual([4]); // due at noon three and a half days ago: the due day was four days ago
    expect(planNudges({ ...base, today: TODAY + 0.9, tasks: [task("T-001", "Chen", 3)] }).nudges).toEqual([]);
  });

  it("follows the alert days from Settings", () => {
    expect(at(1, 0)).toEqual([1]);
    expect(at(4, 4)).toEqual([]);
    expect(at(5, 4)).toEqual([5]);
  });
});

describe("the comment's words", () => {
  const one = (language: "en-US" | "zh-CN", more: Partial<NudgeTaskRow>, daysAgo = 5, name = "Chen") =>
    planNudges({
      ...base,
      language,
      roster: [{ name, email: "chen@example.com" }],
      tasks: [task("T-001", name, daysAgo, "In progress", more)],
    }).nudges[0];

  it("in English: the mention, the task, the days late, the due date and the output standard", () => {
    const n = one("en-US", { action: "Proposal submission", outputStandard: "Proposal approved by the customer." });
    expect(n.richContent).toBe(
      '<at id="0">Chen</at> Task T-001 (Proposal submission) is 5 days late: it was due 2026-11-21. ' +
        "Output standard due: Proposal approved by the customer. Please finish it, or update its status and the reason on the Tasks sheet.",
    );
    expect(n.text).toBe(
      "@Chen Task T-001 (Proposal submission) is 5 days late: it was due 2026-11-21. " +
        "Output standard due: Proposal approved by the customer. Please finish it, or update its status and the reason on the Tasks sheet.",
    );
  });

  it("in English without an action or a standard, one day late", () => {
    expect(planNudges({ ...base, lagAlertDays: 0, tasks: [task("T-001", "Chen", 1)] }).nudges[0].text).toBe(
      "@Chen Task T-001 is 1 day late: it was due 2026-11-25. Please finish it, or update its status and the reason on the Tasks sheet.",
    );
  });

  it("in Chinese, with the seed's words", () => {
    const n = one("zh-CN", { action: "方案提交", outputStandard: "形成《客户需求确认书》。" }, 5, "陈销售代表");
    expect(n.richContent).toBe(
      '<at id="0">陈销售代表</at> 任务 T-001（方案提交）已滞后5天，截止日期为2026-11-21。输出标准：形成《客户需求确认书》。请尽快完成，或在“任务矩阵”中更新状态并填写滞后原因。',
    );
    expect(n.email).toBe("chen@example.com");
  });

  it("in the workbook's language, not the reader's: the same plan in both gives the same people", () => {
    const input = { ...base, tasks: [task("T-001", "Chen", 5), task("T-004", "Li", 6)] };
    const en = planNudges(input);
    const zh = planNudges({ ...input, language: "zh-CN" });
    expect(zh.nudges.map((n) => n.email)).toEqual(en.nudges.map((n) => n.email));
    expect(zh.nudges[0].text.startsWith("@Chen 任务 T-001")).toBe(true);
    expect(zh.cannot.map((c) => c.reason)).toEqual(["noEmail"]);
  });
});
