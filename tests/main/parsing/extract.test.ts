import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStatuses } from '../../../preload/contract';
import { type ExtractResult, extractText } from '../../../main/parsing/extract/index';
import { joinTextItems } from '../../../main/parsing/extract/pdf';
import { createParsePool, type ParsePool } from '../../../main/parsing/parse-pool';
import * as fixtures from '../../fixtures/resume-files';

let dir: string;
const read = async (filePath: string) => new Uint8Array(await fs.readFile(filePath));
const extractFile = async (filePath: string, options?: { maxBytes?: number }) => extractText(await read(filePath), path.basename(filePath), options);
const expectSentence = (result: ExtractResult) => {
  if (result.status === 'imported') return;
  expect(fileStatuses).toContain(result.status);
  expect(result.reason).toMatch(/^[A-Z].{20,}\.$/s);
};
const expectImported = (result: ExtractResult): Extract<ExtractResult, { status: 'imported' }> => {
  expect(result.status, JSON.stringify(result)).toBe('imported');
  return result as Extract<ExtractResult, { status: 'imported' }>;
};

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'extract-test-'));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe('imported', () => {
  it('reads a text PDF with its lines and page count', async () => {
    const result = expectImported(await extractFile(await fixtures.writeTextPdf(dir)));
    expect(result.format).toBe('pdf');
    expect(result.pages).toBe(1);
    expect(result.text.split('\n').slice(0, 3)).toEqual(fixtures.syntheticResumeLines().slice(0, 3));
  });

  it('keeps the native Array.prototype.push, not the slower polyfill of the pdfjs legacy build', async () => {
    expectImported(await extractFile(await fixtures.writeTextPdf(dir, 'push.pdf')));
    expect(Function.prototype.toString.call(Array.prototype.push)).toContain('[native code]');
  });

  it('reads every page of a multi-page PDF', async () => {
    const result = expectImported(await extractFile(await fixtures.writeMultiPagePdf(dir, 'three.pdf', 3)));
    expect(result.pages).toBe(3);
    expect(result.text).toContain('Page 3 marker');
  });

  it('opens a PDF locked only by an owner password (no password needed to read)', async () => {
    const result = expectImported(await extractFile(await fixtures.writeEncryptedPdf(dir, 'owner-only.pdf', '')));
    expect(result.text).toContain('Jordan Example');
  });

  it('reads a DOCX, even when it is named .pdf (bytes decide, not the name)', async () => {
    const docxPath = await fixtures.writeDocx(dir, 'really-a-docx.pdf');
    const result = expectImported(await extractFile(docxPath));
    expect(result.format).toBe('docx');
    expect(result.text).toContain('Summary');
  });

  it('reads a PDF named .txt as a PDF', async () => {
    const result = expectImported(await extractFile(await fixtures.writeTextPdf(dir, 'misnamed.txt')));
    expect(result.format).toBe('pdf');
  });

  it.each([
    ['windows-1252', () => fixtures.writeLegacyText(dir, 'cp1252.txt')],
    ['UTF-16LE with BOM', () => fixtures.writeUtf16Text(dir, 'le')],
    ['UTF-16BE with BOM', () => fixtures.writeUtf16Text(dir, 'be')],
    [
      'UTF-16LE without BOM',
      async () => {
        const p = path.join(dir, 'u16-nobom.txt');
        await fs.writeFile(p, iconv.encode(fixtures.accentedResumeText, 'utf-16le'));
        return p;
      },
    ],
    [
      'UTF-8 with BOM',
      async () => {
        const p = path.join(dir, 'u8-bom.txt');
        await fs.writeFile(p, `\ufeff${fixtures.accentedResumeText}`);
        return p;
      },
    ],
  ])('decodes %s text exactly', async (_label, write) => {
    const result = expectImported(await extractFile(await write()));
    expect(result.text).toBe(fixtures.accentedResumeText);
    expect(result.format).toBe('txt');
  });

  it('keeps Markdown as text with format md and normalises CRLF and NFD', async () => {
    const filePath = path.join(dir, 'resume.md');
    await fs.writeFile(filePath, '# Re\u0301sume\u0301\r\n\r\n- SQL   \r\n');
    const result = expectImported(await extractFile(filePath));
    expect(result).toMatchObject({ format: 'md', text: '# R\u00e9sum\u00e9\n\n- SQL' });
  });

  it('decodes every HTML5 character reference and keeps <pre> as written, exactly', async () => {
    const html =
      '<html><head><title>CV</title><style>p{color:red}</style></head><body>\n<h1>Ren&eacute;e Example</h1>\n' +
      '<p>Chef &amp; manager&nbsp;&ndash; 8&nbsp;years&hellip; &#169; &#x1F373; &lsaquo;Acme&rsaquo; &Zeta; &CounterClockwiseContourIntegral;</p>\n' +
      '<pre>\n  SKILLS\n    knife   work\n\tsauces</pre>\n<p>Line<br>break</p></body></html>';
    const result = expectImported(await extractText(new Uint8Array(Buffer.from(html)), 'cv.html'));
    expect(result.text).toBe('Renée Example\n\nChef & manager – 8 years… © 🍳 ‹Acme› Ζ ∳\n\n  SKILLS\n    knife   work\n\tsauces\n\nLine\nbreak');
  });

  it('reads HTML as visible text only', async () => {
    const result = expectImported(await extractFile(await fixtures.writeHtml(dir)));
    expect(result.format).toBe('html');
    expect(result.text).toContain('Café manager & chef – 8\u00a0years'.replace('\u00a0', ' '));
    expect(result.text).toContain('Acme <Widgets>');
    expect(result.text).not.toMatch(/not text|color:red|hidden comment|<li>/);
  });

  it('decodes HTML in a declared legacy charset', async () => {
    const filePath = path.join(dir, 'latin.html');
    await fs.writeFile(filePath, iconv.encode('<html><head><meta charset="windows-1252"></head><body><p>Café – “CV”</p></body></html>', 'windows-1252'));
    expect(expectImported(await extractFile(filePath)).text).toBe('Café – “CV”');
  });
});

