// The SALES function reference, written once, in English and Chinese. render.ts turns it into
// src/help/help.html (served with the add-in; each function's help link points at its section)
// and the README's function reference; a test keeps both files in step with this one.

import type { FunctionId } from "../functions/signatures";

export interface FunctionHelp {
  /** The custom function id; the help anchor is its lower-case form, the signature comes from SIGNATURES. */
  readonly id: FunctionId;
  readonly en: HelpText;
  /** The example is the English one unless given: only examples with Chinese words in them differ. */
  readonly zh: Omit<HelpText, "example"> & { readonly example?: string };
}

export interface HelpText {
  readonly meaning: string;
  readonly errors: readonly string[];
  readonly example: string;
  readonly result: string;
}

const TEXT_NEEDS_NUMBER = {
  en: "#VALUE! — text where a number is needed (the message names the argument).",
  zh: "#VALUE! — 需要数字的地方填了文本（提示会指出是哪个参数）。",
};
const PERCENT_AS_45 = { en: "#NUM! — a percentage typed as 45 instead of 45% or 0.45.", zh: "#NUM! — 百分比填成了 45，应填 45% 或 0.45。" };
const ERROR_PASSED = {
  en: "An Excel error in an argument or range (e.g. #N/A) is passed on; the message says where it is.",
  zh: "参数或区域中的 Excel 错误（如 #N/A）会原样传出，提示会指出其位置。",
};
const UNKNOWN_WORD = {
  en: "#N/A — a word that is not in the list (the message lists the words it takes).",
  zh: "#N/A — 不在可选值中的文字（提示会列出可选值）。",
};

