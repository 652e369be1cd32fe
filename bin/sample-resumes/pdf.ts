/**
 * Lays a composed resume out as a Letter-size PDF with pdf-lib (Helvetica, so no font is embedded),
 * and makes the "scanned" PDF whose only content is a picture of a page. Metadata dates are fixed
 * and pdf-lib compresses with pako, so the bytes are the same on every machine. Dev-only.
 */
import { PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import type { ResumeBlock } from './compose';
import { scannedPagePng } from './scan';

const pageWidthPt = 612;
const pageHeightPt = 792;
const marginPt = 54;
const textWidthPt = pageWidthPt - 2 * marginPt;
/** When the sample was written: every file carries this date, so a re-run gives the same bytes. */
export const sampleDate = new Date(Date.UTC(2025, 0, 15, 9, 0, 0));

/** Splits `text` into lines no wider than `widthPt`. */
function wrap(text: string, font: PDFFont, sizePt: number, widthPt: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, sizePt) > widthPt) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

async function newDocument(title: string): Promise<PDFDocument> {
  // updateMetadata: false keeps pdf-lib from stamping today's date; the fixed one is set instead.
  const document = await PDFDocument.create({ updateMetadata: false });
  document.setTitle(title);
  document.setProducer('Resume Studio sample generator');
  document.setCreator('Resume Studio');
  document.setCreationDate(sampleDate);
  document.setModificationDate(sampleDate);
  return document;
}

/** A text PDF of the resume (one or two pages). */
export async function resumePdf(blocks: readonly ResumeBlock[], title: string): Promise<Uint8Array> {
  const document = await newDocument(title);
  const regular = await document.embedFont(StandardFonts.Helvetica);
  const bold = await document.embedFont(StandardFonts.HelveticaBold);
  const ink = rgb(0.1, 0.1, 0.12);
  const muted = rgb(0.35, 0.35, 0.4);
  let page: PDFPage = document.addPage([pageWidthPt, pageHeightPt]);
  let y = pageHeightPt - marginPt;
  const need = (heightPt: number) => {
    if (y - heightPt >= marginPt) return;
    page = document.addPage([pageWidthPt, pageHeightPt]);
    y = pageHeightPt - marginPt;
  };
  const lines = (text: string, font: PDFFont, sizePt: number, indentPt = 0, color = ink, widthPt = textWidthPt - indentPt) => {
    for (const line of wrap(text, font, sizePt, widthPt)) {
      need(sizePt * 1.4);
      y -= sizePt * 1.4;
      page.drawText(line, { x: marginPt + indentPt, y, size: sizePt, font, color });
    }
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'name':
        lines(block.text, bold, 20);
        break;
      case 'headline':
        lines(block.text, regular, 12, 0, muted);
        break;
      case 'contact':
        lines(block.text, regular, 9, 0, muted);
        break;
      case 'heading':
        need(30);
        y -= 12;
        lines(block.text.toUpperCase(), bold, 10.5);
        page.drawLine({ start: { x: marginPt, y: y - 3 }, end: { x: pageWidthPt - marginPt, y: y - 3 }, thickness: 0.6, color: muted });
        y -= 4;
        break;
      case 'paragraph':
        lines(block.text, regular, 10);
        break;
      case 'role': {
        need(24);
        y -= 4;
        const datesWidthPt = regular.widthOfTextAtSize(block.dates, 9.5);
        // The title wraps short of the dates, which sit at the right margin of its last line.
        lines(block.text, bold, 10, 0, ink, textWidthPt - datesWidthPt - 12);
        page.drawText(block.dates, { x: pageWidthPt - marginPt - datesWidthPt, y, size: 9.5, font: regular, color: muted });
        break;
      }
      case 'bullet': {
        const [first = '', ...rest] = wrap(block.text, regular, 10, textWidthPt - 14);
        need(14);
        y -= 14;
        page.drawText('•', { x: marginPt + 3, y, size: 10, font: regular, color: ink });
        page.drawText(first, { x: marginPt + 14, y, size: 10, font: regular, color: ink });
        for (const line of rest) lines(line, regular, 10, 14);
        break;
      }
    }
  }
  return document.save({ useObjectStreams: true });
}

/** A PDF with no text layer: one page holding a greyscale picture of a resume, as a scanner makes. */
export async function scannedPdf(blocks: readonly ResumeBlock[], title: string): Promise<Uint8Array> {
  const document = await newDocument(title);
  const image = await document.embedPng(scannedPagePng(blocks));
  const page = document.addPage([pageWidthPt, pageHeightPt]);
  page.drawImage(image, { x: 0, y: 0, width: pageWidthPt, height: pageHeightPt });
  return document.save({ useObjectStreams: true });
}
