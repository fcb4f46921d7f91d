import type { Messages } from "../en-US";

export const taskpane: Messages["taskpane"] = {
  summary:
    "在一个共享工作簿中规划、跟踪和复盘销售：目标、客户分层、商机、任务与风险。下列 SALES 函数可在任意单元格中使用，所有装有本加载项的协作者都能计算。",
  functionsHeading: "SALES 函数",
  functionHelp: (name: string) => `SALES.${name} 的帮助（在浏览器中打开）`,
  loadError: (detail: string) => `窗格无法启动：${detail}。请关闭窗格后重新打开（开始 > 销售规划器）；如仍无效，请重新加载 Excel。`,
  officeMissing:
    "Office.js 未能加载，此页面无法连接 Excel。请从 Excel 中打开（开始 > 销售规划器）；如已在 Excel 中打开，请检查能否访问 https://appsforoffice.microsoft.com，然后重新加载窗格。",
  notInOffice: "请从 Excel 中打开此页面（开始 > 销售规划器）。",
};
