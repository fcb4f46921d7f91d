// The pixel check of the LibreOffice test is only as good as the PNG reader under it.
import { deflateSync } from "node:zlib";
import { decodePng, dominantColour, rgbOf } from "../support/png";
import { parseCsv } from "../support/libreoffice";

function chunk(type: string, body: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  // The reader does not check CRCs, so zeros will do.
  return Buffer.concat([length, Buffer.from(type, "latin1"), body, Buffer.alloc(4)]);
}

/** A 2x3 RGB image whose three lines use filters None, Sub and Up, spelled out by hand. */
function handMadePng(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(2, 0);
  header.writeUInt32BE(3, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // RGB
  const lines = Buffer.from([
    0,
    10,
    20,
    30,
    200,
    100,
    50, // None: (10,20,30) (200,100,50)
    1,
    255,
    0,
    0,
    1,
    0,
    0, // Sub: (255,0,0) then +(1,0,0) = (0,0,0) mod 256
    2,
    5,
    5,
    5,
    0,
    0,
    0, // Up: line 2 + (5,5,5), then (0,0,0)+(0,0,0)
  ]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(lines)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("PNG reader", () => {
  const image = decodePng(handMadePng());

  it("reads the size and undoes None, Sub and Up filters", () => {
    expect([image.width, image.height]).toEqual([2, 3]);
    expect(image.pixel(0, 0)).toEqual({ r: 10, g: 20, b: 30 });
    expect(image.pixel(1, 0)).toEqual({ r: 200, g: 100, b: 50 });
    expect(image.pixel(0, 1)).toEqual({ r: 255, g: 0, b: 0 });
    expect(image.pixel(1, 1)).toEqual({ r: 0, g: 0, b: 0 });
    expect(image.pixel(0, 2)).toEqual({ r: 4, g: 5, b: 5 });
    expect(image.pixel(1, 2)).toEqual({ r: 0, g: 0, b: 0 });
  });

  it("names the dominant colour of a box", () => {
    expect(dominantColour(image, 0, 1, 2, 3)).toEqual({ r: 0, g: 0, b: 0 });
    expect(rgbOf("FFC00000")).toEqual({ r: 0xc0, g: 0, b: 0 });
  });

  it("refuses what is not a PNG", () => {
    expect(() => decodePng(Buffer.from("GIF89a"))).toThrow(/not a PNG/);
  });
});

describe("CSV reader", () => {
  it("keeps quoted commas, doubled quotes, line breaks and empty cells", () => {
    expect(parseCsv('a,"b,c","say ""hi""",\n"two\nlines",x\r\n')).toEqual([
      ["a", "b,c", 'say "hi"', ""],
      ["two\nlines", "x"],
    ]);
  });
});
