// The fake Excel host the browser test injects into the built pane (never shipped): the recording
// fake of test/support as `Excel.run`, and Office.js's own `Office` told it is in Excel. The real
// Office.js still loads and runs under the page's CSP; only the host behind it is ours.
import { FakeExcel, FakeWorkbook, asExcelRun } from "../support/fakeExcel";
import { activeSheetView, sheetViewNames, visibleRows } from "../support/fakeSheetViews";
import { commentsOf } from "../support/fakeComments";

interface HostSettings {
  readonly displayLanguage: string;
  readonly bodyBackgroundColor: string;
}

type Win = Omit<typeof globalThis, "Excel" | "Office"> & {
  __host: HostSettings;
  __fake: FakeExcel;
  __views: { activeSheetView: typeof activeSheetView; sheetViewNames: typeof sheetViewNames; visibleRows: typeof visibleRows };
  __comments: typeof commentsOf;
  Excel?: unknown;
  Office?: unknown;
};
const win = globalThis as Win;

// The fake counts payload bytes with Node's Buffer; the browser has TextEncoder.
(globalThis as { Buffer?: unknown }).Buffer ??= { byteLength: (text: string) => new TextEncoder().encode(text).length };

const fake = new FakeExcel(new FakeWorkbook(), { supportsUndoGrouping: true });
fake.workbook.addSheet("Sheet1");
win.__fake = fake;
// What the test reads of named sheet views and filters (a co-author is another FakeExcel over fake.workbook).
win.__views = { activeSheetView, sheetViewNames, visibleRows };
win.__comments = commentsOf;
// Excel.run(batch) and Excel.run(options, batch), as Office.js takes them (the pane's host passes no empty options).
const run = asExcelRun(fake) as (...args: unknown[]) => Promise<unknown>;
win.Excel = { run: (first: unknown, second?: unknown) => (second === undefined ? run({}, first) : run(first, second)) };

// Office.js outside an Office client answers onReady with no host. When its script assigns the
// global, its onReady is wrapped to answer as Excel on the web would, with the context the pane reads.
let office: { onReady?: (...a: unknown[]) => Promise<unknown>; context?: Record<string, unknown> } | undefined;
let wrapped = false;
Object.defineProperty(win, "Office", {
  configurable: true,
  get() {
    if (office && !wrapped && typeof office.onReady === "function") {
      wrapped = true;
      const real = office.onReady.bind(office);
      office.onReady = async () => {
        await real();
        const context = (office!.context ??= {});
        Object.assign(context, {
          displayLanguage: win.__host.displayLanguage,
          officeTheme: { bodyBackgroundColor: win.__host.bodyBackgroundColor },
          requirements: { isSetSupported: () => true },
        });
        return { host: "Excel", platform: "OfficeOnline" };
      };
    }
    return office;
  },
  set(value) {
    office = value;
  },
});

// Outside an Office client Office.js frames its telemetry proxy after 3 s (o15apptofilemappingtable.js,
// ULSEndpointProxy); Excel's own host scripts do not, so that frame is kept out of the CSP check.
const setAttribute = HTMLIFrameElement.prototype.setAttribute;
HTMLIFrameElement.prototype.setAttribute = function (name: string, value: string) {
  if (name === "src" && /telemetryservice\.firstpartyapps\.oaspapps\.com/.test(value)) return;
  setAttribute.call(this, name, value);
};
