// "My tasks", worked out from plain values (no Office, no DOM): which roster owner the user said
// they are, where that choice is remembered, the name of their sheet view, and the values the
// Owner and Status filters keep.
import { CLOSED_TASK_STATUSES, matchTerm, normalizeWord, TASK_STATUS, type Language } from "../../domain/spec/vocabulary";
import type { ExcelHost } from "../../excel/host";

/** How "My tasks" filters: in the user's own named sheet view, or with the table's shared filter. */
export type MyTasksMode = "sheetView" | "sharedFilter";

/** Named sheet views are in ExcelApiOnline 1.1 (@types/office-js Worksheet.namedSheetViews), an online-only set checked at run time. */
export function myTasksMode(host: Pick<ExcelHost, "isSetSupported">): MyTasksMode {
  return host.isSetSupported("ExcelApiOnline", "1.1") ? "sheetView" : "sharedFilter";
}

/** What the user picked once, as kept in their own storage (never in the workbook). */
export interface RememberedOwner {
  readonly owner: string;
}

/** The remembered owner against today's roster: still on it, gone (renamed or removed), or never picked. */
export type OwnerStatus =
  { readonly kind: "picked"; readonly owner: string } | { readonly kind: "stale"; readonly was: string } | { readonly kind: "none" };

const same = (a: string, b: string) => normalizeWord(a) === normalizeWord(b);

/** Matches the remembered name to the roster as Excel's lists match words (case and spaces aside); the roster's spelling wins. */
export function ownerStatus(remembered: string | undefined, roster: readonly string[]): OwnerStatus {
  if (remembered === undefined || remembered.trim() === "") return { kind: "none" };
  const onRoster = roster.find((name) => same(name, remembered));
  return onRoster === undefined ? { kind: "stale", was: remembered } : { kind: "picked", owner: onRoster };
}

/**
 * The storage key: the partition key first, as Microsoft's guidance for localStorage asks
 * (docs/develop/persisting-add-in-state-and-settings.md), then the workbook's address, so the
 * same person may be a different roster owner in another workbook. An unsaved workbook has no
 * address; it shares one key, and the roster check catches a name that is not on its Team.
 */
export function rememberedOwnerKey(partitionKey: string | undefined, workbookUrl: string | null | undefined): string {
  return `${partitionKey ?? ""}sales-strategy-planner/my-owner/${workbookUrl || "unsaved"}`;
}

/** The stored text back to an owner; anything else (an old format, a damaged entry) is no choice. */
export function parseRememberedOwner(stored: string | null | undefined): string | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<RememberedOwner> | null;
    return typeof value?.owner === "string" && value.owner.trim() !== "" ? value.owner : undefined;
  } catch {
    return undefined;
  }
}

export const storedOwner = (owner: string): string => JSON.stringify({ owner } satisfies RememberedOwner);

/**
 * Sheet-view names are kept to Excel's sheet-name rules (at most 31 characters, none of : \ / ? * [ ]):
 * the typings say only that add() refuses an empty, taken or reserved name, so the product stays
 * inside the stricter rules it knows.
 */
export const SHEET_VIEW_NAME_MAX = 31;
const FORBIDDEN = /[:\\/?*[\]]/g;

/** A short, stable tag of the whole name, so two long names that share a beginning stay apart. */
function tag(text: string): string {
  let hash = 0;
  for (const ch of text) hash = (Math.imul(hash, 31) + ch.codePointAt(0)!) >>> 0;
  // The low digits: the high ones barely move between names that differ at the end.
  return (hash % 36 ** 4).toString(36).padStart(4, "0");
}

/** The owner's own sheet view on Tasks, in the workbook's language (co-authors see the view's name in their list). */
export function sheetViewName(owner: string, language: Language): string {
  const prefix = language === "zh-CN" ? "我的任务-" : "My tasks - ";
  const clean = owner.replace(FORBIDDEN, " ").replace(/\s+/g, " ").trim();
  const whole = `${prefix}${clean}`;
  if ([...whole].length <= SHEET_VIEW_NAME_MAX) return whole;
  const suffix = `~${tag(clean)}`;
  const room = SHEET_VIEW_NAME_MAX - [...prefix].length - suffix.length;
  return `${prefix}${[...clean].slice(0, room).join("").trimEnd()}${suffix}`;
}

/** The values a Values filter keeps on the Owner and Status columns, and how many rows that shows. */
export interface MyTasksCriteria {
  /** The Owner cells' own texts that name the owner (a values filter matches what the cell shows). */
  readonly ownerValues: readonly string[];
  /** The Status texts of the owner's open tasks, in either language, as the cells have them. */
  readonly statusValues: readonly string[];
  /** Rows the two filters leave visible. */
  readonly count: number;
}

const cellText = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/**
 * From the Owner and Status cells of the Tasks table, row by row: the owner's rows whose status is
 * neither done nor cancelled. A blank or unknown status is left out: a values filter cannot keep
 * "anything but" two words in both languages, and the check flags such a row anyway.
 */
export function myTasksCriteria(owners: readonly unknown[], statuses: readonly unknown[], owner: string): MyTasksCriteria {
  const ownerValues = new Set<string>();
  const statusValues = new Set<string>();
  let count = 0;
  owners.forEach((value, row) => {
    const text = cellText(value);
    if (text.trim() === "" || !same(text, owner)) return;
    ownerValues.add(text);
    const status = cellText(statuses[row]);
    const key = matchTerm(TASK_STATUS, status);
    if (key === undefined || CLOSED_TASK_STATUSES.includes(key)) return;
    statusValues.add(status);
    count += 1;
  });
  return { ownerValues: [...ownerValues], statusValues: [...statusValues], count };
}
