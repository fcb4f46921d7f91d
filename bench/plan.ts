// Spec-to-plan time for a workbook of 10,000 tasks: an empty workbook (full setup), one
// needing an upgrade (older schema: no Risks, two Tasks columns missing, 10,000 rows), and
// one already current. Planning reads row counts, never rows, so time should not grow with them.
import { plan, applyPlanToState, EMPTY_WORKBOOK, type WorkbookState, type PlanOptions } from "../src/domain/plan";
import { WORKBOOK } from "../src/domain/spec/workbook";

const TASKS = 10_000;
const options: PlanOptions = { language: "en-US", sample: false, today: "2026-03-15" };

function timeIt(label: string, fn: () => unknown, runs = 50): { label: string; medianMs: number; minMs: number } {
  for (let i = 0; i < 5; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { label, medianMs: Number(times[Math.floor(runs / 2)].toFixed(3)), minMs: Number(times[0].toFixed(3)) };
}

function withTasks(state: WorkbookState, rows: number): WorkbookState {
  return {
    ...state,
    tables: state.tables.map((t) => (t.name === "Tasks" ? { ...t, rowCount: rows, address: t.address.replace(/\d+$/, String(rows + 1)) } : t)),
  };
}

export async function run(): Promise<Record<string, unknown>> {
  const full = applyPlanToState(EMPTY_WORKBOOK, plan(WORKBOOK, EMPTY_WORKBOOK, options));
  const dropped = new Set(["completedOn", "daysLate"]);
  const tasksSpec = WORKBOOK.tables.find((t) => t.name === "Tasks")!;
  const older: WorkbookState = withTasks(
    {
      ...full,
      schemaVersion: 0,
      sheets: full.sheets.filter((s) => s.name !== "Risks"),
      tables: full.tables
        .filter((t) => t.name !== "Risks")
        .map((t) => (t.name === "Tasks" ? { ...t, headers: tasksSpec.columns.filter((c) => !dropped.has(c.key)).map((c) => c.header.en) } : t)),
      record: full.record.filter((item) => !item.includes("Risks.") && ![...dropped].some((k) => item.endsWith(`Tasks.${k}`))),
    },
    TASKS,
  );
  const current = withTasks(full, TASKS);

  const empty = timeIt("empty workbook", () => plan(WORKBOOK, EMPTY_WORKBOOK, { ...options, sample: true }));
  const upgrade = timeIt(`upgrade, ${TASKS} tasks`, () => plan(WORKBOOK, older, options));
  const noop = timeIt(`current, ${TASKS} tasks`, () => plan(WORKBOOK, current, options));
  const upgradePlan = plan(WORKBOOK, older, options);
  const setupPlan = plan(WORKBOOK, EMPTY_WORKBOOK, { ...options, sample: true });
  return {
    tasks: TASKS,
    emptyWorkbookPlanMs: empty.medianMs,
    upgradePlanMs: upgrade.medianMs,
    currentWorkbookPlanMs: noop.medianMs,
    setupSteps: setupPlan.steps.length,
    setupPlanBytes: JSON.stringify(setupPlan).length,
    upgradeSteps: upgradePlan.steps.length,
    upgradeStepKinds: upgradePlan.steps.map((s) => s.kind),
    currentSteps: plan(WORKBOOK, current, options).steps.length,
  };
}
