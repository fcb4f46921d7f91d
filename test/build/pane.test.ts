// The built task pane at work in Chromium: the production build served over HTTPS on 127.0.0.1,
// the real Office.js from the @microsoft/office-js package answering for Microsoft's CDN address
// (routed, so the page and its Content-Security-Policy are exactly what ships), and behind it the
// recording fake of Excel that the test injects (browserHost.ts, never shipped). Set up, Check,
// Tasks and the language switch are driven as a user would; every panel is screenshot in both
// languages and in the dark theme under test-output/taskpane, and scanned with axe-core.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import https from "node:https";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { Configuration, Stats } from "webpack";

const root = path.resolve(__dirname, "../..");
const OFFICE_ORIGIN = "https://appsforoffice.microsoft.com";
const OFFICE_DIST = path.join(root, "node_modules/@microsoft/office-js/dist");
const SHOTS = path.join(root, "test-output/taskpane");
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
};

const webpack = require("webpack") as (config: Configuration, done: (error: Error | null, stats?: Stats) => void) => void;
const makeConfig = require("../../webpack.config.js") as (env: object, argv: object) => Configuration;

let out: string;
let certs: string;
let server: https.Server;
let origin: string;
let browser: Browser;
let hostScript: string;
let axeSource: string;

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "planner-pane-"));
  certs = mkdtempSync(path.join(os.tmpdir(), "planner-certs-"));
  const stats = await new Promise<Stats>((resolve, reject) =>
    webpack(makeConfig({ outputPath: out }, { mode: "production" }), (error, result) => (error ? reject(error) : resolve(result!))),
  );
  expect(stats.hasErrors()).toBe(false);
  // A certificate for 127.0.0.1 alone, made for this run.
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      path.join(certs, "key.pem"),
      "-out",
      path.join(certs, "cert.pem"),
    ],
    { stdio: "ignore" },
  );
  server = https.createServer(
    { key: readFileSync(path.join(certs, "key.pem")), cert: readFileSync(path.join(certs, "cert.pem")) },
    (request, response) => {
      const file = path.join(out, decodeURIComponent(new URL(request.url ?? "/", "https://127.0.0.1").pathname));
      if (!file.startsWith(out) || !existsSync(file)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    },
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const esbuild = require("esbuild") as typeof import("esbuild");
  hostScript = (
    await esbuild.build({
      entryPoints: [path.join(__dirname, "browserHost.ts")],
      bundle: true,
      format: "iife",
      platform: "browser",
      target: "es2020",
      write: false,
    })
  ).outputFiles[0].text;
  axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  const installed = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((file) => existsSync(file));
  browser = await chromium.launch({ executablePath: installed, args: ["--no-sandbox"] });
  mkdirSync(SHOTS, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  for (const dir of [out, certs]) if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Opened {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
}

/** Opens the pane as Excel would, in a pane-sized window, with Office in `language` and `background`. */
async function openPane(displayLanguage: string, bodyBackgroundColor: string): Promise<Opened> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 380, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && url.origin !== OFFICE_ORIGIN) problems.push(`request to ${url.href}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      ((window as unknown as { __violations: string[] }).__violations ??= []).push(
        `${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`,
      );
    });
  });
  await page.addInitScript({ content: `window.__host = ${JSON.stringify({ displayLanguage, bodyBackgroundColor })};\n${hostScript}` });
  // Microsoft's CDN answered from the npm package: /lib/1/hosted/office.js and the files it loads beside it.
  await page.route(`${OFFICE_ORIGIN}/**`, async (route) => {
    const file = path.join(OFFICE_DIST, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
    if (file.startsWith(OFFICE_DIST) && existsSync(file)) return route.fulfill({ contentType: "text/javascript", body: readFileSync(file) });
    problems.push(`Office.js asked for ${route.request().url()}, which the package does not have`);
    return route.abort();
  });
  await page.goto(`${origin}/taskpane.html`);
  await page.getByRole("tablist").waitFor({ timeout: 60_000 });
  return { context, page, problems };
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
const fake = <T>(page: Page, read: string) => page.evaluate(`(() => { const fake = window.__fake; return ${read}; })()`) as Promise<T>;

async function openTab(page: Page, name: RegExp | string, heading: string): Promise<void> {
  await page.getByRole("tab", { name }).click();
  await page.getByRole("heading", { name: heading, level: 2 }).waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** axe-core run in the page (as evaluated code, so the page's CSP is untouched): serious and critical problems. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  // Tabster's focus sentinels (<i data-tabster-dummy>) are focusable and aria-hidden on purpose:
  // they hand focus on to the real controls. Everything else is scanned.
  const scan = () =>
    (window as unknown as { axe: { run: (c: object, o: object) => Promise<unknown> } }).axe.run(
      { exclude: [["[data-tabster-dummy]"]] },
      { resultTypes: ["violations"] },
    );
  const result = (await page.evaluate(scan)) as {
    violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
  };
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

const PANELS = [
  { key: "setup", en: ["Set up", "Set up the workbook"], zh: ["初始化", "初始化工作簿"] },
  { key: "check", en: [/^Check/, "Check the workbook"], zh: [/^检查/, "检查工作簿"] },
  { key: "tasks", en: ["Tasks", "Tasks"], zh: ["任务", "任务"] },
  { key: "review", en: ["Review", "Review"], zh: ["复盘", "复盘"] },
  { key: "settings", en: ["Settings", "Settings"], zh: ["设置", "设置"] },
] as const;

async function setUpWorkbook(page: Page, button: string, done: RegExp): Promise<void> {
  await page.getByRole("button", { name: button }).click();
  await page.getByText(done).waitFor({ timeout: 60_000 });
}

describe("the built task pane on the real Office.js, with a fake Excel behind it", () => {
  it("sets up the workbook, checks it, adds a customer's tasks and switches to Chinese, with no CSP violation or console error", async () => {
    const { context, page, problems } = await openPane("en-US", "#FFFFFF");
    try {
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en-US");
      // Set up: the plan reaches the workbook and the progress bar ends full.
      await setUpWorkbook(page, "Set up workbook", /^Done: \d+ changes made/);
      expect(await page.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("1");
      const tables = await fake<string[]>(page, "fake.workbook.tables.map((t) => t.name)");
      expect(tables).toEqual(expect.arrayContaining(["Tasks", "Customers", "Pipeline", "ReviewMetrics", "Team", "Config"]));
      await shoot(page, "en-setup");

      // Check: a required cell blanked in the sheet is found after the edit, and a click selects it.
      await openTab(page, /^Check/, "Check the workbook");
      await fake(
        page,
        `(() => { const t = fake.workbook.table("Tasks"); const cell = fake.workbook.cell(t.sheet, t.rect.row + 1, t.rect.col + 1); cell.value = ""; delete cell.formula; return fake.raiseWorksheetChanged({ sheet: t.sheet.name, address: "B2", source: "Local" }); })()`,
      );
      const finding = page.getByRole("button", { name: /^Go to B2:/ });
      await finding.waitFor({ timeout: 30_000 });
      await page.getByRole("tab", { name: /^Check, \d+ findings?$/ }).waitFor();
      await finding.click();
      await page.waitForFunction(() => (window as unknown as { __fake: { selection?: { address: string } } }).__fake.selection?.address === "B2");
      expect(await fake(page, "fake.selection")).toEqual({ sheet: "Tasks", address: "B2" });
      await shoot(page, "en-check");

      // Tasks: a new customer's path becomes rows in Tasks.
      await openTab(page, "Tasks", "Tasks");
      const before = await fake<number>(page, `fake.workbook.table("Tasks").rect.rows`);
      await page.getByRole("button", { name: "Create tasks" }).click();
      await page.getByText(/^6 tasks added for /).waitFor({ timeout: 30_000 });
      expect(await fake<number>(page, `fake.workbook.table("Tasks").rect.rows`)).toBe(before + 6);
      await shoot(page, "en-tasks");
      // The fake does not calculate: give two metrics the values Excel would, to see the cards' colours.
      await fake(
        page,
        `(() => {
        const t = fake.workbook.table("ReviewMetrics");
        const put = (row, values) => values.forEach((v, c) => { fake.workbook.cell(t.sheet, t.rect.row + 1 + row, t.rect.col + 2 + c).value = v; });
        put(2, [0.25, -0.05, "✗"]);
        put(3, [18000, -2000, "✓"]);
      })()`,
      );
      await openTab(page, "Review", "Review");
      expect(await page.getByRole("group", { name: "Win rate (%)" }).textContent()).toContain("25%");
      expect(await page.getByRole("group", { name: "Customer acquisition cost, CAC (amount)" }).getByText("On track").count()).toBe(1);
      await shoot(page, "en-review");
      await openTab(page, "Settings", "Settings");
      await shoot(page, "en-settings");

      // 中文: the labels change in place.
      await page.getByRole("combobox", { name: "Pane language" }).selectOption("zh-CN");
      await page.getByRole("tab", { name: "任务" }).waitFor();
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("销售策略规划器");
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
      for (const panel of PANELS) {
        await openTab(page, panel.zh[0], panel.zh[1]);
        await shoot(page, `zh-${panel.key}`);
      }
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("shows my tasks in my own sheet view, leaves a co-author unfiltered, goes back to all tasks, and remembers who I am after a reload", async () => {
    const { context, page, problems } = await openPane("en-US", "#FFFFFF");
    try {
      await setUpWorkbook(page, "Set up workbook", /^Done: /);
      await openTab(page, "Tasks", "Tasks");
      const owner = await page.getByRole("combobox", { name: /Who are you on the Team roster/ }).inputValue();
      await page.getByRole("button", { name: "This is me" }).click();
      await page.getByText(`You are ${owner} on the Team roster.`).waitFor();
      await page.getByRole("button", { name: "My tasks", exact: true }).click();
      const shown = page.getByText(/^Showing your \d+ open tasks? in your own sheet view /);
      await shown.waitFor({ timeout: 30_000 });
      const count = Number(/(\d+)/.exec((await shown.textContent()) ?? "")![1]);
      const view = `My tasks - ${owner}`;
      expect(await fake(page, `window.__views.sheetViewNames(fake.workbook, "Tasks")`)).toEqual([view]);
      expect(await fake(page, `window.__views.activeSheetView(fake, "Tasks")`)).toBe(view);
      expect(await fake<number>(page, `window.__views.visibleRows(fake, "Tasks").length`)).toBe(count);
      // A co-author's Excel over the same workbook sees every row.
      const rows = await fake<number>(page, `fake.workbook.table("Tasks").rect.rows - 1`);
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(rows);
      expect(await fake<number>(page, `window.__views.visibleRows(new fake.constructor(fake.workbook), "Tasks").length`)).toBe(rows);
      await shoot(page, "en-my-tasks");
      await page.getByRole("button", { name: "All tasks" }).click();
      await page.getByText(/^Back to the default view/).waitFor();
      expect(await fake(page, `window.__views.activeSheetView(fake, "Tasks") ?? "none"`)).toBe("none");
      expect(await fake<number>(page, `window.__views.visibleRows(fake, "Tasks").length`)).toBe(rows);

      // The pane opened again (the same browser storage): not asked again.
      const again = await context.newPage();
      again.on("pageerror", (error) => problems.push(`page error (opened again): ${error.message}`));
      await again.addInitScript({
        content: `window.__host = ${JSON.stringify({ displayLanguage: "en-US", bodyBackgroundColor: "#FFFFFF" })};\n${hostScript}`,
      });
      await again.route(`${OFFICE_ORIGIN}/**`, (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: readFileSync(path.join(OFFICE_DIST, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""))),
        }),
      );
      await again.goto(`${origin}/taskpane.html`);
      await again.getByRole("tablist").waitFor({ timeout: 60_000 });
      await setUpWorkbook(again, "Set up workbook", /^Done: /);
      await openTab(again, "Tasks", "Tasks");
      await again.getByText(`You are ${owner} on the Team roster.`).waitFor();
      expect(await again.getByRole("combobox", { name: /Who are you/ }).count()).toBe(0);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("nudges the owners of lagging tasks after a preview, with one mention comment per task, and not twice the same day", async () => {
    const { context, page, problems } = await openPane("en-US", "#FFFFFF");
    try {
      await setUpWorkbook(page, "Set up workbook", /^Done: /);
      await openTab(page, "Tasks", "Tasks");
      await page.getByRole("button", { name: "Nudge owners of lagging tasks" }).click();
      const will = page.getByRole("table", { name: /^Will nudge: \d+ tasks?$/ });
      await will.waitFor({ timeout: 30_000 });
      const count = Number(/(\d+)/.exec((await page.locator("#nudges-will").textContent()) ?? "")![1]);
      expect(count).toBeGreaterThan(0);
      // The preview wrote nothing.
      expect(await fake<number>(page, "window.__comments(fake.workbook).length")).toBe(0);
      expect(await axeProblems(page)).toEqual([]);
      await shoot(page, "en-nudge-preview");

      await page.getByRole("button", { name: `Add ${count} ${count === 1 ? "comment" : "comments"}` }).click();
      await page.getByText(/comments? added; Excel notifies the people mentioned\.$/).waitFor({ timeout: 30_000 });
      const threads = await fake<{ type: string; emails: string[]; content: string }[]>(
        page,
        "window.__comments(fake.workbook).map((t) => ({ type: t.contentType, emails: t.mentions.map((m) => m.email), content: t.content }))",
      );
      expect(threads).toHaveLength(count);
      for (const t of threads) {
        expect(t.type).toBe("Mention");
        expect(t.emails).toHaveLength(1);
        expect(t.emails[0]).toMatch(/@example\.com$/);
        expect(t.content).toMatch(/^@.+ Task T-\d+ .* days? late/);
      }
      const recorded = await fake<number>(
        page,
        `(() => { const t = fake.workbook.table("Nudges"); let n = 0; for (let r = t.rect.row + 1; r < t.rect.row + t.rect.rows; r++) if (fake.workbook.peek(t.sheet, r, t.rect.col)?.value) n++; return n; })()`,
      );
      expect(recorded).toBe(count);
      await shoot(page, "en-nudge-done");

      // Again the same day: everyone was nudged today, nothing to add.
      await page.getByRole("button", { name: "Close" }).click();
      await page.getByRole("button", { name: "Nudge owners of lagging tasks" }).click();
      await page.getByText(new RegExp(`^Already nudged today: ${count} tasks?: `)).waitFor({ timeout: 30_000 });
      expect(await page.getByRole("button", { name: /^Add \d+ comments?$/ }).count()).toBe(0);
      expect(await fake<number>(page, "window.__comments(fake.workbook).length")).toBe(count);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("shows every panel in Office's dark theme, in Chinese, with no serious or critical accessibility problem", async () => {
    const { context, page, problems } = await openPane("zh-CN", "#1F1F1F");
    try {
      await setUpWorkbook(page, "初始化工作簿", /^完成：共 \d+ 项更改/);
      const background = await page.evaluate(() => getComputedStyle(document.querySelector("main")!).backgroundColor);
      const [r, g, b] = background.match(/\d+/g)!.map(Number);
      expect(r + g + b).toBeLessThan(3 * 128);
      const found: Record<string, string[]> = {};
      const wide: string[] = [];
      for (const panel of PANELS) {
        await openTab(page, panel.zh[0], panel.zh[1]);
        await shoot(page, `dark-zh-${panel.key}`);
        found[panel.key] = await axeProblems(page);
        // Nothing wider than the pane: a field that will not shrink pushes the page sideways.
        if (await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)) wide.push(panel.key);
      }
      expect(found).toEqual({ setup: [], check: [], tasks: [], review: [], settings: [] });
      expect(wide).toEqual([]);
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("has no serious or critical accessibility problem on any panel in the light theme, and every control is reached by Tab with a visible focus", async () => {
    const { context, page, problems } = await openPane("en-US", "#FFFFFF");
    try {
      await setUpWorkbook(page, "Set up workbook", /^Done: /);
      const found: Record<string, string[]> = {};
      for (const panel of PANELS) {
        await openTab(page, panel.en[0], panel.en[1]);
        found[panel.key] = await axeProblems(page);
      }
      expect(found).toEqual({ setup: [], check: [], tasks: [], review: [], settings: [] });

      // Keyboard: from the top, Tab reaches the language menu, then the tabs; arrows move between tabs.
      await page.locator("h1").evaluate((h1) => {
        h1.tabIndex = -1;
        h1.focus();
      });
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("pane-language");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("tab");
      await page.keyboard.press("Home");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      await page.getByRole("heading", { name: "Check the workbook" }).waitFor();
      // Fluent draws its focus ring only for keyboard focus: the focused element is marked
      // data-fui-focus-visible and gets a ring (a box shadow on tabs, a border on ::after elsewhere).
      const ring = async () =>
        page.evaluate(() => {
          const element = document.activeElement as HTMLElement;
          const own = getComputedStyle(element);
          return {
            marked: element.hasAttribute("data-fui-focus-visible"),
            shadow: own.boxShadow,
            after: getComputedStyle(element, "::after").borderTopWidth,
          };
        });
      const focused = await ring();
      expect(focused.marked).toBe(true);
      expect(focused.shadow !== "none" || focused.after !== "0px").toBe(true);
      // Every button and field of the Tasks panel is in the Tab order.
      await openTab(page, "Tasks", "Tasks");
      const controls = await page.evaluate(
        () =>
          [...document.querySelectorAll("[role=tabpanel] button, [role=tabpanel] select, [role=tabpanel] input")].filter(
            (e) => (e as HTMLElement).tabIndex < 0 && !(e as HTMLButtonElement).disabled,
          ).length,
      );
      expect(controls).toBe(0);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);
});
