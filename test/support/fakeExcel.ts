// A recording fake of the part of the Excel JavaScript API the add-in uses. What it models, with
// the source of each rule, and what it does not: ./FAKE.md.
//
// It keeps Office.js's batch model: calls on proxy objects only queue operations; nothing is
// applied, and no property can be read, until `context.sync()` runs the queue in order against
// a plain in-memory workbook (./fakeExcelModel). Reading a property that was not loaded and
// synced throws PropertyNotLoaded, as Office.js does; *OrNullObject proxies answer isNullObject
// after a sync. Every queued operation is recorded ("Class.member") with the number of the sync
// that carries it; syncs, request and response sizes are counted, and a request or response over
// Excel on the web's 5 MB limit fails. A failure can be injected at sync N: by default that whole
// request is lost; `afterOperations` or `operation` make Excel apply the calls before the failing
// one, as it does (there is no batch rollback). `mergeUndoGroup` (ExcelApi 1.20) is modelled: each
// undo step is a snapshot that undo() restores; calls listed in `undoUnsupported` throw
// UndoNotSupported inside a grouped run.
//
// Excel rules it keeps: 2-D arrays must match the range; typed text becomes formulas, numbers and
// booleans (see typeIntoCell); a table made of a header row alone gets one blank data row; header
// cells are unique text; Table.resize keeps the header row in place; structured references are
// refused in conditional-format and validation formulas; list sources, operators and message
// lengths are checked; autoFill moves relative rows; a column added to a table shifts the cells
// to its right within the table's rows. It refuses what Excel refuses (FAKE.md, "Refusals"): a
// proxy of an ended run or of another context, unparseable formulas, invalid sheet names, hiding
// the last visible sheet, invalid colours and table styles, rows.add of the wrong width.
//
// Page set-up (ExcelApi 1.9 PageLayout: orientation, zoom, setPrintTitleRows over whole rows,
// headersFooters.defaultForAllPages.centerFooter) is kept on the sheet; a conditional format's
// numberFormat (ConditionalRangeFormat, ExcelApi 1.6) on the rule; both from @types/office-js.
// verticalFitToPages 0 for "as many pages tall as needed" follows the file format's fitToHeight 0
// (ECMA-376 pageSetup); the typings do not say it, so the fake accepts it as a guess.
//
// What it does not do: calculate formulas (formula cells read back as ""), charts (but see ./fakeCharts.ts), comments,
// protection, and any API the product does not call. Events are raised by the test (raiseWorksheetChanged), not by writes.
//
// Navigation and events (for the check's task-pane functions), each with its source:
// | rule | source |
// |---|---|
// | Worksheet.activate() shows the sheet; a sheet that does not exist fails with ItemNotFound | docs/excel/excel-add-ins-worksheets.md, "Set the active worksheet" |
// | Range.select() selects the range in the UI; the documented pattern selects on the active sheet, so the fake refuses a selection on another sheet (a guess: undocumented) | docs/excel/excel-add-ins-ranges-set-get.md, "Select a known range"; @types/office-js Range.select |
// | Activating a hidden sheet: undocumented; the fake refuses it (a guess), and the product never tries | none |
// | Selection and the active sheet are UI state, not content: not an undo step | a guess: undo covers workbook changes (docs/excel/excel-add-ins-undo-capabilities.md) |
// | WorksheetCollection.onChanged (ExcelApi 1.9) fires for cell changes on any sheet; its WorksheetChangedEventArgs carry address, changeType, worksheetId and source: "Local" (this user) or "Remote" (a co-author) | docs/excel/excel-add-ins-events.md, "Events and coauthoring"; @types/office-js WorksheetChangedEventArgs, Excel.EventSource |
// | A handler is registered by the sync after add(); remove() takes effect only through the RequestContext that added it (Excel.run(result.context, ...)) | docs/excel/excel-add-ins-events.md, "Register an event handler", "Remove an event handler" |
// | Changes made by an add-in's own code fire events too (so answering an event with a write can loop between two copies of an add-in) | docs/excel/excel-add-ins-events.md, "Event triggers" |
//
// Reads (for the check's reader, src/excel/readSnapshot.ts):
// | rule | source |
// |---|---|
// | Range.formulas gives a cell's value where the cell holds no formula | @types/office-js, Range.formulas |
// | Range.numberFormat is Excel's (en-US) format code per cell; numberFormatLocal is the localized one | @types/office-js, Range.numberFormat |
// | A response over Excel on the web's 5 MB fails the sync with code ResponsePayloadSizeLimitExceeded (Office on the web only) | docs/testing/application-specific-api-error-handling.md; docs/concepts/resource-limits-and-performance-optimization.md |
// | A range read is limited to 5,000,000 cells (null or an error beyond): not modelled here; the reader stays under it | docs/concepts/resource-limits-and-performance-optimization.md |

import {
  type CellValue,
  type FakeCell,
  type FakeConditionalFormat,
  type FakeName,
  type FakePageLayout,
  type FakeSheet,
  type FakeTable,
  type Rect,
  FakeOfficeError,
  FakeWorkbook,
  cellKey,
  formulaProblem,
  intersects,
  isExcelColor,
  isTableStyle,
  typedFormula,
  MAX_COLUMNS,
  parseAddress,
  quoteSheet,
  rectAddress,
  sameName,
  splitSheetAddress,
  typeIntoCell,
} from "./fakeExcelModel";
import { type CommentCollectionProxy, commentCollection } from "./fakeComments";

export * from "./fakeExcelModel";

/** Operations that change only what the user sees, not the workbook: no undo step. */
export const UI_ONLY = new Set(["Worksheet.activate", "Range.select"]);

/** Excel on the web's request and response payload limit. */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

export interface RecordedOperation {
  /** The sync (counted across every run of this host, from 1) that carried it. */
  sync: number;
  /** "Class.member", e.g. "Range.values", "TableCollection.add". */
  name: string;
  /** Where it applies, e.g. "Tasks!A1:C3" or a table name. */
  target: string;
  bytes: number;
}

export interface SyncRecord {
  sync: number;
  operations: number;
  loads: number;
  requestBytes: number;
  responseBytes: number;
  calculationSuspended: boolean;
}

/**
 * APIs that do not support undo, per platform, from the table in OfficeDev/office-js-docs-pr
 * docs/excel/excel-add-ins-undo-capabilities.md ("Supported in Excel on the web" / "on Windows and
 * Mac" = No), as the fake records them ("Class.member").
 */
const UNDO_UNSUPPORTED_EVERYWHERE = [
  "AllowEditRange.address",
  "AllowEditRange.delete",
  "AllowEditRange.pauseProtection",
  "AllowEditRange.setPassword",
  "AllowEditRange.title",
  "AllowEditRangeCollection.add",
  "AllowEditRangeCollection.pauseProtection",
  "Chart.categoryLabelLevel",
  "Chart.seriesNameLevel",
  "DataConnectionCollection.refreshAll",
  "LinkedWorkbook.refresh",
  "LinkedWorkbookCollection.refreshAll",
  "Workbook.close",
  "Workbook.insertWorksheetsFromBase64",
  "Workbook.save",
  "WorkbookProtection.protect",
  "WorkbookProtection.unprotect",
  "Worksheet.copy",
  "Worksheet.delete",
  "WorksheetCollection.addFromBase64",
  "WorksheetProtection.pauseProtection",
  "WorksheetProtection.protect",
  "WorksheetProtection.resumeProtection",
  "WorksheetProtection.setPassword",
  "WorksheetProtection.unprotect",
  "WorksheetProtection.updateOptions",
];
export const UNDO_UNSUPPORTED: Readonly<Record<"web" | "windows", readonly string[]>> = {
  web: [
    ...UNDO_UNSUPPORTED_EVERYWHERE,
    ...["showAxisFieldButtons", "showLegendFieldButtons", "showReportFilterFieldButtons", "showValueFieldButtons"].map(
      (m) => `ChartPivotOptions.${m}`,
    ),
    "ChartTrendlineLabel.formula",
    ...["author", "category", "comments", "company", "keywords", "manager", "revisionNumber", "subject", "title"].map(
      (m) => `DocumentProperties.${m}`,
    ),
    "NamedItem.comment",
    ...["PivotTableStyle", "SlicerStyle", "TableStyle", "TimelineStyle"].flatMap((c) => [
      `${c}.delete`,
      `${c}.duplicate`,
      `${c}.name`,
      `${c}Collection.add`,
      `${c}Collection.setDefault`,
    ]),
    "Query.delete",
    "Query.refresh",
    "QueryCollection.refreshAll",
    "Slicer.name",
    "Slicer.nameInFormula",
    ...[
      "addIndent",
      "autoIndent",
      "formulaHidden",
      "horizontalAlignment",
      "includeAlignment",
      "includeBorder",
      "includeFont",
      "includeNumber",
      "includePatterns",
      "includeProtection",
      "indentLevel",
      "locked",
      "numberFormat",
      "numberFormatLocal",
      "orientation",
      "readingOrder",
      "shrinkToFit",
      "textOrientation",
      "verticalAlignment",
      "wrapText",
    ].map((m) => `Style.${m}`),
    "Worksheet.standardWidth",
  ],
  // Excel on Windows and Excel on Mac.
  windows: [...UNDO_UNSUPPORTED_EVERYWHERE, "Worksheet.name", "Worksheet.position", "Worksheet.visibility"],
};

export interface FakeExcelOptions {
  /** Whether the host has ExcelApi 1.20 (RunOptions.mergeUndoGroup). */
  supportsUndoGrouping?: boolean;
  payloadLimitBytes?: number;
  /** Operations ("Class.member") that throw UndoNotSupported inside a mergeUndoGroup run. */
  undoUnsupported?: readonly string[];
  /** Takes undoUnsupported from the docs' table for that platform (when undoUnsupported is not given). */
  platform?: "web" | "windows";
  /**
   * The user's AutoCorrect option "Fill formulas in tables to create calculated columns" (on by
   * default in Excel). On: a table that grows by Table.resize gets its calculated columns'
   * formulas in the new rows. Off: new rows get nothing (office-js issues 2093, 5909, 6745).
   */
  fillFormulasInTables?: boolean;
}

export interface InjectedFailure {
  /** The sync number (as counted by the host) that fails. */
  sync: number;
  /** How many operations of that batch are applied before it fails; default none (the request is lost). */
  afterOperations?: number;
  /** Fail at the first operation of that name ("Class.member") in that batch instead. */
  operation?: string;
}

interface RunOptionsLike {
  mergeUndoGroup?: boolean;
  delayForCellEdit?: boolean;
}

type QueueItem =
  | { kind: "op"; record: RecordedOperation; apply: () => void }
  | { kind: "load"; target: AnyProxy; paths: string[] }
  | { kind: "resolve"; target: AnyProxy };

