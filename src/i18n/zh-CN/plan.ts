import type { Messages } from "../en-US";

const quoted = (headers: readonly string[]) => headers.map((h) => `“${h}”`).join("、");

export const plan: Messages["plan"] = {
  columnMissing: (sheet, table, column) => `${sheet}：表 ${table} 的“${column}”列已被重命名或删除，不再重新添加。`,
  columnsAdded: (sheet, table, columns) => `${sheet}：已在表 ${table} 右端添加${quoted(columns)}列。`,
  sheetNameTaken: (wanted, sheet, table) => `已有名为“${wanted}”的工作表且含其他内容；${table} 放在新工作表“${sheet}”上。`,
  columnHeldBack: (sheet, column, missingTable, missingColumn) => `${sheet}：未添加“${column}”列，因为表 ${missingTable} 缺少“${missingColumn}”列。`,
  formulaSkipped: (sheet, what, missingTable, missingColumn) => `${sheet}：未设置${what}，因为表 ${missingTable} 缺少“${missingColumn}”列。`,
  skipped: {
    columnFormula: (column) => `“${column}”的公式`,
    cellFormula: (column) => `“${column}”列中的公式`,
    highlight: (description) => `“${description}”高亮`,
  },
  columnsBlocked: (sheet, table, columns, cells) =>
    `${sheet}：未向表 ${table} 添加${quoted(columns)}列，因为其右侧的单元格 ${cells} 不为空；请移走其中内容后再次运行“设置”。`,
  nameRepaired: (sheet, name, was) => `${sheet}：名称 ${name} 已不再指向单元格（原为 ${was}）；已重新指向其设置单元格。`,
  cellsKept: {
    validated: (sheet, table) => `${sheet}：表 ${table} 中部分单元格已有数据验证规则，因此未添加下拉列表或检查。`,
    typed: (sheet, table, column) => `${sheet}：表 ${table} 中“${column}”列有输入的值，因此未设置其公式。`,
  },
};
