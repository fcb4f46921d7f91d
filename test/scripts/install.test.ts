// `npm ci` on a fresh machine must warn nothing a newcomer has to puzzle over:
// - EBADENGINE when a locked package refuses a Node version package.json says we run on. So
//   every Node version our `engines` range admits must be admitted by every locked package's
//   own `engines.node`, as npm reads it (an `engines` that is not an object is ignored).
// - npm 11.16+ lists every dependency whose install script package.json's `allowScripts` has
//   not decided on (npm 12 skips them), so each one needs a yes or a no.
import { readFileSync } from "node:fs";
import path from "node:path";

interface SemVer {
  major: number;
  minor: number;
  patch: number;
}
interface Semver {
  satisfies(version: string, range: string): boolean;
  validRange(range: string): string | null;
  Range: new (range: string) => { set: { semver: SemVer }[][] };
}
// The semver in node_modules is 6.x, which has no `subset`; boundaries are checked below instead.
const semver = require("semver") as Semver;

const root = path.resolve(__dirname, "../..");
const readJson = (file: string) => JSON.parse(readFileSync(path.join(root, file), "utf8"));

/**
 * Versions on and around every boundary of both ranges. A range is a union of intervals that
 * open and close at its comparators, so if `inner` is inside `outer` at each of these points,
 * it is inside everywhere.
 */
function boundaryVersions(...ranges: string[]): string[] {
  const versions = new Set<string>();
  for (const range of ranges) {
    for (const comparators of new semver.Range(range).set) {
      for (const { semver: v } of comparators) {
        if (v.major === 0 && v.minor === 0 && v.patch === 0 && comparators.length === 1) continue; // "*"
        versions.add(`${v.major}.${v.minor}.${v.patch}`);
        versions.add(`${v.major}.${v.minor}.${v.patch + 1}`);
        if (v.patch > 0) versions.add(`${v.major}.${v.minor}.${v.patch - 1}`);
        else if (v.minor > 0) versions.add(`${v.major}.${v.minor - 1}.999`);
        else if (v.major > 0) versions.add(`${v.major - 1}.999.999`);
      }
    }
  }
  versions.add("999.0.0");
  return [...versions];
}

/** Node versions `inner` admits that `outer` refuses (boundary points only). */
function refused(inner: string, outer: string): string[] {
  return boundaryVersions(inner, outer).filter((v) => semver.satisfies(v, inner) && !semver.satisfies(v, outer));
}

describe("refused (the check itself)", () => {
  const jest30 = "^18.14.0 || ^20.0.0 || ^22.0.0 || >=24.0.0";
  it("finds the versions one range admits and the other does not", () => {
    expect(refused(">=20", ">=20.9.0")).toEqual(expect.arrayContaining(["20.0.0", "20.8.999"]));
    expect(refused(">=20.9.0", jest30)).toEqual(expect.arrayContaining(["21.0.0", "23.0.0"]));
    expect(refused(">=20.20.0", ">= 22.15.0")).toContain("20.20.0");
    expect(refused("^20.9.0 || ^22.0.0 || >=24.0.0", ">=25")).toEqual(expect.arrayContaining(["24.0.0", "24.999.999"]));
  });

  it("finds nothing when one range lies inside the other", () => {
    expect(refused("^20.9.0 || ^22.0.0 || >=24.0.0", jest30)).toEqual([]);
    expect(refused("^20.9.0 || ^22.0.0 || >=24.0.0", ">=20.9.0")).toEqual([]);
    expect(refused("^20.9.0 || ^22.0.0 || >=24.0.0", "*")).toEqual([]);
    expect(refused("^20.9.0", "20 || >=22")).toEqual([]);
  });
});

describe("the Node versions package.json declares", () => {
  const declared: string = readJson("package.json").engines.node;
  const lock = readJson("package-lock.json") as { packages: Record<string, { version?: string; engines?: unknown }> };

  it("are a valid range, the same one the lockfile records", () => {
    expect(semver.validRange(declared)).not.toBeNull();
    expect(lock.packages[""].engines).toEqual({ node: declared });
  });

  it("are accepted by every locked package, so npm ci warns no EBADENGINE", () => {
    const problems: string[] = [];
    for (const [where, entry] of Object.entries(lock.packages)) {
      if (where === "") continue;
      const engines = entry.engines;
      if (typeof engines !== "object" || engines === null || Array.isArray(engines)) continue;
      const node = (engines as { node?: unknown }).node;
      if (typeof node !== "string") continue;
      const versions = refused(declared, node);
      if (versions.length > 0) problems.push(`${where}@${entry.version} wants node ${node}, refusing ${versions.join(", ")}`);
    }
    expect(problems).toEqual([]);
  });
});

describe("install scripts", () => {
  it("every locked package with an install script is allowed or denied by name in allowScripts", () => {
    const allowScripts: Record<string, boolean> = readJson("package.json").allowScripts ?? {};
    const lock = readJson("package-lock.json") as { packages: Record<string, { hasInstallScript?: boolean }> };
    const undecided = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([where]) => where.slice(where.lastIndexOf("node_modules/") + "node_modules/".length))
      .filter((name) => typeof allowScripts[name] !== "boolean");
    expect(undecided).toEqual([]);
  });
});
