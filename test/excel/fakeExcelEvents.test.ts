// The fake's navigation and events keep the rules in its header's table.
import { FakeContext, FakeOfficeError, type FakeEventRegistration } from "../support/fakeExcel";
import { freshFake } from "../support/fakeExcelFixtures";

describe("the fake's navigation and events", () => {
  it("a handler is registered by the sync after add(), not before", async () => {
    const fake = freshFake();
    const seen: unknown[] = [];
    await fake.run({}, async (context) => {
      context.workbook.worksheets.onChanged.add((args) => seen.push(args));
      await fake.raiseWorksheetChanged({ sheet: "Sheet1", address: "A1", source: "Local" });
      expect(seen).toEqual([]);
      await context.sync();
    });
    await fake.raiseWorksheetChanged({ sheet: "Sheet1", address: "B2", source: "Remote" });
    expect(seen).toEqual([
      { type: "WorksheetChanged", address: "B2", changeType: "RangeEdited", source: "Remote", worksheetId: fake.workbook.sheets[0].id },
    ]);
  });

  it("remove() takes effect only through the context that added the handler", async () => {
    const fake = freshFake();
    const registration = await fake.run({}, async (context) => {
      const r = context.workbook.worksheets.onChanged.add(() => undefined);
      await context.sync();
      return r as FakeEventRegistration;
    });
    // Its own run has ended: a call on it from another run is refused (InvalidObjectPath).
    await expect(
      fake.run({}, async (other) => {
        registration.remove();
        await other.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidObjectPath" });
    expect(fake.changedHandlers).toHaveLength(1);
    await fake.run(registration.context as FakeContext, async (context) => {
      registration.remove();
      await context.sync();
    });
    expect(fake.changedHandlers).toHaveLength(0);
  });

  it("selects on the active sheet only, and never activates a hidden sheet; neither is an undo step", async () => {
    const fake = freshFake();
    fake.workbook.addSheet("Hidden").visibility = "Hidden";
    fake.workbook.addSheet("Other");
    fake.activeSheet = "Sheet1";
    await expect(
      fake.run({}, async (context) => {
        context.workbook.worksheets.getItem("Other").getRange("A1").select();
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    await expect(
      fake.run({}, async (context) => {
        context.workbook.worksheets.getItem("Hidden").activate();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    await fake.run({}, async (context) => {
      const sheet = context.workbook.worksheets.getItem("Other");
      sheet.activate();
      sheet.getRange("C3").select();
      await context.sync();
    });
    expect(fake.activeSheet).toBe("Other");
    expect(fake.selection).toEqual({ sheet: "Other", address: "C3" });
    expect(fake.undoSteps).toBe(0);
  });
});
