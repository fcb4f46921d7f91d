// Threaded comments for the recording fake (Workbook.comments, ExcelApi 1.10; mentions 1.11): the
// rules it keeps are rows of FAKE.md, each with its source. The threads live beside the workbook
// model (one list per FakeWorkbook), so two FakeExcel hosts over one workbook see each other's.
import type { FakeContext, FakeExcel } from "./fakeExcel";
import {
  type FakeSheet,
  type FakeWorkbook,
  FakeOfficeError,
  parseAddress,
  quoteSheet,
  rectAddress,
  sameName,
  splitSheetAddress,
} from "./fakeExcelModel";

export interface FakeMention {
  readonly id: number;
  readonly name: string;
  readonly email: string;
}

export interface FakeCommentEntry {
  readonly id: string;
  /** Plain text as Comment.content gives it: a mention reads "@Name" (a guess: the docs do not say). */
  readonly content: string;
  readonly richContent: string;
  readonly contentType: "Plain" | "Mention";
  readonly mentions: readonly FakeMention[];
  readonly authorName: string;
  readonly authorEmail: string;
}

export interface FakeThread extends FakeCommentEntry {
  readonly sheet: FakeSheet;
  readonly row: number;
  readonly col: number;
  resolved: boolean;
  readonly replies: FakeCommentEntry[];
}

const threadsByWorkbook = new WeakMap<FakeWorkbook, FakeThread[]>();
const users = new WeakMap<FakeExcel, { name: string; email: string }>();
let nextId = 1;

/** The comment threads of a workbook, in the order they were added (a deleted sheet's are gone). */
export function commentsOf(workbook: FakeWorkbook): FakeThread[] {
  let threads = threadsByWorkbook.get(workbook);
  if (!threads) {
    threads = [];
    threadsByWorkbook.set(workbook, threads);
  }
  const alive = threads.filter((t) => workbook.sheets.includes(t.sheet));
  if (alive.length !== threads.length) threads.splice(0, threads.length, ...alive);
  return threads;
}

/** Who the host's comments are attributed to ("comments that your add-in creates are attributed to the current user"). */
export function setCommentUser(host: FakeExcel, user: { name: string; email: string }): void {
  users.set(host, user);
}

const userOf = (host: FakeExcel) => users.get(host) ?? { name: "Fake User", email: "user@example.com" };

const invalid = (message: string) => new FakeOfficeError("InvalidArgument", message);

/** A comment's cell: a string with its sheet, one cell (typings: CommentCollection.add / getItemByCell). */
function cellOf(workbook: FakeWorkbook, address: unknown): { sheet: FakeSheet; row: number; col: number } {
  if (typeof address !== "string") throw new Error("The fake takes comment cells as address strings only.");
  const { sheet, local } = splitSheetAddress(address);
  if (sheet === undefined) throw invalid(`The address "${address}" has no sheet name; a comment's address must be full.`);
  const rect = parseAddress(local);
  if (rect.rows !== 1 || rect.cols !== 1) throw invalid(`The range "${address}" is larger than one cell.`);
  return { sheet: workbook.requireSheet(sheet), row: rect.row, col: rect.col };
}

type Content = string | { richContent?: unknown; mentions?: unknown };

/** The entry a comment or reply makes of its content, or the refusal Excel gives. */
function entryOf(host: FakeExcel, content: Content, contentType: unknown): FakeCommentEntry {
  const type = contentType === undefined ? "Plain" : contentType;
  if (type !== "Plain" && type !== "Mention") throw invalid(`Unknown content type "${String(contentType)}".`);
  const author = userOf(host);
  const id = `comment${nextId++}`;
  if (typeof content === "string") {
    if (type === "Mention") throw invalid("A mention comment takes a CommentRichContent object, not a string.");
    return { id, content, richContent: content, contentType: "Plain", mentions: [], authorName: author.name, authorEmail: author.email };
  }
  if (type !== "Mention") throw invalid("A CommentRichContent object needs the content type Mention.");
  if (typeof content.richContent !== "string") throw invalid("CommentRichContent.richContent must be a string.");
  const mentions = (Array.isArray(content.mentions) ? content.mentions : []) as FakeMention[];
  const used = new Set<number>();
  const shown = content.richContent.replace(/<at id="(\d+)">([\s\S]*?)<\/at>/g, (_, id: string, text: string) => {
    const mention = mentions.find((m) => m.id === Number(id));
    if (!mention) throw invalid(`The mention id ${id} has no entry in mentions.`);
    // docs: "only the mention's exact name can be used as the text of the mention link"
    if (text !== mention.name) throw invalid(`The mention text "${text}" is not the mention's exact name "${mention.name}".`);
    if (typeof mention.email !== "string" || mention.email.trim() === "") throw invalid(`The mention "${mention.name}" has no email.`);
    used.add(mention.id);
    return `@${mention.name}`;
  });
  const unused = mentions.find((m) => !used.has(m.id));
  if (unused) throw invalid(`The mention id ${unused.id} does not appear in richContent.`);
  return {
    id,
    content: shown,
    richContent: content.richContent,
    contentType: "Mention",
    mentions: mentions.map((m) => ({ id: m.id, name: m.name, email: m.email })),
    authorName: author.name,
    authorEmail: author.email,
  };
}

