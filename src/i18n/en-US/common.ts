export const common = {
  productName: "Sales Strategy Planner",
  languageName: "English",
};
