import { readFileSync } from "node:fs";
import path from "node:path";
import { renderHelpHtml, renderMarkdown, spliceReadme } from "../../src/help/render";
import { FUNCTION_HELP } from "../../src/help/reference";
import { signatureOf } from "../../src/functions/signatures";

const root = path.resolve(__dirname, "../..");
const html = readFileSync(path.join(root, "src/help/help.html"), "utf8");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

describe("function help", () => {
  it("help.html and README's function reference are what reference.ts renders (run `npm run help`)", () => {
    expect(html).toBe(renderHelpHtml());
    expect(readme).toBe(spliceReadme(readme, renderMarkdown()));
    expect(readme).toContain("### OVERDUE");
  });

  it("help.html loads nothing from outside and runs no script, so the page's CSP holds", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toMatch(/Content-Security-Policy/i);
  });

  it.each(FUNCTION_HELP.map((h) => [h.id, h] as const))(
    "%s has a section with signature, meaning, errors and an example in both languages",
    (id, help) => {
      const section = new RegExp(`<section id="${id.toLowerCase()}">([\\s\\S]*?)</section>`).exec(html)?.[1] ?? "";
      expect(section).toContain(`SALES.${id}(`);
      expect(section).toContain('lang="en"');
      expect(section).toContain('lang="zh-CN"');
      expect(section.match(/<code>=SALES\./g)?.length).toBe(2);
      expect(section).toMatch(/Errors:[\s\S]*<li>/);
      expect(section).toMatch(/错误:[\s\S]*<li>/);
      expect(help.zh.meaning).toMatch(/[\u4e00-\u9fff]/);
      expect(readme).toContain(`### ${id}\n\n\`${signatureOf(id)}\``);
    },
  );

  it("says what Excel really hands the functions: a blank as 0 on some Windows builds, errors passed on, in both languages", () => {
    for (const text of [html, readme]) {
      expect(text).toContain("a 0 counts as blank too");
      expect(text).toContain("0 也按空白处理");
      expect(text).toMatch(/#NAME\? and #REF!.*come out as #VALUE!/);
    }
  });

  it("the Markdown reference shows period reviews with FILTER", () => {
    expect(readme).toContain("=SALES.WINRATE(FILTER(Pipeline[Status], Pipeline[Created]>=B2))");
  });
});
