// Messages of the Office.js writer (set-up and upgrade in Excel).
export const excel = {
  place: {
    sheet: (name: string) => `Sheet "${name}"`,
    table: (name: string) => `table ${name}`,
    column: (name: string) => `column "${name}"`,
    workbook: "The workbook",
  },
  action: {
    addSheet: "add the sheet",
    hideSheet: "hide the sheet",
    renameTable: "name the table",
    fillFormulas: "write the formulas into blank computed cells",
    addTable: "create the table",
    addColumns: "add the column",
    appendRows: "add rows",
    setNames: "define names",
    setFormats: "set the number format and width",
    setColumnFormula: "write the column's formula",
    setValidation: "add the drop-down and input rule",
    setConditionalFormat: "add the highlighting rule",
    setRowFormats: "format the rows",
    styleTable: "style the table",
    setPrint: "set up printing",
    writeCells: "write the sheet's text",
    setSchemaVersion: "record the schema version",
    read: "read the workbook",
    recalculate: "recalculate",
  },
  stepFailed: (where: string, action: string, reason: string) =>
    `${where}: could not ${action} (${reason}). Nothing that was in the workbook has been changed; run Set up again to finish.`,
  tableMissing: "the table is not in the workbook",
  columnMissing: (column: string) => `the table has no column "${column}"`,
  rowTooLong: (cells: number, columns: number) => `a row of ${cells} cells does not fit a table of ${columns} columns`,
  cellsBelowTaken: (rows: number) =>
    `the ${rows} rows below the table are not empty, and the add-in only writes into empty cells; move what is below the table and try again`,
  excelTooOld: (apiVersion: string) =>
    `This version of Excel cannot set up the workbook: it needs the Excel JavaScript API ${apiVersion} (Microsoft 365, Excel 2021 or later, or Excel on the web). Nothing was changed.`,
  rowsPartlyAdded: (where: string, rows: number) =>
    `${where}: Excel stopped while adding ${rows} rows and may have kept some of them. Check the end of the table before adding them again.`,
};
