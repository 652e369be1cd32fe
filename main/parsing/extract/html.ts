/**
 * HTML to plain text with htmlparser2 (a streaming tokenizer, linear on hostile input; the full
 * HTML5 set of character references): script/style/head dropped, block tags turned into line
 * breaks, table cells into tabs, `<pre>` kept as written. Used by the extractor for .html files.
 */
import iconv from 'iconv-lite';
import { Parser } from 'htmlparser2';
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

/** A line of the text being built: laid out by the browser's rules, or kept as written (inside `<pre>`). */
interface Line {
  text: string;
  isPre: boolean;
}

/** Turns an HTML document into readable plain text with one line per block. */
export function htmlToText(html: string): string {
  const lines: Line[] = [{ text: '', isPre: false }];
  let hiddenDepth = 0;
  let preDepth = 0;
  // HTML drops a line break that directly follows <pre>; the rest of its text is kept as written.
  let isPreStart = false;
  const current = () => lines[lines.length - 1]!;
  const breakLine = () => lines.push({ text: '', isPre: preDepth > 0 });
  const parser = new Parser(
    {
      onopentag(name) {
        if (hiddenContentTags.has(name)) hiddenDepth++;
        if (hiddenDepth > 0) return;
        if (name === 'pre') preDepth++;
        if (blockTags.has(name)) breakLine();
        else if (cellTags.has(name)) current().text += '\t';
        isPreStart = name === 'pre';
      },
      ontext(text) {
        if (hiddenDepth > 0) return;
        if (preDepth === 0) {
          isPreStart = false;
          current().text += text.replace(/\s+/g, ' ');
          return;
        }
        // Inside <pre> every space and line break is the author's.
        const [first, ...rest] = (isPreStart ? text.replace(/^\r?\n/, '') : text).split(/\r\n?|\n/);
        isPreStart = false;
        current().text += first!;
        current().isPre = true;
        for (const line of rest) lines.push({ text: line, isPre: true });
      },
      onclosetag(name) {
        if (hiddenContentTags.has(name)) {
          hiddenDepth = Math.max(0, hiddenDepth - 1);
          return;
        }
        if (hiddenDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (blockTags.has(name) && name !== 'br') breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return lines
    .map((line) => (line.isPre ? line.text.replace(/\s+$/, '') : line.text.replace(/[ \t\u00a0]+/g, (run) => (run.includes('\t') ? '\t' : ' ')).trim()))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
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
