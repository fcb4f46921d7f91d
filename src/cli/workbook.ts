// Entry of `npm run workbook`. npm runs scripts from the package folder; INIT_CWD is the folder
// the user typed the command in, so a relative --out lands where they expect. Messages follow
// the system's language: Node reads it from LANG/LC_ALL, or from Windows' settings.
import { main } from "./workbookCommand";
import { languageFor } from "../i18n";
import { buildWorkbook } from "../xlsx/build";

main(
  process.argv.slice(2),
  {
    cwd: process.env.INIT_CWD ?? process.cwd(),
    language: languageFor(Intl.DateTimeFormat().resolvedOptions().locale),
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  },
  buildWorkbook,
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`workbook: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
