/**
 * HTML to plain text without a DOM: a linear tag scanner (quotes inside tags respected, so no
 * regex backtracking on hostile input), script/style/head dropped, block tags turned into line
 * breaks, character references decoded. Used by the extractor for .html files.
 */
import iconv from 'iconv-lite';
import { type ExtractResult, failure } from './result';
import { decodeText, detectBom } from './text';

/** Tags whose whole content is not visible text. */
const hiddenContentTags = new Set(['script', 'style', 'head', 'template', 'noscript', 'svg', 'math', 'object', 'iframe']);
/** Tags that start a new line when rendered. */
const blockTags = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'title',
  'body',
  'html',
]);
const cellTags = new Set(['td', 'th']);

/** Names of U+00A0..U+00FF in order (HTML 4's Latin-1 set), plus the common typographic ones. */
const latin1Names =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest ' +
  'Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig ' +
  'agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';
const namedEntities = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['sbquo', '\u201a'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['bdquo', '\u201e'],
  ['bull', '\u2022'],
  ['hellip', '\u2026'],
  ['euro', '\u20ac'],
  ['trade', '\u2122'],
  ['dagger', '\u2020'],
  ['Dagger', '\u2021'],
  ['permil', '\u2030'],
  ['lsaquo', '\u2039'],
  ['rsaquo', '\u203a'],
  ['OElig', '\u0152'],
  ['oelig', '\u0153'],
  ['Scaron', '\u0160'],
  ['scaron', '\u0161'],
  ['Yuml', '\u0178'],
  ['zwnj', '\u200c'],
  ['zwj', '\u200d'],
  ['ensp', '\u2002'],
  ['emsp', '\u2003'],
  ['thinsp', '\u2009'],
  ['larr', '\u2190'],
  ['rarr', '\u2192'],
  ['check', '\u2713'],
  ['star', '\u2606'],
  ...latin1Names.split(' ').map((name, index): [string, string] => [name, String.fromCharCode(0xa0 + index)]),
]);

/** Decodes character references (`&amp;`, `&#233;`, `&#x1F600;`); unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (match, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      // NUL, surrogates and out-of-range code points become U+FFFD, as browsers do.
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
      return String.fromCodePoint(code);
    }
    return namedEntities.get(body) ?? match;
  });
}

/** Index just past the `>` that closes the tag opened at `start`, honouring quoted attribute values. */
function tagEnd(html: string, start: number): number {
  let quote: string | null = null;
  for (let index = start + 1; index < html.length; index++) {
    const char = html[index];
    if (quote) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return html.length;
}

/** Turns an HTML document into readable plain text with one line per block. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let index = 0;
  let hiddenUntilTag: string | null = null;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    const textEnd = open === -1 ? html.length : open;
    if (!hiddenUntilTag && textEnd > index) parts.push(decodeEntities(html.slice(index, textEnd).replace(/\s+/g, ' ')));
    if (open === -1) break;
    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close === -1 ? html.length : close + 3;
      continue;
    }
    const next = html[open + 1] ?? '';
    if (!/[A-Za-z/!?]/.test(next)) {
      // A lone "<" in text, e.g. "salary < 50k".
      if (!hiddenUntilTag) parts.push('<');
      index = open + 1;
      continue;
    }
    const end = tagEnd(html, open);
    const nameMatch = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html.slice(open, Math.min(end, open + 40)));
    const name = nameMatch?.[1]?.toLowerCase() ?? '';
    const isClosing = next === '/';
    index = end;
    if (hiddenUntilTag) {
      if (isClosing && name === hiddenUntilTag) hiddenUntilTag = null;
      continue;
    }
    if (!isClosing && hiddenContentTags.has(name) && !html.slice(open, end).endsWith('/>')) {
      hiddenUntilTag = name;
    } else if (blockTags.has(name)) {
      parts.push('\n');
    } else if (cellTags.has(name)) {
      parts.push('\t');
    }
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, (run) => (run.includes('\t') ? '\t' : ' ')).trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Finds `<meta charset>` (or the http-equiv form) in the first kilobyte, if iconv-lite knows it. */
function declaredCharset(bytes: Uint8Array): string | null {
  const head = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)), 'latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  const name = match?.[1]?.toLowerCase();
  if (!name || name === 'utf-16' || name === 'utf-16le' || name === 'utf-16be') return null; // a BOM decides UTF-16
  return iconv.encodingExists(name) ? (name === 'iso-8859-1' ? 'windows-1252' : name) : null;
}

/** Extracts the visible text of an HTML file. */
export function extractHtml(bytes: Uint8Array): ExtractResult {
  const charset = detectBom(bytes) ? null : declaredCharset(bytes);
  let html: string;
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    html = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), charset);
  } else {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return failure('unsupported', decoded.reason, 'html');
    html = decoded.text;
  }
  return { status: 'imported', text: htmlToText(html), format: 'html' };
}

/** True when decoded text is an HTML document rather than text that mentions a tag. */
export function looksLikeHtml(text: string, extension: string): boolean {
  const start = text.slice(0, 2048).trimStart().toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return true;
  const isHtmlName = extension === 'html' || extension === 'htm' || extension === 'xhtml';
  return (isHtmlName && /<[a-z][^>]*>/i.test(start)) || /<(body|head)[\s>]/i.test(start);
}
