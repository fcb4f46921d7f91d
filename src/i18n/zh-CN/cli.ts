import type { Messages } from "../en-US";

export const cli: Messages["cli"] = {
  usage: (
    languages: string,
    defaultOut: string,
  ) => `用法：npm run workbook -- [--lang ${languages}] [--no-sample] [--functions] [--force] [--out 文件|文件夹]
将销售规划工作簿写成 .xlsx 文件（默认：英文，含示例数据，./${defaultOut}）。
  --lang 语言    工作表名、表头和下拉列表使用此语言
  --no-sample    不写示例数据，只建空表
  --functions    保留 SALES.* 公式（需要加载项），而不是可移植的 Excel 公式
  --force        文件已存在时替换（否则绝不改动已有文件）
  --out 文件     写到哪里；指向已有文件夹时在其中写 ${defaultOut}`,
  takesNoValue: (name: string, arg: string) => `${name} 不带值（收到 "${arg}"）`,
  needsValue: (name: string) => `${name} 需要一个值`,
  givenTwice: (name: string) => `${name} 给了两次`,
  unknownArgument: (arg: string) => `未知参数 "${arg}"（可用 --help 查看用法）`,
  unknownLanguage: (value: string, languages: string) => `--lang："${value}" 不是 ${languages} 之一`,
  notXlsx: (out: string) => `--out："${out}" 须以 .xlsx 结尾，或指向一个已有的文件夹`,
  exists: (target: string) => `${target} 已存在，未作任何改动（加 --force 可替换）`,
  cannotWrite: (target: string, reason: string) => `无法写入 ${target}：${reason}`,
  reasons: {
    EACCES: "没有写入权限",
    EPERM: "不允许此操作（文件是否正在 Excel 等程序中打开？）",
    EBUSY: "文件正被占用（请在 Excel 中关闭后重试）",
    EROFS: "磁盘为只读",
    ENOENT: "文件夹不存在",
    ENOTDIR: "路径中有一段是文件而不是文件夹",
    EISDIR: "这是一个文件夹（请写文件名，或只写文件夹以在其中生成 sales-plan.xlsx）",
    ENOSPC: "磁盘已满",
    EDQUOT: "磁盘配额已用完",
    ENAMETOOLONG: "名称过长",
    EINVAL: "名称中含有此磁盘不允许的字符",
    EIO: "磁盘读写出错",
  },
  otherReason: (code: string) => `错误 ${code}`,
  wrote: (target: string, summary: string) => `已写入 ${target}（${summary}）：`,
  separator: "，",
  withSample: "含示例数据",
  noSample: "无示例数据",
  salesFormulas: "SALES.* 公式",
  portableFormulas: "可移植公式",
  rows: (count: number) => `${count} 行`,
  hidden: "（隐藏）",
  noTable: "无表格",
};
