// `npm run mutate -- excel --sample 400`: an estimate of a folder's score from a random sample of
// its lines, for a folder whose full run takes hours on two cores (src/excel: ~3,100 mutants).
// Lines, not mutants, because Stryker's `mutate` takes line ranges: each drawn line brings every
// mutant that starts and ends on it. Mutants spanning lines (a whole block, a multi-line object)
// cannot be drawn this way; the estimate says how many of the folder's mutants it stands for.
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const quiet = Object.fromEntries(["trace", "debug", "info", "warn", "error", "fatal"].map((level) => [level, () => {}]));
for (const level of ["Trace", "Debug", "Info", "Warn", "Error", "Fatal"]) quiet[`is${level}Enabled`] = () => false;

/** Every mutant Stryker would make in the folder's .ts files, with 0-based lines. */
export async function mutantsOf(folder) {
  const dir = path.dirname(createRequire(import.meta.url).resolve("@stryker-mutator/instrumenter/package.json"));
  const { Instrumenter } = await import(pathToFileURL(path.join(dir, "dist/src/index.js")).href);
  const files = readdirSync(path.join("src", folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => path.join("src", folder, f))
    .sort();
  const { mutants } = await new Instrumenter(quiet).instrument(
    files.map((name) => ({ name, mutate: true, content: readFileSync(name, "utf8") })),
    { plugins: null, excludedMutations: [], ignorers: [] },
  );
  return mutants;
}

/** A seeded generator (mulberry32), so a re-run draws the same lines and incremental mode reuses its results. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lines drawn at random until they hold `size` single-line mutants; Stryker `mutate` ranges for them. */
export function drawLines(mutants, size, seed) {
  const byLine = new Map();
  for (const m of mutants) {
    if (m.location.start.line !== m.location.end.line) continue;
    const key = `${m.fileName}:${m.location.start.line + 1}`;
    byLine.set(key, (byLine.get(key) ?? 0) + 1);
  }
  const lines = [...byLine.keys()];
  const next = random(seed);
  for (let i = lines.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [lines[i], lines[j]] = [lines[j], lines[i]];
  }
  const drawn = [];
  let count = 0;
  for (const line of lines) {
    if (count >= size) break;
    drawn.push(line);
    count += byLine.get(line);
  }
  const singleLine = [...byLine.values()].reduce((a, b) => a + b, 0);
  return { ranges: drawn.map((key) => `${key}-${key.split(":").pop()}`), lines: drawn.length, count, singleLine, all: mutants.length };
}

/**
 * The score over the drawn lines and a 95% interval from resampling those lines (a line's mutants
 * tend to live or die together, so lines, not mutants, are the units).
 */
export function estimate(report, seed) {
  const byLine = new Map();
  for (const [file, { mutants }] of Object.entries(report.files)) {
    for (const m of mutants) {
      const detected = m.status === "Killed" || m.status === "Timeout" ? 1 : 0;
      const valid = detected || m.status === "Survived" || m.status === "NoCoverage" ? 1 : 0;
      const key = `${file}:${m.location.start.line}`;
      const tally = byLine.get(key) ?? { detected: 0, valid: 0 };
      tally.detected += detected;
      tally.valid += valid;
      byLine.set(key, tally);
    }
  }
  const lines = [...byLine.values()].filter((t) => t.valid > 0);
  const score = (ls) =>
    (100 * ls.reduce((a, t) => a + t.detected, 0)) /
    Math.max(
      1,
      ls.reduce((a, t) => a + t.valid, 0),
    );
  const next = random(seed);
  const resampled = Array.from({ length: 2000 }, () => score(lines.map(() => lines[Math.floor(next() * lines.length)]))).sort((a, b) => a - b);
  return {
    score: score(lines),
    low: resampled[Math.floor(0.025 * resampled.length)],
    high: resampled[Math.ceil(0.975 * resampled.length) - 1],
    mutants: lines.reduce((a, t) => a + t.valid, 0),
    lines: lines.length,
  };
}
