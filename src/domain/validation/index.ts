// The check of a workbook: rules from the spec over a snapshot a reader made (src/excel, src/xlsx).
export * from "./types";
export { checkWorkbook, PROBABILITY_GAP } from "./check";
export { describeFinding, describeProblem } from "./describe";
export { summarize, type FindingSummary } from "./summary";
export { SEVERITY_OF, FINDING_CODES, type FindingCodeName } from "./codes";
export { rowSchema, cellSchema } from "./schema";
export { isExcelError } from "./cells";
