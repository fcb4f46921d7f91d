// Bench of the .xlsx writer: the full workbook with 10,000 tasks, from plan to bytes, and the
// same file read back into a WorkbookState (what an upgrade of a file starts with). Median of
// a few runs, measured in this process.
import ExcelJS from "exceljs";
import { excelSerial } from "../src/domain/plan/address";
import type { CellInput, Plan } from "../src/domain/plan/types";
import { applyPlan } from "../src/xlsx/apply";
import { localToday, newWorkbook, planNewWorkbook } from "../src/xlsx/build";
import { loadWorkbook } from "../src/xlsx/names";
import { readState } from "../src/xlsx/read";
import { NEW_CUSTOMER_STAGES, PATH, TASK_STATUS } from "../src/domain/spec/vocabulary";

const TASKS = 10_000;
const RUNS = 3;
const STATUSES = TASK_STATUS.terms.map((t) => t.en);

function withTasks(plan: Plan, today: string): Plan {
  const base = excelSerial(today);
  const task = (i: number): Record<string, CellInput> => ({
    id: `T-${String(i + 1).padStart(5, "0")}`,
    customer: `Customer ${i % 400}`,
    path: PATH.terms[0].en,
    stage: NEW_CUSTOMER_STAGES[3].en,
    action: `Action ${i}`,
    owner: "Sales rep Chen",
    start: base - 30 + (i % 20),
    due: base - 10 + (i % 30),
    status: STATUSES[i % STATUSES.length],
  });
  return {
    ...plan,
    steps: plan.steps.map((step) =>
      step.kind === "addTable" && step.table === "Tasks"
        ? { ...step, rows: Array.from({ length: TASKS }, (_, i) => step.keys.map((key) => task(i)[key] ?? null)) }
        : step,
    ),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<Record<string, unknown>> {
  const today = localToday();
  const plan: number[] = [];
  const apply: number[] = [];
  const write: number[] = [];
  const read: number[] = [];
  let bytes = Buffer.alloc(0);
  for (let r = 0; r < RUNS; r++) {
    let started = performance.now();
    const workbook = newWorkbook();
    const steps = withTasks(planNewWorkbook(workbook, { language: "en-US", sample: false, functions: false }, today), today);
    plan.push(performance.now() - started);

    started = performance.now();
    applyPlan(workbook, steps);
    apply.push(performance.now() - started);

    started = performance.now();
    bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    write.push(performance.now() - started);

    started = performance.now();
    const back = new ExcelJS.Workbook();
    await loadWorkbook(back, bytes);
    const state = readState(back);
    read.push(performance.now() - started);
    if (state.tables.find((t) => t.name === "Tasks")?.rowCount !== TASKS) throw new Error("the Tasks table did not come back whole");
  }
  const ms = (values: number[]) => Math.round(median(values));
  return {
    tasks: TASKS,
    runs: RUNS,
    planMs: ms(plan),
    applyMs: ms(apply),
    writeBufferMs: ms(write),
    xlsxWriteMs: ms(apply) + ms(write),
    readBackMs: ms(read),
    fileBytes: bytes.length,
  };
}