const notLoaded = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

function byteLength(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), "utf8");
}

/** The cells of a sheet that may lie in a range: the range's own when it is smaller than the sheet's map. */
function* cellsIn(t: { sheet: FakeSheet; rect: Rect }): Iterable<[number, FakeCell]> {
  if (t.rect.rows * t.rect.cols >= t.sheet.cells.size) {
    yield* t.sheet.cells;
    return;
  }
  for (let r = t.rect.row; r < t.rect.row + t.rect.rows; r++) {
    for (let c = t.rect.col; c < t.rect.col + t.rect.cols; c++) {
      const key = cellKey(r, c);
      const cell = t.sheet.cells.get(key);
      if (cell) yield [key, cell];
    }
  }
}

function is2D(value: unknown): value is unknown[][] {
  return Array.isArray(value) && value.every((row) => Array.isArray(row));
}

/** The host: one workbook, many Excel.run calls; what tests inspect afterwards. */
export class FakeExcel {
  readonly workbook: FakeWorkbook;
  readonly operations: RecordedOperation[] = [];
  readonly syncRecords: SyncRecord[] = [];
  readonly runs: RunOptionsLike[] = [];
  supportsUndoGrouping: boolean;
  payloadLimitBytes: number;
  failure?: InjectedFailure;
  /**
   * Called before each operation is applied, with its sync and its index in that batch: a test can
   * copy the workbook there, which is the workbook Excel leaves when it stops at that call.
   */
  beforeOperation?: (sync: number, index: number, name: string) => void;
  undoUnsupported: Set<string>;
  fillFormulasInTables: boolean;
  private readonly undoStack: FakeWorkbook[] = [];

  constructor(workbook = new FakeWorkbook(), options: FakeExcelOptions = {}) {
    this.workbook = workbook;
    this.supportsUndoGrouping = options.supportsUndoGrouping ?? true;
    this.payloadLimitBytes = options.payloadLimitBytes ?? WEB_PAYLOAD_LIMIT_BYTES;
    this.undoUnsupported = new Set(options.undoUnsupported ?? (options.platform ? UNDO_UNSUPPORTED[options.platform] : []));
    this.fillFormulasInTables = options.fillFormulasInTables ?? true;
  }

  get syncs(): number {
    return this.syncRecords.length;
  }

  count(name: string): number {
    return this.operations.filter((op) => op.name === name).length;
  }

  /** Undo steps recorded so far (what Ctrl+Z would walk back through). */
  get undoSteps(): number {
    return this.undoStack.length;
  }

  undo(): void {
    const before = this.undoStack.pop();
    if (!before) throw new Error("Nothing to undo");
    this.workbook.restore(before);
  }

  /** Forgets counts, keeps the workbook: lets a test measure one phase. */
  resetCounters(): void {
    this.operations.length = 0;
    this.syncRecords.length = 0;
    this.runs.length = 0;
    this.undoStack.length = 0;
  }

  /** Same shape as Excel.run(options, batch). */
  run = async <T>(options: RunOptionsLike | FakeContext, batch: (context: FakeContext) => Promise<T>): Promise<T> => {
    // Excel.run(context, batch) goes on with an earlier run's context (how event handlers are removed).
    if (options instanceof FakeContext) return FakeExcel.within(options, batch);
    this.runs.push({ ...options });
    const merge = Boolean(options.mergeUndoGroup) && this.supportsUndoGrouping;
    return FakeExcel.within(new FakeContext(this, merge), batch);
  };

  /** Runs a batch with its context open; once the run's promise settles, its proxies are released. */
  private static async within<T>(context: FakeContext, batch: (context: FakeContext) => Promise<T>): Promise<T> {
    context.ended = false;
    try {
      return await batch(context);
    } finally {
      context.ended = true;
    }
  }

  /** The sheet shown in the UI and the selected range (UI state: no undo step, not in the model). */
  activeSheet?: string;
  selection?: { sheet: string; address: string };
  /** WorksheetCollection.onChanged handlers registered by a sync and not yet removed. */
  readonly changedHandlers: FakeEventRegistration[] = [];

  /**
   * Excel reports a cell change: every registered WorksheetCollection.onChanged handler gets
   * WorksheetChangedEventArgs. Resolves when the handlers' own promises have.
   */
  async raiseWorksheetChanged(change: { sheet: string; address: string; source: "Local" | "Remote"; changeType?: string }): Promise<void> {
    const sheet = this.workbook.requireSheet(change.sheet);
    const args = {
      type: "WorksheetChanged",
      address: change.address,
      changeType: change.changeType ?? "RangeEdited",
      source: change.source,
      worksheetId: sheet.id,
    };
    await Promise.all([...this.changedHandlers].map((r) => r.handler(args)));
  }

