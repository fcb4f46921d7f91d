// A production build for a real host, as `ADDIN_URL=https://example.org/planner/ npm run build`
// makes it, into a temporary folder: what Excel loads must name only that host, over https,
// with no eval in our bundles and a Content-Security-Policy on every page.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import type { Configuration, Stats } from "webpack";
import { salesFunctionLinks } from "../../src/taskpane/functionLinks";
import { cspProblems, metaCsp } from "./csp";

const root = path.resolve(__dirname, "../..");
const BASE = "https://example.org/planner/";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const webpack = require("webpack") as (config: Configuration, done: (error: Error | null, stats?: Stats) => void) => void;
const makeConfig = require("../../webpack.config.js") as (env: object, argv: object) => Configuration;

let out: string;
let stats: Stats;
const read = (file: string) => readFileSync(path.join(out, file), "utf8");

function build(config: Configuration): Promise<Stats> {
  return new Promise((resolve, reject) => webpack(config, (error, result) => (error ? reject(error) : resolve(result!))));
}

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), "planner-build-"));
  const saved = process.env.ADDIN_URL;
  process.env.ADDIN_URL = BASE;
  try {
    stats = await build(makeConfig({ outputPath: out }, { mode: "production" }));
  } finally {
    if (saved === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = saved;
  }
}, 300_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Every absolute URL in a text, except XML namespace names (which are never fetched). */
function urlsIn(text: string): string[] {
  const namespaces = /^http:\/\/(schemas\.microsoft\.com\/|www\.w3\.org\/)/;
  return [...text.matchAll(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi)].map((m) => m[0]).filter((u) => !namespaces.test(u));
}