export const FUNCTION_HELP: readonly FunctionHelp[] = [
  {
    id: "LTV",
    en: {
      meaning: "Customer lifetime value: arpu × grossMargin × min(1 / churnRate, lifetimeCap). A churn rate of 0 uses the cap (default 60 periods).",
      errors: [TEXT_NEEDS_NUMBER.en, PERCENT_AS_45.en, "#NUM! — a negative arpu or a negative lifetime cap (0 or blank uses 60).", ERROR_PASSED.en],
      example: "=SALES.LTV(1000, 45%, 5%)",
      result: "9000 (1000 × 0.45 × 20 months)",
    },
    zh: {
      meaning: "客户终身价值：arpu × 毛利率 × min(1 / 流失率, 生命周期上限)。流失率为 0 时使用上限（默认 60 期）。",
      errors: [TEXT_NEEDS_NUMBER.zh, PERCENT_AS_45.zh, "#NUM! — arpu 为负数，或生命周期上限为负数（0 或空白按 60 计）。", ERROR_PASSED.zh],
      result: "9000（1000 × 0.45 × 20 个月）",
    },
  },
  {
    id: "CAC",
    en: {
      meaning: "Customer acquisition cost: sum(spend) / sum(newCustomers). Each argument is a value or a range; blanks are skipped.",
      errors: [TEXT_NEEDS_NUMBER.en, "#DIV/0! — no new customers.", "#NUM! — a negative amount.", ERROR_PASSED.en],
      example: "=SALES.CAC(B2:B4, C2:C4)",
      result: "spend 60,000 over three months and 15 new customers give 4000",
    },
    zh: {
      meaning: "获客成本：sum(投入) / sum(新客户数)。参数可以是单个值或区域，空白单元格会被跳过。",
      errors: [TEXT_NEEDS_NUMBER.zh, "#DIV/0! — 新客户数为零。", "#NUM! — 金额为负数。", ERROR_PASSED.zh],
      result: "三个月投入 60,000、新客户 15 家，结果为 4000",
    },
  },
  {
    id: "LTVCAC",
    en: {
      meaning: "LTV to CAC ratio: ltv / cac. Above 3 is usually healthy.",
      errors: [TEXT_NEEDS_NUMBER.en, "#DIV/0! — a CAC of 0.", ERROR_PASSED.en],
      example: "=SALES.LTVCAC(9000, 3000)",
      result: "3",
    },
    zh: {
      meaning: "LTV 与 CAC 之比：ltv / cac。通常大于 3 较为健康。",
      errors: [TEXT_NEEDS_NUMBER.zh, "#DIV/0! — CAC 为 0。", ERROR_PASSED.zh],
      result: "3",
    },
  },
  {
    id: "PAYBACK",
    en: {
      meaning: "Months to recover the acquisition cost: cac / (arpu × grossMargin), with arpu per month.",
      errors: [
        TEXT_NEEDS_NUMBER.en,
        PERCENT_AS_45.en,
        "#NUM! — never recovered: the monthly margin arpu × grossMargin is not positive.",
        ERROR_PASSED.en,
      ],
      example: "=SALES.PAYBACK(3000, 1000, 50%)",
      result: "6",
    },
    zh: {
      meaning: "收回获客成本所需月数：cac / (arpu × 毛利率)，arpu 按月计。",
      errors: [TEXT_NEEDS_NUMBER.zh, PERCENT_AS_45.zh, "#NUM! — 无法收回：每月毛利 arpu × 毛利率 不为正。", ERROR_PASSED.zh],
      result: "6",
    },
  },
  {
    id: "CONVERSION",
    en: {
      meaning:
        "Of the rows that reached fromStage, the share that reached toStage. Each row holds the furthest stage it reached and counts as having reached every stage before it. Stage names are read in English or Chinese, any case; stageOrder defaults to the built-in path of fromStage, and rows on the other path are left out.",
      errors: [
        UNKNOWN_WORD.en + " Also for an unknown fromStage or toStage.",
        "#VALUE! — a number in the stages, or fromStage and toStage on different paths.",
        "#NUM! — toStage comes before fromStage.",
        "#DIV/0! — no row reached fromStage.",
        ERROR_PASSED.en,
      ],
      example: '=SALES.CONVERSION(Pipeline[Stage], "lead acquisition", "signing")',
      result: "20 leads of which 3 signed give 15%",
    },
    zh: {
      meaning:
        "到达起始阶段的记录中，到达目标阶段的比例。每行填写其到达的最远阶段，视为已经过之前的所有阶段。阶段名称中英文皆可、不区分大小写；stageOrder 默认为起始阶段所在的内置路径，另一条路径上的记录不计入。",
      errors: [
        UNKNOWN_WORD.zh + " 起始或目标阶段未知时也是如此。",
        "#VALUE! — 阶段区域中有数字，或两个阶段属于不同路径。",
        "#NUM! — 目标阶段在起始阶段之前。",
        "#DIV/0! — 没有记录到达起始阶段。",
        ERROR_PASSED.zh,
      ],
      example: '=SALES.CONVERSION(Pipeline[Stage], "线索获取", "签约")',
      result: "20 条线索中 3 条签约，结果为 15%",
    },
  },
  {
    id: "FUNNEL",
    en: {
      meaning:
        "Spills one row per stage: the stage, how many rows reached it, and the conversion from the stage before (empty on the first). Without stageOrder, the built-in path most rows are on, named in the rows' language.",
      errors: [
        UNKNOWN_WORD.en,
        "#VALUE! — a number in the stages.",
        "#DIV/0! — in a conversion cell whose previous stage no row reached.",
        ERROR_PASSED.en,
      ],
      example: "=SALES.FUNNEL(Pipeline[Stage])",
      result: "six rows, from lead acquisition to signing",
    },
    zh: {
      meaning:
        "按阶段溢出多行：阶段、到达该阶段的记录数、相对上一阶段的转化率（第一行为空）。未给 stageOrder 时，使用多数记录所在的内置路径，并以记录所用的语言显示阶段名。",
      errors: [UNKNOWN_WORD.zh, "#VALUE! — 阶段区域中有数字。", "#DIV/0! — 上一阶段没有记录时，该行的转化率单元格。", ERROR_PASSED.zh],
      result: "六行，从“线索获取”到“签约”",
    },
  },
  {
    id: "WINRATE",
    en: {
      meaning: "won / (won + lost). Open deals are left out; blanks are skipped. Statuses: open, won, lost or 跟进中, 赢单, 输单, any case.",
      errors: [UNKNOWN_WORD.en, "#VALUE! — a number among the statuses.", "#DIV/0! — no deal is won or lost yet.", ERROR_PASSED.en],
      example: "=SALES.WINRATE(Pipeline[Status])",
      result: "6 won and 4 lost give 60%",
    },
    zh: {
      meaning: "赢单 / (赢单 + 输单)。跟进中的商机不计入，空白跳过。状态：跟进中、赢单、输单 或 open、won、lost，不区分大小写。",
      errors: [UNKNOWN_WORD.zh, "#VALUE! — 状态区域中有数字。", "#DIV/0! — 还没有赢单或输单。", ERROR_PASSED.zh],
      result: "赢单 6、输单 4，结果为 60%",
    },
  },
  {
    id: "WEIGHTED",
    en: {
      meaning:
        "Weighted pipeline: the sum of amount × probability over open deals (over all rows when statuses are not given). A row without an amount, a probability or a status adds nothing. The ranges must be the same size.",
      errors: [TEXT_NEEDS_NUMBER.en, PERCENT_AS_45.en, "#VALUE! — ranges of different sizes.", UNKNOWN_WORD.en, ERROR_PASSED.en],
      example: "=SALES.WEIGHTED(Pipeline[Amount], Pipeline[Probability], Pipeline[Status])",
      result: "100,000 at 40% and 50,000 at 60% give 70,000",
    },
    zh: {
      meaning: "加权商机金额：跟进中商机的 金额 × 概率 之和（未给状态时为所有行）。缺少金额、概率或状态的行不计入。各区域大小必须相同。",
      errors: [TEXT_NEEDS_NUMBER.zh, PERCENT_AS_45.zh, "#VALUE! — 区域大小不同。", UNKNOWN_WORD.zh, ERROR_PASSED.zh],
      result: "100,000 × 40% 加 50,000 × 60%，结果为 70,000",
    },
  },
  {
    id: "VELOCITY",
    en: {
      meaning: "Pipeline velocity, value per day: opportunities × avgDealSize × winRate / cycleDays.",
      errors: [TEXT_NEEDS_NUMBER.en, PERCENT_AS_45.en, "#DIV/0! — a cycle of 0 days.", "#NUM! — a negative number.", ERROR_PASSED.en],
      example: "=SALES.VELOCITY(20, 5000, 25%, 50)",
      result: "500 per day",
    },
    zh: {
      meaning: "销售速度（每天产出的价值）：商机数 × 平均客单价 × 赢单率 / 销售周期天数。",
      errors: [TEXT_NEEDS_NUMBER.zh, PERCENT_AS_45.zh, "#DIV/0! — 周期为 0 天。", "#NUM! — 数字为负。", ERROR_PASSED.zh],
      result: "每天 500",
    },
  },
  {
    id: "ATTAINMENT",
    en: {
      meaning: "Goal attainment: sum(actual) / sum(target). Each argument is a value or a range; blanks are skipped.",
      errors: [TEXT_NEEDS_NUMBER.en, "#DIV/0! — a target of 0.", "#NUM! — a negative number.", ERROR_PASSED.en],
      example: "=SALES.ATTAINMENT(12, 15)",
      result: "80%",
    },
    zh: {
      meaning: "目标达成率：sum(实际) / sum(目标)。参数可以是单个值或区域，空白跳过。",
      errors: [TEXT_NEEDS_NUMBER.zh, "#DIV/0! — 目标为 0。", "#NUM! — 数字为负。", ERROR_PASSED.zh],
      result: "80%",
    },
  },
  {
    id: "COVERAGE",
    en: {
      meaning:
        "Pipeline coverage: openPipeline / remainingQuota, each a value or a range that is added up. 3 means the open pipeline is three times the quota still to reach.",
      errors: [TEXT_NEEDS_NUMBER.en, "#DIV/0! — no quota remains.", "#NUM! — a negative number.", ERROR_PASSED.en],
      example: "=SALES.COVERAGE(300000, 100000)",
      result: "3",
    },
    zh: {
      meaning: "商机覆盖率：在途商机金额 / 剩余配额，参数可以是单个值或区域（求和）。3 表示在途商机是剩余配额的三倍。",
      errors: [TEXT_NEEDS_NUMBER.zh, "#DIV/0! — 剩余配额为 0。", "#NUM! — 数字为负。", ERROR_PASSED.zh],
      result: "3",
    },
  },
  {
    id: "GROWTH",
    en: {
      meaning: 'Growth on the previous period: current / previous − 1, as in the goal "new customers up 30% on Q2".',
      errors: [TEXT_NEEDS_NUMBER.en, "#DIV/0! — the previous period was 0.", "#NUM! — a negative number.", ERROR_PASSED.en],
      example: "=SALES.GROWTH(13, 10)",
      result: "30%",
    },
    zh: {
      meaning: "较上期增长：本期 / 上期 − 1，例如目标“新签客户数较Q2增长30%”。",
      errors: [TEXT_NEEDS_NUMBER.zh, "#DIV/0! — 上期为 0。", "#NUM! — 数字为负。", ERROR_PASSED.zh],
      result: "30%",
    },
  },
  {
    id: "TIER",
    en: {
      meaning:
        "The customer's tier: key breakthrough (value ≥ highValue and win probability ≥ highWinProbability), else opportunity cultivation (value ≥ mediumValue), else potential watch (growth high), else maintain. Empty when value, win probability or growth is missing. Defaults: 1,000,000 / 200,000 / 50%. The label is in the language given (en-US by default), never the reader's Office language, so the cell reads the same for every co-author.",
      errors: [
        TEXT_NEEDS_NUMBER.en,
        PERCENT_AS_45.en,
        "#N/A — growth other than high, medium, low (高, 中, 低).",
        "#NUM! — mediumValue above highValue.",
        "#VALUE! — a language other than en-US or zh-CN.",
        ERROR_PASSED.en,
      ],
      example: '=SALES.TIER(2000000, 60%, "high")',
      result: "key breakthrough",
    },
    zh: {
      meaning:
        "客户分层：价值 ≥ 高价值阈值且赢单概率 ≥ 高概率阈值为“重点突破型”；否则价值 ≥ 中价值阈值为“机会培养型”；否则增长潜力为高为“潜力关注型”；其余为“常规维护”。价值、赢单概率或增长潜力缺失时为空。默认阈值 1,000,000 / 200,000 / 50%。标签使用参数指定的语言（默认 en-US），不随读者的 Office 语言变化，保证所有协作者看到相同内容。",
      errors: [
        TEXT_NEEDS_NUMBER.zh,
        PERCENT_AS_45.zh,
        "#N/A — 增长潜力不是 高、中、低（high, medium, low）。",
        "#NUM! — 中价值阈值高于高价值阈值。",
        "#VALUE! — 语言不是 en-US 或 zh-CN。",
        ERROR_PASSED.zh,
      ],
      example: '=SALES.TIER(2000000, 60%, "高", , , , "zh-CN")',
      result: "重点突破型",
    },
  },
  {
    id: "OVERDUE",
    en: {
      meaning:
        "How many tasks are not done or cancelled and have a due date more than minDaysLate days (default 0) before asOf. Dates are Excel dates; rows without a due date are not late. Statuses in English or Chinese, any case.",
      errors: [TEXT_NEEDS_NUMBER.en + " A date typed as text is one.", "#VALUE! — ranges of different sizes.", UNKNOWN_WORD.en, ERROR_PASSED.en],
      example: "=SALES.OVERDUE(Tasks[Due], Tasks[Status], TODAY(), 3)",
      result: "the tasks lagging more than 3 days, e.g. a proposal submission delayed",
    },
    zh: {
      meaning:
        "统计未完成且未取消、截止日期早于 asOf 超过 minDaysLate 天（默认 0）的任务数。日期为 Excel 日期；没有截止日期的行不算逾期。状态中英文皆可，不区分大小写。",
      errors: [TEXT_NEEDS_NUMBER.zh + " 以文本形式输入的日期也是如此。", "#VALUE! — 区域大小不同。", UNKNOWN_WORD.zh, ERROR_PASSED.zh],
      result: "滞后超过 3 天的任务数，例如“方案提交延迟”",
    },
  },
  {
    id: "SMART",
    en: {
      meaning:
        'Checks a goal against SMART: "✓", or the letters it fails, e.g. "M T". S: the goal is written in words. M: the target is a number other than 0. A: the target is positive, a conversion rate at most 100%, and at most 3 × a positive baseline. R: the metric is one of new customers, revenue, deals won, conversion rate, other. T: the deadline is a date after the start.',
      errors: [ERROR_PASSED.en, "Missing or wrong inputs are not errors: they show as failed letters."],
      example: '=SALES.SMART("Q3 East China: 15 new manufacturing customers", "new customers", 15, DATE(2026,9,30))',
      result: "✓",
    },
    zh: {
      meaning:
        "按 SMART 原则检查目标：通过显示“✓”，否则列出未满足的字母，如“M T”。S 具体：目标有文字描述。M 可衡量：目标值是非 0 的数字。A 可实现：目标值为正，转化率不超过 100%，且不超过基线的 3 倍。R 相关性：指标是新签客户数、销售额、成交单数、转化率、其他之一。T 时限性：截止日期是晚于开始日期的日期。",
      errors: [ERROR_PASSED.zh, "输入缺失或有误不会报错，而是显示为未满足的字母。"],
      example: '=SALES.SMART("Q3华东区域制造业新签客户15家", "新签客户数", 15, DATE(2026,9,30))',
      result: "✓",
    },
  },
];

