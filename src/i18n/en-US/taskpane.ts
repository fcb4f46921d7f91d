export const taskpane = {
  summary:
    "Plans, tracks and reviews sales in one shared workbook: goals, customer tiers, pipeline, tasks and risks. The SALES functions below work in any cell, for every co-author who has the add-in.",
  functionsHeading: "SALES functions",
  functionHelp: (name: string) => `Help for SALES.${name} (opens in your browser)`,
  loadError: (detail: string) => `The pane could not start: ${detail}`,
  notInOffice: "Open this page from Excel (Home > Sales Planner) to use it.",
};