describe("production build with ADDIN_URL", () => {
  it("compiles without errors", () => {
    expect(stats.toJson({ all: false, errors: true }).errors?.map((e) => e.message) ?? []).toEqual([]);
  });

  it("compiles our TypeScript to ES modules, so webpack can concatenate and tree-shake them", () => {
    // Scope hoisting only joins ES modules; CommonJS output from ts-loader would leave them apart.
    const names = (stats.toJson({ all: false, modules: true }).modules ?? []).map((m) => m.name ?? "");
    expect(names.filter((n) => /^\.\/src\/functions\/functions\.ts \+ \d+ modules$/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /^\.\/src\/taskpane\/index\.tsx \+ \d+ modules$/.test(n))).toHaveLength(1);
  });

  it("emits the files the manifest and pages name", () => {
    const files = readdirSync(out);
    for (const file of ["manifest.xml", "taskpane.html", "help.html", "functions.js", "functions.json", "taskpane.js"]) {
      expect(files).toContain(file);
    }
    expect(readdirSync(path.join(out, "assets")).sort()).toEqual(["icon-128.png", "icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png"]);
  });

  it("points every URL of dist/manifest.xml at ADDIN_URL, none at localhost", () => {
    const manifest = read("manifest.xml");
    const urls = urlsIn(manifest);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual([]);
    expect(manifest).not.toMatch(/localhost|127\.0\.0\.1/);
    // The source keeps the development addresses.
    expect(readFileSync(path.join(root, "manifest.xml"), "utf8")).toContain("https://localhost:3000/taskpane.html");
    expect(manifest).toContain(`${BASE}taskpane.html`);
  });

  it("changes nothing else in the manifest", () => {
    const source = readFileSync(path.join(root, "manifest.xml"), "utf8");
    expect(read("manifest.xml").split(BASE).join("https://localhost:3000/")).toBe(source);
  });

  it("points every help link of functions.json at ADDIN_URL's help page", () => {
    const text = read("functions.json");
    const metadata = JSON.parse(text) as { functions: Array<{ id: string; helpUrl?: string }> };
    expect(metadata.functions.length).toBeGreaterThan(0);
    const wrong = metadata.functions.filter((f) => !f.helpUrl?.startsWith(`${BASE}help.html#`)).map((f) => `${f.id}: ${f.helpUrl}`);
    expect(wrong).toEqual([]);
    expect(urlsIn(text).filter((u) => !u.startsWith(BASE))).toEqual([]);
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);
  });

  it("writes into functions.json the flags only hand-written metadata carries: errors and data types reach the functions", () => {
    const metadata = JSON.parse(read("functions.json")) as Record<string, unknown>;
    expect(metadata.allowErrorForDataTypeAny).toBe(true);
    expect(metadata.allowCustomDataForDataTypeAny).toBe(true);
  });

  it("sends the task pane's help links to the same sections as Excel's help links", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ id: string; helpUrl?: string }> };
    const fromMetadata = Object.fromEntries(metadata.functions.map((f) => [f.id, f.helpUrl]));
    const fromPane = Object.fromEntries(salesFunctionLinks().map((link) => [link.name, `${BASE}${link.helpUrl}`]));
    expect(fromPane).toEqual(fromMetadata);
  });

  it("associates every function of functions.json in functions.js", () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> };
    const code = read("functions.js");
    const missing = metadata.functions.filter((f) => !code.includes(`CustomFunctions.associate("${f.id}"`)).map((f) => f.id);
    expect(missing).toEqual([]);
  });

  it("emits the two entry bundles and the pane's lazily loaded chunks, each named by its content", () => {
    const bundles = readdirSync(out).filter((f) => f.endsWith(".js"));
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js"]));
    const chunks = bundles.filter((f) => f !== "functions.js" && f !== "taskpane.js");
    expect(chunks.filter((f) => !/^[\w-]+\.[0-9a-f]{8}\.js$/.test(f))).toEqual([]);
    for (const panel of ["setup", "check", "tasks", "review", "settings"]) {
      expect({ panel, chunks: chunks.filter((f) => f.startsWith(`panel-${panel}.`)).length }).toEqual({ panel, chunks: 1 });
    }
  });

  it("has no eval and no Function constructor in any bundle, dependencies included", () => {
    const bundles = readdirSync(out).filter((f) => f.endsWith(".js"));
    const evalLike = /\beval\s*\(|\bnew\s+Function\b|\bFunction\s*\(\s*["'`]|\bset(?:Timeout|Interval)\s*\(\s*["'`]/;
    const found = bundles.flatMap((file) => {
      const match = evalLike.exec(read(file));
      return match ? [`${file}: …${read(file).slice(Math.max(0, match.index - 60), match.index + 60)}…`] : [];
    });
    expect(found).toEqual([]);
  });

  it("has no network API in any bundle: the workbook is the only state", () => {
    const networkApi = /\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\b/;
    const found = readdirSync(out)
      .filter((f) => f.endsWith(".js"))
      .filter((file) => networkApi.test(read(file)));
    expect(found).toEqual([]);
  });

  it("puts the same strict Content-Security-Policy on taskpane.html and help.html, before any script", () => {
    const pagePolicies = ["taskpane.html", "help.html"].map((page) => ({ page, policy: metaCsp(read(page)) }));
    for (const { page, policy } of pagePolicies) {
      expect({ page, hasPolicy: policy !== undefined }).toEqual({ page, hasPolicy: true });
      expect({ page, problems: cspProblems(policy!) }).toEqual({ page, problems: [] });
    }
    expect(pagePolicies[1].policy).toBe(pagePolicies[0].policy);
  });

  it("loads Office.js from Microsoft's CDN, then our bundles, with no inline script", () => {
    for (const page of ["taskpane.html", "help.html"]) {
      const inline = [...read(page).matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>/gi)];
      expect({ page, inlineScripts: inline.length }).toEqual({ page, inlineScripts: 0 });
    }
    const sources = [...read("taskpane.html").matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)].map((m) => m[1].split("?")[0]);
    expect(sources).toEqual([OFFICE_JS, "functions.js", "taskpane.js"]);
  });
});

