// Writes a whole file or nothing: the bytes go to a temporary file beside the target, which then
// takes the target's name in one step. Without `replace`, an existing target is never touched,
// even if it appears between our check and our write.
import { closeSync, constants, copyFileSync, fsyncSync, linkSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

export class TargetExists extends Error {}

export function writeFileAtomic(target: string, bytes: Uint8Array, replace: boolean): void {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fd = openSync(temp, "wx");
  try {
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (replace) {
      renameSync(temp, target);
      return;
    }
    try {
      linkSync(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EEXIST") throw new TargetExists(target);
      // Some file systems have no hard links; an exclusive copy still refuses to overwrite.
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
      try {
        copyFileSync(temp, target, constants.COPYFILE_EXCL);
      } catch (copyError) {
        if ((copyError as NodeJS.ErrnoException).code === "EEXIST") throw new TargetExists(target);
        throw copyError;
      }
    }
  } finally {
    rmSync(temp, { force: true });
  }
}