describe('failure statuses', () => {
  it('empty: zero bytes', async () => {
    const result = await extractFile(await fixtures.writeEmptyFile(dir));
    expect(result.status).toBe('empty');
    expectSentence(result);
  });

  it.each([
    ['whitespace text', 'blank.txt', async () => new Uint8Array(Buffer.from(' \n\t \r\n '))],
    ['a DOCX with blank paragraphs', 'blank.docx', () => fixtures.makeDocxBytes(['', '   '])],
    ['HTML with tags only', 'blank.html', async () => new Uint8Array(Buffer.from('<html><body><p> </p><script>x()</script></body></html>'))],
  ])('empty: %s', async (_label, name, make) => {
    const result = await extractText(await make(), name);
    expect(result.status).toBe('empty');
    expectSentence(result);
  });

  it('no_text: an image-only PDF', async () => {
    const result = await extractFile(await fixtures.writeImageOnlyPdf(dir));
    expect(result).toMatchObject({ status: 'no_text', format: 'pdf' });
    expectSentence(result);
  });

  it('encrypted: a PDF with a user password', async () => {
    const result = await extractFile(await fixtures.writeEncryptedPdf(dir));
    expect(result).toEqual({ status: 'encrypted', format: 'pdf', reason: 'The PDF is password-protected; remove the password and try again.' });
  });

  it('encrypted: a password-protected Office file (OLE2 holding an EncryptedPackage)', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(512),
    ]);
    const result = await extractText(new Uint8Array(bytes), 'locked.docx');
    expect(result.status).toBe('encrypted');
    expectSentence(result);
  });

  it('encrypted: a DOCX whose ZIP entries carry the password flag', async () => {
    const result = await extractText(fixtures.patchZipEncryptedFlag(await fixtures.makeDocxBytes(), 'word/document.xml'), 'zip-locked.docx');
    expect(result).toMatchObject({ status: 'encrypted', format: 'docx' });
  });

  it.each([0.05, 0.3, 0.7, 0.95])('damaged: a PDF truncated to %s of its length', async (keepFraction) => {
    const result = await extractFile(await fixtures.writeTruncatedPdf(dir, `truncated-${keepFraction}.pdf`, keepFraction));
    expect(result).toMatchObject({ status: 'damaged', format: 'pdf' });
    expectSentence(result);
  });

  it('damaged: a PDF header followed by garbage, and a truncated DOCX', async () => {
    const garbage = await extractText(new Uint8Array(Buffer.from('%PDF-1.7\n% nothing else here at all\n')), 'junk.pdf');
    expect(garbage.status).toBe('damaged');
    const docx = await fixtures.makeDocxBytes();
    const truncated = await extractText(docx.subarray(0, Math.floor(docx.length / 2)), 'cut.docx');
    expect(truncated).toMatchObject({ status: 'damaged', format: 'docx' });
    expectSentence(truncated);
  });

  it('too_large: over maxBytes, and over the 20 MB default', async () => {
    const small = await extractFile(await fixtures.writeTextPdf(dir, 'big.pdf'), { maxBytes: 100 });
    expect(small.status).toBe('too_large');
    expect((small as { reason: string }).reason).toMatch(/over the 100 bytes limit/);
    const huge = await extractText(new Uint8Array(20 * 1024 * 1024 + 1), 'huge.txt');
    expect(huge.status).toBe('too_large');
  });

  it('suspicious_archive: a DOCX whose central directory declares ~4 GB', async () => {
    const result = await extractFile(await fixtures.writeZipBombDocx(dir));
    expect(result).toMatchObject({ status: 'suspicious_archive', format: 'docx' });
    expectSentence(result);
  });

  it('suspicious_archive: a DOCX part that inflates beyond its declared size', async () => {
    const result = await extractFile(await fixtures.writeUnderDeclaredDocx(dir));
    expect(result.status).toBe('suspicious_archive');
  });

  it.each([
    ['binary bytes named .txt', () => fixtures.writeBinaryTxt(dir)],
    [
      'a PNG named .txt',
      async () => {
        const p = path.join(dir, 'photo.txt');
        await fs.writeFile(p, fixtures.makePng(4, 4));
        return p;
      },
    ],
    [
      'an RTF document',
      async () => {
        const p = path.join(dir, 'cv.rtf');
        await fs.writeFile(p, '{\\rtf1\\ansi Jordan Example\\par}');
        return p;
      },
    ],
    [
      'a plain ZIP archive',
      async () => {
        const zip = new JSZip();
        zip.file('a.txt', 'x');
        const p = path.join(dir, 'bundle.zip');
        await fs.writeFile(p, await zip.generateAsync({ type: 'uint8array' }));
        return p;
      },
    ],
    [
      'a CSV table',
      async () => {
        const p = path.join(dir, 'table.csv');
        await fs.writeFile(p, 'text,label\n"cv",X\n');
        return p;
      },
    ],
  ])('unsupported: %s', async (_label, write) => {
    const result = await extractFile(await write());
    expect(result.status).toBe('unsupported');
    expectSentence(result);
  });

  it('damaged: an OLE2 (.doc) container whose structure is broken, with a sentence', async () => {
    // Real .doc files are read by word-extractor (checked on the real corpus by tests/bench/extract-pdfs.ts --all);
    // nothing on npm writes .doc, so the unit test covers the broken-container path.
    const result = await extractText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(1024).fill(0)]), 'old.doc');
    expect(result).toMatchObject({ status: 'damaged', format: 'doc' });
    expect((result as { reason: string }).reason).toMatch(/Word 97–2003 document is damaged.*save a new copy/);
  });
});

