import { LTV, WINRATE } from "../../src/functions/functions";
import { installCustomFunctions, thrownBy } from "../support/customFunctions";

installCustomFunctions();

function officeLanguage(language: string | undefined): void {
  (globalThis as { Office?: unknown }).Office = language === undefined ? undefined : { context: { displayLanguage: language } };
}

describe("error messages follow the reader's Office language (they live only in the error indicator)", () => {
  afterEach(() => officeLanguage(undefined));

  it("are English without Office", () => {
    officeLanguage(undefined);
    expect(thrownBy(() => LTV(1000, 45, 0.05)).message).toBe(
      "grossMargin is a percentage between 0% and 100%; 45 is out of range. Type 45% or 0.45, not 45.",
    );
  });

  it("are Chinese for a zh-CN Office, still naming the argument and the cell", () => {
    officeLanguage("zh-CN");
    expect(thrownBy(() => LTV(1000, 45, 0.05)).message).toBe("grossMargin 是 0% 到 100% 之间的百分比，45 超出范围。请输入 45% 或 0.45，而不是 45。");
    expect(thrownBy(() => WINRATE([["赢单"], ["maybe"]])).message).toMatch(/^statuses：“maybe”不在可选值中.*（区域第 2 行第 1 列）$/);
  });

  it("are English for other Office languages", () => {
    officeLanguage("de-DE");
    expect(thrownBy(() => WINRATE([["open"]])).message).toBe("No deal in statuses is won or lost yet, so there is no win rate.");
  });
});
