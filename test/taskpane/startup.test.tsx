// What the pane shows as it starts, for each way Office.js can answer: missing (opened outside
// Office, or its CDN unreachable), ready in Excel, ready in a plain browser, or failing.
import { renderToStaticMarkup } from "react-dom/server";
import { paneFor, type OfficeGlobal } from "../../src/taskpane/startup";

const html = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** A stand-in for the Office global: onReady answers with the host ("Excel", or null in a browser). */
function office(host: string | null, displayLanguage?: string, onReady?: () => Promise<unknown>): OfficeGlobal {
  return {
    onReady: onReady ?? (() => Promise.resolve({ host, platform: null })),
    context: { displayLanguage, officeTheme: { bodyBackgroundColor: "#FFFFFF" } },
  } as unknown as OfficeGlobal;
}

describe("paneFor", () => {
  it.each([
    [
      "en-US",
      "Office.js did not load, so this page cannot reach Excel. Open it from Excel (Home &gt; Sales Planner); if it is open there, check that https://appsforoffice.microsoft.com can be reached, then reload the pane.",
    ],
    [
      "zh-CN",
      "Office.js 未能加载，此页面无法连接 Excel。请从 Excel 中打开（开始 &gt; 销售规划器）；如已在 Excel 中打开，请检查能否访问 https://appsforoffice.microsoft.com，然后重新加载窗格。",
    ],
  ])("without Office.js says what to do in the browser's language (%s), as an alert", async (browser, message) => {
    const pane = await paneFor(undefined, browser);
    const page = renderToStaticMarkup(pane.element);
    expect(pane.language).toBe(browser);
    expect(page).toContain(message);
    expect(page).toContain('role="alert"');
    expect(page).not.toContain("not defined");
  });

  it("opens in Excel in Office's language, whatever the browser's, on the panels, with no warning", async () => {
    const pane = await paneFor(office("Excel", "zh-CN"), "en-US");
    const page = renderToStaticMarkup(pane.element);
    expect(pane.language).toBe("zh-CN");
    expect(page).toMatch(/role="tab"[^>]*aria-selected="true"[^>]*>.*?初始化/);
    expect(page).toContain(">函数<");
    expect(page).not.toContain('role="alert"');
    expect(page).not.toContain(html("请从 Excel 中打开此页面"));
  });

  it("opened in a browser with Office.js loaded, lists the functions under a notice to open it from Excel", async () => {
    const pane = await paneFor(office(null, "en-US"), "en-US");
    const page = renderToStaticMarkup(pane.element);
    expect(page).toContain(html("Open this page from Excel (Home > Sales Planner) to use it."));
    expect(page).toContain("SALES.TIER(value, winProbability, growth, [highValue]");
  });

  it("when Office fails to start, gives the reason and what to do, in the browser's language", async () => {
    const failing = office(null, "en-US", () => Promise.reject(new Error("Host not responding.")));
    const pane = await paneFor(failing, "zh-Hans-CN");
    const page = renderToStaticMarkup(pane.element);
    expect(pane.language).toBe("zh-CN");
    expect(page).toContain(html("窗格无法启动：Host not responding。请关闭窗格后重新打开（开始 > 销售规划器）；如仍无效，请重新加载 Excel。"));
    expect(page).toContain('role="alert"');
  });
});
