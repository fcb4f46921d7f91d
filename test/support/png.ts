// A small PNG reader for pixel checks: 8-bit greyscale, grey+alpha, RGB and RGBA, not interlaced,
// which is what pdftoppm writes. No dependency beyond node:zlib.
import { inflateSync } from "node:zlib";

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

export interface Image {
  readonly width: number;
  readonly height: number;
  pixel(x: number, y: number): Rgb;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(file: Buffer): Image {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  let offset = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const data: Buffer[] = [];
  while (offset < file.length) {
    const length = file.readUInt32BE(offset);
    const type = file.toString("latin1", offset + 4, offset + 8);
    const body = file.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const bitDepth = body[8];
      colorType = body[9];
      if (bitDepth !== 8 || !(colorType in CHANNELS) || body[12] !== 0) {
        throw new Error(`unsupported PNG: bit depth ${bitDepth}, colour type ${colorType}, interlace ${body[12]}`);
      }
    } else if (type === "IDAT") {
      data.push(body);
    } else if (type === "IEND") {
      break;
    }
    offset += 12 + length;
  }
  const channels = CHANNELS[colorType];
  const pixels = unfilter(inflateSync(Buffer.concat(data)), width, height, channels);
  return {
    width,
    height,
    pixel(x, y) {
      if (x < 0 || y < 0 || x >= width || y >= height) throw new Error(`pixel (${x}, ${y}) is outside ${width}x${height}`);
      const at = (y * width + x) * channels;
      if (channels <= 2) return { r: pixels[at], g: pixels[at], b: pixels[at] };
      return { r: pixels[at], g: pixels[at + 1], b: pixels[at + 2] };
    },
  };
}

function unfilter(raw: Buffer, width: number, height: number, bpp: number): Buffer {
  const stride = width * bpp;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    const prior = row - stride;
    for (let i = 0; i < stride; i++) {
      const left = i >= bpp ? out[row + i - bpp] : 0;
      const up = y > 0 ? out[prior + i] : 0;
      const upLeft = y > 0 && i >= bpp ? out[prior + i - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = left;
          break;
        case 2:
          predictor = up;
          break;
        case 3:
          predictor = (left + up) >> 1;
          break;
        case 4:
          predictor = paeth(left, up, upLeft);
          break;
        default:
          throw new Error(`bad PNG filter ${filter} on line ${y}`);
      }
      out[row + i] = (line[i] + predictor) & 0xff;
    }
  }
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** The most frequent colour among the pixels of a box: glyphs are thin, so this is the fill. */
export function dominantColour(image: Image, x0: number, y0: number, x1: number, y1: number): Rgb {
  const counts = new Map<number, number>();
  for (let y = Math.max(0, Math.round(y0)); y < Math.min(image.height, Math.round(y1)); y++) {
    for (let x = Math.max(0, Math.round(x0)); x < Math.min(image.width, Math.round(x1)); x++) {
      const { r, g, b } = image.pixel(x, y);
      const key = (r << 16) | (g << 8) | b;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let best = -1;
  let bestCount = 0;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  if (best < 0) throw new Error(`empty box (${x0}, ${y0})-(${x1}, ${y1})`);
  return { r: best >> 16, g: (best >> 8) & 0xff, b: best & 0xff };
}

export function hex({ r, g, b }: Rgb): string {
  return [r, g, b]
    .map((c) => c.toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

/** True when two colours are within `tolerance` on every channel (anti-aliasing and colour profiles shift a little). */
export function near(a: Rgb, b: Rgb, tolerance = 12): boolean {
  return Math.abs(a.r - b.r) <= tolerance && Math.abs(a.g - b.g) <= tolerance && Math.abs(a.b - b.b) <= tolerance;
}

export function rgbOf(hexColour: string): Rgb {
  const six = hexColour.replace(/^#/, "").slice(-6);
  return { r: parseInt(six.slice(0, 2), 16), g: parseInt(six.slice(2, 4), 16), b: parseInt(six.slice(4, 6), 16) };
}