describe('linear time on pathological text', () => {
  let pool: ParsePool;
  beforeAll(() => void (pool = createParsePool({ size: 1, perFileTimeoutMs: 60_000 })));
  afterAll(() => pool.close());

  it.each([
    ['a long run of inner spaces', 'cv.txt', `a${' '.repeat(2_000_000)}b`],
    ['unclosed tags', 'cv.html', `<html>${'<a '.repeat(500_000)}`],
    ['unclosed quotes and comments', 'cv.html', `<html><p title="${'x'.repeat(1_000_000)}<!--${'-'.repeat(500_000)}`],
    ['many entities', 'cv.html', `<html><body>${'&amp;&#x41;&bogus;'.repeat(200_000)}</body></html>`],
  ])('%s', async (_label, name, text) => {
    // No clock: at these sizes quadratic work would take hours, so the parse pool's deadline (a
    // minute here, far above a linear pass on any machine) turns it into a `timeout` status. In
    // a worker, because a runaway regular expression would also block this test's own timeout.
    const result = await pool.parseBytes(new Uint8Array(Buffer.from(text)), name);
    expect(result.status).not.toBe('timeout');
    expect(fileStatuses).toContain(result.status);
  });
});

describe('joinTextItems', () => {
  it('joins items as pdfjs spaced them and breaks lines at hasEOL', () => {
    expect(
      joinTextItems([{ str: 'Jordan', hasEOL: false }, { str: ' ', hasEOL: false }, { str: 'Example', hasEOL: true }, {}, { str: 'Summary', hasEOL: false }]),
    ).toBe('Jordan Example\nSummary');
  });
});
