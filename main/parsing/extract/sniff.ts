/**
 * Decides what a file is from its bytes: magic numbers for the formats we parse, file-type for
 * everything else (so an image named .txt is called an image), and "text" as the candidate left
 * for the text decoder to confirm. The name's extension is only a hint (md vs txt, html).
 */
import { fileTypeFromBuffer } from 'file-type';
import { decodeText, detectBom } from './text';

/** What the bytes look like, as far as choosing a parser goes. */
export type SniffedKind = 'pdf' | 'zip' | 'ole2' | 'rtf' | 'text' | 'other';

/** A sniffing verdict: the kind, the lower-case extension of the name, and file-type's finding. */
export interface Sniffed {
  kind: SniffedKind;
  extension: string;
  detected: { ext: string; mime: string } | null;
}

/** PDF readers accept the header anywhere in the first kilobyte; so do we. */
const pdfHeaderWindowBytes = 1024;
const ole2Magic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** file-type results that are still text to us. */
const textLikeExtensions = new Set(['xml', 'svg']);
/** Bytes decoded to confirm that a weak binary match is really text. */
const textProbeBytes = 4096;

const startsWith = (bytes: Uint8Array, magic: number[], offset = 0): boolean =>
  bytes.length >= offset + magic.length && magic.every((byte, index) => bytes[offset + index] === byte);

const ascii = (text: string): number[] => [...text].map((char) => char.charCodeAt(0));

/** True when `%PDF-` occurs within the first kilobyte. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const magic = ascii('%PDF-');
  const limit = Math.min(bytes.length - magic.length, pdfHeaderWindowBytes);
  for (let offset = 0; offset <= limit; offset++) if (startsWith(bytes, magic, offset)) return true;
  return false;
}

/** The lower-case extension of a file name, without the dot ("" when there is none). */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** Sniffs a file's kind from its bytes; never throws. */
export async function sniffFormat(bytes: Uint8Array, fileName: string): Promise<Sniffed> {
  const extension = extensionOf(fileName);
  if (hasPdfHeader(bytes)) return { kind: 'pdf', extension, detected: null };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip', extension, detected: null };
  if (startsWith(bytes, ole2Magic)) return { kind: 'ole2', extension, detected: null };
  if (startsWith(bytes, ascii('{\\rtf'))) return { kind: 'rtf', extension, detected: null };
  // A byte-order mark is a stronger signal than file-type's guesses (FF FE also opens an MPEG frame).
  if (detectBom(bytes)) return { kind: 'text', extension, detected: null };
  let detected: Sniffed['detected'] = null;
  try {
    const found = await fileTypeFromBuffer(bytes);
    detected = found ? { ext: found.ext, mime: found.mime } : null;
  } catch {
    // file-type refuses malformed containers past its safety limits: then it is simply not recognised.
    detected = null;
  }
  if (!detected || textLikeExtensions.has(detected.ext)) return { kind: 'text', extension, detected };
  // Audio is recognised by short frame-sync patterns that plain text can match by chance.
  if (detected.mime.startsWith('audio/') && decodeText(bytes.subarray(0, textProbeBytes)).ok) return { kind: 'text', extension, detected };
  return { kind: 'other', extension, detected };
}
