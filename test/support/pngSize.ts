// The pixel size a PNG declares in its IHDR chunk, which must come first in a valid file.
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function readPngSize(file: Buffer): { width: number; height: number } {
  if (file.length < 24 || !file.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  if (file.toString("latin1", 12, 16) !== "IHDR") throw new Error("PNG does not start with its IHDR chunk");
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}
