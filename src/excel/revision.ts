// Two co-authors may press Set up (or upgrade) at the same time, each in their own copy of the
// add-in. Each copy plans from what it read; a batch planned from a read that the other copy has
// since written over would double what the other made (highlight rules have no names to refuse a
// second one by) or write the AddinRecord's rows over the other's. So every write batch begins by
// moving a hidden revision name on: it deletes the revision it read and adds the next one. A batch
// applies its calls in order and stops at the first that fails, so a copy whose read is stale fails
// on its first call (ItemNotFound, or ItemAlreadyExists for the first revision) with nothing else
// applied; it then reads and plans again (setup.ts). Co-authors typing do not move the revision:
// the writer addresses table cells relative to the table as Excel holds it when the batch runs.
import { officeErrorParts } from "./errors";

/** Added by the first batch ever and kept: a copy that read a workbook without it is stale once it exists. */
export const REVISION_ANCHOR = "SalesPlannerRevision";
const REVISION = /^SalesPlannerRevision_(\d+)$/i;

/** The revision a copy read, moved on by each batch it writes. */
export class RevisionClaim {
  private anchored: boolean;
  private current?: number;
  private next?: number;

  /** From the workbook's defined names as read. */
  constructor(names: readonly string[]) {
    this.anchored = names.some((n) => n.toLowerCase() === REVISION_ANCHOR.toLowerCase());
    const found = names.map((n) => REVISION.exec(n)).filter((m): m is RegExpExecArray => m !== null);
    if (found.length > 0) this.current = Math.max(...found.map((m) => Number(m[1])));
  }

  /** Queues the claim: the first calls of a write batch. */
  queue(context: Excel.RequestContext): void {
    const names = context.workbook.names;
    if (this.current !== undefined) names.getItem(revisionName(this.current)).delete();
    else if (!this.anchored) names.add(REVISION_ANCHOR, "=0").visible = false;
    // Anchored without a revision: a batch stopped between the two calls. A number no copy used.
    this.next = this.current !== undefined ? this.current + 1 : this.anchored ? Date.now() : 1;
    names.add(revisionName(this.next), `=${this.next}`).visible = false;
  }

  /** After the batch synced: the revision it added is the one to move on from. */
  synced(): void {
    if (this.next === undefined) return;
    this.current = this.next;
    this.anchored = true;
    this.next = undefined;
  }
}

function revisionName(n: number): string {
  return `SalesPlannerRevision_${n}`;
}

/** Whether a name is the add-in's revision bookkeeping (tests that compare workbooks leave it out). */
export function isRevisionName(name: string): boolean {
  return name.toLowerCase() === REVISION_ANCHOR.toLowerCase() || REVISION.test(name);
}

/**
 * Whether Excel refused a batch because the workbook changed since it was read: the revision (or
 * something else the plan was sure of) was gone, or what it was about to add was already there.
 * Reading and planning again is then the whole answer.
 */
export function changedMeanwhile(error: unknown): boolean {
  const { code } = officeErrorParts(error);
  return code === "ItemNotFound" || code === "ItemAlreadyExists";
}
