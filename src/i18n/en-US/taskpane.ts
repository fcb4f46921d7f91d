export const taskpane = {
  summary:
    "Plans, tracks and reviews sales in one shared workbook: goals, customer tiers, pipeline, tasks and risks. The SALES functions below work in any cell, for every co-author who has the add-in.",
  functionsHeading: "SALES functions",
  functionHelp: (name: string) => `Help for SALES.${name} (opens in your browser)`,
  loadError: (detail: string) =>
    `The pane could not start: ${detail}. Close the pane and open it again (Home > Sales Planner); if that does not help, reload Excel.`,
  officeMissing:
    "Office.js did not load, so this page cannot reach Excel. Open it from Excel (Home > Sales Planner); if it is open there, check that https://appsforoffice.microsoft.com can be reached, then reload the pane.",
  notInOffice: "Open this page from Excel (Home > Sales Planner) to use it.",
};