export const PERIOD_REVIEWS = {
  en: {
    title: "Period reviews with FILTER",
    text: "Every function takes ranges, so Excel's own FILTER narrows a review to a period, an owner or a region without helper columns:",
    examples: [
      "=SALES.WINRATE(FILTER(Pipeline[Status], Pipeline[Created]>=B2))",
      '=SALES.CONVERSION(FILTER(Pipeline[Stage], (Pipeline[Created]>=B2)*(Pipeline[Created]<=B3)), "lead acquisition", "signing")',
      '=SALES.OVERDUE(FILTER(Tasks[Due], Tasks[Owner]="Li Lei"), FILTER(Tasks[Status], Tasks[Owner]="Li Lei"), TODAY())',
    ],
  },
  zh: {
    title: "用 FILTER 做阶段复盘",
    text: "所有函数都接受区域，因此可以直接用 Excel 自带的 FILTER 按时间段、负责人或区域筛选，无需辅助列：",
    examples: [
      "=SALES.WINRATE(FILTER(Pipeline[Status], Pipeline[Created]>=B2))",
      '=SALES.CONVERSION(FILTER(Pipeline[Stage], (Pipeline[Created]>=B2)*(Pipeline[Created]<=B3)), "线索获取", "签约")',
      '=SALES.OVERDUE(FILTER(Tasks[Due], Tasks[Owner]="李雷"), FILTER(Tasks[Status], Tasks[Owner]="李雷"), TODAY())',
    ],
  },
} as const;

