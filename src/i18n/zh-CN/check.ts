// 工作簿检查的结果说明。各条消息收到的值已格式化（日期为 2026-09-30，百分比带 %）；工作表和列名与工作簿中显示的一致。
import type { Messages } from "../en-US";

export const check: Messages["check"] = {
  where: (sheet: string, cell: string, column: string) => `${sheet}!${cell}“${column}”`,
  /** A finding in one line: where, then what is wrong. */
  line: (where: string, problem: string) => `${where}：${problem}`,
  blank: "（空白）",
  summary: (errors: number, warnings: number) => `${errors} 个错误，${warnings} 个警告`,
  severity: { error: "错误", warning: "警告" },
  problem: {
    columnMissing: (missing: string) => `此表缺少每行都需要的列“${missing}”：请添加回来，或把改名的列改回此名称。`,
    required: (column: string) => `“${column}”为必填项。`,
    cellError: (value: string) => `单元格中是 Excel 错误 ${value}，请填写数值。`,
    notDate: (value: string) => `${value} 不是日期，请填写如 2026-09-30 的日期。`,
    notNumber: (value: string) => `${value} 不是数字。`,
    negative: (value: string) => `${value} 小于 0；金额和数量应不小于 0。`,
    percentAsWhole: (value: string, asPercent: string, meant: string, decimal: string) =>
      `${value} 在 Excel 中表示 ${asPercent}；如要表示 ${meant}，请填写 ${meant} 或 ${decimal}。`,
    percentRange: (value: string) => `${value} 不是 0% 到 100% 之间的百分比。`,
    scale1to5: (value: string) => `${value} 不是 1 到 5 的整数。`,
    notInList: (value: string, expected: string) => `“${value}”不在可选值中（${expected}）。`,
    otherLanguage: (value: string, expected: string) => `“${value}”是另一种语言的写法；本工作簿使用“${expected}”。`,
    unlistedWord: (value: string, expected: string) => `“${value}”不是列表中的选项（${expected}）；如确属有意，可以保留。`,
    notOnRoster: (value: string) => `“${value}”不在团队名单（设置）中；请在名单中添加，或检查拼写。`,
    refMissing: (value: string, sheet: string, column: string) => `“${value}”不在“${sheet}”的“${column}”中；请先在那里添加，或检查拼写。`,
    duplicate: (value: string, firstRow: string) => `“${value}”已在第 ${firstRow} 行使用；每行必须唯一。`,
    stageNotOnPath: (value: string, path: string, pathValue: string) => `“${value}”不是${path}“${pathValue}”的阶段。`,
    dateOrder: (value: string, other: string, otherValue: string) => `${value} 早于“${other}”（${otherValue}）。`,
    requiredWhen: (column: string, when: string, status: string) => `“${when}”为“${status}”时，“${column}”为必填项。`,
    blankUnless: (column: string, when: string, status: string) => `“${when}”为“${status}”时，“${column}”应为空。`,
    smart: (letters: string) =>
      `目标不符合 SMART（${letters}）：S 具体，M 可衡量，A 可实现（为正数、不超过基准值的 3 倍、比率不超过 100%），R 指标在列表中，T 截止日期晚于开始日期。`,
    probabilityFar: (value: string, stage: string, usual: string) => `${value} 与“${stage}”阶段的默认概率 ${usual} 相差较大；请检查阶段或概率。`,
    formulaMissing: (column: string, restore: string) => `“${column}”的公式已被清除。${restore}`,
    formulaOverwritten: (column: string, value: string, restore: string) => `“${column}”为自动计算列，但此单元格填入了数值 ${value}。${restore}`,
    restoreFrom: (row: string) => `恢复方法：复制本列第 ${row} 行的单元格（其中仍有公式），粘贴到此处。`,
    restoreNone: "恢复方法：在工作簿副本中运行“设置”，从中复制本列的公式。",
  },
};
