/**
 * Plain text decoding: byte-order mark first, then strict UTF-8, then chardet's guess decoded with
 * iconv-lite; bytes that decode to mostly control characters are binary, not text. Used by the
 * extractor for TXT and Markdown and by the HTML extractor.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** Decoded text with the encoding that produced it, or why the bytes are not text. */
export type DecodedText = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

/** Bytes inspected for NULs and encoding guesses: enough to judge, cheap on large files. */
const sampleBytes = 64 * 1024;
/** Share of control or replacement characters above which decoded text is judged binary. */
const maxControlShare = 0.05;

const binaryReason = 'The file is named like a text file but its bytes are binary data, not text; check that it is really a resume.';

const asBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Encodings announced by a byte-order mark, longest mark first (UTF-32 LE starts like UTF-16 LE). */
const boms: { mark: number[]; encoding: string }[] = [
  { mark: [0xff, 0xfe, 0x00, 0x00], encoding: 'utf-32le' },
  { mark: [0x00, 0x00, 0xfe, 0xff], encoding: 'utf-32be' },
  { mark: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { mark: [0xff, 0xfe], encoding: 'utf-16le' },
  { mark: [0xfe, 0xff], encoding: 'utf-16be' },
];

/** Returns the encoding named by a byte-order mark and the mark's length, if there is one. */
export function detectBom(bytes: Uint8Array): { encoding: string; bomBytes: number } | null {
  for (const { mark, encoding } of boms) {
    if (bytes.length >= mark.length && mark.every((byte, index) => bytes[index] === byte)) return { encoding, bomBytes: mark.length };
  }
  return null;
}

/** Counts characters that do not belong in a text document: C0/C1 controls (bar tab, newlines, form feed), DEL and U+FFFD. */
export function controlCharShare(text: string): number {
  if (text.length === 0) return 0;
  const sample = text.length > sampleBytes ? text.slice(0, sampleBytes) : text;
  let bad = 0;
  for (let index = 0; index < sample.length; index++) {
    const code = sample.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd) bad++;
  }
  return bad / sample.length;
}

/** Guesses UTF-16 without a mark from where the NUL bytes sit (ASCII-heavy UTF-16 has NULs on one parity). */
function guessUtf16(bytes: Uint8Array): string | null {
  const length = Math.min(bytes.length, sampleBytes) & ~1;
  if (length < 4) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let index = 0; index < length; index += 2) {
    if (bytes[index] === 0) evenNuls++;
    if (bytes[index + 1] === 0) oddNuls++;
  }
  const pairs = length / 2;
  if (oddNuls > pairs * 0.4 && evenNuls < pairs * 0.05) return 'utf-16le';
  if (evenNuls > pairs * 0.4 && oddNuls < pairs * 0.05) return 'utf-16be';
  return null;
}

const hasNul = (bytes: Uint8Array): boolean => bytes.subarray(0, sampleBytes).includes(0);

/** Normalises chardet's names: ISO-8859-1 is read as its superset windows-1252, as browsers do. */
function iconvName(detected: string | null): string {
  if (!detected) return 'windows-1252';
  const name = detected.toLowerCase();
  if (name === 'iso-8859-1' || name === 'ascii') return 'windows-1252';
  return iconv.encodingExists(name) ? name : 'windows-1252';
}

/** Decodes text bytes of unknown encoding; never throws. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  let encoding: string;
  const bom = detectBom(bytes);
  if (bom) {
    encoding = bom.encoding;
    text = iconv.decode(asBuffer(bytes.subarray(bom.bomBytes)), encoding, { stripBOM: false });
  } else {
    const containsNul = hasNul(bytes);
    const utf16 = containsNul ? guessUtf16(bytes) : null;
    if (containsNul && !utf16) return { ok: false, reason: binaryReason };
    if (utf16) {
      encoding = utf16;
      text = iconv.decode(asBuffer(bytes), encoding, { stripBOM: false });
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        encoding = 'utf-8';
      } catch {
        // Not valid UTF-8: older Windows and Mac editors saved legacy code pages; ask chardet which.
        encoding = iconvName(chardet.detect(bytes.subarray(0, sampleBytes)));
        text = iconv.decode(asBuffer(bytes), encoding, { stripBOM: false });
      }
    }
  }
  if (controlCharShare(text) > maxControlShare) return { ok: false, reason: binaryReason };
  return { ok: true, text, encoding };
}
