// ExcelJS's table-column reader, which calculatedColumns.ts teaches the calculated-column
// elements; ExcelJS ships no types for its internals, and its shape is checked there.
declare module "exceljs/lib/xlsx/xform/table/table-column-xform" {
  const TableColumnXform: unknown;
  export default TableColumnXform;
}
