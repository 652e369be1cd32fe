/**
 * PDF text through pdfjs-dist's legacy build (the one meant for Node). pdfjs runs its worker half
 * in this thread, which is what we want: we are already inside a parse worker. Eval and font
 * loading are off; only the text layer is read. The installed pdfjs-dist carries three small
 * patches that make text extraction cheaper with the same output (pdfjs-patches/README.md).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { directWorkerPort, useSynchronousInflate } from './pdf-in-thread';
import { type ExtractResult, failure } from './result';

type PdfJs = typeof PdfJsModule;

/**
 * Loads both halves of pdfjs into this thread. The worker half is loaded here and handed over as
 * `globalThis.pdfjsWorker` (pdfjs's own hook for running it in-thread) instead of on the first
 * document, so that the legacy build's core-js polyfills are all installed before the line below
 * undoes one of them: it replaces the engine's Array.prototype.push with a JavaScript loop (over
 * a spec corner the engine is stricter than core-js about, arrays of 2³² elements), and pdfjs
 * pushes every token it parses. Measured on every 20th livecareer PDF, one thread: 27 ms of CPU
 * per file with the polyfill, 19 ms with the engine's push, same text.
 */
async function importPdfJs(): Promise<LoadedPdfJs> {
  const enginePush = Array.prototype.push;
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const workerHalf = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= workerHalf;
  if (Array.prototype.push !== enginePush) {
    Object.defineProperty(Array.prototype, 'push', { value: enginePush, writable: true, configurable: true, enumerable: false });
  }
  // See pdf-in-thread.ts: both halves share this thread, so messages pass without a copy, and
  // FlateDecode streams inflate here instead of on libuv's thread pool.
  useSynchronousInflate();
  const worker = new pdfjs.PDFWorker({ port: directWorkerPort(workerHalf) as never, verbosity: 0 });
  return { pdfjs, worker };
}

interface LoadedPdfJs {
  pdfjs: PdfJs;
  /** The one in-thread worker every document of this thread opens on. */
  worker: InstanceType<PdfJs['PDFWorker']>;
}

let pdfjsPromise: Promise<LoadedPdfJs> | null = null;
/** Loads pdfjs once per thread, on first use: text-only imports never pay for it. */
const loadPdfJs = (): Promise<LoadedPdfJs> => (pdfjsPromise ??= importPdfJs());

/** Loads pdfjs ahead of the first PDF, so a worker's start-up cost is not billed to a file's timeout. */
export async function preloadPdfJs(): Promise<void> {
  await loadPdfJs();
}

let assetDirs: { cMapUrl?: string; standardFontDataUrl?: string } | null = null;
/** Character maps let pdfjs read CJK text; found next to the installed package, skipped if absent. */
function pdfAssetDirs(): { cMapUrl?: string; standardFontDataUrl?: string } {
  if (assetDirs) return assetDirs;
  try {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    assetDirs = { cMapUrl: path.join(root, 'cmaps') + path.sep, standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep };
  } catch {
    assetDirs = {};
  }
  return assetDirs;
}

const encryptedReason = 'The PDF is password-protected; remove the password and try again.';
const damagedReason = 'The PDF is damaged or incomplete and could not be read; open it in a PDF viewer and save (or print to PDF) a new copy.';
const noTextReason = 'The PDF has no text layer (it is probably a scanned image); run it through OCR, or export a text PDF, and try again.';

interface TextPiece {
  str?: string;
  hasEOL?: boolean;
}

/** Joins one page's text items: pdfjs already inserts spaces between words; hasEOL marks line ends. */
export function joinTextItems(items: readonly TextPiece[]): string {
  let text = '';
  for (const item of items) {
    if (typeof item.str !== 'string') continue; // marked-content markers carry no text
    text += item.str;
    if (item.hasEOL) text += '\n';
  }
  return text;
}

/** Extracts the text layer of every page; never throws. */
export async function extractPdf(bytes: Uint8Array): Promise<ExtractResult> {
  let pdfjs: PdfJs;
  let worker: LoadedPdfJs['worker'];
  try {
    ({ pdfjs, worker } = await loadPdfJs());
  } catch (error) {
    return failure('damaged', `The PDF reader could not start (${(error as Error).message}).`, 'pdf');
  }
  const loadingTask = pdfjs.getDocument({
    // pdfjs transfers the buffer it is given: hand it a copy so the caller's bytes stay usable.
    data: bytes.slice(),
    worker,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: 0,
    cMapPacked: true,
    ...pdfAssetDirs(),
  });
  try {
    const document = await loadingTask.promise;
    const pageTexts: string[] = [];
    let failedPages = 0;
    for (let pageNumber = 1; pageNumber <= document.numPages; pageNumber++) {
      try {
        const page = await document.getPage(pageNumber);
        const content = await page.getTextContent();
        pageTexts.push(joinTextItems(content.items as TextPiece[]));
        page.cleanup();
      } catch {
        // One broken page should not cost the others; a file where all pages fail is damaged.
        failedPages++;
      }
    }
    if (document.numPages > 0 && failedPages === document.numPages) return failure('damaged', damagedReason, 'pdf');
    const text = pageTexts.join('\n\n');
    if (text.trim() === '') return failure('no_text', noTextReason, 'pdf');
    return { status: 'imported', text, format: 'pdf', pages: document.numPages };
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    if (name === 'PasswordException') return failure('encrypted', encryptedReason, 'pdf');
    return failure('damaged', damagedReason, 'pdf');
  } finally {
    await loadingTask.destroy().catch(() => undefined);
  }
}
