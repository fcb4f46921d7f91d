// Two copies of the add-in open on one shared workbook, as two co-authors have them: two FakeExcel
// hosts over ONE FakeWorkbook. Each batch (one context.sync()) applies whole, and batches of the
// two copies interleave only between syncs; a scheduler decides which copy's batch goes next, so a
// test can choose an interleaving, walk every one, or draw them from a seed. After a batch changes
// cells, every WorksheetCollection.onChanged handler hears of it: the copy that wrote gets source
// "Local", the other "Remote". Each write is recorded with the copy that made it and whether it was
// made while answering an event. Rules and sources: ./FAKE.md, "Co-authoring".
import { AsyncLocalStorage } from "node:async_hooks";
import type { ExcelHost } from "../../src/excel/host";
import { FakeExcel, FakeWorkbook, UI_ONLY, snapshotCells, type FakeExcelOptions } from "./fakeExcel";
import { hostFor } from "./fakeExcelFixtures";

export type Who = "A" | "B";
export const COPIES: readonly Who[] = ["A", "B"];
export type EventSource = "Local" | "Remote";

/** What the code running now is doing: a scheduled task of one copy, or a copy's event handler. */
interface Running {
  readonly task?: Who;
  readonly answering?: { readonly copy: Who; readonly source: EventSource };
}
const running = new AsyncLocalStorage<Running>();

export interface WriteRecord {
  readonly by: Who;
  /** The batch's number among all batches on the shared workbook, from 1. */
  readonly batch: number;
  /** "Class.member" of each call that changes the workbook (UI-only calls left out). */
  readonly calls: readonly string[];
  /** Set when the batch was made by an event handler: the event's source. */
  readonly answering?: EventSource;
  /** Excel refused the batch (its calls up to the failing one applied). */
  readonly failed: boolean;
}

export interface ChangeEvent {
  readonly to: Who;
  readonly source: EventSource;
  readonly sheet: string;
  readonly address: string;
}

type Deferred = { resolve: () => void; promise: Promise<void> };
function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { resolve, promise };
}

/** One copy of the add-in: its batches wait for their turn and tell the other copy what changed. */
export class CopyOfExcel extends FakeExcel {
  constructor(
    readonly who: Who,
    private readonly room: SharedWorkbook,
    options: FakeExcelOptions,
  ) {
    super(room.workbook, options);
  }

  override async execute(...args: Parameters<FakeExcel["execute"]>): Promise<void> {
    const calls = args[1].flatMap((item) => (item.kind === "op" && !UI_ONLY.has(item.record.name) ? [item.record.name] : []));
    await this.room.turn(this.who, calls.length > 0);
    const before = this.room.listening ? this.room.cells() : undefined;
    let failed = false;
    try {
      await super.execute(...args);
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      this.room.batchDone(this.who, calls, failed, before);
    }
  }
}

/**
 * A choice among the copies whose batch is ready, by the step (batches so far) it is made at and
 * whether each waiting batch writes; undefined stops the run here (an order already covered).
 */
export type Chooser = (ready: readonly Who[], step: number, writes: Readonly<Partial<Record<Who, boolean>>>) => Who | undefined;

export interface ScheduledRun<T> {
  readonly results: Record<Who, PromiseSettledResult<T> | undefined>;
  /** The order in which batches ran, e.g. "AABAB". */
  readonly order: string;
  /** The chooser stopped the run: the copies' tasks are left waiting, their results unknown. */
  readonly stopped: boolean;
}

export class SharedWorkbook {
  readonly workbook: FakeWorkbook;
  readonly copies: Record<Who, CopyOfExcel>;
  readonly writes: WriteRecord[] = [];
  readonly events: ChangeEvent[] = [];
  private batches = 0;
  private readonly pending = new Map<Who, Deferred & { writes: boolean }>();
  private scheduled = false;
  private readonly handling: Promise<unknown>[] = [];

  constructor(workbook: FakeWorkbook, options: FakeExcelOptions = {}) {
    this.workbook = workbook;
    this.copies = { A: new CopyOfExcel("A", this, options), B: new CopyOfExcel("B", this, options) };
  }

  host(who: Who): ExcelHost {
    return hostFor(this.copies[who]);
  }