  /** Called by a context for each sync. */
  async execute(context: FakeContext, queue: QueueItem[], calculationSuspended: boolean): Promise<void> {
    const sync = this.syncs + 1;
    const ops = queue.filter((q) => q.kind === "op") as Extract<QueueItem, { kind: "op" }>[];
    const requestBytes = queue.reduce((sum, q) => sum + (q.kind === "op" ? q.record.bytes : 40), 0);
    const record: SyncRecord = {
      sync,
      operations: ops.length,
      loads: queue.length - ops.length,
      requestBytes,
      responseBytes: 0,
      calculationSuspended,
    };
    this.syncRecords.push(record);
    if (requestBytes > this.payloadLimitBytes) {
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes} bytes) has exceeded the limit.`);
    }
    if (ops.some((op) => !UI_ONLY.has(op.record.name)) && (!context.mergeUndo || !context.undoOpened)) {
      this.undoStack.push(this.workbook.clone());
      context.undoOpened = true;
    }
    let failAfter = Infinity;
    if (this.failure?.sync === sync) {
      const named = this.failure.operation;
      failAfter = named !== undefined ? ops.findIndex((op) => op.record.name === named) : (this.failure.afterOperations ?? 0);
      if (failAfter < 0) failAfter = Infinity;
    }
    let applied = 0;
    const injected = (location: string) =>
      new FakeOfficeError("GeneralException", "An internal error has occurred (injected by the test).", {
        code: "GeneralException",
        message: "injected",
        errorLocation: location,
      });
    for (const item of queue) {
      if (item.kind === "op") {
        if (applied >= failAfter) throw injected(item.record.name.replace(/^(\w+)\.freezePanes\./, "$1."));
        this.beforeOperation?.(sync, applied, item.record.name);
        if (context.mergeUndo && this.undoUnsupported.has(item.record.name)) {
          throw new FakeOfficeError("UndoNotSupported", `${item.record.name} can't be part of an undo group.`, {
            code: "UndoNotSupported",
            message: "undo",
            errorLocation: item.record.name,
          });
        }
        // Outside a group, such a call clears the user's undo stack from where it is made (the docs' tip):
        // nothing before it can be undone, this batch's own step aside.
        if (this.undoUnsupported.has(item.record.name)) this.undoStack.splice(0, this.undoStack.length - 1);
        try {
          item.apply();
        } catch (error) {
          if (error instanceof FakeOfficeError) {
            throw new FakeOfficeError(error.code, error.message, { code: error.code, message: error.message, errorLocation: item.record.name });
          }
          throw error;
        }
        applied++;
      } else if (item.kind === "load") {
        record.responseBytes += item.target.executeLoad(item.paths);
      } else {
        item.target.tryResolve();
      }
    }
    // A failing read-only batch, or one whose every operation ran: the response is lost.
    if (this.failure?.sync === sync && this.failure.operation === undefined) throw injected("context.sync");
    if (record.responseBytes > this.payloadLimitBytes) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${record.responseBytes} bytes) has exceeded the limit.`,
      );
    }
  }
}

export class FakeContext {
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  undoOpened = false;
  /**
   * The Excel.run that made this context has ended: its proxies were released, so queueing a call
   * or a load on one fails with InvalidObjectPath (@types/office-js Excel.run, TrackedObjects.add).
   * Loaded values stay readable. The fake refuses at the call; Excel, at the next sync.
   */
  ended = false;
  private queue: QueueItem[] = [];
  private calculationSuspended = false;

  constructor(
    readonly host: FakeExcel,
    readonly mergeUndo: boolean,
  ) {
    this.workbook = new WorkbookProxy(this);
    this.application = this.workbook.application;
  }

  get model(): FakeWorkbook {
    return this.host.workbook;
  }

  enqueue(item: QueueItem): void {
    if (this.ended) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        `The object path '${item.kind === "op" ? item.record.name : "load"}' isn't working for what you're trying to do: its Excel.run has ended (use context.trackedObjects, or Excel.run(context, ...)).`,
      );
    }
    if (item.kind === "op") this.host.operations.push(item.record);
    this.queue.push(item);
  }

  op(name: string, target: string, args: unknown, apply: () => void): void {
    this.enqueue({ kind: "op", record: { sync: this.host.syncs + 1, name, target, bytes: byteLength(args) + 60 }, apply });
  }

  suspendCalculation(): void {
    this.calculationSuspended = true;
  }

  async sync(): Promise<void> {
    if (this.ended) throw new FakeOfficeError("InvalidObjectPath", "context.sync() on a context whose Excel.run has ended.");
    const queue = this.queue;
    const suspended = this.calculationSuspended;
    this.queue = [];
    this.calculationSuspended = false;
    await this.host.execute(this, queue, suspended);
  }

  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
}

type Getter<T> = (target: T) => unknown;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProxy = FakeObject<any>;

/**
 * A proxy passed into a call must belong to the caller's request context: Office.js validates it
 * and throws InvalidRequestContext (OfficeExtension.ErrorCodes; the message is our wording).
 */
function sameContext<V>(ctx: FakeContext, value: V): V {
  if (value instanceof FakeObject && value.context !== ctx) {
    throw new FakeOfficeError("InvalidRequestContext", "Cannot use the object across different request contexts (it comes from another Excel.run).");
  }
  return value;
}

/** A proxy: resolves its model object lazily, when the queue runs. */
export abstract class FakeObject<T> {
  private resolved?: T | null;
  private hasResolved = false;
  private readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, AnyProxy>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    protected readonly describe: string,
    orNull = false,
  ) {
    if (orNull) ctx.enqueue({ kind: "resolve", target: this as AnyProxy });
  }

  /** The request context the proxy belongs to (ClientObject.context). */
  get context(): FakeContext {
    return this.ctx;
  }

  /** Scalar properties that load() can fetch. */
  protected abstract scalars(): Record<string, Getter<T>>;

  /** Navigation properties (child objects) that load paths may go through. */
  protected navigation(): Record<string, () => AnyProxy> {
    return {};
  }

  protected child<C extends AnyProxy>(name: string, make: () => C): C {
    let c = this.children.get(name);
    if (!c) {
      c = make();
      this.children.set(name, c);
    }
    return c as C;
  }

  tryResolve(): T | null {
    if (!this.hasResolved) {
      this.resolved = this.resolver();
      this.hasResolved = true;
    }
    return this.resolved ?? null;
  }

  /** The model object, when an operation runs; a missing one fails the sync. */
  target(): T {
    const t = this.tryResolve();
    if (t === null) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${this.describe}.`);
    return t;
  }

  get isNullObject(): boolean {
    if (!this.hasResolved) throw notLoaded("isNullObject");
    return this.resolved === null;
  }

  load(spec?: string | string[] | { select?: string }): this {
    const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : (spec?.select ?? "");
    const paths = text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue({ kind: "load", target: this as AnyProxy, paths });
    return this;
  }

  /** Runs a load at sync time; returns the response size. */
  executeLoad(paths: string[]): number {
    const t = this.tryResolve();
    if (t === null) return 0;
    // Built once per load: a collection's load runs this for every item.
    const scalars = this.scalars();
    const navigation = this.navigation();
    const own = paths.length === 0 ? Object.keys(scalars) : [];
    const deeper = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split("/");
      if (head in scalars && rest.length === 0) own.push(head);
      else if (head in navigation) deeper.set(head, [...(deeper.get(head) ?? []), ...(rest.length ? [rest.join("/")] : [])]);
      else throw new FakeOfficeError("InvalidArgument", `Cannot load '${path}' on ${this.constructor.name}.`);
    }
    let bytes = 0;
    for (const prop of own) {
      const value = scalars[prop](t);
      this.loaded.set(prop, value);
      bytes += byteLength(value) + prop.length;
    }
    for (const [name, sub] of deeper) bytes += navigation[name]().executeLoad(sub);
    return bytes;
  }

  protected read<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected queueOp(member: string, args: unknown, apply: (target: T) => void): void {
    this.ctx.op(`${this.constructor.name.replace(/Proxy$/, "")}.${member}`, this.describe, args, () => apply(this.target()));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** Defines Office.js-like accessors: reading needs load+sync, writing queues an operation. */
export function accessors<T>(proxy: FakeObject<T>, props: Record<string, { set?: (target: T, value: unknown) => void }>): void {
  const self = proxy as unknown as { accessorProps?: typeof props };
  self.accessorProps = props;
  // Defined once per class, on its prototype: a property defined on each proxy made them slow objects.
  const proto = Object.getPrototypeOf(proxy) as object;
  if (ACCESSORS_DEFINED.has(proto)) return;
  ACCESSORS_DEFINED.add(proto);
  for (const prop of Object.keys(props)) {
    Object.defineProperty(proto, prop, {
      get(this: { read: (p: string) => unknown }) {
        return this.read(prop);
      },
      set(this: { accessorProps: typeof props; queueOp: (m: string, a: unknown, f: (t: T) => void) => void }, value: unknown) {
        const set = this.accessorProps[prop]?.set;
        if (!set) throw new FakeOfficeError("InvalidArgument", `The property '${prop}' is read-only.`);
        this.queueOp(prop, value, (t) => set(t, value));
      },
      enumerable: true,
      configurable: true,
    });
  }
}
const ACCESSORS_DEFINED = new WeakSet<object>();

export abstract class FakeCollection<T, I, P extends AnyProxy> extends FakeObject<T> {
  private itemProxies?: P[];

  protected abstract list(target: T): I[];
  protected abstract itemProxy(item: I): P;

  get items(): P[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  protected scalars(): Record<string, Getter<T>> {
    return { count: (t) => this.list(t).length };
  }

  override executeLoad(paths: string[]): number {
    const t = this.tryResolve();
    if (t === null) return 0;
    const own = paths.filter((p) => p === "count");
    const itemPaths = paths
      .filter((p) => p !== "count")
      .map((p) => p.replace(/^items\/?/, ""))
      .filter(Boolean);
    let bytes = own.length ? super.executeLoad(own) : 0;
    if (own.length === 0 || itemPaths.length > 0 || paths.includes("items")) {
      this.itemProxies = this.list(t).map((item) => this.itemProxy(item));
      for (const p of this.itemProxies) bytes += p.executeLoad(itemPaths);
    }
    return bytes;
  }
}

/**
 * Named sheet views and table filters are modelled in ./fakeSheetViews.ts, which fills these in
 * when imported (test/support/fakeExcelFixtures.ts does); kept apart so this file stays the core.
 */
export const fakeExtensions: {
  namedSheetViews?: (ctx: FakeContext, sheet: WorksheetProxy) => AnyProxy;
  columnFilter?: (ctx: FakeContext, table: TableProxy, column: TableColumnProxy) => AnyProxy;
  /** Worksheet.charts, in ./fakeCharts.ts. */
  charts?: (ctx: FakeContext, sheet: WorksheetProxy) => AnyProxy;
} = {};

function extension<K extends keyof typeof fakeExtensions>(key: K): NonNullable<(typeof fakeExtensions)[K]> {
  const make = fakeExtensions[key];
  if (!make) throw new Error(`The fake models ${key} in test/support/${key === "charts" ? "fakeCharts" : "fakeSheetViews"}.ts: import it.`);
  return make;
}

// ---------------------------------------------------------------- workbook, application

export class WorkbookProxy extends FakeObject<FakeWorkbook> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model, "workbook");
  }
  protected scalars(): Record<string, Getter<FakeWorkbook>> {
    return {};
  }
  get worksheets(): WorksheetCollectionProxy {
    return this.child("worksheets", () => new WorksheetCollectionProxy(this.ctx));
  }
  get tables(): TableCollectionProxy {
    return this.child("tables", () => new TableCollectionProxy(this.ctx, undefined));
  }
  get names(): NamedItemCollectionProxy {
    return this.child("names", () => new NamedItemCollectionProxy(this.ctx));
  }
  /** Threaded comments: modelled in fakeComments.ts. */
  get comments(): CommentCollectionProxy {
    return commentCollection(this.ctx);
  }
  get application(): ApplicationProxy {
    return this.child("application", () => new ApplicationProxy(this.ctx));
  }
  protected override navigation() {
    return { worksheets: () => this.worksheets, tables: () => this.tables, names: () => this.names };
  }
}

export class ApplicationProxy extends FakeObject<FakeWorkbook> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model, "application");
  }
  protected scalars(): Record<string, Getter<FakeWorkbook>> {
    return { calculationMode: () => "Automatic" };
  }
  calculate(type: string): void {
    this.queueOp("calculate", type, () => undefined);
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queueOp("suspendApiCalculationUntilNextSync", null, () => undefined);
    this.ctx.suspendCalculation();
  }
}

// ---------------------------------------------------------------- worksheets

export class WorksheetCollectionProxy extends FakeCollection<FakeWorkbook, FakeSheet, WorksheetProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model, "worksheets");
  }
  protected list(t: FakeWorkbook): FakeSheet[] {
    return t.sheets;
  }
  protected itemProxy(sheet: FakeSheet): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => sheet, sheet.name);
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.requireSheet(name), `worksheet "${name}"`);
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => this.ctx.model.sheet(name) ?? null, `worksheet "${name}"`, true);
  }
  /** ExcelApi 1.9: cell changes on any sheet (see the header's table). */
  get onChanged(): { add: (handler: FakeEventHandler) => FakeEventRegistration } {
    return { add: (handler) => new FakeEventRegistration(this.ctx, handler) };
  }
  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.queueOp("add", name, (wb) => {
      created = wb.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => created ?? null, `new worksheet "${name}"`);
  }
}

export class WorksheetProxy extends FakeObject<FakeSheet> {
  declare name: string;
  declare visibility: string;
  declare tabColor: string;
  constructor(ctx: FakeContext, resolve: () => FakeSheet | null, describe: string, orNull = false) {
    super(ctx, resolve, describe, orNull);
    accessors<FakeSheet>(this, {
      name: {
        set: (sheet, value) => {
          this.ctx.model.checkSheetName(String(value), sheet);
          sheet.name = String(value);
        },
      },
      visibility: {
        set: (sheet, value) => {
          if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden")
            throw new FakeOfficeError("InvalidArgument", `Worksheet.visibility ${String(value)} is not Visible, Hidden or VeryHidden.`);
          // A workbook keeps at least one visible sheet.
          if (value !== "Visible" && !this.ctx.model.sheets.some((other) => other !== sheet && other.visibility === "Visible"))
            throw new FakeOfficeError("InvalidOperation", `"${sheet.name}" is the last visible sheet: a workbook must keep one visible.`);
          sheet.visibility = value;
        },
      },
      tabColor: {
        set: (sheet, value) => {
          // An empty string is the "auto" colour (@types/office-js Worksheet.tabColor).
          if (value !== "" && !isExcelColor(value))
            throw new FakeOfficeError("InvalidArgument", `tabColor ${String(value)} is neither #RRGGBB nor a named HTML colour.`);
          sheet.tabColor = String(value);
        },
      },
      id: {},
      // Worksheet.position (ExcelApi 1.1): the sheet moves to that place in the tab order.
      position: {
        set: (sheet, value) => {
          const sheets = this.ctx.model.sheets;
          sheets.splice(sheets.indexOf(sheet), 1);
          sheets.splice(Math.max(0, Math.min(Number(value), sheets.length)), 0, sheet);
        },
      },
    });
  }
  protected scalars(): Record<string, Getter<FakeSheet>> {
    return {
      name: (s) => s.name,
      visibility: (s) => s.visibility,
      tabColor: (s) => s.tabColor ?? "",
      id: (s) => s.id,
      position: (s) => this.ctx.model.sheets.indexOf(s),
    };
  }
  get tables(): TableCollectionProxy {
    return this.child("tables", () => new TableCollectionProxy(this.ctx, this));
  }
  get pageLayout(): PageLayoutProxy {
    return this.child("pageLayout", () => new PageLayoutProxy(this.ctx, this));
  }
  get freezePanes(): { freezeRows: (count: number) => void } {
    return {
      freezeRows: (count: number) => this.queueOp("freezePanes.freezeRows", count, (sheet) => (sheet.frozenRows = count)),
    };
  }
  protected override navigation() {
    return { tables: () => this.tables };
  }
  /** ExcelApiOnline 1.1 (./fakeSheetViews.ts). */
  get namedSheetViews(): AnyProxy {
    return this.child("namedSheetViews", () => extension("namedSheetViews")(this.ctx, this));
  }
  /** Charts (./fakeCharts.ts). */
  get charts(): AnyProxy {
    return this.child("charts", () => extension("charts")(this.ctx, this));
  }
  /** Shows the sheet in the UI (see the header's table). */
  activate(): void {
    this.queueOp("activate", null, (sheet) => {
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", `The fake does not activate the hidden sheet "${sheet.name}" (undocumented in Excel).`);
      this.ctx.host.activeSheet = sheet.name;
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.target();
        return { sheet, rect: address ? parseAddress(address) : { row: 0, col: 0, rows: 1048576, cols: 16384 } };
      },
      `${this.describe}!${address ?? ""}`,
    );
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        if (rows < 1 || cols < 1)
          throw new FakeOfficeError(
            "InvalidArgument",
            `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols}): a range has at least one row and one column.`,
          );
        return { sheet: this.target(), rect: { row, col, rows, cols } };
      },
      `${this.describe}!R${row + 1}C${col + 1}`,
    );
  }
  getCell(row: number, col: number): RangeProxy {
    return this.getRangeByIndexes(row, col, 1, 1);
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const sheet = this.target();
        let r1 = Infinity,
          c1 = Infinity,
          r2 = -1,
          c2 = -1;
        for (const [key, cell] of sheet.cells) {
          if (valuesOnly && cell.value === "" && !cell.formula) continue;
          const r = Math.floor(key / 16384),
            c = key % 16384;
          r1 = Math.min(r1, r);
          c1 = Math.min(c1, c);
          r2 = Math.max(r2, r);
          c2 = Math.max(c2, c);
        }
        return r2 < 0 ? null : { sheet, rect: { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 } };
      },
      `${this.describe} used range`,
      true,
    );
  }
}

