/**
 * Writes a composed resume as a small but complete DOCX (content types, relationships, core
 * properties, the document part) with jszip. Every entry carries the same fixed date and jszip
 * compresses with pako, so the bytes are the same on every machine. Dev-only.
 */
import JSZip from 'jszip';
import type { ResumeBlock } from './compose';
import { sampleDate } from './pdf';

const contentTypesXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>';
const rootRelsXml =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>';

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One run of text; sizes are in half-points, as Word stores them. */
function run(text: string, options: { bold?: boolean; halfPoints?: number; grey?: boolean } = {}): string {
  const props = [
    options.bold ? '<w:b/>' : '',
    options.grey ? '<w:color w:val="595959"/>' : '',
    options.halfPoints ? `<w:sz w:val="${options.halfPoints}"/>` : '',
  ].join('');
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ''}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

const paragraph = (runs: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${runs}</w:p>`;

function blockXml(block: ResumeBlock): string {
  switch (block.kind) {
    case 'name':
      return paragraph(run(block.text, { bold: true, halfPoints: 40 }));
    case 'headline':
      return paragraph(run(block.text, { halfPoints: 24, grey: true }));
    case 'contact':
      return paragraph(run(block.text, { halfPoints: 18, grey: true }));
    case 'heading':
      return paragraph(
        run(block.text.toUpperCase(), { bold: true, halfPoints: 21 }),
        '<w:spacing w:before="240" w:after="60"/><w:pBdr><w:bottom w:val="single" w:sz="4" w:space="1" w:color="808080"/></w:pBdr>',
      );
    case 'paragraph':
      return paragraph(run(block.text));
    case 'role':
      // A right tab stop puts the dates at the right margin, as resume templates do.
      return paragraph(
        `${run(block.text, { bold: true })}<w:r><w:tab/></w:r>${run(block.dates, { grey: true })}`,
        '<w:tabs><w:tab w:val="right" w:pos="10080"/></w:tabs><w:spacing w:before="120"/>',
      );
    case 'bullet':
      return paragraph(run(`• ${block.text}`), '<w:ind w:left="284" w:hanging="284"/>');
  }
}

function coreXml(title: string): string {
  const when = sampleDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>Resume Studio sample generator</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified></cp:coreProperties>`
  );
}

/** The DOCX bytes of the resume. */
export async function resumeDocx(blocks: readonly ResumeBlock[], title: string): Promise<Uint8Array> {
  const body = blocks.map(blockXml).join('');
  const documentXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body}<w:sectPr><w:pgSz w:w="12240" w:h="15840"/><w:pgMar w:top="1080" w:right="1080" w:bottom="1080" w:left="1080" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const zip = new JSZip();
  const entry = { date: sampleDate, createFolders: false };
  zip.file('[Content_Types].xml', contentTypesXml, entry);
  zip.file('_rels/.rels', rootRelsXml, entry);
  zip.file('docProps/core.xml', coreXml(title), entry);
  zip.file('word/document.xml', documentXml, entry);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 }, platform: 'DOS' });
}