  /** Called by a copy before its batch applies: waits for its turn while a schedule runs. */
  async turn(who: Who, writes: boolean): Promise<void> {
    // Batches of event handlers and of code outside the schedule go at once.
    if (!this.scheduled || running.getStore()?.task !== who) return;
    if (this.pending.has(who)) throw new Error(`copy ${who} has two batches waiting`);
    const d = deferred();
    this.pending.set(who, { ...d, writes });
    await d.promise;
  }

  /** Every cell's value and formula, by sheet: what onChanged reports changes of. */
  cells(): Map<string, Map<string, string>> {
    return new Map(
      this.workbook.sheets.map((s) => [
        s.id,
        new Map([...snapshotCells(s)].map(([address, c]) => [address, JSON.stringify([c.value, c.formula ?? null])] as const)),
      ]),
    );
  }

  /**
   * Whether anything hears of changes: a handler registered on either copy, or `recordEvents`. Cells
   * are compared around each batch only then (a walk over hundreds of interleavings needs no events).
   */
  get listening(): boolean {
    return this.recordEvents || COPIES.some((w) => this.copies[w].changedHandlers.length > 0);
  }
  recordEvents = false;

  batchDone(who: Who, calls: readonly string[], failed: boolean, before: Map<string, Map<string, string>> | undefined): void {
    this.batches++;
    const answering = running.getStore()?.answering;
    if (calls.length > 0) {
      this.writes.push({ by: who, batch: this.batches, calls, failed, ...(answering ? { answering: answering.source } : {}) });
    }
    if (before) this.announce(who, before);
  }

  /**
   * A co-author typing (no add-in involved): `edit` changes the shared workbook directly, between
   * batches; the copies hear of it as an add-in's edit would make them.
   */
  userEdit(who: Who, edit: (workbook: FakeWorkbook) => void): void {
    const before = this.cells();
    edit(this.workbook);
    this.announce(who, before);
  }

  /** Raises onChanged on every copy for each sheet whose cells changed: Local to the copy that changed them, Remote to the other. */
  private announce(who: Who, before: Map<string, Map<string, string>>): void {
    const after = this.cells();
    for (const sheet of this.workbook.sheets) {
      const was = before.get(sheet.id) ?? new Map<string, string>();
      const now = after.get(sheet.id) ?? new Map<string, string>();
      const changed = [...new Set([...was.keys(), ...now.keys()])].filter((a) => was.get(a) !== now.get(a));
      if (changed.length === 0) continue;
      const address = boundingAddress(changed);
      for (const to of COPIES) {
        const source: EventSource = to === who ? "Local" : "Remote";
        this.events.push({ to, source, sheet: sheet.name, address });
        const args = { type: "WorksheetChanged", address, changeType: "RangeEdited", source, worksheetId: sheet.id };
        for (const registration of [...this.copies[to].changedHandlers]) {
          // Handlers run after the batch returned, as Excel delivers events: not inside it.
          this.handling.push(running.run({ answering: { copy: to, source } }, () => Promise.resolve().then(() => registration.handler(args))));
        }
      }
    }
  }

  /**
   * Lets handlers, their timers and the batches they start run out: timer turns, each queued after
   * whatever timer a handler set before it (a debounce of 0), so those run first.
   */
  async settle(turns = 20): Promise<void> {
    for (let i = 0; i < turns; i++) {
      await Promise.allSettled(this.handling);
      await new Promise((r) => setTimeout(r, 1));
    }
  }

  /**
   * Runs each copy's task; whenever every unfinished task waits with a batch, `choose` picks whose
   * batch goes next, and `between` (a co-author typing, say) runs just before it.
   */
  async schedule<T>(
    tasks: Partial<Record<Who, () => Promise<T>>>,
    choose: Chooser,
    between?: (step: number, next: Who) => void,
  ): Promise<ScheduledRun<T>> {
    this.scheduled = true;
    const results: Record<Who, PromiseSettledResult<T> | undefined> = { A: undefined, B: undefined };
    const live = new Set<Who>();
    for (const who of COPIES) {
      const task = tasks[who];
      if (!task) continue;
      live.add(who);
      void running
        .run({ task: who }, task)
        .then(
          (value) => (results[who] = { status: "fulfilled", value }),
          (reason: unknown) => (results[who] = { status: "rejected", reason }),
        )
        .finally(() => live.delete(who));
    }
    let order = "";
    try {
      for (let step = 0; ; step++) {
        await this.quiet(live);
        if (live.size === 0) break;
        const ready = COPIES.filter((w) => this.pending.has(w));
        const next = choose(ready, step, Object.fromEntries(ready.map((w) => [w, this.pending.get(w)!.writes])));
        if (next === undefined) return { results, order, stopped: true };
        if (!ready.includes(next)) throw new Error(`copy ${next} has no batch waiting (ready: ${ready.join()})`);
        between?.(step, next);
        const d = this.pending.get(next)!;
        this.pending.delete(next);
        order += next;
        d.resolve();
      }
    } finally {
      this.scheduled = false;
    }
    return { results, order, stopped: false };
  }

