import type { Messages } from "../en-US";

export const excel: Messages["excel"] = {
  place: {
    sheet: (name: string) => `工作表“${name}”`,
    table: (name: string) => `表 ${name}`,
    column: (name: string) => `列“${name}”`,
    workbook: "工作簿",
  },
  action: {
    addSheet: "添加工作表",
    hideSheet: "隐藏工作表",
    renameTable: "为表命名",
    fillFormulas: "向空白的计算单元格写入公式",
    addTable: "创建表",
    addColumns: "添加列",
    appendRows: "添加行",
    setNames: "定义名称",
    setFormats: "设置数字格式和列宽",
    setColumnFormula: "写入列公式",
    setValidation: "添加下拉列表和输入规则",
    setConditionalFormat: "添加突出显示规则",
    setRowFormats: "设置行格式",
    styleTable: "设置表格样式",
    setPrint: "设置打印",
    writeCells: "写入工作表文字",
    setSchemaVersion: "记录结构版本",
    read: "读取工作簿",
    recalculate: "重新计算",
  },
  stepFailed: (where: string, action: string, reason: string) =>
    `${where}：无法${action}（${reason}）。工作簿中原有的内容均未改动；请再次运行“设置”以完成。`,
  tableMissing: "工作簿中没有这个表",
  columnMissing: (column: string) => `表中没有列“${column}”`,
  rowTooLong: (cells: number, columns: number) => `一行有 ${cells} 个单元格，放不进 ${columns} 列的表`,
  cellsBelowTaken: (rows: number) => `表下方的 ${rows} 行不是空的，而加载项只向空单元格写入；请移走表下方的内容后重试`,
  excelTooOld: (apiVersion: string) =>
    `此版本的 Excel 无法设置工作簿：需要 Excel JavaScript API ${apiVersion}（Microsoft 365、Excel 2021 或更高版本，或 Excel 网页版）。工作簿未作任何更改。`,
  rowsPartlyAdded: (where: string, rows: number) =>
    `${where}：Excel 在添加 ${rows} 行时中断，其中一部分可能已写入。请先检查表格末尾，再决定是否重新添加。`,
};