// ---------------------------------------------------------------- page layout

/**
 * Worksheet.pageLayout (ExcelApi 1.9, @types/office-js): orientation, zoom (fit to pages or a
 * 10-400 scale), setPrintTitleRows (whole rows, "$1:$1"), and the centre footer of
 * headersFooters.defaultForAllPages. Kept on the sheet for tests; nothing is printed.
 */
export class PageLayoutProxy extends FakeObject<FakeSheet> {
  declare orientation: string;
  declare zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  constructor(ctx: FakeContext, sheet: WorksheetProxy) {
    super(ctx, () => sheet.target(), `page layout of ${sheet["describe"]}`);
    accessors<FakeSheet>(this, {
      orientation: {
        set: (t, value) => {
          if (value !== "Portrait" && value !== "Landscape")
            throw new FakeOfficeError("InvalidArgument", `orientation must be Portrait or Landscape, got ${String(value)}.`);
          (t.pageLayout ??= {}).orientation = value;
        },
      },
      zoom: {
        set: (t, value) => {
          const zoom = value as FakePageLayout["zoom"];
          if (zoom?.scale !== undefined && (zoom.scale < 10 || zoom.scale > 400))
            throw new FakeOfficeError("InvalidArgument", "A print scale is between 10 and 400.");
          (t.pageLayout ??= {}).zoom = { ...zoom };
        },
      },
    });
  }
  protected scalars(): Record<string, Getter<FakeSheet>> {
    return { orientation: (t) => t.pageLayout?.orientation ?? "Portrait", zoom: (t) => t.pageLayout?.zoom ?? { scale: 100 } };
  }
  setPrintTitleRows(rows: string): void {
    this.queueOp("setPrintTitleRows", rows, (t) => {
      // "The range must span the entire row to be valid."
      if (!/^\$?\d+:\$?\d+$/.test(rows))
        throw new FakeOfficeError("InvalidArgument", `Print title rows must be whole rows, e.g. $1:$1, not ${rows}.`);
      (t.pageLayout ??= {}).printTitleRows = rows;
    });
  }
  get headersFooters(): { defaultForAllPages: { centerFooter: string } } {
    const setFooter = (text: string) =>
      this.queueOp("headersFooters.defaultForAllPages.centerFooter", text, (t) => ((t.pageLayout ??= {}).centerFooter = text));
    return {
      defaultForAllPages: {
        set centerFooter(text: string) {
          setFooter(text);
        },
        get centerFooter(): string {
          throw notLoaded("centerFooter");
        },
      },
    };
  }
}

// ---------------------------------------------------------------- tables

function rangeTarget(ctx: FakeContext, where: string | RangeProxy, scope: WorksheetProxy | undefined): { sheet: FakeSheet; rect: Rect } {
  if (typeof where !== "string") return where.target();
  const { sheet, local } = splitSheetAddress(where);
  if (sheet) return { sheet: ctx.model.requireSheet(sheet), rect: parseAddress(local) };
  if (!scope) throw new FakeOfficeError("InvalidArgument", `The address "${where}" needs a sheet name.`);
  return { sheet: scope.target(), rect: parseAddress(local) };
}

export class TableCollectionProxy extends FakeCollection<FakeWorkbook, FakeTable, TableProxy> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: WorksheetProxy | undefined,
  ) {
    super(ctx, () => ctx.model, sheet ? "worksheet tables" : "tables");
  }
  protected list(t: FakeWorkbook): FakeTable[] {
    const sheet = this.sheet?.target();
    return t.tables.filter((table) => !sheet || table.sheet === sheet);
  }
  protected itemProxy(table: FakeTable): TableProxy {
    return new TableProxy(this.ctx, () => table, `table ${table.name}`);
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    let created: FakeTable | undefined;
    sameContext(this.ctx, address);
    this.queueOp("add", { address: typeof address === "string" ? address : "(range)", hasHeaders }, () => {
      if (!hasHeaders) throw new FakeOfficeError("NotImplemented", "The fake only creates tables with headers.");
      const { sheet, rect } = rangeTarget(this.ctx, address, this.sheet);
      created = this.ctx.model.addTable(sheet, rect);
    });
    return new TableProxy(this.ctx, () => created ?? null, "new table");
  }
  getItem(name: string): TableProxy {
    return new TableProxy(
      this.ctx,
      () => {
        const t = this.list(this.ctx.model).find((table) => table.name.toLowerCase() === name.toLowerCase());
        if (!t) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: table "${name}".`);
        return t;
      },
      `table ${name}`,
    );
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.ctx,
      () => this.list(this.ctx.model).find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
      `table ${name}`,
      true,
    );
  }
}

export class TableProxy extends FakeObject<FakeTable> {
  declare name: string;
  declare style: string;
  constructor(ctx: FakeContext, resolve: () => FakeTable | null, describe: string, orNull = false) {
    super(ctx, resolve, describe, orNull);
    accessors<FakeTable>(this, {
      name: {
        set: (table, value) => {
          this.ctx.model.checkTableName(String(value), table);
          table.name = String(value);
        },
      },
      id: {},
      showHeaders: {},
      showTotals: {},
      style: {
        set: (table, value) => {
          if (!isTableStyle(value))
            throw new FakeOfficeError("InvalidArgument", `Table style ${String(value)} is not one of Excel's built-in styles.`);
          table.style = String(value);
        },
      },
    });
  }
  protected scalars(): Record<string, Getter<FakeTable>> {
    return {
      name: (t) => t.name,
      id: (t) => t.id,
      showHeaders: (t) => t.showHeaders !== false,
      showTotals: (t) => t.showTotals === true,
      style: (t) => t.style ?? "TableStyleMedium2",
    };
  }
  get columns(): TableColumnCollectionProxy {
    return this.child("columns", () => new TableColumnCollectionProxy(this.ctx, this));
  }
  get rows(): TableRowCollectionProxy {
    return this.child("rows", () => new TableRowCollectionProxy(this.ctx, this));
  }
  get worksheet(): WorksheetProxy {
    return this.child("worksheet", () => new WorksheetProxy(this.ctx, () => this.target().sheet, `sheet of ${this.describe}`));
  }
  protected override navigation() {
    return { columns: () => this.columns, rows: () => this.rows, worksheet: () => this.worksheet };
  }
  private part(describe: string, pick: (t: FakeTable) => Rect): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.target();
        return { sheet: t.sheet, rect: pick(t) };
      },
      `${this.describe} ${describe}`,
    );
  }
  getRange(): RangeProxy {
    return this.part("range", (t) => ({ ...t.rect }));
  }
  getHeaderRowRange(): RangeProxy {
    return this.part("header row", (t) => {
      if (t.showHeaders === false) throw new FakeOfficeError("ItemNotFound", `Table ${t.name} hides its header row.`);
      return { ...t.rect, rows: 1 };
    });
  }
  getDataBodyRange(): RangeProxy {
    return this.part("data body", (t) => {
      const header = t.showHeaders === false ? 0 : 1;
      return { ...t.rect, row: t.rect.row + header, rows: t.rect.rows - header - (t.showTotals ? 1 : 0) };
    });
  }
  /** ExcelApi 1.13: the header row stays where it is; the new range must overlap the old. */
  resize(where: string | RangeProxy): void {
    sameContext(this.ctx, where);
    this.queueOp("resize", typeof where === "string" ? where : "(range)", (table) => {
      const { sheet, rect } =
        typeof where === "string" && !where.includes("!")
          ? { sheet: table.sheet, rect: parseAddress(where) }
          : rangeTarget(this.ctx, where, undefined);
      if (sheet !== table.sheet || rect.row !== table.rect.row || !intersects(rect, table.rect) || rect.rows < 2) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `Table ${table.name} can't be resized to ${rectAddress(rect)}: the header row must stay in place.`,
        );
      }
      for (const other of this.ctx.model.tables) {
        if (other !== table && other.sheet === sheet && intersects(other.rect, rect)) {
          throw new FakeOfficeError("InvalidArgument", `Table ${table.name} can't overlap table ${other.name}.`);
        }
      }
      const grown = rect.rows - table.rect.rows;
      const calculated = this.ctx.host.fillFormulasInTables && grown > 0 ? this.ctx.model.calculatedColumns(table) : new Map<number, string>();
      const oldLast = table.rect.row + table.rect.rows;
      table.rect = { ...rect };
      this.ctx.model.normalizeHeaders(table);
      for (const [c, formula] of calculated) {
        for (let r = oldLast; r < table.rect.row + table.rect.rows; r++) {
          const cell = this.ctx.model.cell(table.sheet, r, table.rect.col + c);
          cell.formula = formula;
          cell.value = "";
        }
      }
    });
  }
}

