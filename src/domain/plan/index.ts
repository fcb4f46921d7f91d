export * from "./types";
export { plan, recordItem } from "./plan";
export { applyPlanToState } from "./apply";
export { describeNotice } from "./notices";
export { looksLikeFormula } from "./cellText";
export { tableFormula, ruleFormula, chooseFormula, escapeHeader } from "./formulas";
export { excelSerial, columnLetters, parseArea } from "./address";
