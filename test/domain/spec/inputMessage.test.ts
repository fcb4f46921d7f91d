// The input message a cell shows when selected (SPEC section 3: "an input message on required
// columns"; list, ref, 1-5 and percent columns say what they take). Written out by hand per type.
import { inputMessage } from "../../../src/domain/spec/workbook";
import type { ColumnSpec, ColumnType } from "../../../src/domain/spec/types";

const col = (type: ColumnType, more: Partial<ColumnSpec> = {}): ColumnSpec => ({ key: "k", header: { en: "H", zh: "标" }, type, ...more });

describe("input messages", () => {
  it.each<[ColumnType, string, string]>([
    ["list", "Pick from the list.", "从下拉列表中选择。"],
    ["ref", "Pick an existing row.", "从已有记录中选择。"],
    ["int1to5", "A whole number from 1 to 5.", "1到5的整数。"],
    ["percent", "A percentage from 0% to 100%.", "百分比，0%到100%。"],
  ])("an optional %s column says what it takes", (type, en, zh) => {
    expect(inputMessage(col(type))).toEqual({ en, zh });
    expect(inputMessage(col(type, { required: true }))).toEqual({ en: `Required. ${en}`, zh: `必填。${zh}` });
  });

  it.each<ColumnType>(["text", "date", "number", "computed"])("an optional %s column has none", (type) => {
    expect(inputMessage(col(type))).toBeUndefined();
  });

  it.each<[ColumnType, string, string]>([
    ["text", "Required. Text.", "必填。文本。"],
    ["date", "Required. A date, e.g. 2025-07-01.", "必填。日期，例如 2025-07-01。"],
    ["number", "Required. A number, 0 or more.", "必填。数字，不小于0。"],
  ])("a required %s column says it is required and what it takes", (type, en, zh) => {
    expect(inputMessage(col(type, { required: true }))).toEqual({ en, zh });
  });

  it("uses a column's own words instead of its type's, after Required when it is required", () => {
    const input = { en: "Who signs.", zh: "签字人。" };
    expect(inputMessage(col("text", { input }))).toEqual(input);
    expect(inputMessage(col("list", { input, required: true }))).toEqual({ en: "Required. Who signs.", zh: "必填。签字人。" });
  });
});