export class TableColumnCollectionProxy extends FakeCollection<FakeTable, number, TableColumnProxy> {
  constructor(
    ctx: FakeContext,
    private readonly table: TableProxy,
  ) {
    super(ctx, () => table.target(), `columns of ${table["describe"]}`);
  }
  protected list(t: FakeTable): number[] {
    return Array.from({ length: t.rect.cols }, (_, i) => i);
  }
  protected itemProxy(index: number): TableColumnProxy {
    return new TableColumnProxy(this.ctx, this.table, () => index, `column ${index}`);
  }
  getItemAt(index: number): TableColumnProxy {
    return new TableColumnProxy(
      this.ctx,
      this.table,
      () => {
        if (index < 0 || index >= this.table.target().rect.cols) throw new FakeOfficeError("ItemNotFound", `No column at ${index}.`);
        return index;
      },
      `column ${index}`,
    );
  }
  getItemOrNullObject(name: string): TableColumnProxy {
    return new TableColumnProxy(
      this.ctx,
      this.table,
      () => {
        const i = this.ctx.model.headers(this.table.target()).findIndex((h) => h.toLowerCase() === name.toLowerCase());
        return i < 0 ? null : i;
      },
      `column "${name}"`,
      true,
    );
  }
  getItem(name: string): TableColumnProxy {
    return new TableColumnProxy(
      this.ctx,
      this.table,
      () => {
        const i = this.ctx.model.headers(this.table.target()).findIndex((h) => h.toLowerCase() === name.toLowerCase());
        if (i < 0) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: column "${name}".`);
        return i;
      },
      `column "${name}"`,
    );
  }
  /** Office.js: index null/undefined = at the end; values (header + every row) must match the table's height. */
  add(index?: number | null, values?: (CellValue | null)[][] | null, name?: string): TableColumnProxy {
    let at = -1;
    this.queueOp("add", { index, values, name }, (table) => {
      at = index === null || index === undefined || index < 0 ? table.rect.cols : index;
      if (at > table.rect.cols) throw new FakeOfficeError("InvalidArgument", `Column index ${at} is past the end of ${table.name}.`);
      if (values && (values.length !== table.rect.rows || values.some((row) => row.length !== 1))) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
        );
      }
      const sheet = table.sheet;
      // Cells are inserted across the table's rows: a table beside it on those rows would move or split.
      const rows = { row: table.rect.row, col: table.rect.col + at, rows: table.rect.rows, cols: MAX_COLUMNS - table.rect.col - at };
      const beside = this.ctx.model.tables.find((other) => other !== table && other.sheet === sheet && intersects(other.rect, rows));
      if (beside) throw new FakeOfficeError("InsertDeleteConflict", `The insert operation would move table ${beside.name}.`);
      this.ctx.model.shiftRight(sheet, table.rect.col + at, table.rect.row, table.rect.rows);
      table.rect.cols += 1;
      const col = table.rect.col + at;
      values?.forEach((row, r) => typeIntoCell(this.ctx.model.cell(sheet, table.rect.row + r, col), row[0]));
      const header = this.ctx.model.cell(sheet, table.rect.row, col);
      if (name !== undefined && name !== null) {
        delete header.formula;
        header.value = name;
      } else if (!values) header.value = "";
      this.ctx.model.normalizeHeaders(table);
    });
    return new TableColumnProxy(this.ctx, this.table, () => (at < 0 ? null : at), "new column");
  }
}

export class TableColumnProxy extends FakeObject<number> {
  declare name: string;
  constructor(
    ctx: FakeContext,
    private readonly table: TableProxy,
    resolve: () => number | null,
    describe: string,
    orNull = false,
  ) {
    super(ctx, resolve, `${table["describe"]} ${describe}`, orNull);
    accessors<number>(this, {
      name: {
        set: (index, value) => {
          const t = this.table.target();
          const cell = this.ctx.model.cell(t.sheet, t.rect.row, t.rect.col + index);
          cell.value = String(value);
          this.ctx.model.normalizeHeaders(t);
        },
      },
      index: {},
      id: {},
    });
  }
  protected scalars(): Record<string, Getter<number>> {
    return {
      name: (i) => this.ctx.model.headers(this.table.target())[i],
      index: (i) => i,
      id: (i) => String(i + 1),
    };
  }
  private part(describe: string, pick: (t: FakeTable, i: number) => Rect): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.table.target();
        return { sheet: t.sheet, rect: pick(t, this.target()) };
      },
      `${this.describe} ${describe}`,
    );
  }
  getDataBodyRange(): RangeProxy {
    return this.part("data body", (t, i) => ({ row: t.rect.row + 1, col: t.rect.col + i, rows: t.rect.rows - 1, cols: 1 }));
  }
  getHeaderRowRange(): RangeProxy {
    return this.part("header", (t, i) => ({ row: t.rect.row, col: t.rect.col + i, rows: 1, cols: 1 }));
  }
  getRange(): RangeProxy {
    return this.part("range", (t, i) => ({ row: t.rect.row, col: t.rect.col + i, rows: t.rect.rows, cols: 1 }));
  }
  /** ExcelApi 1.2 (./fakeSheetViews.ts). */
  get filter(): AnyProxy {
    return this.child("filter", () => extension("columnFilter")(this.ctx, this.table, this));
  }
}

/**
 * TableRowCollection.add (ExcelApi 1.1): rows inserted into the table at `index` (the end when
 * null, -1 or past it), shifting the cells below down within the table's columns, never over
 * them; each row of `values` has one value per column. The product does not call it (rows.add
 * conflicts under co-authoring); the fake keeps it honest for tests that do.
 */
export class TableRowCollectionProxy extends FakeObject<FakeTable> {
  constructor(ctx: FakeContext, table: TableProxy) {
    super(ctx, () => table.target(), `rows of ${table["describe"]}`);
  }
  protected scalars(): Record<string, Getter<FakeTable>> {
    return { count: (t) => t.rect.rows - 1 - (t.showTotals ? 1 : 0) };
  }
  add(index?: number | null, values?: (CellValue | null)[][], alwaysInsert = true): void {
    this.queueOp("add", values, (t) => {
      if (!alwaysInsert) throw new FakeOfficeError("NotImplemented", "The fake models rows.add with alwaysInsert only.");
      const rows = values ?? [Array.from({ length: t.rect.cols }, () => null)];
      if (!is2D(rows) || rows.length === 0 || rows.some((row) => row.length !== t.rect.cols)) {
        throw new FakeOfficeError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (table ${t.name} has ${t.rect.cols} columns).`,
        );
      }
      const model = this.ctx.model;
      const header = t.showHeaders === false ? 0 : 1;
      const bodyRows = t.rect.rows - header - (t.showTotals ? 1 : 0);
      const at = index === null || index === undefined || index < 0 || index >= bodyRows ? bodyRows : index;
      const first = t.rect.row + header + at;
      // The new rows take the column's number format and validation from the row beside them.
      const like = at > 0 ? first - 1 : first;
      const formats = Array.from({ length: t.rect.cols }, (_, c) => model.peek(t.sheet, like, t.rect.col + c)?.numberFormat);
      const rules = Array.from({ length: t.rect.cols }, (_, c) => t.sheet.validations.get(cellKey(like, t.rect.col + c)));
      model.shiftDown(t.sheet, first, t.rect.col, t.rect.cols, rows.length, t);
      // Rules on the body that end where rows are appended grow with the table, as Excel's do.
      for (const cf of t.sheet.conditionalFormats) {
        const inColumns = cf.rect.col >= t.rect.col && cf.rect.col + cf.rect.cols <= t.rect.col + t.rect.cols;
        if (inColumns && cf.rect.row > t.rect.row && cf.rect.row + cf.rect.rows === first) cf.rect.rows += rows.length;
      }
      t.rect.rows += rows.length;
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          const cell = model.cell(t.sheet, first + r, t.rect.col + c);
          if (formats[c]) cell.numberFormat = formats[c];
          const rule = rules[c];
          if (rule) t.sheet.validations.set(cellKey(first + r, t.rect.col + c), rule);
          typeIntoCell(cell, v);
        }),
      );
    });
  }
}

// ---------------------------------------------------------------- ranges

interface RangeTarget {
  sheet: FakeSheet;
  rect: Rect;
}