// ---------------------------------------------------------------- proxies

type Scalars<T> = Record<string, (target: T) => unknown>;

const notLoaded = (prop: string) =>
  new FakeOfficeError("PropertyNotLoaded", `The property '${prop}' is not available. Call load and context.sync() first.`);

/** The same lazy, load-then-sync object as fakeExcel.ts's proxies, for comment objects. */
abstract class CommentObject<T> {
  private cached?: T | null;
  private hasResolved = false;
  protected readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: () => T | null,
    protected readonly describe: string,
  ) {}

  protected abstract scalars(): Scalars<T>;

  tryResolve(): T | null {
    if (!this.hasResolved) {
      this.cached = this.resolver();
      this.hasResolved = true;
    }
    return this.cached ?? null;
  }

  target(): T {
    const t = this.tryResolve();
    if (t === null) throw new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${this.describe}.`);
    return t;
  }

  load(spec?: string | string[]): this {
    const text = typeof spec === "string" ? spec : Array.isArray(spec) ? spec.join(",") : "";
    const paths = text
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    this.ctx.enqueue({ kind: "load", target: this as never, paths });
    return this;
  }

  executeLoad(paths: string[]): number {
    const t = this.target();
    const scalars = this.scalars();
    const props = paths.length === 0 ? Object.keys(scalars) : paths;
    for (const prop of props) {
      if (!(prop in scalars)) throw invalid(`Cannot load '${prop}' on ${this.constructor.name}.`);
      this.loaded.set(prop, scalars[prop](t));
    }
    return JSON.stringify([...this.loaded]).length;
  }

  protected read<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected op(member: string, args: unknown, apply: () => void): void {
    this.ctx.op(`${this.constructor.name.replace(/Proxy$/, "")}.${member}`, this.describe, args, apply);
  }
}

/** A ClientResult: its value after the sync. */
class CountResult extends CommentObject<() => number> {
  protected scalars(): Scalars<() => number> {
    return { value: (count) => count() };
  }
  get value(): number {
    return this.read("value");
  }
}

function countOf(ctx: FakeContext, count: () => number | null, describe: string): CountResult {
  const result = new CountResult(ctx, () => (count() === null ? null : () => count()!), describe);
  result.load("value");
  return result;
}

const entryScalars: Scalars<FakeCommentEntry> = {
  id: (e) => e.id,
  content: (e) => e.content,
  richContent: (e) => e.richContent,
  contentType: (e) => e.contentType,
  mentions: (e) => e.mentions.map((m) => ({ ...m })),
  authorName: (e) => e.authorName,
  authorEmail: (e) => e.authorEmail,
};

export class CommentCollectionProxy extends CommentObject<FakeThread[]> {
  private itemProxies?: CommentProxy[];

  constructor(ctx: FakeContext) {
    super(ctx, () => commentsOf(ctx.model), "workbook.comments");
  }

  protected scalars(): Scalars<FakeThread[]> {
    return {};
  }

  override executeLoad(paths: string[]): number {
    const threads = this.target();
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.itemProxies = threads.map((thread) => new CommentProxy(this.ctx, () => thread, `comment ${thread.id}`));
    return this.itemProxies.reduce((bytes, p) => bytes + p.executeLoad(itemPaths), 0);
  }

  get items(): CommentProxy[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  add(cellAddress: string, content: Content, contentType?: string): CommentProxy {
    let made: FakeThread | null = null;
    this.op("add", { cellAddress, content, contentType }, () => {
      const cell = cellOf(this.ctx.model, cellAddress);
      const threads = commentsOf(this.ctx.model);
      // One thread per cell (docs: "Each thread is tied to a single cell"); adding a second is refused (guess).
      if (threads.some((t) => t.sheet === cell.sheet && t.row === cell.row && t.col === cell.col)) {
        throw invalid(`The cell ${cellAddress} already has a comment thread.`);
      }
      made = { ...entryOf(this.ctx.host, content, contentType), ...cell, resolved: false, replies: [] };
      threads.push(made);
    });
    return new CommentProxy(this.ctx, () => made, `comment added on ${cellAddress}`);
  }

  getCount(): CountResult {
    return countOf(this.ctx, () => commentsOf(this.ctx.model).length, "workbook.comments.getCount()");
  }

  getItemAt(index: number): CommentProxy {
    return new CommentProxy(this.ctx, () => commentsOf(this.ctx.model)[index] ?? null, `comment #${index}`);
  }

  /** typings: "If there is no comment in the cell, an error is thrown" (ItemNotFound, at the sync that uses it). */
  getItemByCell(cellAddress: string): CommentProxy {
    return new CommentProxy(
      this.ctx,
      () => {
        const cell = cellOf(this.ctx.model, cellAddress);
        return commentsOf(this.ctx.model).find((t) => t.sheet === cell.sheet && t.row === cell.row && t.col === cell.col) ?? null;
      },
      `comment on ${cellAddress}`,
    );
  }
}

