// The check for the task pane (its panel is built elsewhere): read the live workbook and check
// it, take the user to a finding's cell, and re-check while the workbook changes. Checking only
// reads: answering a change with a write would fire a change for every other copy of the add-in
// open on the workbook (an add-in's own writes fire events too), and two copies could answer
// each other for ever.
import type { Language } from "../domain/spec/vocabulary";
import { checkWorkbook } from "../domain/validation";
import type { CheckOptions, Finding } from "../domain/validation/types";
import type { ExcelHost } from "./host";
import { readSnapshot } from "./readSnapshot";

export interface LiveCheck {
  readonly findings: Finding[];
  /** The workbook's own language (Settings), in which the pane should word the findings. */
  readonly language?: Language;
  /** context.sync() calls the read took. */
  readonly syncs: number;
}

export interface LiveCheckOptions {
  readonly check?: CheckOptions;
  /** Expected response bytes one sync may carry; tests lower it. */
  readonly budgetBytes?: number;
}

// delayForCellEdit: a user typing in a cell delays the read instead of failing it.
const READ_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

export async function checkLiveWorkbook(host: ExcelHost, options: LiveCheckOptions = {}): Promise<LiveCheck> {
  const read = await host.run(READ_OPTIONS, (context) => readSnapshot(context, { budgetBytes: options.budgetBytes }));
  return {
    findings: checkWorkbook(read.snapshot, options.check),
    ...(read.snapshot.language ? { language: read.snapshot.language } : {}),
    syncs: read.syncs,
  };
}

/** What happened when the user asked to go to a finding. */
export type Selection = "selected" | "sheetMissing" | "sheetHidden";

/**
 * Shows the finding's sheet and selects its cell. A sheet renamed or deleted since the check, or
 * hidden (Settings), is reported instead: going there would need a write (unhiding), which is
 * the user's call.
 */
export async function selectFinding(host: ExcelHost, finding: Pick<Finding, "sheet" | "cell">): Promise<Selection> {
  return host.run(READ_OPTIONS, async (context) => {
    const sheet = context.workbook.worksheets.getItemOrNullObject(finding.sheet).load("visibility");
    await context.sync();
    if (sheet.isNullObject) return "sheetMissing";
    if (sheet.visibility !== "Visible") return "sheetHidden";
    sheet.activate();
    sheet.getRange(finding.cell).select();
    await context.sync();
    return "selected";
  });
}

export interface WatchOptions extends LiveCheckOptions {
  /** Quiet time after the last change before re-checking. */
  readonly debounceMs?: number;
  /** Called when a re-check fails (the watch goes on). */
  readonly onError?: (error: unknown) => void;
  /** The check's options at each re-check (today moves on while the pane stays open). */
  readonly checkOptions?: () => CheckOptions;
}

export interface Watch {
  /** Removes the event handler; no re-check starts after it resolves. */
  stop(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 1000;

/**
 * Re-checks after changes: the user's own (Local) and co-authors' (Remote) alike lead to one
 * debounced re-read and check, never to a write. A burst of changes gives one re-check; a change
 * during a re-check gives one more after it, so the last findings always follow the last change.
 * Needs ExcelApi 1.9 (WorksheetCollection.onChanged).
 */
export async function watchWorkbook(host: ExcelHost, onFindings: (check: LiveCheck) => void, options: WatchOptions = {}): Promise<Watch> {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const recheck = async (): Promise<void> => {
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      const result = await checkLiveWorkbook(host, { ...options, check: options.checkOptions?.() ?? options.check });
      if (!stopped) onFindings(result);
    } catch (error) {
      if (!stopped) options.onError?.(error);
    } finally {
      running = false;
      if (again && !stopped) {
        again = false;
        schedule();
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void recheck(), debounceMs);
  };

  const registration = await host.run({}, async (context) => {
    // Local and Remote (event.source) are handled alike: a re-read, nothing written back.
    const result = context.workbook.worksheets.onChanged.add(async () => schedule());
    await context.sync();
    return result;
  });

  return {
    stop: async () => {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await host.run(registration.context as Excel.RequestContext, async (context) => {
        registration.remove();
        await context.sync();
      });
    },
  };
}
