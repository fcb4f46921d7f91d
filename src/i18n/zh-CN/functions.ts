import type { FunctionMessages } from "../en-US/functions";

export const functions: FunctionMessages = {
  missing: (argument) => `缺少参数 ${argument}。`,
  notANumber: (argument, found) => `${argument} 需要数字，但填写的是文本“${found}”。`,
  notAWord: (argument, found) => `${argument} 需要文字（阶段或状态），但填写的是 ${found}。`,
  notOneValue: (argument) => `${argument} 只接受一个值，不能是区域。`,
  notAPercent: (argument, value) =>
    `${argument} 是 0% 到 100% 之间的百分比，${value} 超出范围。请输入 45% 或 0.45，而不是 45。`,
  notFinite: (argument) => `${argument} 不是有限的数字。`,
  belowMinimum: (argument, minimum) => `${argument} 不能小于 ${minimum}。`,
  notAboveMinimum: (argument, minimum) => `${argument} 必须大于 ${minimum}。`,
  errorValue: (argument, code) => `${argument} 中有错误值 ${code}。`,
  zeroDenominator: (argument) => `${argument} 为零（或合计为零），无法相除。`,
  nothingDecided: (argument) => `${argument} 中还没有赢单或输单，无法计算赢单率。`,
  noneReached: (stage) => `没有记录到达“${stage}”，无法计算转化率。`,
  neverRecovered: () => "无法收回：arpu × grossMargin 不为正，获客成本永远收不回。",
  tooLarge: () => "结果太大，Excel 无法显示。",
  unknownWord: (argument, found, choices) => `${argument}：“${found}”不在可选值中：${choices}。`,
  unknownLanguage: (argument, found) => `${argument}：“${found}”不是可用语言，请填写 en-US 或 zh-CN。`,
  stagesOnDifferentPaths: (fromStage, toStage) => `“${fromStage}”和“${toStage}”属于不同的销售路径，请选择同一路径的两个阶段。`,
  stageOrderReversed: (fromStage, toStage) => `“${toStage}”在“${fromStage}”之前，请交换 fromStage 和 toStage。`,
  sizeMismatch: (argument, other) => `${argument} 的区域大小必须与 ${other} 相同。`,
  thresholdsOutOfOrder: (mediumValue, highValue) => `mediumValue（${mediumValue}）不能高于 highValue（${highValue}）。`,
  inCell: (message, row, column) => `${message}（区域第 ${row} 行第 ${column} 列）`,
};
