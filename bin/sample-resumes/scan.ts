/**
 * A picture of a printed resume, as a flatbed scanner returns it: a greyish page with dark bars
 * where the lines of text are. Hand-made 8-bit greyscale PNG, so no image library is needed.
 * pdf-lib decodes the pixels and re-compresses them itself, so zlib's version cannot change the
 * PDF's bytes. Dev-only.
 */
import { deflateSync } from 'node:zlib';
import type { ResumeBlock } from './compose';

const widthPx = 510;
const heightPx = 660;
/** Pixels per PDF point (the picture covers a 612 × 792 pt Letter page). */
const scale = widthPx / 612;

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

/** The layout of a resume as text-line bars: left edge, width and height in points, top-down. */
function bars(blocks: readonly ResumeBlock[]): { xPt: number; yPt: number; widthPt: number; heightPt: number }[] {
  const out: { xPt: number; yPt: number; widthPt: number; heightPt: number }[] = [];
  let yPt = 60;
  const line = (chars: number, sizePt: number, indentPt = 0) => {
    const perLine = Math.floor((504 - indentPt) / (sizePt * 0.5));
    for (let left = chars; left > 0; left -= perLine) {
      yPt += sizePt * 1.4;
      out.push({ xPt: 54 + indentPt, yPt, widthPt: Math.min(left, perLine) * sizePt * 0.5, heightPt: sizePt * 0.62 });
    }
  };
  for (const block of blocks) {
    if (yPt > 740) break;
    const size = block.kind === 'name' ? 20 : block.kind === 'headline' ? 12 : 10;
    if (block.kind === 'heading') yPt += 12;
    line(block.text.length, size, block.kind === 'bullet' ? 14 : 0);
  }
  return out;
}

/** The PNG bytes of the scanned page. */
export function scannedPagePng(blocks: readonly ResumeBlock[]): Uint8Array {
  const stride = widthPx + 1;
  const raw = Buffer.alloc(stride * heightPx);
  for (let y = 0; y < heightPx; y++) {
    // Scanner lid shadow: the paper darkens a little towards the bottom edge.
    const paper = 242 - Math.floor((y / heightPx) * 10);
    raw.fill(paper, y * stride + 1, (y + 1) * stride);
  }
  for (const bar of bars(blocks)) {
    const top = Math.round((bar.yPt - bar.heightPt) * scale);
    const bottom = Math.round(bar.yPt * scale);
    const left = Math.round(bar.xPt * scale);
    const right = Math.min(widthPx, Math.round((bar.xPt + bar.widthPt) * scale));
    for (let y = Math.max(0, top); y < Math.min(heightPx, bottom); y++) raw.fill(70, y * stride + 1 + left, y * stride + 1 + right);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(widthPx, 0);
  header.writeUInt32BE(heightPx, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit, greyscale, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return new Uint8Array(Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]));
}
