// The panels' adapters on the real Excel (Office.js through an ExcelHost): the only place the
// pane's components meet src/excel. The live check runs as the pane opens, so it comes with the
// first bundle; set-up (the planner and the whole spec's writer), tasks, review and settings load
// on first use, which keeps the pane's first download small.
import type { Language } from "../domain/spec/vocabulary";
import { describeProblem } from "../domain/validation";
import { checkLiveWorkbook, selectFinding, watchWorkbook } from "../excel/check";
import { supportsNudges, type ExcelHost } from "../excel/host";
import type { PaneAdapters } from "./adapters";
import { myTasksMode, rememberedOwnerKey } from "./tasks/myTasks";
import { storageOwnerMemory } from "./tasks/ownerMemory";

const serialToday = () => {
  const d = new Date();
  return Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000 + 25_569;
};

export function excelAdapters(host: ExcelHost): PaneAdapters {
  const today = () => ({ today: serialToday() });
  const setup = () => import(/* webpackChunkName: "excel-setup" */ "../excel/paneSetup");
  const tasks = () => import(/* webpackChunkName: "excel-tasks" */ "../excel/paneTasks");
  const review = () => import(/* webpackChunkName: "excel-review" */ "../excel/paneReview");
  const settings = () => import(/* webpackChunkName: "excel-settings" */ "../excel/paneSettings");
  const myTasks = () => import(/* webpackChunkName: "excel-tasks" */ "../excel/paneMyTasks");
  const nudges = () => import(/* webpackChunkName: "excel-tasks" */ "../excel/paneNudges");
  // Per person and per workbook: the partition key (undefined where Office does not partition) and the document's address.
  const ownerKey = () => rememberedOwnerKey(Office.context.partitionKey, Office.context.document?.url);
  return {
    readWorkbookInfo: async () => (await setup()).readWorkbookInfo(host),
    setUp: async (request, onProgress) => (await setup()).runSetUp(host, request, onProgress),
    check: () => checkLiveWorkbook(host, { check: today() }),
    watch: async (onResult, onError) => {
      const watch = await watchWorkbook(host, onResult, { onError, checkOptions: today });
      return () => watch.stop();
    },
    goToFinding: (finding) => selectFinding(host, finding),
    // The panel shows the cell beside each finding, grouped by sheet: the problem alone, without where.
    describeFinding: (finding, language: Language) => describeProblem(finding, language),
    readTasks: async () => (await tasks()).readTasksBoard(host),
    createPathTasks: async (board, request) => (await tasks()).createPathTasks(host, board, request),
    goToTask: (sheet, cell) => selectFinding(host, { sheet, cell }),
    myTasks: {
      mode: () => myTasksMode(host),
      memory: storageOwnerMemory(() => window.localStorage, ownerKey),
      showMine: async (owner, language) => (await myTasks()).showMyTasks(host, owner, language),
      showAll: async () => (await myTasks()).showAllTasks(host),
    },
    nudges: {
      supported: () => supportsNudges(host),
      preview: async () => (await nudges()).previewNudges(host),
      nudge: async () => (await nudges()).nudgeOwners(host),
    },
    readReview: async () => (await review()).readReview(host),
    upsertFunnelChart: async (title) => (await review()).upsertFunnelChart(host, title),
    setPortableFormulas: async (portable) => (await review()).setPortableFormulas(host, portable),
    readSettings: async () => (await settings()).readSettings(host),
    writeSettings: async (value) => (await settings()).writeSettings(host, value),
  };
}
