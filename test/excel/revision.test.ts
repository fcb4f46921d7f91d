// The revision claim that keeps two co-authors' set-ups from writing over each other: each batch
// moves a hidden name on, and a copy that read an older revision fails on its first call with
// nothing written (then reads and plans again).
import { REVISION_ANCHOR, RevisionClaim, changedMeanwhile, isRevisionName } from "../../src/excel/revision";
import { FakeExcel, FakeOfficeError, FakeWorkbook } from "../support/fakeExcel";

function host(): FakeExcel {
  const wb = new FakeWorkbook();
  wb.addSheet("Sheet1");
  return new FakeExcel(wb);
}

/** Runs one write batch that starts with the claim; `write` is the batch's own call. */
async function batch(fake: FakeExcel, claim: RevisionClaim, write = "A1"): Promise<void> {
  await fake.run({}, async (ctx) => {
    const context = ctx as unknown as Excel.RequestContext;
    claim.queue(context);
    context.workbook.worksheets.getItem("Sheet1").getRange(write).values = [["written"]];
    await ctx.sync();
    claim.synced();
  });
}

const names = (fake: FakeExcel) => fake.workbook.names.map((n) => [n.name, n.formula, n.visible]);
const cell = (fake: FakeExcel, row: number) => fake.workbook.peek(fake.workbook.sheet("Sheet1")!, row, 0)?.value;

describe("the revision claim", () => {
  it("the first batch ever adds the hidden anchor and revision 1; each later batch moves the revision on by one", async () => {
    const fake = host();
    const claim = new RevisionClaim([]);
    await batch(fake, claim);
    expect(names(fake)).toEqual([
      [REVISION_ANCHOR, "=0", false],
      ["SalesPlannerRevision_1", "=1", false],
    ]);
    await batch(fake, claim, "A2");
    await batch(fake, claim, "A3");
    expect(names(fake)).toEqual([
      [REVISION_ANCHOR, "=0", false],
      ["SalesPlannerRevision_3", "=3", false],
    ]);
  });

  it("goes on from the highest revision read, the anchor found in any case", async () => {
    const fake = host();
    fake.workbook.addName("salesplannerrevision", "=0");
    fake.workbook.addName("SalesPlannerRevision_12", "=12");
    const claim = new RevisionClaim(["salesplannerrevision", "SalesPlannerRevision_9", "SALESPLANNERREVISION_12", "MyName_40"]);
    await batch(fake, claim);
    expect(names(fake).map(([n]) => n)).toEqual(["salesplannerrevision", "SalesPlannerRevision_13"]);
  });

  it("a copy that read before another's batch fails on its first call, writing nothing, and the refusal reads as 'changed meanwhile'", async () => {
    const fake = host();
    const mine = new RevisionClaim([]);
    const theirs = new RevisionClaim([]);
    await batch(fake, theirs, "A1");
    const error = await batch(fake, mine, "A2").catch((e: unknown) => e);
    expect(changedMeanwhile(error)).toBe(true);
    expect(cell(fake, 1)).toBeUndefined();
    // Read again: the claim then moves on from what the other wrote.
    const again = new RevisionClaim(fake.workbook.names.map((n) => n.name));
    await batch(fake, again, "A2");
    expect(cell(fake, 1)).toBe("written");
    expect(names(fake).map(([n]) => n)).toEqual([REVISION_ANCHOR, "SalesPlannerRevision_2"]);
  });

  it("a stale revision (another batch moved it on) fails the same way", async () => {
    const fake = host();
    const first = new RevisionClaim([]);
    await batch(fake, first);
    const read = fake.workbook.names.map((n) => n.name);
    await batch(fake, new RevisionClaim(read), "A2");
    const error = await batch(fake, new RevisionClaim(read), "A3").catch((e: unknown) => e);
    expect(changedMeanwhile(error)).toBe(true);
    expect(cell(fake, 2)).toBeUndefined();
  });

  it("an anchor without a revision (a batch stopped between the two) gets a number no copy used", async () => {
    const fake = host();
    fake.workbook.addName(REVISION_ANCHOR, "=0");
    const before = Date.now();
    await batch(fake, new RevisionClaim([REVISION_ANCHOR]));
    const revision = fake.workbook.names.find((n) => n.name !== REVISION_ANCHOR)!;
    const n = Number(/_(\d+)$/.exec(revision.name)![1]);
    expect(n).toBeGreaterThanOrEqual(before);
    expect(revision.formula).toBe(`=${n}`);
    expect(fake.workbook.names).toHaveLength(2);
  });

  it("a batch that failed does not move the claim on: the next try claims the same revision again", async () => {
    const fake = host();
    const claim = new RevisionClaim([]);
    fake.failure = { sync: 1 };
    await expect(batch(fake, claim)).rejects.toBeDefined();
    fake.failure = undefined;
    await batch(fake, claim);
    expect(names(fake).map(([n]) => n)).toEqual([REVISION_ANCHOR, "SalesPlannerRevision_1"]);
  });
});

describe("isRevisionName and changedMeanwhile", () => {
  it("know the bookkeeping names, in any case, and nothing else", () => {
    expect(isRevisionName("SalesPlannerRevision")).toBe(true);
    expect(isRevisionName("salesplannerrevision_7")).toBe(true);
    expect(isRevisionName("SalesPlannerRevision_")).toBe(false);
    expect(isRevisionName("SalesPlannerRevision_7x")).toBe(false);
    expect(isRevisionName("MySalesPlannerRevision_7")).toBe(false);
    expect(isRevisionName("Language")).toBe(false);
  });

  it("a refusal because something was gone or already there means 'read again'; anything else does not", () => {
    expect(changedMeanwhile(new FakeOfficeError("ItemNotFound", "gone"))).toBe(true);
    expect(changedMeanwhile(new FakeOfficeError("ItemAlreadyExists", "there"))).toBe(true);
    expect(changedMeanwhile(new FakeOfficeError("InvalidArgument", "bad"))).toBe(false);
    expect(changedMeanwhile(new Error("network"))).toBe(false);
  });
});
