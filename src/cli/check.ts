// Entry of `npm run check`. npm runs scripts from the package folder; INIT_CWD is the folder the
// user typed the command in, so a relative FILE is found where they expect. What the command
// says about itself follows the system's language (Node reads it from LANG/LC_ALL, or Windows').
import { EXIT_CANNOT_CHECK, main } from "./checkCommand";
import { languageFor } from "../i18n";

main(process.argv.slice(2), {
  cwd: process.env.INIT_CWD ?? process.cwd(),
  language: languageFor(Intl.DateTimeFormat().resolvedOptions().locale),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line, never a stack trace: whatever went wrong, the file could not be checked.
    process.stderr.write(`check: ${(error instanceof Error ? error.message : String(error)).split("\n")[0]}\n`);
    process.exitCode = EXIT_CANNOT_CHECK;
  },
);
