// `npx tsx src/help/write.ts`: rewrites src/help/help.html and docs/functions.md from reference.ts.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderHelpHtml, renderMarkdown } from "./render";

const root = path.resolve(__dirname, "../..");
writeFileSync(path.join(root, "src/help/help.html"), renderHelpHtml());
writeFileSync(path.join(root, "docs/functions.md"), renderMarkdown());
