// `npm run help`: rewrites src/help/help.html and the function reference in README.md from
// reference.ts, so the page Excel links to and the README never disagree.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { renderHelpHtml, renderMarkdown, spliceReadme } from "./render";

const root = path.resolve(__dirname, "../..");
const readme = path.join(root, "README.md");
writeFileSync(path.join(root, "src/help/help.html"), renderHelpHtml());
writeFileSync(readme, spliceReadme(readFileSync(readme, "utf8"), renderMarkdown()));