describe("ADDIN_URL", () => {
  it.each([
    ["http://example.org/planner/", /https/],
    ["example.org/planner", /not a URL/],
  ])("refuses %s with a clear message, before building anything", (value, message) => {
    const target = mkdtempSync(path.join(os.tmpdir(), "planner-refused-"));
    try {
      const result = spawnSync(
        process.execPath,
        [path.join(root, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production", "--env", `outputPath=${target}`],
        { cwd: root, env: { ...process.env, ADDIN_URL: value }, encoding: "utf8", timeout: 120_000 },
      );
      expect(result.status).not.toBe(0);
      expect(result.stderr + result.stdout).toMatch(message);
      expect(result.stderr + result.stdout).toContain(value);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});

describe("the built task pane in Chromium, under its own CSP", () => {
  const ORIGIN = "https://addin.test";
  const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png" };
  let browser: Browser;

  beforeAll(async () => {
    const installed = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"].find((file) => existsSync(file));
    browser = await chromium.launch({ executablePath: installed, args: ["--no-sandbox"] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  /**
   * Opens taskpane.html as Excel would: files from the build, Office.js replaced by `officeJs`
   * (a stand-in for Microsoft's CDN, which this machine cannot reach), nothing else reachable.
   */
  async function open(officeJs: string | undefined, file: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (url.origin !== ORIGIN && url.href !== OFFICE_JS) problems.push(`request to ${url.href}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().includes("ERR_FAILED")) problems.push(`console: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        ((window as unknown as { __violations: string[] }).__violations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.route("**/*", async (route) => {
      const url = new URL(route.request().url());
      if (url.origin === "https://appsforoffice.microsoft.com" && officeJs !== undefined) {
        return route.fulfill({ contentType: "text/javascript", body: officeJs });
      }
      const file = path.join(out, decodeURIComponent(url.pathname));
      if (url.origin === ORIGIN && file.startsWith(out) && existsSync(file)) {
        return route.fulfill({ body: readFileSync(file), contentType: TYPES[path.extname(file)] ?? "application/octet-stream" });
      }
      return route.abort();
    });
    await page.goto(`${ORIGIN}/${file}`);
    return { page, problems };
  }

  /** Opens `file`, waits for `ready` to appear, runs `check`, and always closes the page. */
  async function onPage(
    officeJs: string | undefined,
    file: string,
    ready: string,
    check: (page: Page, problems: string[]) => Promise<void>,
  ): Promise<void> {
    const { page, problems } = await open(officeJs, file);
    try {
      await page.waitForSelector(ready, { timeout: 60_000 });
      await check(page, problems);
    } finally {
      await page.close();
    }
  }

  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);

  const excelInChineseDarkMode = `
    window.associated = [];
    window.CustomFunctions = { associate: (id) => window.associated.push(id) };
    window.Office = {
      context: { displayLanguage: "zh-CN", officeTheme: { bodyBackgroundColor: "#1F1F1F" } },
      onReady: () => Promise.resolve({ host: "Excel", platform: "OfficeOnline" }),
    };`;

  it("associates every SALES function and renders the pane in Office's language and theme, with no CSP violation", async () => {
    await onPage(excelInChineseDarkMode, "taskpane.html", "main h1", async (page, problems) => {
      const metadata = JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> };
      await page.getByRole("tab", { name: "函数" }).click();
      const seen = await page.evaluate(() => ({
        title: document.querySelector("main h1")?.textContent,
        lang: document.documentElement.lang,
        links: document.querySelectorAll("main a[href^='help.html#']").length,
        associated: (window as unknown as { associated: string[] }).associated,
        background: getComputedStyle(document.querySelector("main")!).backgroundColor,
        bodyMargin: getComputedStyle(document.body).margin,
      }));
      expect(seen.title).toBe("销售策略规划器");
      expect(seen.lang).toBe("zh-CN");
      expect(seen.links).toBe(metadata.functions.length);
      expect([...seen.associated].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
      const [r, g, b] = seen.background.match(/\d+/g)!.map(Number);
      expect(r + g + b).toBeLessThan(3 * 128); // dark
      expect(seen.bodyMargin).toBe("0px"); // no light frame around the dark pane
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }, 120_000);

  it("shows help.html with its styles and no CSP violation", async () => {
    await onPage(undefined, "help.html", "#ltv", async (page, problems) => {
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
    });
  }, 120_000);

  it("reaches the first help link with the Tab key from the Functions tab", async () => {
    await onPage(excelInChineseDarkMode, "taskpane.html", "main h1", async (page) => {
      await page.getByRole("tab", { name: "函数" }).click();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe("help.html#ltv");
    });
  }, 120_000);

  it("reports a CSP violation when the page reaches for another origin (the check can fail)", async () => {
    await onPage(excelInChineseDarkMode, "taskpane.html", "main h1", async (page) => {
      await page.evaluate(() => {
        const image = document.createElement("img");
        image.src = "https://elsewhere.test/pixel.png";
        document.body.append(image);
      });
      await page.waitForFunction(() => ((window as unknown as { __violations?: string[] }).__violations ?? []).length > 0);
      expect((await violations(page))[0]).toMatch(/^img-src https:\/\/elsewhere\.test/);
    });
  }, 120_000);

  it("shows why it cannot start when Office.js does not load, instead of a blank pane", async () => {
    await onPage(undefined, "taskpane.html", "[role=alert]", async (page) => {
      const alert = (await page.$("[role=alert]"))!;
      const text = await alert.textContent();
      expect(text).toContain("Office.js did not load, so this page cannot reach Excel. Open it from Excel (Home > Sales Planner)");
      expect(text).not.toContain("is not defined");
    });
  }, 120_000);
});
