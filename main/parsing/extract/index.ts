/**
 * Text extraction for one file's bytes: sniff the real format, hand it to that format's
 * extractor, and turn every outcome — including a thrown error — into text or a closed status
 * with a sentence. Plain Node; called by the parse worker (and directly by tests).
 */
import { extractDoc } from './doc';
import { extractDocx } from './docx';
import { extractHtml, looksLikeHtml } from './html';
import { extractPdf } from './pdf';
import { defaultMaxBytes, type ExtractResult, failure, tooLargeReason } from './result';
import { sniffFormat } from './sniff';
import { decodeText } from './text';

export type { ExtractFailureStatus, ExtractResult } from './result';

export { defaultMaxBytes } from './result';

/** Options for one extraction. */
export interface ExtractOptions {
  /** Files above this size are `too_large`; default 20 MB. */
  maxBytes?: number;
}

const tabularExtensions = new Set(['csv', 'tsv', 'jsonl', 'ndjson']);
const rtfReason = 'RTF documents cannot be read yet; open it in a word processor, save it as DOCX, PDF or text, and try again.';

/** Office files encrypted with a password are OLE2 containers holding an "EncryptedPackage" stream. */
function isEncryptedOfficeFile(bytes: Uint8Array): boolean {
  const marker = Buffer.from('EncryptedPackage', 'utf16le');
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(marker);
}

/** Describes a recognised non-document format for the "unsupported" sentence. */
function describeOther(detected: { ext: string; mime: string } | null): string {
  if (!detected) return 'The file type is not recognised as a resume document (PDF, DOCX, TXT, Markdown or HTML).';
  const kind = detected.mime.startsWith('image/')
    ? 'an image'
    : detected.mime.startsWith('audio/')
      ? 'audio'
      : detected.mime.startsWith('video/')
        ? 'a video'
        : 'a file';
  return `This is ${kind} (${detected.ext.toUpperCase()}), not a resume document; import resumes as PDF, DOCX, TXT, Markdown or HTML.`;
}

/** Routes bytes to the extractor for their sniffed format. */
async function extractByFormat(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  const sniffed = await sniffFormat(bytes, fileName);
  switch (sniffed.kind) {
    case 'pdf':
      return extractPdf(bytes);
    case 'zip':
      return extractDocx(bytes);
    case 'ole2':
      if (isEncryptedOfficeFile(bytes)) return failure('encrypted', 'The Office document is password-protected; remove the password and try again.', 'docx');
      return extractDoc(bytes);
    case 'rtf':
      return failure('unsupported', rtfReason, 'rtf');
    case 'other':
      return failure('unsupported', describeOther(sniffed.detected), sniffed.detected?.ext);
    case 'text': {
      if (tabularExtensions.has(sniffed.extension)) {
        return failure(
          'unsupported',
          'This is a table of records (CSV or JSON Lines); import it on its own as a dataset rather than as one resume.',
          sniffed.extension,
        );
      }
      const decoded = decodeText(bytes);
      if (!decoded.ok) return failure('unsupported', decoded.reason, sniffed.extension || undefined);
      if (looksLikeHtml(decoded.text, sniffed.extension)) return extractHtml(bytes);
      const format = sniffed.extension === 'md' || sniffed.extension === 'markdown' ? 'md' : 'txt';
      return { status: 'imported', text: decoded.text, format };
    }
  }
}

/** Cleans extracted text: NFC, Unix newlines, no NULs, no trailing white space on lines. */
export function cleanExtractedText(text: string): string {
  // Line by line with trimEnd: a /[ \t]+$/m regex is quadratic on a long run of inner spaces.
  return text
    .replace(/\r\n?/g, '\n')
    .replaceAll('\u0000', '')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .normalize('NFC')
    .trim();
}

/** Extracts the text of one file, or says in a sentence why it has none; never throws. */
export async function extractText(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  if (bytes.byteLength === 0) return failure('empty', 'The file is empty (0 bytes).');
  if (bytes.byteLength > maxBytes) {
    return failure('too_large', tooLargeReason(bytes.byteLength, maxBytes));
  }
  let result: ExtractResult;
  try {
    result = await extractByFormat(bytes, fileName);
  } catch (error) {
    // Extractors handle their own failures; this is the net for the unforeseen.
    return failure('damaged', `The file could not be read (${(error as Error)?.message ?? String(error)}).`);
  }
  if (result.status !== 'imported') return result;
  const text = cleanExtractedText(result.text);
  if (text === '') return failure('empty', 'The file contains no text, only blank space.', result.format);
  return { ...result, text };
}
