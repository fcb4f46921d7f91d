// The panels' adapters on the real Excel (Office.js through an ExcelHost): the only place the
// pane's components meet src/excel.
import type { Language } from "../domain/spec/vocabulary";
import { describeProblem } from "../domain/validation";
import { checkLiveWorkbook, selectFinding, watchWorkbook } from "../excel/check";
import type { ExcelHost } from "../excel/host";
import { readReview, setPortableFormulas, upsertFunnelChart } from "../excel/paneReview";
import { readSettings, writeSettings } from "../excel/paneSettings";
import { readWorkbookInfo, runSetUp } from "../excel/paneSetup";
import { createPathTasks, readTasksBoard, selectTask, serialOf } from "../excel/paneTasks";
import type { PaneAdapters } from "./adapters";

export function excelAdapters(host: ExcelHost): PaneAdapters {
  const today = () => ({ today: serialOf(new Date()) });
  return {
    readWorkbookInfo: () => readWorkbookInfo(host),
    setUp: (request, onProgress) => runSetUp(host, request, onProgress),
    check: () => checkLiveWorkbook(host, { check: today() }),
    watch: async (onResult, onError) => {
      const watch = await watchWorkbook(host, onResult, { onError, checkOptions: today });
      return () => watch.stop();
    },
    goToFinding: (finding) => selectFinding(host, finding),
    // The panel shows the cell beside each finding, grouped by sheet: the problem alone, without where.
    describeFinding: (finding, language: Language) => describeProblem(finding, language),
    readTasks: () => readTasksBoard(host),
    createPathTasks: (board, request) => createPathTasks(host, board, request),
    goToTask: (sheet, cell) => selectTask(host, sheet, cell),
    readReview: () => readReview(host),
    upsertFunnelChart: (title) => upsertFunnelChart(host, title),
    setPortableFormulas: (portable) => setPortableFormulas(host, portable),
    readSettings: () => readSettings(host),
    writeSettings: (settings) => writeSettings(host, settings),
  };
}
