// Drives LibreOffice headless to open a generated .xlsx the way a co-author's spreadsheet
// would: every formula recalculated on load, then saved as CSV (values) or PDF (what prints,
// conditional fills included). One soffice at a time, across jest workers too: the machine is
// small and two instances fight over resources.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { decodePng, type Image } from "./png";
import { unescapeXml } from "../../src/xlsx/zipEntry";

export const SOFFICE = process.env.SOFFICE ?? "soffice";
const RUN_TIMEOUT_MS = 180_000;
const LOCK_WAIT_MS = 600_000;

/**
 * CSV filter: comma, double quote, UTF-8 (76), from line 1, default cell format and language,
 * quoted fields not as text, special numbers detected, then "save cell contents as shown"
 * (false: numbers in full; true: as their number format shows them), formulas as values,
 * -1 = every sheet to its own file.
 */
const csvFilter = (asShown: boolean) => `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;

// Always recalculate OOXML (and ODF) files on load: the stored cached values of a file we wrote
// are empty, and a test must see what LibreOffice computes, not what we cached.
const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export interface Output {
  readonly stdout: string;
  readonly stderr: string;
}

function run(program: string, args: readonly string[], timeoutMs = RUN_TIMEOUT_MS): Promise<Output> {
  return new Promise((resolve, reject) => {
    // Own process group, so a hung soffice and its soffice.bin child can be ended together.
    const child = spawn(program, args, { stdio: ["ignore", "pipe", "pipe"], detached: true });
    // Decoded whole at the end: a chunk boundary can fall inside a multi-byte character.
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    const stdoutText = () => Buffer.concat(out).toString("utf8");
    const stderrText = () => Buffer.concat(err).toString("utf8");
    const timer = setTimeout(() => {
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }
      reject(new Error(`${program} ${args.join(" ")} took more than ${timeoutMs} ms`));
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(new Error(`could not start ${program}: ${error.message}`));
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      const stdout = stdoutText();
      const stderr = stderrText();
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${program} exited with ${code}: ${stderr.trim() || stdout.trim()}`));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const LOCK_DIR = join(tmpdir(), "sales-planner-soffice.lock");

/** A lock directory shared by every jest worker; a lock left by a dead process is taken over. */
async function withMachineLock<T>(work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, "pid"), String(process.pid));
      break;
    } catch {
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(LOCK_DIR, "pid"), "utf8"));
      } catch {
        // the holder has not written its pid yet
      }
      if (Number.isInteger(holder) && !alive(holder)) rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (Date.now() - started > LOCK_WAIT_MS) throw new Error(`waited ${LOCK_WAIT_MS} ms for ${LOCK_DIR}`);
      else await sleep(250);
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Runs soffice with a fresh throwaway profile (so no user setting or running instance interferes). */
function soffice(args: readonly string[]): Promise<Output> {
  const next = queue.then(() =>
    withMachineLock(async () => {
      const profile = mkdtempSync(join(tmpdir(), "sales-planner-lo-profile-"));
      try {
        mkdirSync(join(profile, "user"), { recursive: true });
        writeFileSync(join(profile, "user", "registrymodifications.xcu"), REGISTRY);
        return await run(SOFFICE, [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nolockcheck", ...args]);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    }),
  );
  queue = next.catch(() => undefined);
  return next;
}

export function sofficeVersion(): Promise<string> {
  return run(SOFFICE, ["--version"]).then((out) => out.stdout.trim());
}

export type Table = string[][];

/**
 * Every sheet of the workbook, recalculated, as rows of cell texts keyed by sheet name: numbers
 * in full, or with `asShown` as their cell's number format shows them (a conditional format's
 * number format is not a cell's: it shows in print, not here).
 */
export async function xlsxToCsv(file: string, outDir: string, options: { asShown?: boolean } = {}): Promise<Map<string, Table>> {
  const dir = join(outDir, "csv");
  mkdirSync(dir, { recursive: true });
  await soffice(["--convert-to", csvFilter(options.asShown ?? false), "--outdir", dir, file]);
  const prefix = `${basename(file, extname(file))}-`;
  const sheets = new Map<string, Table>();
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith(".csv")) {
      sheets.set(name.slice(prefix.length, -4), parseCsv(readFileSync(join(dir, name), "utf8")));
    }
  }
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV for ${file}`);
  return sheets;
}

/** The workbook printed to PDF (every visible sheet, in order); returns the PDF's path. */
export async function xlsxToPdf(file: string, outDir: string): Promise<string> {
  await soffice(["--convert-to", "pdf", "--outdir", outDir, file]);
  const pdf = join(outDir, `${basename(file, extname(file))}.pdf`);
  if (!existsSync(pdf)) throw new Error(`LibreOffice wrote no PDF for ${file}`);
  return pdf;
}

export function parseCsv(text: string): Table {
  const rows: Table = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export interface PdfPage {
  /** 1-based, as pdftoppm counts. */
  readonly number: number;
  /** In PDF points (1/72 inch). */
  readonly width: number;
  readonly height: number;
  readonly words: readonly Word[];
}

/** Every word of the PDF with its box, from poppler's `pdftotext -bbox`. */
export async function pdfWords(pdf: string): Promise<PdfPage[]> {
  const { stdout } = await run("pdftotext", ["-bbox", pdf, "-"]);
  const pages: PdfPage[] = [];
  const pagePattern = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g;
  const wordPattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const page of stdout.matchAll(pagePattern)) {
    const words: Word[] = [];
    for (const w of page[3].matchAll(wordPattern)) {
      words.push({ xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), text: unescapeXml(w[5]) });
    }
    pages.push({ number: pages.length + 1, width: Number(page[1]), height: Number(page[2]), words });
  }
  return pages;
}

/** One PDF page rendered at `dpi`; a PDF point is dpi/72 pixels. */
export async function renderPage(pdf: string, page: number, dpi: number, outDir: string): Promise<Image> {
  const prefix = join(outDir, `page-${page}-${dpi}`);
  await run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", String(dpi), "-png", "-singlefile", pdf, prefix]);
  return decodePng(readFileSync(`${prefix}.png`));
}

export function makeWorkDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `sales-planner-${name}-`));
}

export function removeWorkDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The workbook as LibreOffice saves it again as .xlsx: recalculated, so every formula cell holds
 * a cached result, in LibreOffice's own way of writing the parts. Returns the new file's path.
 */
export async function xlsxResaved(file: string, outDir: string): Promise<string> {
  const dir = join(outDir, "resaved");
  mkdirSync(dir, { recursive: true });
  await soffice(["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", dir, file]);
  const saved = join(dir, basename(file));
  if (!existsSync(saved)) throw new Error(`LibreOffice wrote no .xlsx for ${file}`);
  return saved;
}
