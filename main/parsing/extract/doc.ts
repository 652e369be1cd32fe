/**
 * Legacy Word 97–2003 (.doc) text, read from the OLE2 container by word-extractor (pure JS).
 * Other OLE2 files (Excel, PowerPoint, MSI) are not Word documents and get a sentence saying so.
 */
import WordExtractor from 'word-extractor';
import { type ExtractResult, failure } from './result';

const extractor = new WordExtractor();

const notWordReason =
  'This is an Office binary file that is not a Word document (for example an old Excel or PowerPoint file); import resumes as PDF, DOC, DOCX, TXT or HTML.';

/** Body text of a .doc file, headers and footnotes left out (they repeat names and page numbers). */
export async function extractDoc(bytes: Uint8Array): Promise<ExtractResult> {
  try {
    const document = await extractor.extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return { status: 'imported', text: document.getBody(), format: 'doc' };
  } catch (error) {
    const message = (error as Error)?.message ?? String(error);
    // word-extractor says "Invalid Word file" (or fails to find a WordDocument stream) for other OLE2 files.
    if (/word/i.test(message)) return failure('unsupported', notWordReason, 'ole2');
    return failure(
      'damaged',
      'The Word 97–2003 document is damaged or incomplete and could not be read; open it in Word or LibreOffice and save a new copy.',
      'doc',
    );
  }
}
