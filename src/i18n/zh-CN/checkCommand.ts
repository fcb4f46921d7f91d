import type { Messages } from "../en-US";

export const checkCommand: Messages["checkCommand"] = {
  usage: `用法：npm run check -- 文件.xlsx [--json] [--lang en-US|zh-CN]
按工作簿的规则检查规划工作簿文件，无需 Excel，也不会改动文件。
  --json         以 JSON 输出检查结果及其计数
  --lang LANG    用该语言描述检查结果（默认：工作簿自身的语言）
退出码：0 没有错误（可有警告），1 发现错误，2 文件无法检查。`,
  errors: (count: number) => `${count} 个错误`,
  warnings: (count: number) => `${count} 个警告`,
  separator: "，",
  severity: { error: "错误", warning: "警告" },
  clean: (file: string) => `${file}：未发现问题。`,
  summary: (file: string, counts: string, sheets: number) => `${file}：${sheets} 个工作表中有 ${counts}。`,
  sheetHeading: (sheet: string, counts: string) => `${sheet}（${counts}）`,
  cannotCheck: (file: string, reason: string) => `无法检查 ${file}：${reason}`,
  reason: {
    missing: "文件不存在",
    folder: "这是一个文件夹，不是文件",
    denied: "没有读取权限",
    empty: "文件是空的（0 字节）",
    notZip: "不是 .xlsx 文件（.xlsx 是 zip 压缩包，而它不是）",
    truncated: "文件不完整（下载或复制中断？），压缩包的结尾缺失",
    notWorkbook: "这是 zip 压缩包，但不是 Excel 工作簿（其中没有 xl/workbook.xml）",
    damaged: (detail: string) => `工作簿已损坏，无法读取（${detail}）`,
    noTables: "这是工作簿，但其中没有规划工具的任何表（任务矩阵、商机、客户分层……）",
  },
  argument: {
    noFile: "请指定要检查的 .xlsx 文件（可用 --help 查看用法）",
    tooManyFiles: (extra: string) => `一次只能检查一个文件（“${extra}”是第二个）`,
    unknown: (arg: string) => `未知参数“${arg}”（可用 --help 查看用法）`,
    needsValue: (name: string) => `${name} 需要一个值`,
    noValue: (name: string) => `${name} 不带值`,
    twice: (name: string) => `${name} 重复给出`,
    language: (value: string, known: string) => `--lang：“${value}”不是 ${known} 之一`,
  },
};
