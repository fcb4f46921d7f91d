// The one door to Excel: everything in src/excel takes an ExcelHost, so tests pass the
// recording fake and the task pane passes officeHost().

/**
 * Same shape as Excel.run(options, batch), or Excel.run(context, batch) to go on with an earlier
 * run's context (an event handler is removed through the context that added it).
 */
export type ExcelRun = <T>(options: Excel.RunOptions | Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

function isContext(options: Excel.RunOptions | Excel.RequestContext): options is Excel.RequestContext {
  return typeof (options as { sync?: unknown }).sync === "function";
}

export interface ExcelHost {
  readonly run: ExcelRun;
  /** Office.context.requirements.isSetSupported, e.g. ("ExcelApi", "1.20"). */
  readonly isSetSupported: (name: string, version: string) => boolean;
}

/** The real Excel, for the task pane (call after Office.onReady). */
export function officeHost(): ExcelHost {
  return {
    // Older hosts know no RunOptions; an empty options object is not passed to them at all.
    run: (options, batch) =>
      isContext(options) ? Excel.run(options, batch) : Object.keys(options).length > 0 ? Excel.run(options, batch) : Excel.run(batch),
    isSetSupported: (name, version) => Office.context.requirements.isSetSupported(name, version),
  };
}

/** mergeUndoGroup (one undo step for many syncs) arrived with ExcelApi 1.20. */
export function supportsUndoGrouping(host: ExcelHost): boolean {
  return host.isSetSupported("ExcelApi", "1.20");
}

/**
 * Nudges need comments with mentions (CommentRichContent and ContentType.Mention, ExcelApi 1.11) and
 * add their record's rows the way set-up adds rows (Table.resize, ExcelApi 1.13).
 */
export function supportsNudges(host: Pick<ExcelHost, "isSetSupported">): boolean {
  return host.isSetSupported("ExcelApi", "1.11") && host.isSetSupported("ExcelApi", "1.13");
}
