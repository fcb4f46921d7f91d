// The task pane's initial JavaScript: what taskpane.html loads before the pane can show anything
// (the scripts it names, Office.js from Microsoft's CDN aside), gzip-compressed as a server sends
// it, from a fresh production build. Panels load as their own chunks on first use: those are
// listed apart, and are not part of the initial bytes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import webpack, { type Configuration, type Stats } from "webpack";

/** The budget for the initial JavaScript, in gzip bytes (250 KB). */
export const INITIAL_GZIP_BUDGET = 250 * 1024;

const gzipBytes = (file: string) => gzipSync(readFileSync(file)).length;

export async function run(): Promise<Record<string, unknown>> {
  // The project's own webpack.config.js (CommonJS), by path so the type checker leaves it alone.
  const configFile = path.resolve(__dirname, "../webpack.config.js");
  const { default: makeConfig } = (await import(configFile)) as { default: (env: object, argv: object) => Configuration };
  const out = mkdtempSync(path.join(os.tmpdir(), "planner-bench-pane-"));
  try {
    const stats = await new Promise<Stats>((resolve, reject) =>
      webpack(makeConfig({ outputPath: out }, { mode: "production" }), (error, result) => (error ? reject(error) : resolve(result!))),
    );
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
    const html = readFileSync(path.join(out, "taskpane.html"), "utf8");
    const initial = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/gi)]
      .map((m) => m[1].split("?")[0])
      .filter((src) => !/^https?:/.test(src));
    const initialBytes = Object.fromEntries(initial.map((file) => [file, gzipBytes(path.join(out, file))]));
    const lazy = readdirSync(out).filter((f) => f.endsWith(".js") && !initial.includes(f));
    const lazyBytes = Object.fromEntries(lazy.sort().map((file) => [file, gzipBytes(path.join(out, file))]));
    const initialGzipBytes = Object.values(initialBytes).reduce((a, b) => a + b, 0);
    return {
      initialGzipBytes,
      budgetGzipBytes: INITIAL_GZIP_BUDGET,
      withinBudget: initialGzipBytes <= INITIAL_GZIP_BUDGET,
      initial: initialBytes,
      lazyGzipBytes: Object.values(lazyBytes).reduce((a, b) => a + b, 0),
      lazy: lazyBytes,
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
