/**
 * DOCX text. A DOCX is a ZIP, so it can be a zip bomb: yauzl reads the central directory first
 * and we refuse absurd declared sizes, then inflate the XML parts ourselves (yauzl checks every
 * stream against its declared size) before mammoth is allowed to touch the file.
 */
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { type ExtractResult, failure, formatBytes } from './result';

/** Limits for what a resume's ZIP may declare; real resumes stay far below all of them. */
export const zipLimits = {
  maxEntries: 10_000,
  maxTotalUncompressedBytes: 256 * 1024 * 1024,
  /** Above this total, the compression ratio is checked too. */
  ratioCheckFromBytes: 16 * 1024 * 1024,
  maxCompressionRatio: 100,
};

/** One entry of a ZIP's central directory. */
export interface ZipEntrySummary {
  name: string;
  compressedBytes: number;
  uncompressedBytes: number;
  isEncrypted: boolean;
}

const damagedReason = 'The Word document is damaged or incomplete and could not be read; open it in Word or LibreOffice and save a new copy.';
const suspicious = (detail: string) =>
  failure('suspicious_archive', `The file was not opened because ${detail}, which is how zip bombs look; a real resume never needs that.`, 'docx');

/** Lists a ZIP's central directory without inflating anything. */
export async function listZipEntries(bytes: Uint8Array): Promise<{ zip: yauzl.ZipFile; entries: { entry: yauzl.Entry; summary: ZipEntrySummary }[] }> {
  const zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
    lazyEntries: true,
    validateEntrySizes: true,
    strictFileNames: false,
  });
  const entries: { entry: yauzl.Entry; summary: ZipEntrySummary }[] = [];
  for await (const entry of zip.eachEntry()) {
    entries.push({
      entry,
      summary: { name: entry.fileName, compressedBytes: entry.compressedSize, uncompressedBytes: entry.uncompressedSize, isEncrypted: entry.isEncrypted() },
    });
    if (entries.length > zipLimits.maxEntries) break;
  }
  return { zip, entries };
}

/** Judges declared sizes; returns a suspicious_archive result or null when they are plausible. */
export function checkDeclaredSizes(entries: readonly ZipEntrySummary[]): ExtractResult | null {
  if (entries.length > zipLimits.maxEntries) return suspicious(`it contains more than ${zipLimits.maxEntries.toLocaleString('en')} parts`);
  const totalUncompressedBytes = entries.reduce((sum, entry) => sum + entry.uncompressedBytes, 0);
  const totalCompressedBytes = entries.reduce((sum, entry) => sum + entry.compressedBytes, 0);
  if (totalUncompressedBytes > zipLimits.maxTotalUncompressedBytes) return suspicious(`its parts claim to unpack to ${formatBytes(totalUncompressedBytes)}`);
  const ratio = totalUncompressedBytes / Math.max(1, totalCompressedBytes);
  if (totalUncompressedBytes > zipLimits.ratioCheckFromBytes && ratio > zipLimits.maxCompressionRatio) {
    return suspicious(`it would unpack ${Math.round(ratio)} times larger (${formatBytes(totalUncompressedBytes)})`);
  }
  return null;
}

/** Inflates one entry and counts its bytes; yauzl fails the stream if it outgrows its declared size. */
async function inflatedSizeBytes(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  const stream = await zip.openReadStreamPromise(entry);
  let sizeBytes = 0;
  for await (const chunk of stream) sizeBytes += (chunk as Buffer).length;
  return sizeBytes;
}

/** What a ZIP that is not a Word document is, in words. */
function otherZipReason(names: readonly string[]): string {
  if (names.some((name) => name.startsWith('xl/'))) return 'This is an Excel spreadsheet, not a resume document; save the resume as DOCX, PDF or text.';
  if (names.some((name) => name.startsWith('ppt/'))) return 'This is a PowerPoint presentation, not a resume document; save the resume as DOCX, PDF or text.';
  if (names.includes('content.xml') && names.includes('mimetype'))
    return 'This is an OpenDocument file, which cannot be read yet; save it as DOCX or PDF and try again.';
  return 'This is a ZIP archive, not a document; unzip it and import the folder instead.';
}

/** Runs the ZIP checks on a listed archive; null when mammoth may open it. */
async function checkArchive(listing: Awaited<ReturnType<typeof listZipEntries>>): Promise<ExtractResult | null> {
  const summaries = listing.entries.map((item) => item.summary);
  const declaredProblem = checkDeclaredSizes(summaries);
  if (declaredProblem) return declaredProblem;
  const names = summaries.map((summary) => summary.name);
  if (!names.some((name) => name.startsWith('word/'))) return failure('unsupported', otherZipReason(names), 'zip');
  if (summaries.some((summary) => summary.isEncrypted)) {
    return failure('encrypted', 'The Word document is password-protected; remove the password and try again.', 'docx');
  }
  try {
    // mammoth inflates the XML parts in memory; prove their real sizes first.
    for (const { entry } of listing.entries) {
      if (/\.(xml|rels)$/i.test(entry.fileName)) await inflatedSizeBytes(listing.zip, entry);
    }
  } catch (error) {
    if (/too many bytes/i.test((error as Error).message)) return suspicious('a part unpacks to more than its declared size');
    return failure('damaged', damagedReason, 'docx');
  }
  return null;
}

/** Extracts the raw text of a DOCX after the ZIP checks; never throws. */
export async function extractDocx(bytes: Uint8Array): Promise<ExtractResult> {
  let listing: Awaited<ReturnType<typeof listZipEntries>>;
  try {
    listing = await listZipEntries(bytes);
  } catch {
    return failure('damaged', damagedReason, 'docx');
  }
  try {
    const problem = await checkArchive(listing);
    if (problem) return problem;
  } finally {
    listing.zip.close();
  }
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
    return { status: 'imported', text: result.value, format: 'docx' };
  } catch {
    return failure('damaged', damagedReason, 'docx');
  }
}
