// The fake's threaded comments keep the rules FAKE.md lists (docs/excel/excel-add-ins-comments.md,
// @types/office-js CommentCollection); these pin them, so a nudge test against the fake means something.
import { FakeExcel, FakeWorkbook, type FakeContext } from "../support/fakeExcel";
import { commentsOf, setCommentUser, threadAt } from "../support/fakeComments";

function twoHosts() {
  const workbook = new FakeWorkbook();
  workbook.addSheet("Tasks");
  workbook.addSheet("My sheet");
  return [new FakeExcel(workbook), new FakeExcel(workbook)] as const;
}

const run = <T>(host: FakeExcel, body: (ctx: FakeContext) => Promise<T>) => host.run({}, body);
const mention = (name: string, email: string) => ({ richContent: `<at id="0">${name}</at> please look`, mentions: [{ id: 0, name, email }] });

describe("the fake's threaded comments", () => {
  it("adds a plain comment at sync on a cell named with its sheet, and reads it back by cell, count and items", async () => {
    const [host] = twoHosts();
    setCommentUser(host, { name: "Wang", email: "wang@example.com" });
    await run(host, async (ctx) => {
      ctx.workbook.comments.add("Tasks!B3", "Check the total");
      expect(commentsOf(host.workbook)).toHaveLength(0);
      const count = ctx.workbook.comments.getCount();
      await ctx.sync();
      expect(count.value).toBe(1);
      const comment = ctx.workbook.comments.getItemByCell("Tasks!$B$3").load("content,contentType,authorName,authorEmail,mentions");
      const all = ctx.workbook.comments.load("items/content");
      const where = comment.getLocation().load("address");
      await ctx.sync();
      expect([comment.content, comment.contentType, comment.authorName, comment.authorEmail, comment.mentions]).toEqual([
        "Check the total",
        "Plain",
        "Wang",
        "wang@example.com",
        [],
      ]);
      expect(all.items.map((c) => c.content)).toEqual(["Check the total"]);
      expect(where.address).toBe("Tasks!B3");
    });
    expect(host.count("CommentCollection.add")).toBe(1);
  });

  it("gives a quoted sheet in a location's address, as a range address has it", async () => {
    const [host] = twoHosts();
    await run(host, async (ctx) => {
      ctx.workbook.comments.add("'My sheet'!A1", "x");
      const where = ctx.workbook.comments.getItemAt(0).getLocation().load("address");
      await ctx.sync();
      expect(where.address).toBe("'My sheet'!A1");
    });
  });

  it.each([
    ["an address without its sheet", "B3", /no sheet name/],
    ["more than one cell", "Tasks!B3:B4", /larger than one cell/],
  ])("refuses %s (InvalidArgument)", async (_what, address, message) => {
    const [host] = twoHosts();
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.comments.add(address, "x");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(message) });
    expect(commentsOf(host.workbook)).toHaveLength(0);
  });

  it("mentions: rich content with the Mention type, the at-tag's text the mention's exact name", async () => {
    const [host] = twoHosts();
    await run(host, async (ctx) => {
      ctx.workbook.comments.add("Tasks!A2", mention("Sales rep Chen", "chen@example.com"), "Mention");
      await ctx.sync();
    });
    const thread = threadAt(host.workbook, "Tasks!A2")!;
    expect([thread.contentType, thread.richContent, thread.content, thread.mentions]).toEqual([
      "Mention",
      '<at id="0">Sales rep Chen</at> please look',
      "@Sales rep Chen please look",
      [{ id: 0, name: "Sales rep Chen", email: "chen@example.com" }],
    ]);
  });

  it.each([
    [
      "a shortened name in the at-tag",
      { richContent: '<at id="0">Chen</at> hi', mentions: [{ id: 0, name: "Sales rep Chen", email: "c@x.com" }] },
      "Mention",
      /exact name/,
    ],
    [
      "an at-tag whose id has no mention",
      { richContent: '<at id="1">Chen</at> hi', mentions: [{ id: 0, name: "Chen", email: "c@x.com" }] },
      "Mention",
      /no entry/,
    ],
    ["a mention without an email", mention("Chen", ""), "Mention", /no email/],
    ["rich content without the Mention type", mention("Chen", "c@x.com"), undefined, /needs the content type Mention/],
    ["a plain string with the Mention type", "hello", "Mention", /not a string/],
  ])("refuses %s", async (_what, content, type, message) => {
    const [host] = twoHosts();
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.comments.add("Tasks!A2", content, type);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument", message: expect.stringMatching(message) });
  });

  it("keeps one thread per cell: a second add there is refused, a reply joins the thread", async () => {
    const [host] = twoHosts();
    await run(host, async (ctx) => {
      ctx.workbook.comments.add("Tasks!A2", "first");
      await ctx.sync();
    });
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.comments.add("Tasks!A2", "second");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await run(host, async (ctx) => {
      const thread = ctx.workbook.comments.getItemByCell("Tasks!A2");
      thread.replies.add(mention("Li", "li@example.com"), "Mention");
      await ctx.sync();
      const replies = thread.replies.load("items/content,items/mentions");
      const count = thread.replies.getCount();
      await ctx.sync();
      expect(replies.items.map((r) => [r.content, r.mentions])).toEqual([["@Li please look", [{ id: 0, name: "Li", email: "li@example.com" }]]]);
      expect(count.value).toBe(1);
    });
    expect(commentsOf(host.workbook)).toHaveLength(1);
    expect(host.count("CommentReplyCollection.add")).toBe(1);
  });

  it("fails the sync that reads a comment on a cell without one (ItemNotFound)", async () => {
    const [host] = twoHosts();
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.comments.getItemByCell("Tasks!C9").load("content");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  it("keeps the comments added before a refused one in the same batch", async () => {
    const [host] = twoHosts();
    await expect(
      run(host, async (ctx) => {
        ctx.workbook.comments.add("Tasks!A2", "kept");
        ctx.workbook.comments.add("Tasks!A2", "refused");
        ctx.workbook.comments.add("Tasks!A3", "never sent");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(commentsOf(host.workbook).map((t) => t.content)).toEqual(["kept"]);
  });

  it("shows one host's comments to another host over the same workbook (co-authors)", async () => {
    const [a, b] = twoHosts();
    await run(a, async (ctx) => {
      ctx.workbook.comments.add("Tasks!A2", "from a");
      await ctx.sync();
    });
    await run(b, async (ctx) => {
      const all = ctx.workbook.comments.load("items/content");
      await ctx.sync();
      expect(all.items.map((c) => c.content)).toEqual(["from a"]);
    });
  });
});
