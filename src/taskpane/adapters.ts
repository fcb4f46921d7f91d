// What the panels may ask of Excel, as plain functions (the Script Lab pattern): the pane's start
// hands in the Office.js implementations (officeAdapters.ts); tests and the browser test hand in
// their own. No component touches Office.
import type { Finding } from "../domain/validation/types";
import type { Language } from "../domain/spec/vocabulary";
import type { Progress } from "../excel/applyPlan";
import type { SetUpRequest, SetUpSummary, WorkbookInfo } from "../excel/paneSetup";
import type { ReviewBoard } from "../excel/paneReview";
import type { NudgePreview, NudgeResult } from "../excel/paneNudges";
import type { PathTasksRequest, TasksBoard } from "./tasks/board";
import type { MyTasksMode } from "./tasks/myTasks";
import type { MyTasksShown } from "../excel/paneMyTasks";
import type { PaneSettings } from "./settings/model";

export type { MyTasksMode, MyTasksShown };
export type { Progress, SetUpRequest, SetUpSummary, WorkbookInfo, ReviewBoard, TasksBoard, PathTasksRequest, PaneSettings, Finding };

export interface CheckResult {
  readonly findings: readonly Finding[];
  /** The workbook's own language, when it records one. */
  readonly language?: Language;
}

export type GoToResult = "selected" | "sheetMissing" | "sheetHidden";

export interface SetupAdapters {
  readonly readWorkbookInfo: () => Promise<WorkbookInfo>;
  readonly setUp: (request: SetUpRequest, onProgress: (progress: Progress) => void) => Promise<SetUpSummary>;
}

export interface CheckAdapters {
  readonly check: () => Promise<CheckResult>;
  /** Re-checks after edits until the returned stop is called. */
  readonly watch: (onResult: (result: CheckResult) => void, onError: (error: unknown) => void) => Promise<() => Promise<void>>;
  readonly goToFinding: (finding: Finding) => Promise<GoToResult>;
  readonly describeFinding: (finding: Finding, language: Language) => string;
}

export interface TasksAdapters {
  /** Undefined when the workbook has no Tasks table. */
  readonly readTasks: () => Promise<TasksBoard | undefined>;
  readonly createPathTasks: (board: TasksBoard, request: PathTasksRequest) => Promise<number>;
  readonly goToTask: (sheet: string, cell: string) => Promise<GoToResult>;
  /** "My tasks" (issue 10); the panel leaves it out when absent. */
  readonly myTasks?: MyTasksAdapters;
  /** Nudges for lagging tasks (issue 10); the panel leaves them out when absent. */
  readonly nudges?: NudgeAdapters;
}

export interface NudgeAdapters {
  /** False where Excel cannot add comments that mention people: the panel says so and offers no nudge. */
  readonly supported: () => boolean;
  /** Who would be nudged now; reads only. */
  readonly preview: () => Promise<NudgePreview>;
  /** Nudges them (reading the workbook again first). */
  readonly nudge: () => Promise<NudgeResult>;
}

/** The user's own choice of roster owner, kept in their own storage (never the shared workbook). */
export interface OwnerMemory {
  readonly recall: () => Promise<string | undefined>;
  /** Rejects when the storage is unavailable (a browser may block it). */
  readonly remember: (owner: string) => Promise<void>;
}

export interface MyTasksAdapters {
  /** "sheetView" where Excel has named sheet views (ExcelApiOnline 1.1), else the shared table filter. */
  readonly mode: () => MyTasksMode;
  readonly memory: OwnerMemory;
  readonly showMine: (owner: string, language: Language) => Promise<MyTasksShown>;
  readonly showAll: () => Promise<MyTasksMode>;
}

export interface ReviewAdapters {
  /** Undefined when the workbook has no Review metrics. */
  readonly readReview: () => Promise<ReviewBoard | undefined>;
  readonly upsertFunnelChart: (title: string) => Promise<"inserted" | "refreshed">;
  readonly setPortableFormulas: (portable: boolean) => Promise<{ changed: number; kept: number }>;
}

export interface SettingsAdapters {
  /** Undefined when the workbook has no Settings sheet. */
  readonly readSettings: () => Promise<PaneSettings | undefined>;
  readonly writeSettings: (settings: PaneSettings) => Promise<unknown>;
}

export type PaneAdapters = SetupAdapters & CheckAdapters & TasksAdapters & ReviewAdapters & SettingsAdapters;
