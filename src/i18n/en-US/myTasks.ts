// "My tasks" in the Tasks panel: who the user is on the roster, and their own filtered view.
export const myTasks = {
  heading: "My tasks",
  whoAreYou: "Who are you on the Team roster?",
  pickHint: "Asked once. Remembered on this computer for this workbook, never written into the workbook.",
  save: "This is me",
  you: (owner: string) => `You are ${owner} on the Team roster.`,
  change: "Change",
  stale: (was: string) => `You picked "${was}" before, who is no longer on the Team roster (renamed or removed). Pick yourself again.`,
  noRoster: "The Team roster on Settings is empty: add yourself there first.",
  show: "My tasks",
  showing: "Filtering…",
  showAll: "All tasks",
  shownView: (count: number, view: string) =>
    `Showing your ${count} open ${count === 1 ? "task" : "tasks"} in your own sheet view "${view}". Co-authors' sheets are not filtered.`,
  shownShared: (count: number) => `Showing your ${count} open ${count === 1 ? "task" : "tasks"}.`,
  sharedNote:
    'This Excel has no sheet views, so the filter is the Tasks table\'s own: everyone in the workbook sees it until it is cleared. "All tasks" clears it.',
  noneOpen: (owner: string) => `${owner} has no open tasks: nothing was filtered.`,
  allShownView: "Back to the default view: every task is shown. Your sheet view stays for next time.",
  allShownShared: "The Owner and Status filters are cleared; filters on other columns are kept.",
  notRemembered: "Your choice could not be kept on this computer (browser storage is blocked), so you will be asked again next time.",
  noTasksTable: "This workbook has no Tasks table: set the planner up first.",
  noColumn: (sheet: string, columns: string) => `The Tasks table on sheet "${sheet}" has no ${columns} column.`,
  or: " or ",
};
