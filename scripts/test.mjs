#!/usr/bin/env node
// `npm test`: makes sure the outside programs the tests drive are here (LibreOffice, poppler,
// Chromium from Debian's packages; installed when missing, and said so), then runs jest and
// ends with one line "N passed, N failed" that CI reads.
import { spawnSync, execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, existsSync } from "node:fs";

const needed = [
  { program: "soffice", packages: ["libreoffice-calc", "libreoffice-core"] },
  { program: "pdftoppm", packages: ["poppler-utils"] },
  { program: "chromium", packages: ["chromium"] },
  { program: "fc-list", packages: ["fontconfig"] },
];

function has(program) {
  return spawnSync("sh", ["-c", `command -v ${program}`], { stdio: "ignore" }).status === 0;
}

function hasCjkFont() {
  if (!has("fc-list")) return false;
  const out = spawnSync("fc-list", [":lang=zh"], { encoding: "utf8" });
  return out.status === 0 && out.stdout.trim().length > 0;
}

const missing = needed.filter((n) => !has(n.program)).flatMap((n) => n.packages);
if (!hasCjkFont()) missing.push("fonts-noto-cjk");
if (missing.length > 0) {
  console.log(`Installing what the tests drive, from Debian's packages: ${missing.join(" ")}`);
  const sudo = process.getuid && process.getuid() !== 0 ? ["sudo"] : [];
  const run = (args) => execFileSync(sudo.length ? "sudo" : args[0], sudo.length ? args : args.slice(1), { stdio: "inherit" });
  try {
    run(["apt-get", "update"]);
    run(["apt-get", "install", "-y", "--no-install-recommends", ...missing]);
  } catch (error) {
    console.error(`Could not install ${missing.join(" ")} (${error.message}). Install them with apt-get and run npm test again.`);
    process.exit(1);
  }
}

mkdirSync("test-output", { recursive: true });
const report = "test-output/jest.json";
const jest = spawnSync(process.execPath, ["node_modules/jest/bin/jest.js", "--json", `--outputFile=${report}`, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" },
});

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8"));
  passed = result.numPassedTests;
  failed = result.numFailedTests + result.numRuntimeErrorTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(jest.status === 0 && failed === 0 ? 0 : 1);
