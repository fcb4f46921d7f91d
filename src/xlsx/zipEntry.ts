// Reads one file out of an .xlsx (a zip) with node:zlib. ExcelJS drops defined names it cannot
// parse as A1 ranges (e.g. "Customers[Customer]"), so the reader takes them from
// xl/workbook.xml itself.
import { inflateRawSync } from "node:zlib";

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

interface CentralEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly localOffset: number;
}

function centralDirectory(zip: Buffer): CentralEntry[] {
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65535.
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file (no central directory)");
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: CentralEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error("damaged zip central directory");
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      localOffset: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/** The paths of every file in the zip. */
export function zipEntryNames(zip: Buffer): string[] {
  return centralDirectory(zip).map((e) => e.name);
}

export function readZipEntry(zip: Buffer, path: string): Buffer | undefined {
  const entry = centralDirectory(zip).find((e) => e.name === path);
  if (!entry) return undefined;
  const { localOffset, compressedSize, method } = entry;
  if (zip.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new Error(`damaged zip entry ${path}`);
  const start = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
  const data = zip.subarray(start, start + compressedSize);
  if (method === 0) return Buffer.from(data);
  if (method === 8) return inflateRawSync(data);
  throw new Error(`zip entry ${path} uses compression method ${method}`);
}

/**
 * Names of the tables whose header row is hidden (headerRowCount="0" in their part). ExcelJS
 * cannot say: it reads the attribute's absence, Excel's default of one header row, as none.
 */
export function headerlessTables(xlsx: Buffer): Set<string> {
  const names = new Set<string>();
  for (const path of zipEntryNames(xlsx)) {
    if (!/^xl\/tables\/[^/]+\.xml$/.test(path)) continue;
    const open = /<table\b([^>]*)>/.exec(readZipEntry(xlsx, path)?.toString("utf8") ?? "")?.[1] ?? "";
    const name = /\bname="([^"]*)"/.exec(open)?.[1];
    if (name !== undefined && /\bheaderRowCount="0"/.test(open)) names.add(unescapeXml(name));
  }
  return names;
}

export interface RawDefinedName {
  readonly name: string;
  /** Without the leading "=", as stored: "'设置'!$B$2" or "Customers[Customer]". */
  readonly refersTo: string;
  /** Set for names scoped to one sheet (print areas and the like). */
  readonly localSheetId?: number;
}

/** Text of an XML element or attribute, entities resolved. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&amp;/g, "&");
}

/** The defined names of an .xlsx, exactly as stored in xl/workbook.xml. */
export function readDefinedNames(xlsx: Buffer): RawDefinedName[] {
  const xml = readZipEntry(xlsx, "xl/workbook.xml")?.toString("utf8") ?? "";
  const names: RawDefinedName[] = [];
  for (const match of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attributes = match[1];
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1];
    if (name === undefined) continue;
    const local = /\blocalSheetId="(\d+)"/.exec(attributes)?.[1];
    names.push({
      name: unescapeXml(name),
      refersTo: unescapeXml(match[2]),
      ...(local !== undefined ? { localSheetId: Number(local) } : {}),
    });
  }
  return names;
}
