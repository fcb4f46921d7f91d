// Nudges: the comment written on a lagging task's row (in the workbook's language), and the Tasks
// panel's preview, confirmation and result.
const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;
const tasks = (n: number) => `${n} ${n === 1 ? "task" : "tasks"}`;

export const nudges = {
  /** `mention` is Excel's mention markup or "@Name"; `standard` is "" when the task has none. */
  comment: (mention: string, id: string, action: string, daysLate: number, due: string, standard: string) =>
    `${mention} Task ${id}${action ? ` (${action})` : ""} is ${days(daysLate)} late: it was due ${due}.` +
    `${standard ? ` Output standard due: ${standard}.` : ""} Please finish it, or update its status and the reason on the Tasks sheet.`,
  reasons: {
    noTaskId: (_owner: string, _emails: string) => "The task has no ID, so the nudge could not be recorded.",
    duplicateTaskId: (_owner: string, _emails: string) => "Another row of Tasks has the same ID; give each task its own ID.",
    noOwner: (_owner: string, _emails: string) => "The task has no owner.",
    notOnRoster: (owner: string, _emails: string) => `${owner} is not on the Team roster (Settings).`,
    noEmail: (owner: string, _emails: string) => `${owner} has no email on the Team roster (Settings).`,
    badEmail: (owner: string, emails: string) => `The Team roster's email for ${owner} is not an email address: ${emails}.`,
    ambiguous: (owner: string, emails: string) => `The Team roster has ${owner} more than once, with different emails: ${emails}.`,
  },
  heading: "Nudge owners of lagging tasks",
  intro:
    "Adds one comment per lagging task on its row, @mentioning its owner by the email on the Team roster, so Excel notifies them. You see who first; nothing is written until you confirm.",
  preview: "Nudge owners of lagging tasks",
  previewing: "Reading who to nudge…",
  unsupported:
    "This Excel cannot add comments that @mention people (that needs ExcelApi 1.11 and 1.13), so nudges are not offered here. Excel on the web and Microsoft 365 can.",
  noRecord: "This workbook has no Nudges record on Settings yet. Open Set up and update the workbook, then nudge.",
  noTasks: "This workbook has no Tasks table. Open Set up and create the planner first.",
  nobody: "No task is lagging beyond the alert days: there is nobody to nudge.",
  willNudge: (n: number) => `Will nudge: ${tasks(n)}`,
  nudged: (n: number) => `Nudged: ${tasks(n)}`,
  owner: "Owner",
  task: "Task",
  daysLate: "Days late",
  outputStandard: "Output standard",
  why: "Why not",
  none: "—",
  cannot: (n: number) => `Cannot be nudged: ${tasks(n)}`,
  nudgedToday: (n: number) => `Already nudged today: ${tasks(n)}`,
  confirm: (n: number) => `Add ${n} ${n === 1 ? "comment" : "comments"}`,
  cancel: "Cancel",
  nudging: "Adding comments…",
  done: (n: number) => (n === 0 ? "No comment was added." : `${n} ${n === 1 ? "comment" : "comments"} added; Excel notifies the people mentioned.`),
  takenMeanwhile: (n: number) => `${tasks(n)} had been nudged by someone else meanwhile and ${n === 1 ? "was" : "were"} left alone.`,
  again: "Nudge again",
  close: "Close",
  errors: {
    recordMissing: "The Nudges table on Settings is gone. Open Set up and update the workbook, then nudge again.",
    tasksMissing: "The Tasks table is gone. Open Set up and update the workbook.",
    unsupported: "This Excel cannot add comments that @mention people (ExcelApi 1.11 and 1.13 are needed).",
    claim: (code: string, message: string) =>
      `Excel refused to write the record of nudges on Settings (${code}: ${message}). No comment was added; try again.`,
    comments: (code: string, message: string, notNudged: string) =>
      `Excel refused a comment (${code}: ${message}). Not nudged, and not recorded, so the next try includes them: ${notNudged}.`,
  },
};
