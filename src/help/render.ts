// Renders the function reference into the help page and the Markdown reference.
// Pure: the caller writes the files (write.ts) or compares them (the help test).
import { signatureOf } from "../functions/signatures";
import { FUNCTION_HELP, INPUT_NOTES, PERIOD_REVIEWS, type FunctionHelp, type HelpText } from "./reference";

export const anchorOf = (id: string): string => id.toLowerCase();

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const HTML_LABELS = {
  en: { meaning: "Meaning", errors: "Errors", example: "Example", result: "Result" },
  zh: { meaning: "含义", errors: "错误", example: "示例", result: "结果" },
} as const;

/** The Chinese text with its example, which is the English one unless it has Chinese words. */
function chinese(help: FunctionHelp): HelpText {
  return { ...help.zh, example: help.zh.example ?? help.en.example };
}

function htmlText(text: HelpText, language: "en" | "zh"): string {
  const labels = HTML_LABELS[language];
  const lang = language === "en" ? "en" : "zh-CN";
  return `    <div class="lang" lang="${lang}">
      <p><strong>${labels.meaning}.</strong> ${escapeHtml(text.meaning)}</p>
      <p><strong>${labels.errors}:</strong></p>
      <ul>
${text.errors.map((e) => `        <li>${escapeHtml(e)}</li>`).join("\n")}
      </ul>
      <p><strong>${labels.example}:</strong> <code>${escapeHtml(text.example)}</code> → ${escapeHtml(text.result)}</p>
    </div>`;
}

function htmlSection(help: FunctionHelp): string {
  return `  <section id="${anchorOf(help.id)}">
    <h2><code>${escapeHtml(signatureOf(help.id))}</code></h2>
${htmlText(help.en, "en")}
${htmlText(chinese(help), "zh")}
  </section>`;
}

/**
 * The served help page: static and self-contained, no script (the page's Content-Security-Policy,
 * added by the build, forbids inline scripts) and no outside resource; its one <style> element
 * is allowed by the policy's style-src 'unsafe-inline'.
 */
export function renderHelpHtml(): string {
  const toc = FUNCTION_HELP.map((h) => `<a href="#${anchorOf(h.id)}">${h.id}</a>`).join(" · ");
  const review = (language: "en" | "zh") => {
    const r = PERIOD_REVIEWS[language];
    return `    <div class="lang" lang="${language === "en" ? "en" : "zh-CN"}">
      <h3>${escapeHtml(r.title)}</h3>
      <p>${escapeHtml(r.text)}</p>
      <ul>
${r.examples.map((e) => `        <li><code>${escapeHtml(e)}</code></li>`).join("\n")}
      </ul>
    </div>`;
  };
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>SALES functions — Sales Strategy Planner / 销售策略规划 函数帮助</title>
  <style>
    :root { color-scheme: light dark; }
    body { font-family: "Segoe UI", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0 auto; max-width: 56rem; padding: 1rem 1.5rem; line-height: 1.5; }
    code { font-family: Consolas, "Courier New", monospace; background: rgba(127, 127, 127, 0.15); padding: 0 0.2em; border-radius: 3px; }
    h2 code { background: none; padding: 0; }
    section { border-top: 1px solid rgba(127, 127, 127, 0.4); padding-top: 0.5rem; margin-top: 1.5rem; }
    .lang { margin-left: 0.5rem; }
    .lang + .lang { border-left: 3px solid rgba(127, 127, 127, 0.4); padding-left: 0.75rem; }
    nav { font-size: 0.95em; }
  </style>
</head>
<body>
  <h1>SALES functions <span lang="zh-CN">/ SALES 函数</span></h1>
  <p>Review metrics for the Sales Strategy Planner workbook. Percentages are Excel percentages: 45% is 0.45.
  Point at a #VALUE! or #N/A cell's error indicator to read what is wrong and where.
  <span lang="zh-CN">销售策略规划工作簿的复盘指标。百分比按 Excel 百分比填写：45% 即 0.45。
  将鼠标指向 #VALUE! 或 #N/A 单元格的错误提示，可查看出错的参数和位置。</span></p>
  <div class="lang" lang="en"><ul>
${INPUT_NOTES.en.map((n) => `    <li>${escapeHtml(n)}</li>`).join("\n")}
  </ul></div>
  <div class="lang" lang="zh-CN"><ul>
${INPUT_NOTES.zh.map((n) => `    <li>${escapeHtml(n)}</li>`).join("\n")}
  </ul></div>
  <nav>${toc} · <a href="#period-reviews">FILTER</a></nav>
${FUNCTION_HELP.map(htmlSection).join("\n")}
  <section id="period-reviews">
    <h2>FILTER</h2>
${review("en")}
${review("zh")}
  </section>
</body>
</html>
`;
}

function markdownText(text: HelpText, language: "en" | "zh"): string {
  const labels = HTML_LABELS[language];
  return [
    `${text.meaning}`,
    "",
    `${labels.errors}:`,
    "",
    ...text.errors.map((e) => `- ${e}`),
    "",
    `${labels.example}: \`${text.example}\` → ${text.result}`,
  ].join("\n");
}

/** The same reference in Markdown, for the README. */
export function renderMarkdown(): string {
  const sections = FUNCTION_HELP.map(
    (h) => `### ${h.id}

\`${signatureOf(h.id)}\`

${markdownText(h.en, "en")}

${markdownText(chinese(h), "zh")}
`,
  );
  const review = (language: "en" | "zh") => {
    const r = PERIOD_REVIEWS[language];
    return `${r.text}\n\n${r.examples.map((e) => `- \`${e}\``).join("\n")}\n`;
  };
  return `<!-- Generated from src/help/reference.ts by \`npx tsx src/help/write.ts\`; edit that file, not this one. -->

## Function reference / 函数参考

Percentages are Excel percentages: 45% is 0.45. Text where a number is needed gives #VALUE!.
Point at a #VALUE! or #N/A cell's error indicator to read what is wrong and where (Excel shows messages for these two errors only).

${INPUT_NOTES.en.map((n) => `- ${n}`).join("\n")}

百分比按 Excel 百分比填写：45% 即 0.45。需要数字处填写文本返回 #VALUE!。将鼠标指向 #VALUE! 或 #N/A 单元格的错误提示，可查看出错的参数和位置（Excel 只为这两种错误显示提示）。

${INPUT_NOTES.zh.map((n) => `- ${n}`).join("\n")}

${sections.join("\n")}
## ${PERIOD_REVIEWS.en.title} / ${PERIOD_REVIEWS.zh.title}

${review("en")}
${review("zh")}`;
}

export const README_START = "<!-- function reference: generated by `npm run help` from src/help/reference.ts -->";
export const README_END = "<!-- end of function reference -->";

/** README.md with its function reference section replaced by `markdown`. */
export function spliceReadme(readme: string, markdown: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md has no function reference markers (${README_START} … ${README_END})`);
  return `${readme.slice(0, start + README_START.length)}\n${markdown.trimEnd()}\n\n${readme.slice(end)}`;
}