export class CommentProxy extends CommentObject<FakeThread> {
  declare readonly id: string;
  declare readonly content: string;
  declare readonly richContent: string;
  declare readonly contentType: "Plain" | "Mention";
  declare readonly mentions: FakeMention[];
  declare readonly authorName: string;
  declare readonly authorEmail: string;
  declare readonly resolved: boolean;

  constructor(ctx: FakeContext, resolve: () => FakeThread | null, describe: string) {
    super(ctx, resolve, describe);
    for (const prop of [...Object.keys(entryScalars), "resolved"]) {
      Object.defineProperty(this, prop, { get: () => this.read(prop), enumerable: true });
    }
  }

  protected scalars(): Scalars<FakeThread> {
    return { ...entryScalars, resolved: (t) => t.resolved };
  }

  private repliesProxy?: CommentReplyCollectionProxy;

  get replies(): CommentReplyCollectionProxy {
    return (this.repliesProxy ??= new CommentReplyCollectionProxy(this.ctx, this));
  }

  getLocation(): LocationProxy {
    return new LocationProxy(this.ctx, () => this.tryResolve(), `location of ${this.describe}`);
  }
}

/** Comment.getLocation(): the one cell, as a range whose address carries its sheet. */
export class LocationProxy extends CommentObject<FakeThread> {
  declare readonly address: string;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;

  constructor(ctx: FakeContext, resolve: () => FakeThread | null, describe: string) {
    super(ctx, resolve, describe);
    for (const prop of ["address", "rowIndex", "columnIndex"]) {
      Object.defineProperty(this, prop, { get: () => this.read(prop), enumerable: true });
    }
  }

  protected scalars(): Scalars<FakeThread> {
    return {
      address: (t) => `${quoteSheet(t.sheet.name)}!${rectAddress({ row: t.row, col: t.col, rows: 1, cols: 1 })}`,
      rowIndex: (t) => t.row,
      columnIndex: (t) => t.col,
    };
  }
}

export class CommentReplyCollectionProxy extends CommentObject<FakeThread> {
  private itemProxies?: CommentReplyProxy[];

  constructor(
    ctx: FakeContext,
    private readonly comment: CommentProxy,
  ) {
    super(ctx, () => comment.tryResolve(), "comment.replies");
  }

  protected scalars(): Scalars<FakeThread> {
    return {};
  }

  override executeLoad(paths: string[]): number {
    const thread = this.target();
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    this.itemProxies = thread.replies.map((reply) => new CommentReplyProxy(this.ctx, () => reply, `reply ${reply.id}`));
    return this.itemProxies.reduce((bytes, p) => bytes + p.executeLoad(itemPaths), 0);
  }

  get items(): CommentReplyProxy[] {
    if (!this.itemProxies) throw notLoaded("items");
    return this.itemProxies;
  }

  add(content: Content, contentType?: string): CommentReplyProxy {
    let made: FakeCommentEntry | null = null;
    this.op("add", { content, contentType }, () => {
      const thread = this.comment.target();
      made = entryOf(this.ctx.host, content, contentType);
      thread.replies.push(made);
    });
    return new CommentReplyProxy(this.ctx, () => made, "reply");
  }

  getCount(): CountResult {
    return countOf(this.ctx, () => this.comment.tryResolve()?.replies.length ?? null, "comment.replies.getCount()");
  }
}

export class CommentReplyProxy extends CommentObject<FakeCommentEntry> {
  declare readonly content: string;
  declare readonly mentions: FakeMention[];

  constructor(ctx: FakeContext, resolve: () => FakeCommentEntry | null, describe: string) {
    super(ctx, resolve, describe);
    for (const prop of Object.keys(entryScalars)) {
      Object.defineProperty(this, prop, { get: () => this.read(prop), enumerable: true });
    }
  }

  protected scalars(): Scalars<FakeCommentEntry> {
    return entryScalars;
  }
}

const collections = new WeakMap<FakeContext, CommentCollectionProxy>();

/** Workbook.comments of a request context (one proxy per context, as Office.js keeps it). */
export function commentCollection(ctx: FakeContext): CommentCollectionProxy {
  let proxy = collections.get(ctx);
  if (!proxy) {
    proxy = new CommentCollectionProxy(ctx);
    collections.set(ctx, proxy);
  }
  return proxy;
}

/** Finds the thread on a cell, for tests ("Tasks!A5"). */
export function threadAt(workbook: FakeWorkbook, address: string): FakeThread | undefined {
  const { sheet, local } = splitSheetAddress(address);
  const rect = parseAddress(local);
  return commentsOf(workbook).find((t) => sameName(t.sheet.name, sheet ?? "") && t.row === rect.row && t.col === rect.col);
}