  /** Waits until every live task either waits with a batch or has finished. */
  private async quiet(live: ReadonlySet<Who>): Promise<void> {
    for (let i = 0; i < 10_000; i++) {
      if ([...live].every((w) => this.pending.has(w))) return;
      await new Promise((r) => setImmediate(r));
    }
    throw new Error(`stalled: ${[...live].filter((w) => !this.pending.has(w)).join()} neither finished nor waits with a batch`);
  }
}

function boundingAddress(addresses: readonly string[]): string {
  let r1 = Infinity,
    r2 = 0,
    c1 = Infinity,
    c2 = 0;
  for (const a of addresses) {
    const m = /^([A-Z]+)(\d+)$/.exec(a)!;
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    r1 = Math.min(r1, Number(m[2]));
    r2 = Math.max(r2, Number(m[2]));
    c1 = Math.min(c1, col);
    c2 = Math.max(c2, col);
  }
  const letters = (n: number): string => (n <= 0 ? "" : letters(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));
  return r1 === r2 && c1 === c2 ? `${letters(c1)}${r1}` : `${letters(c1)}${r1}:${letters(c2)}${r2}`;
}

/**
 * Replays a list of choices (0 = the first copy that may go, 1 = the second) at the points where
 * both copies wait; past its end, the first. Records how many choices each point had, so
 * `nextChoices` walks every interleaving depth first. Orders that differ only in which of two
 * read-only batches went first end the same way (neither changes the workbook), so each is run
 * once: a copy passed over at a choice sleeps until a batch that writes runs (a sleep set), and a
 * run in which only sleeping copies are left waiting is stopped as already covered.
 */
export class ChoiceReplay {
  readonly branching: number[] = [];
  private readonly sleeping = new Set<Who>();
  /** `reduce` false: every order is run, none stopped (for drawn interleavings). */
  constructor(
    private readonly choices: readonly number[],
    private readonly reduce = true,
  ) {}
  readonly choose: Chooser = (ready, _step, writes) => {
    const awake = ready.filter((w) => !this.reduce || !this.sleeping.has(w));
    if (awake.length === 0) return undefined;
    let pick = awake[0];
    if (awake.length > 1) {
      const i = this.branching.length;
      this.branching.push(awake.length);
      const c = Math.min(this.choices[i] ?? 0, awake.length - 1);
      pick = awake[c];
      for (const passed of awake.slice(0, c)) this.sleeping.add(passed);
    }
    for (const w of [...this.sleeping]) if (writes[w] || writes[pick]) this.sleeping.delete(w);
    this.sleeping.delete(pick);
    return pick;
  };
  /** The next interleaving after this one, depth first; undefined when every one was run. */
  nextChoices(): number[] | undefined {
    const taken = this.branching.map((_, i) => this.choices[i] ?? 0);
    for (let i = taken.length - 1; i >= 0; i--) {
      if (taken[i] + 1 < this.branching[i]) return [...taken.slice(0, i), taken[i] + 1];
    }
    return undefined;
  }
}

/**
 * Runs `once` for every interleaving, depth first, up to `limit` runs; `once` says whether its run
 * went to the end (was not stopped as covered). Returns the runs that went to the end, and whether
 * the walk was complete.
 */
export async function everyInterleaving(once: (replay: ChoiceReplay) => Promise<boolean>, limit: number): Promise<{ runs: number; all: boolean }> {
  let choices: number[] | undefined = [];
  let runs = 0;
  let tried = 0;
  while (choices && tried < limit) {
    const replay: ChoiceReplay = new ChoiceReplay(choices);
    if (await once(replay)) runs++;
    tried++;
    choices = replay.nextChoices();
  }
  return { runs, all: choices === undefined };
}