/**
 * What every function does with blank cells and errors, as Excel really hands them over: a
 * blank cell arrives as 0 on older Windows builds (office-js issues 4702, 5262) and an error
 * reaches the function because functions.json carries allowErrorForDataTypeAny.
 */
export const INPUT_NOTES = {
  en: [
    "Blank cells in a range are skipped. Where a word or a date is expected, a 0 counts as blank too: some Excel builds on Windows hand a blank cell to the function as 0.",
    "Where a number is expected, such a build's 0 is a number like a typed 0: a blank required number is #VALUE! on the web and counts as 0 there, so fill in the numbers a function needs.",
    "An Excel error in an argument (e.g. #N/A) is passed on, naming the argument and the cell; #NAME? and #REF!, which a function cannot return, come out as #VALUE!.",
    "A cell holding a data type counts as the value it shows: a formatted number as its number, an entity (a linked record) as its text.",
  ],
  zh: [
    "区域中的空白单元格会被跳过。需要文字或日期的地方，0 也按空白处理：部分 Windows 版 Excel 会把空白单元格作为 0 传给函数。",
    "需要数字的地方，这类版本传来的 0 与手工输入的 0 无法区分：必填数字为空时，网页版返回 #VALUE!，这类版本按 0 计算，因此请填好函数需要的数字。",
    "参数中的 Excel 错误（如 #N/A）会原样传出，并指出参数和单元格；函数不能返回的 #NAME? 和 #REF! 以 #VALUE! 传出。",
    "含数据类型的单元格按其显示的值计算：带格式的数字按数字，实体（链接记录）按其文字。",
  ],
} as const;
