import type { Messages } from "../en-US";

export const common: Messages["common"] = {
  productName: "销售策略规划器",
  languageName: "简体中文",
};
