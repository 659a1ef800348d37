/**
 * Draws the app's icons (three people joined in one plan) as PNGs into assets/.
 * Run once with `npx tsx scripts/makeIcons.ts`; the PNGs are committed. No image library needed.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const png = (size: number, pixel: (x: number, y: number) => Rgba) => {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

/** Coverage (0..1) of the motif at a point in unit coordinates: three dots on a ring, joined by the ring. */
const motif = (u: number, v: number): number => {
  const cx = 0.5;
  const cy = 0.52;
  const ring = Math.abs(Math.hypot(u - cx, v - cy) - 0.27);
  let d = ring - 0.035;
  for (const angle of [-90, 30, 150]) {
    const a = (angle * Math.PI) / 180;
    d = Math.min(d, Math.hypot(u - (cx + 0.27 * Math.cos(a)), v - (cy + 0.27 * Math.sin(a))) - 0.1);
  }
  return d;
};

const draw = (size: number, background: Rgba | null, ink: Rgba) =>
  png(size, (x, y) => {
    const px = 1 / size;
    const coverage = Math.max(0, Math.min(1, 0.5 - motif(x / size, y / size) / px));
    if (!background) return [ink[0], ink[1], ink[2], Math.round(ink[3] * coverage)];
    return [0, 1, 2].map((i) => Math.round(background[i]! * (1 - coverage) + ink[i]! * coverage)).concat(255) as Rgba;
  });

mkdirSync('assets', { recursive: true });
const teal: Rgba = [31, 95, 117, 255];
const white: Rgba = [255, 255, 255, 255];
writeFileSync('assets/color.png', draw(192, teal, white));
writeFileSync('assets/outline.png', draw(32, null, white));
for (const size of [16, 32, 80]) writeFileSync(`assets/command-${size}.png`, draw(size, null, teal));
console.log('assets/: color.png outline.png command-16.png command-32.png command-80.png');