function checkShape(rect: Rect, value: unknown, prop: string): (CellValue | null)[][] {
  if (!is2D(value)) {
    throw new FakeOfficeError("InvalidArgument", `Range.${prop} takes a two-dimensional array (the fake holds the writer to the documented API).`);
  }
  if (value.length !== rect.rows || value.some((row) => row.length !== rect.cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${value.length}x${value[0]?.length ?? 0} into ${rect.rows}x${rect.cols}).`,
    );
  }
  return value as (CellValue | null)[][];
}

/**
 * Types a 2-D array into a range. Every formula is checked first: Excel refuses the whole write
 * when one does not parse. Header cells of a table stay unique text ("Name2"), as Excel keeps them.
 */
function writeCells(model: FakeWorkbook, t: RangeTarget, rows: (CellValue | null)[][]): void {
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const formula = typedFormula(v, model.peek(t.sheet, t.rect.row + r, t.rect.col + c)?.numberFormat ?? "General");
      const problem = formula === undefined ? undefined : formulaProblem(formula);
      if (problem) throw new FakeOfficeError("InvalidArgument", `Excel does not accept the formula ${formula}: ${problem}.`);
    }),
  );
  rows.forEach((row, r) => row.forEach((v, c) => typeIntoCell(model.cell(t.sheet, t.rect.row + r, t.rect.col + c), v)));
  model.normalizeWrittenHeaders(t.sheet, t.rect);
}

function grid<V>(t: RangeTarget, cell: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = 0; r < t.rect.rows; r++) {
    const row: V[] = [];
    for (let c = 0; c < t.rect.cols; c++) row.push(cell(t.rect.row + r, t.rect.col + c));
    out.push(row);
  }
  return out;
}

/** Moves the relative row numbers of A1 references in a formula by `rows`, outside strings. */
function shiftRows(formula: string, rows: number): string {
  return formula.replace(
    /"[^"]*"|(?<![A-Za-z_\d.[])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\d(])/g,
    (m, col: string | undefined, dollar: string, row: string) => (col === undefined || dollar === "$" ? m : `${col}${Number(row) + rows}`),
  );
}

/** Colours are #RRGGBB or a named HTML colour (@types/office-js RangeFill.color, RangeFont.color, ConditionalFill.color…). */
function checkColor(value: unknown, what: string): void {
  if (!isExcelColor(value)) throw new FakeOfficeError("InvalidArgument", `The ${what} ${String(value)} is neither #RRGGBB nor a named HTML colour.`);
}

/** Structured references are refused by Excel in conditional-format and validation formulas. */
function refuseStructuredReference(formula: string, where: string): void {
  const problem = formula.startsWith("=") ? formulaProblem(formula) : undefined;
  if (problem) throw new FakeOfficeError("InvalidArgument", `${where}: Excel does not accept the formula ${formula}: ${problem}.`);
  if (/[A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*\[|\[@|\[#/.test(formula.replace(/"[^"]*"/g, ""))) {
    throw new FakeOfficeError("InvalidArgument", `${where}: this type of reference cannot be used in a ${where} formula (${formula}).`);
  }
}

/** Excel refuses an input title over 32 characters, an input message over 255, an error message over 225. */
function checkMessage(value: unknown, what: string, titleMax: number, messageMax: number): Record<string, unknown> {
  const v = (value ?? {}) as Record<string, unknown>;
  if (String(v.title ?? "").length > titleMax)
    throw new FakeOfficeError("InvalidArgument", `DataValidation.${what}.title is longer than ${titleMax} characters.`);
  if (String(v.message ?? "").length > messageMax)
    throw new FakeOfficeError("InvalidArgument", `DataValidation.${what}.message is longer than ${messageMax} characters.`);
  return v;
}

const VALIDATION_TYPES = ["wholeNumber", "decimal", "textLength", "date", "time", "list", "custom"];
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

function checkRule(rule: unknown): Record<string, unknown> {
  if (!rule || typeof rule !== "object") throw new FakeOfficeError("InvalidArgument", "DataValidation.rule must be an object.");
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !VALIDATION_TYPES.includes(keys[0])) {
    throw new FakeOfficeError("InvalidArgument", `DataValidation.rule must hold exactly one criterion, got ${keys.join(", ")}.`);
  }
  const body = (rule as Record<string, Record<string, unknown>>)[keys[0]];
  if (keys[0] === "list") {
    const source = body.source;
    if (typeof source !== "string" || source === "") throw new FakeOfficeError("InvalidArgument", "A list rule needs a source.");
    if (source.startsWith("=")) refuseStructuredReference(source, "data validation");
    else if (source.length > 255) throw new FakeOfficeError("InvalidArgument", "An inline list is limited to 255 characters.");
  } else if (keys[0] === "custom") {
    if (typeof body.formula !== "string") throw new FakeOfficeError("InvalidArgument", "A custom rule needs a formula.");
    refuseStructuredReference(body.formula, "data validation");
  } else {
    if (!OPERATORS.includes(String(body.operator)))
      throw new FakeOfficeError("InvalidArgument", `Unknown validation operator ${String(body.operator)}.`);
    if (body.formula1 === undefined || body.formula1 === "") throw new FakeOfficeError("InvalidArgument", "A validation rule needs formula1.");
    if ((body.operator === "Between" || body.operator === "NotBetween") && body.formula2 === undefined) {
      throw new FakeOfficeError("InvalidArgument", "A Between rule needs formula2.");
    }
    for (const f of [body.formula1, body.formula2]) if (typeof f === "string") refuseStructuredReference(f, "data validation");
  }
  return rule as Record<string, unknown>;
}

export class RangeProxy extends FakeObject<RangeTarget> {
  declare values: unknown[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare address: string;
  declare rowIndex: number;
  declare columnIndex: number;
  declare rowCount: number;
  declare columnCount: number;

  constructor(ctx: FakeContext, resolve: () => RangeTarget | null, describe: string, orNull = false) {
    super(ctx, resolve, describe, orNull);
    const model = () => this.ctx.model;
    accessors<RangeTarget>(this, {
      values: { set: (t, value) => writeCells(model(), t, checkShape(t.rect, value, "values")) },
      formulas: { set: (t, value) => writeCells(model(), t, checkShape(t.rect, value, "formulas")) },
      numberFormat: {
        set: (t, value) =>
          checkShape(t.rect, value, "numberFormat").forEach((row, r) =>
            row.forEach((v, c) => {
              if (v !== null && v !== undefined)
                model().cell(t.sheet, t.rect.row + r, t.rect.col + c).numberFormat = v === "" ? "General" : String(v);
            }),
          ),
      },
      address: {},
      rowIndex: {},
      columnIndex: {},
      rowCount: {},
      columnCount: {},
    });
  }

  protected scalars(): Record<string, Getter<RangeTarget>> {
    const peek = (t: RangeTarget) => (r: number, c: number) => this.ctx.model.peek(t.sheet, r, c);
    return {
      address: (t) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`,
      rowIndex: (t) => t.rect.row,
      columnIndex: (t) => t.rect.col,
      rowCount: (t) => t.rect.rows,
      columnCount: (t) => t.rect.cols,
      values: (t) => grid(t, (r, c) => peek(t)(r, c)?.value ?? ""),
      formulas: (t) =>
        grid(t, (r, c) => {
          const cell = this.ctx.model.peek(t.sheet, r, c);
          return cell?.formula ?? cell?.value ?? "";
        }),
      numberFormat: (t) => grid(t, (r, c) => peek(t)(r, c)?.numberFormat ?? "General"),
    };
  }

  get format(): RangeFormatProxy {
    return this.child("format", () => new RangeFormatProxy(this.ctx, this));
  }
  get dataValidation(): DataValidationProxy {
    return this.child("dataValidation", () => new DataValidationProxy(this.ctx, this));
  }
  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child("conditionalFormats", () => new ConditionalFormatCollectionProxy(this.ctx, this));
  }
  get worksheet(): WorksheetProxy {
    return this.child("worksheet", () => new WorksheetProxy(this.ctx, () => this.target().sheet, `sheet of ${this.describe}`));
  }
  protected override navigation() {
    return {
      format: () => this.format,
      dataValidation: () => this.dataValidation,
      conditionalFormats: () => this.conditionalFormats,
      worksheet: () => this.worksheet,
    };
  }

  private derive(describe: string, pick: (rect: Rect) => Rect): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.target();
        const rect = pick(t.rect);
        if (rect.rows < 1 || rect.cols < 1 || rect.row < 0 || rect.col < 0)
          throw new FakeOfficeError("InvalidArgument", `${describe} of ${this.describe} is outside the sheet.`);
        return { sheet: t.sheet, rect };
      },
      `${this.describe} ${describe}`,
    );
  }
  getCell(row: number, col: number): RangeProxy {
    return this.derive(`cell(${row},${col})`, (r) => ({ row: r.row + row, col: r.col + col, rows: 1, cols: 1 }));
  }
  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    return this.derive("resized", (r) => ({ ...r, rows: r.rows + deltaRows, cols: r.cols + deltaCols }));
  }
  getOffsetRange(rows: number, cols: number): RangeProxy {
    return this.derive("offset", (r) => ({ ...r, row: r.row + rows, col: r.col + cols }));
  }
  /** ExcelApi 1.2. */
  getColumnsAfter(count = 1): RangeProxy {
    return this.derive("columns after", (r) => ({ ...r, col: r.col + r.cols, cols: count }));
  }
  /** ExcelApi 1.4: the part of this range that holds anything (values only: formats ignored); a null object when none. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.target();
        let r1 = Infinity,
          c1 = Infinity,
          r2 = -1,
          c2 = -1;
        for (const [key, cell] of cellsIn(t)) {
          const r = Math.floor(key / MAX_COLUMNS),
            c = key % MAX_COLUMNS;
          if (r < t.rect.row || r >= t.rect.row + t.rect.rows || c < t.rect.col || c >= t.rect.col + t.rect.cols) continue;
          if (cell.value === "" && !cell.formula && (valuesOnly || cell.numberFormat === "General")) continue;
          r1 = Math.min(r1, r);
          c1 = Math.min(c1, c);
          r2 = Math.max(r2, r);
          c2 = Math.max(c2, c);
        }
        return r2 < 0 ? null : { sheet: t.sheet, rect: { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 } };
      },
      `used range of ${this.describe}`,
      true,
    );
  }
  getRowsBelow(count = 1): RangeProxy {
    return this.derive("rows below", (r) => ({ ...r, row: r.row + r.rows, rows: count }));
  }
  getColumn(index: number): RangeProxy {
    return this.derive(`column ${index}`, (r) => ({ ...r, col: r.col + index, cols: 1 }));
  }
  getRow(index: number): RangeProxy {
    return this.derive(`row ${index}`, (r) => ({ ...r, row: r.row + index, rows: 1 }));
  }
  /**
   * ExcelApi 1.9. The destination holds the source and extends it down or right; source rows
   * repeat into it like Excel's fill handle: relative A1 references move with the row, formats
   * and validation come along (FillCopy, FillDefault), or only formats / only values.
   */
  autoFill(destination: RangeProxy | string, type = "FillDefault"): void {
    sameContext(this.ctx, destination);
    this.queueOp("autoFill", { destination: typeof destination === "string" ? destination : "(range)", type }, (source) => {
      const dest = typeof destination === "string" ? { sheet: source.sheet, rect: parseAddress(destination) } : destination.target();
      const s = source.rect;
      const d = dest.rect;
      const holds = dest.sheet === source.sheet && d.row === s.row && d.col === s.col;
      const downOrRight = (d.cols === s.cols && d.rows >= s.rows) || (d.rows === s.rows && d.cols >= s.cols);
      if (!holds || !downOrRight)
        throw new FakeOfficeError("InvalidArgument", "The destination of autoFill must hold the source and extend it down or right.");
      const model = this.ctx.model;
      for (let r = 0; r < d.rows; r++) {
        for (let c = 0; c < d.cols; c++) {
          if (r < s.rows && c < s.cols) continue;
          const from = model.peek(source.sheet, s.row + (r % s.rows), s.col + (c % s.cols));
          const to = model.cell(source.sheet, d.row + r, d.col + c);
          if (type !== "FillValues") to.numberFormat = from?.numberFormat ?? "General";
          if (type !== "FillFormats") {
            if (from?.formula) {
              to.formula = shiftRows(from.formula, r - (r % s.rows));
              to.value = "";
            } else {
              delete to.formula;
              to.value = from?.value ?? "";
            }
          }
          const validation = source.sheet.validations.get(cellKey(s.row + (r % s.rows), s.col + (c % s.cols)));
          if (type !== "FillValues" && type !== "FillFormats" && validation) source.sheet.validations.set(cellKey(d.row + r, d.col + c), validation);
        }
      }
    });
  }
  getLastRow(): RangeProxy {
    return this.derive("last row", (r) => ({ ...r, row: r.row + r.rows - 1, rows: 1 }));
  }
  /** Selects the range in the UI, on the active sheet (see the header's table). */
  select(): void {
    this.queueOp("select", null, (t) => {
      if (this.ctx.host.activeSheet !== undefined && this.ctx.host.activeSheet !== t.sheet.name) {
        throw new FakeOfficeError(
          "InvalidOperation",
          `The fake selects on the active sheet only ("${this.ctx.host.activeSheet}", not "${t.sheet.name}").`,
        );
      }
      this.ctx.host.selection = { sheet: t.sheet.name, address: rectAddress(t.rect) };
    });
  }
  /**
   * ExcelApi 1.9, "Constants" (cells holding a typed value, no formula) and "Blanks" (cells holding
   * nothing), as runs down each column; a null object when none.
   */
  getSpecialCellsOrNullObject(cellType: string): RangeAreasProxy {
    if (cellType !== "Constants" && cellType !== "Blanks")
      throw new FakeOfficeError("InvalidArgument", `getSpecialCells("${cellType}") is not modelled by the fake.`);
    return new RangeAreasProxy(
      this.ctx,
      () => {
        const t = this.target();
        const rects: Rect[] = [];
        for (let c = 0; c < t.rect.cols; c++) {
          let start = -1;
          for (let r = 0; r <= t.rect.rows; r++) {
            const cell = r < t.rect.rows ? this.ctx.model.peek(t.sheet, t.rect.row + r, t.rect.col + c) : undefined;
            const blank = !cell || (!cell.formula && cell.value === "");
            const constant = r < t.rect.rows && (cellType === "Blanks" ? blank : !blank && !cell?.formula);
            if (constant && start < 0) start = r;
            if (!constant && start >= 0) {
              rects.push({ row: t.rect.row + start, col: t.rect.col + c, rows: r - start, cols: 1 });
              start = -1;
            }
          }
        }
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      `constants of ${this.describe}`,
      true,
    );
  }
}

/** Several areas of one sheet (what getSpecialCells gives back); only its address is modelled. */
export class RangeAreasProxy extends FakeObject<{ sheet: FakeSheet; rects: Rect[] }> {
  declare address: string;
  constructor(ctx: FakeContext, resolve: () => { sheet: FakeSheet; rects: Rect[] } | null, describe: string, orNull = false) {
    super(ctx, resolve, describe, orNull);
    accessors<{ sheet: FakeSheet; rects: Rect[] }>(this, { address: {} });
  }
  protected scalars(): Record<string, Getter<{ sheet: FakeSheet; rects: Rect[] }>> {
    return { address: (t) => t.rects.map((rect) => `${quoteSheet(t.sheet.name)}!${rectAddress(rect)}`).join(",") };
  }
}

export class RangeFormatProxy extends FakeObject<RangeTarget> {
  declare columnWidth: number;
  declare wrapText: boolean;
  declare verticalAlignment: string;
  constructor(
    ctx: FakeContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx, () => range.target(), `format of ${range["describe"]}`);
    accessors<RangeTarget>(this, {
      columnWidth: {
        set: (t, value) => {
          if (typeof value !== "number" || value < 0)
            throw new FakeOfficeError("InvalidArgument", `columnWidth must be a number of points, got ${String(value)}.`);
          for (let c = 0; c < t.rect.cols; c++) t.sheet.columnWidths.set(t.rect.col + c, value);
        },
      },
      wrapText: { set: () => undefined },
      verticalAlignment: {
        set: (_t, value) => {
          if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(String(value)))
            throw new FakeOfficeError("InvalidArgument", `verticalAlignment ${String(value)} is not one of Excel's.`);
        },
      },
    });
  }
  /** RangeFormat.autofitRows (ExcelApi 1.2): heights follow the text; the fake keeps none. */
  autofitRows(): void {
    this.queueOp("autofitRows", null, () => undefined);
  }
  protected scalars(): Record<string, Getter<RangeTarget>> {
    return {
      columnWidth: (t) => {
        const widths = new Set(Array.from({ length: t.rect.cols }, (_, c) => t.sheet.columnWidths.get(t.rect.col + c) ?? 48));
        return widths.size === 1 ? [...widths][0] : null;
      },
      wrapText: () => false,
    };
  }
  get fill(): StyleProxy {
    return this.child("fill", () => new StyleProxy(this.ctx, this.range, "fill"));
  }
  get font(): StyleProxy {
    return this.child("font", () => new StyleProxy(this.ctx, this.range, "font"));
  }
  protected override navigation() {
    return { fill: () => this.fill, font: () => this.font };
  }
}

/** Range fill and font: recorded, kept on no cell (the product styles through table styles). */
export class StyleProxy extends FakeObject<RangeTarget> {
  declare color: string;
  declare bold: boolean;
  constructor(ctx: FakeContext, range: RangeProxy, kind: string) {
    super(ctx, () => range.target(), `${kind} of ${range["describe"]}`);
    accessors<RangeTarget>(this, {
      color: { set: (_t, value) => checkColor(value, `${kind} colour`) },
      bold: { set: () => undefined },
      italic: { set: () => undefined },
      size: { set: () => undefined },
    });
  }
  protected scalars(): Record<string, Getter<RangeTarget>> {
    return { color: () => null, bold: () => false };
  }
}

export class DataValidationProxy extends FakeObject<RangeTarget> {
  declare rule: Record<string, unknown>;
  declare prompt: Record<string, unknown>;
  declare errorAlert: Record<string, unknown>;
  declare type: string;
  constructor(ctx: FakeContext, range: RangeProxy) {
    super(ctx, () => range.target(), `validation of ${range["describe"]}`);
    const each = (t: RangeTarget, f: (key: number) => void) => {
      for (let r = 0; r < t.rect.rows; r++) for (let c = 0; c < t.rect.cols; c++) f(cellKey(t.rect.row + r, t.rect.col + c));
    };
    accessors<RangeTarget>(this, {
      rule: {
        set: (t, value) => {
          const rule = checkRule(value);
          each(t, (k) => t.sheet.validations.set(k, { ...t.sheet.validations.get(k), rule }));
        },
      },
      prompt: {
        set: (t, value) => {
          const prompt = checkMessage(value, "prompt", 32, 255);
          each(t, (k) => t.sheet.validations.set(k, { rule: {}, ...t.sheet.validations.get(k), prompt }));
        },
      },
      errorAlert: {
        set: (t, value) => {
          const errorAlert = checkMessage(value, "errorAlert", 32, 225);
          each(t, (k) => t.sheet.validations.set(k, { rule: {}, ...t.sheet.validations.get(k), errorAlert }));
        },
      },
      ignoreBlanks: {
        set: (t, value) => each(t, (k) => t.sheet.validations.set(k, { rule: {}, ...t.sheet.validations.get(k), ignoreBlanks: Boolean(value) })),
      },
      type: {},
      valid: {},
    });
  }
  private uniform(t: RangeTarget): { same: boolean; first?: ReturnType<FakeSheet["validations"]["get"]> } {
    const first = t.sheet.validations.get(cellKey(t.rect.row, t.rect.col));
    const text = JSON.stringify(first ?? null);
    for (let r = 0; r < t.rect.rows; r++) {
      for (let c = 0; c < t.rect.cols; c++) {
        if (JSON.stringify(t.sheet.validations.get(cellKey(t.rect.row + r, t.rect.col + c)) ?? null) !== text) return { same: false };
      }
    }
    return { same: true, first };
  }
  protected scalars(): Record<string, Getter<RangeTarget>> {
    const typeName: Record<string, string> = {
      wholeNumber: "WholeNumber",
      decimal: "Decimal",
      textLength: "TextLength",
      date: "Date",
      time: "Time",
      list: "List",
      custom: "Custom",
    };
    return {
      rule: (t) => {
        const u = this.uniform(t);
        return u.same ? (u.first?.rule ?? {}) : {};
      },
      prompt: (t) => this.uniform(t).first?.prompt ?? { showPrompt: false, title: "", message: "" },
      errorAlert: (t) => this.uniform(t).first?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" },
      type: (t) => {
        const u = this.uniform(t);
        if (!u.same) return "Inconsistent";
        const key = Object.keys(u.first?.rule ?? {})[0];
        return key ? typeName[key] : "None";
      },
      valid: () => true,
      ignoreBlanks: (t) => this.uniform(t).first?.ignoreBlanks ?? true,
    };
  }
  clear(): void {
    this.queueOp("clear", null, (t) => {
      for (let r = 0; r < t.rect.rows; r++) for (let c = 0; c < t.rect.cols; c++) t.sheet.validations.delete(cellKey(t.rect.row + r, t.rect.col + c));
    });
  }
}

export class ConditionalFormatCollectionProxy extends FakeCollection<RangeTarget, FakeConditionalFormat, ConditionalFormatProxy> {
  constructor(
    ctx: FakeContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx, () => range.target(), `conditional formats of ${range["describe"]}`);
  }
  protected list(t: RangeTarget): FakeConditionalFormat[] {
    return t.sheet.conditionalFormats.filter((cf) => intersects(cf.rect, t.rect));
  }
  protected itemProxy(cf: FakeConditionalFormat): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.ctx, () => ({ cf, sheet: this.range.target().sheet }), `conditional format ${cf.id}`);
  }
  add(type: string): ConditionalFormatProxy {
    let created: FakeConditionalFormat | undefined;
    let sheet: FakeSheet | undefined;
    this.queueOp("add", type, (t) => {
      created = this.ctx.model.addConditionalFormat(t.sheet, t.rect, type);
      sheet = t.sheet;
    });
    return new ConditionalFormatProxy(
      this.ctx,
      () => (created && sheet ? { cf: created, sheet } : null),
      `new ${type} conditional format on ${this.range["describe"]}`,
    );
  }
  getItem(id: string): ConditionalFormatProxy {
    return new ConditionalFormatProxy(
      this.ctx,
      () => {
        const t = this.range.target();
        const cf = t.sheet.conditionalFormats.find((c) => c.id === id);
        if (!cf) throw new FakeOfficeError("ItemNotFound", `No conditional format ${id}.`);
        return { cf, sheet: t.sheet };
      },
      `conditional format ${id}`,
    );
  }
}

