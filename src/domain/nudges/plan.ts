// Who gets a nudge for which lagging task, worked out from plain rows (no Office): the Tasks rows,
// the Team roster, the record of nudges already made and today. One comment per lagging task, to
// its owner by the roster's email, in the workbook's language; a task nudged today is left alone,
// and an owner who cannot be mentioned is listed with the reason instead of being skipped quietly.
import { daysPastDue, isLagging } from "../metrics/tasks";
import { normalizeWord, type Language } from "../spec/vocabulary";
import { messages } from "../../i18n";

/** One row of the Tasks table, as the nudges need it. */
export interface NudgeTaskRow {
  readonly id: string;
  readonly owner: string;
  /** Excel serial date, or undefined when the cell holds no date. */
  readonly due?: number;
  readonly status: string;
  readonly action: string;
  readonly outputStandard: string;
  /** The cell the comment goes on, with its sheet ("Tasks!A5"). */
  readonly cell: string;
}

/** One person on the Team roster (Settings). */
export interface RosterRow {
  readonly name: string;
  readonly email: string;
}

/** One row of the Nudges record (Settings). */
export interface NudgeRecordRow {
  readonly taskId: string;
  /** Excel serial date of the nudge, or undefined when the cell holds no date. */
  readonly nudgedOn?: number;
}

export interface NudgeInput {
  readonly tasks: readonly NudgeTaskRow[];
  readonly roster: readonly RosterRow[];
  readonly record: readonly NudgeRecordRow[];
  /** Excel serial date. */
  readonly today: number;
  /** Settings' LagAlertDays: late by more than this many days is lagging. */
  readonly lagAlertDays: number;
  /** The workbook's language: the comments are written in it, whoever runs the nudge. */
  readonly language: Language;
}

/** A lagging task and what is known of it. */
export interface LaggingTask {
  readonly taskId: string;
  readonly cell: string;
  readonly owner: string;
  readonly daysLate: number;
  /** "YYYY-MM-DD". */
  readonly due: string;
  readonly action: string;
  readonly outputStandard: string;
}

export interface Nudge extends LaggingTask {
  readonly email: string;
  /** The comment for Excel: `<at id="0">Name</at> …`, with the mention's exact roster name. */
  readonly richContent: string;
  /** The same comment as people read it: `@Name …`. */
  readonly text: string;
}

export type CannotNudgeReason =
  /** The task's ID cell is blank: the record could not say which task was nudged. */
  | "noTaskId"
  /** Two Tasks rows share the ID: the record could not tell them apart. */
  | "duplicateTaskId"
  | "noOwner"
  | "notOnRoster"
  | "noEmail"
  /** The roster's email for the owner is not an address (no "@"). */
  | "badEmail"
  /** Two roster rows with the owner's name give different emails. */
  | "ambiguous";

export interface CannotNudge extends LaggingTask {
  readonly reason: CannotNudgeReason;
  /** For "ambiguous": the emails the roster gives; for "badEmail": the one it gives. */
  readonly emails?: readonly string[];
}

export interface NudgePlan {
  readonly nudges: readonly Nudge[];
  readonly cannot: readonly CannotNudge[];
  /** Lagging tasks already nudged today (by anyone): left alone until tomorrow. */
  readonly nudgedToday: readonly LaggingTask[];
}

/** Excel serial date to "YYYY-MM-DD" (the 1900 system, from 1900-03-01 on). */
export function isoOfSerial(serial: number): string {
  return new Date((Math.floor(serial) - 25_569) * 86_400_000).toISOString().slice(0, 10);
}

/** The key a Task ID is matched by, in the Tasks table and the record alike. */
export const taskKey = (id: string) => normalizeWord(id);

const looksLikeEmail = (email: string) => /^[^\s@]+@[^\s@]+$/.test(email);

/** The roster's emails per name (matched as Excel matches words: case and outer spaces ignored). */
function emailsByName(roster: readonly RosterRow[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const person of roster) {
    const name = normalizeWord(person.name);
    if (name === "") continue;
    const emails = out.get(name) ?? [];
    const email = person.email.trim();
    if (email !== "" && !emails.some((e) => normalizeWord(e) === normalizeWord(email))) emails.push(email);
    out.set(name, emails);
  }
  return out;
}

/** The roster row's own spelling of the name: a mention must carry the exact name. */
function rosterName(roster: readonly RosterRow[], owner: string): string {
  return roster.find((p) => normalizeWord(p.name) === normalizeWord(owner))!.name.trim();
}

/** The comment's words in `language`, with `mention` where the owner is named. */
export function nudgeText(task: LaggingTask, mention: string, language: Language): string {
  const standard = task.outputStandard.trim().replace(/[.。]+$/, "");
  return messages(language).nudges.comment(mention, task.taskId, task.action.trim(), task.daysLate, task.due, standard);
}

export function planNudges(input: NudgeInput): NudgePlan {
  const roster = emailsByName(input.roster);
  const idCount = new Map<string, number>();
  for (const t of input.tasks) if (t.id.trim() !== "") idCount.set(taskKey(t.id), (idCount.get(taskKey(t.id)) ?? 0) + 1);
  const today = Math.floor(input.today);
  const nudgedToday = new Set(input.record.filter((r) => r.nudgedOn !== undefined && Math.floor(r.nudgedOn) === today).map((r) => taskKey(r.taskId)));

  const nudges: Nudge[] = [];
  const cannot: CannotNudge[] = [];
  const already: LaggingTask[] = [];
  for (const t of input.tasks) {
    if (!isLagging(t, input.today, input.lagAlertDays)) continue;
    const task: LaggingTask = {
      taskId: t.id.trim(),
      cell: t.cell,
      owner: t.owner.trim(),
      daysLate: daysPastDue(t.due!, input.today),
      due: isoOfSerial(t.due!),
      action: t.action.trim(),
      outputStandard: t.outputStandard.trim(),
    };
    const refuse = (reason: CannotNudgeReason, emails?: readonly string[]) => cannot.push({ ...task, reason, ...(emails ? { emails } : {}) });
    if (task.taskId === "") refuse("noTaskId");
    else if (idCount.get(taskKey(task.taskId))! > 1) refuse("duplicateTaskId");
    else if (nudgedToday.has(taskKey(task.taskId))) already.push(task);
    else if (task.owner === "") refuse("noOwner");
    else {
      const emails = roster.get(normalizeWord(task.owner));
      if (emails === undefined) refuse("notOnRoster");
      else if (emails.length === 0) refuse("noEmail");
      else if (emails.length > 1) refuse("ambiguous", emails);
      else if (!looksLikeEmail(emails[0])) refuse("badEmail", emails);
      else {
        const name = rosterName(input.roster, task.owner);
        nudges.push({
          ...task,
          owner: name,
          email: emails[0],
          richContent: nudgeText(task, `<at id="0">${name}</at>`, input.language),
          text: nudgeText(task, `@${name}`, input.language),
        });
      }
    }
  }
  // The latest first: the panel lists the worst delays on top.
  const order = (a: LaggingTask, b: LaggingTask) => b.daysLate - a.daysLate || a.taskId.localeCompare(b.taskId);
  return { nudges: nudges.sort(order), cannot: cannot.sort(order), nudgedToday: already.sort(order) };
}