interface CfTarget {
  cf: FakeConditionalFormat;
  sheet: FakeSheet;
}

export class ConditionalFormatProxy extends FakeObject<CfTarget> {
  declare type: string;
  declare id: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  constructor(ctx: FakeContext, resolve: () => CfTarget | null, describe: string) {
    super(ctx, resolve, describe);
    accessors<CfTarget>(this, {
      type: {},
      id: {},
      // @types/office-js ConditionalFormat.priority: the index among the sheet's rules (0 is on top);
      // negative counts from the back; past the bounds is the last (or first) place.
      priority: {
        set: (t, value) => {
          const list = t.sheet.conditionalFormats;
          list.splice(list.indexOf(t.cf), 1);
          const n = Number(value);
          const at = n < 0 ? Math.max(0, list.length + 1 + n) : Math.min(n, list.length);
          list.splice(at, 0, t.cf);
        },
      },
      stopIfTrue: { set: (t, value) => (t.cf.stopIfTrue = Boolean(value)) },
    });
  }
  protected scalars(): Record<string, Getter<CfTarget>> {
    return {
      type: (t) => t.cf.type,
      id: (t) => t.cf.id,
      priority: (t) => t.sheet.conditionalFormats.indexOf(t.cf),
      stopIfTrue: (t) => Boolean(t.cf.stopIfTrue),
    };
  }
  get custom(): CustomConditionalFormatProxy {
    return this.child("custom", () => new CustomConditionalFormatProxy(this.ctx, this, false));
  }
  get customOrNullObject(): CustomConditionalFormatProxy {
    return this.child("customOrNullObject", () => new CustomConditionalFormatProxy(this.ctx, this, true));
  }
  protected override navigation() {
    return { custom: () => this.custom, customOrNullObject: () => this.customOrNullObject };
  }
  getRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const t = this.target();
        return { sheet: t.sheet, rect: { ...t.cf.rect } };
      },
      `range of ${this.describe}`,
    );
  }
}

export class CustomConditionalFormatProxy extends FakeObject<CfTarget> {
  constructor(ctx: FakeContext, parent: ConditionalFormatProxy, orNull: boolean) {
    super(
      ctx,
      () => {
        const t = parent.target();
        if (t.cf.type !== "Custom") {
          if (orNull) return null;
          throw new FakeOfficeError("InvalidArgument", `Conditional format ${t.cf.id} is not a custom rule.`);
        }
        return t;
      },
      `custom rule of ${parent["describe"]}`,
    );
  }
  protected scalars(): Record<string, Getter<CfTarget>> {
    return {};
  }
  get rule(): CfPartProxy {
    return this.child("rule", () => new CfPartProxy(this.ctx, this, "rule"));
  }
  get format(): CfFormatProxy {
    return this.child("format", () => new CfFormatProxy(this.ctx, this));
  }
  protected override navigation() {
    return { rule: () => this.rule, format: () => this.format };
  }
}

export class CfFormatProxy extends FakeObject<CfTarget> {
  declare numberFormat: string;
  constructor(
    ctx: FakeContext,
    private readonly parent: CustomConditionalFormatProxy,
  ) {
    super(ctx, () => parent.target(), `format of ${parent["describe"]}`);
    // ConditionalRangeFormat.numberFormat, ExcelApi 1.6 (@types/office-js).
    accessors<CfTarget>(this, { numberFormat: { set: (t, value) => (t.cf.numberFormat = String(value)) } });
  }
  protected scalars(): Record<string, Getter<CfTarget>> {
    return { numberFormat: (t) => t.cf.numberFormat ?? null };
  }
  get fill(): CfPartProxy {
    return this.child("fill", () => new CfPartProxy(this.ctx, this.parent, "fill"));
  }
  get font(): CfPartProxy {
    return this.child("font", () => new CfPartProxy(this.ctx, this.parent, "font"));
  }
  protected override navigation() {
    return { fill: () => this.fill, font: () => this.font };
  }
}

/** rule.formula, format.fill.color, format.font.color of a custom conditional format. */
export class CfPartProxy extends FakeObject<CfTarget> {
  declare formula: string;
  declare color: string;
  declare bold: boolean;
  constructor(
    ctx: FakeContext,
    parent: CustomConditionalFormatProxy,
    private readonly part: "rule" | "fill" | "font",
  ) {
    super(ctx, () => parent.target(), `${part} of ${parent["describe"]}`);
    accessors<CfTarget>(this, {
      formula: {
        set: (t, value) => {
          const formula = String(value);
          if (!formula.startsWith("=")) throw new FakeOfficeError("InvalidArgument", `A conditional format formula starts with "=": ${formula}`);
          refuseStructuredReference(formula, "conditional format");
          t.cf.formula = formula;
        },
      },
      color: {
        set: (t, value) => {
          checkColor(value, `conditional format ${this.part} colour`);
          if (this.part === "fill") t.cf.fill = String(value);
          else t.cf.fontColor = String(value);
        },
      },
      bold: { set: (t, value) => (t.cf.bold = Boolean(value)) },
      strikethrough: { set: (t, value) => (t.cf.strike = Boolean(value)) },
    });
  }
  protected scalars(): Record<string, Getter<CfTarget>> {
    return {
      formula: (t) => t.cf.formula ?? "",
      color: (t) => (this.part === "fill" ? t.cf.fill : t.cf.fontColor) ?? null,
      bold: (t) => Boolean(t.cf.bold),
      strikethrough: (t) => Boolean(t.cf.strike),
    };
  }
}

// ---------------------------------------------------------------- names

export class NamedItemCollectionProxy extends FakeCollection<FakeWorkbook, FakeName, NamedItemProxy> {
  constructor(ctx: FakeContext) {
    super(ctx, () => ctx.model, "names");
  }
  protected list(t: FakeWorkbook): FakeName[] {
    return t.names;
  }
  protected itemProxy(item: FakeName): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => item, `name ${item.name}`);
  }
  add(name: string, reference: string | RangeProxy, comment?: string): NamedItemProxy {
    sameContext(this.ctx, reference);
    let created: FakeName | undefined;
    this.queueOp("add", { name, reference: typeof reference === "string" ? reference : "(range)", comment }, (wb) => {
      let formula: string;
      if (typeof reference === "string") {
        const problem = formulaProblem(reference);
        if (problem)
          throw new FakeOfficeError("InvalidArgument", `The name ${name} refers to a formula Excel does not accept (${reference}): ${problem}.`);
        formula = reference;
      } else {
        const t = reference.target();
        formula = `=${quoteSheet(t.sheet.name)}!${rectAddress(t.rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`;
      }
      created = wb.addName(name, formula, comment ?? "");
    });
    return new NamedItemProxy(this.ctx, () => created ?? null, `new name ${name}`);
  }
  getItem(name: string): NamedItemProxy {
    return new NamedItemProxy(
      this.ctx,
      () => {
        const n = this.ctx.model.name(name);
        if (!n) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: name "${name}".`);
        return n;
      },
      `name ${name}`,
    );
  }
  getItemOrNullObject(name: string): NamedItemProxy {
    return new NamedItemProxy(this.ctx, () => this.ctx.model.name(name) ?? null, `name ${name}`, true);
  }
}

export class NamedItemProxy extends FakeObject<FakeName> {
  declare name: string;
  declare formula: string;
  declare comment: string;
  declare type: string;
  declare visible: boolean;
  constructor(ctx: FakeContext, resolve: () => FakeName | null, describe: string, orNull = false) {
    super(ctx, resolve, describe, orNull);
    accessors<FakeName>(this, {
      name: {},
      formula: { set: (n, value) => (n.formula = String(value).startsWith("=") ? String(value) : `=${String(value)}`) },
      comment: { set: (n, value) => (n.comment = String(value)) },
      type: {},
      visible: { set: (n, value) => (n.visible = Boolean(value)) },
    });
  }
  protected scalars(): Record<string, Getter<FakeName>> {
    return {
      name: (n) => n.name,
      formula: (n) => n.formula,
      comment: (n) => n.comment,
      type: (n) => nameType(this.ctx.model, n),
      visible: (n) => n.visible !== false,
    };
  }
  /** NamedItem.delete (ExcelApi 1.4); a name already gone fails the batch with ItemNotFound (see getItem). */
  delete(): void {
    this.queueOp("delete", null, (n) => {
      const names = this.ctx.model.names;
      names.splice(names.indexOf(n), 1);
    });
  }
  /** The range a name refers to: =Sheet!$A$1(:$B$2) or =Table[Column]; throws for any other name, as Excel does (#REF!, a constant). */
  getRange(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const range = nameRange(this.ctx.model, this.target());
        if (!range) throw new FakeOfficeError("InvalidArgument", `The name ${this.target().name} is not a range.`);
        return range;
      },
      `range of ${this.describe}`,
    );
  }
  /** ExcelApi 1.4: a null object when the name is not a range. */
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.ctx,
      () => {
        const n = this.tryResolve();
        return n ? nameRange(this.ctx.model, n) : null;
      },
      `range of ${this.describe}`,
      true,
    );
  }
}

/** What a name's formula refers to, when it is a range of an existing sheet or table column. */
function nameRange(model: FakeWorkbook, n: FakeName): { sheet: FakeSheet; rect: Rect } | null {
  const body = n.formula.slice(1);
  const column = /^([A-Za-z_\u0080-\uFFFF][\w.\u0080-\uFFFF]*)\[([^\]]+)\]$/.exec(body);
  if (column) {
    const table = model.table(column[1]);
    const index = table ? model.headers(table).findIndex((h) => sameName(h, column[2].replace(/'(.)/g, "$1"))) : -1;
    if (!table || index < 0) return null;
    return { sheet: table.sheet, rect: { row: table.rect.row + 1, col: table.rect.col + index, rows: table.rect.rows - 1, cols: 1 } };
  }
  const { sheet, local } = splitSheetAddress(body);
  const target = sheet ? model.sheet(sheet) : undefined;
  if (!target || !/^\$?[A-Z]{1,3}\$?\d+(:\$?[A-Z]{1,3}\$?\d+)?$/.test(local)) return null;
  return { sheet: target, rect: parseAddress(local.replace(/\$/g, "")) };
}

/** Excel.NamedItemType of a name: Range, Error (#REF!), or the constant's type. */
function nameType(model: FakeWorkbook, n: FakeName): string {
  if (nameRange(model, n)) return "Range";
  const body = n.formula.slice(1);
  if (/#REF!|^#[A-Z/0!?]+/.test(body)) return "Error";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (/^[+-]?\d+$/.test(body)) return "Integer";
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return "Double";
  return "String";
}

// ---------------------------------------------------------------- events

export type FakeEventHandler = (args: Record<string, unknown>) => Promise<unknown> | unknown;

/**
 * What onChanged.add() returns (OfficeExtension.EventHandlerResult): registered by the sync
 * that follows; remove() is queued on the same context and takes effect when it syncs.
 */
export class FakeEventRegistration extends FakeObject<FakeEventRegistration> {
  constructor(
    context: FakeContext,
    readonly handler: FakeEventHandler,
  ) {
    super(
      context,
      () => {
        context.host.changedHandlers.push(this);
        return this;
      },
      "event handler",
      true,
    );
  }
  protected scalars(): Record<string, Getter<FakeEventRegistration>> {
    return {};
  }
  remove(): void {
    const removal = new (class extends FakeObject<null> {
      protected scalars() {
        return {};
      }
    })(
      this.context,
      () => {
        const list = this.context.host.changedHandlers;
        if (list.includes(this)) list.splice(list.indexOf(this), 1);
        return null;
      },
      "event handler removal",
      true,
    );
    void removal;
  }
}

/** The fake typed as Excel.run, for code that takes an injected `run`. */
export function asExcelRun(host: FakeExcel) {
  return host.run as unknown as <T>(
    options: Excel.RunOptions | Excel.RequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ) => Promise<T>;
}
