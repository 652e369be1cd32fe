/**
 * Personal data the cleaner can mask for blind mode: person names and street addresses (e-mails,
 * URLs and phone numbers are the cleaner's older steps). Pure text heuristics, no dictionary of
 * names, so what is caught is limited and said here:
 *
 * Names are found in four places and then masked wherever they occur in the text (any case):
 * - the header: the first non-blank line that is not "Resume" / "CV" (up to the third), when it reads
 *   as 2–4 capitalised words before any separator ("Jane van Dijk | Analyst", "JANE DOE, CPA"), none
 *   of them a heading or job word, and none found in lower case elsewhere in the text (a title
 *   such as "Customer Service" is vocabulary, a name is not);
 * - "Name:" / "Full name:" fields, anywhere;
 * - hints (a file name such as "jane-doe.pdf"): a hint word is used when it appears capitalised in
 *   the header lines.
 * Not caught: a name only mentioned in running text ("references: ask Maria"), a header line that
 * starts with a job title instead of the name and has no "Name:" field or file-name hint, names
 * written in lower case, names that are also a listed heading or job word.
 *
 * Addresses: a house number followed by up to five words and a street type (Street, Rd, Avenue…),
 * with an optional unit and ", Town, ST 12345"; "P.O. Box 12"; and the rest of an "Address:" line.
 * Not caught: addresses without a house number or street type, postcodes on their own.
 */
import { MASK_TOKENS } from './mask-tokens';
import type { RewriteRule } from './rewrite';

/** Extra evidence for the name step: words that may be the person's name (from a file name). */
export interface PersonalDataHints {
  /** Candidate name words, e.g. the parts of "jane-doe.pdf"; used only when the header shows them. */
  nameHints?: readonly string[];
}

/** Heading and job words that a header line of capitalised words may hold but a name does not (lower case). */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  (
    'resume résumé curriculum vitae cv profile summary objective contact contacts experience education skills references ' +
    'personal information details page portfolio career professional work history employment qualifications certifications projects ' +
    'senior junior lead principal chief head staff assistant associate intern trainee apprentice graduate student ' +
    'manager director engineer developer programmer software hardware data scientist analyst accountant auditor bookkeeper ' +
    'nurse teacher tutor lecturer professor sales marketing consultant designer specialist officer administrator architect ' +
    'representative coordinator executive technician president vice registered certified business customer service support ' +
    'operations product project program financial finance health care medical clinical research science computer network ' +
    'systems security web full stack frontend front backend back end mobile cloud devops quality assurance human resources hr ' +
    'it the and of for in at to with my our curriculum'
  ).split(' '),
);

/** Words of a file name that are not names ("jane-doe-resume-final.pdf"). */
const FILE_WORDS = new Set('resume cv copy updated update final draft new old scan scanned version ver doc docx pdf txt file en fr de es'.split(' '));

/** Lower-case name particles kept inside a name ("Ludwig van Beethoven"). */
const PARTICLES = new Set('van von der den de da del della di du la le bin ibn al el dos das ter'.split(' '));

const TITLE_WORD = /^\p{Lu}[\p{Ll}\p{M}]*(?:[-'’]?\p{Lu}[\p{Ll}\p{M}]+|[-'’][\p{Ll}\p{M}]+)*$/u;
const CAPS_WORD = /^\p{Lu}{2,}(?:[-'’]\p{Lu}+)*$/u;
const INITIAL = /^\p{Lu}\.$/u;
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof)\.?$/i;
const SKIP_LINE = /^(?:r[eé]sum[eé]|cv|curriculum vitae)\s*:?$/i;
/** Separators after which a header line goes on with a title or contact details. */
const HEADER_SEPARATOR = /\s[|·•–—-]\s|[|·•,;(\t]/u;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The first `count` non-blank lines of a text, trimmed. */
function firstLines(text: string, count: number): string[] {
  const lines: string[] = [];
  // Only the start of the text can hold the header; splitting a whole long resume would waste time.
  for (const line of text.slice(0, 2000).split(/\r\n|\r|\n/)) {
    const trimmed = line.trim();
    if (trimmed) lines.push(trimmed);
    if (lines.length === count) break;
  }
  return lines;
}

/** The name words of a line that reads as a name ("Dr. Jane van Dijk"), or null. */
function nameWordsOf(line: string, minWords: number): string[] | null {
  const head = line.split(HEADER_SEPARATOR)[0]!.trim();
  const words = head.split(/\s+/).filter((w) => w && !HONORIFIC.test(w));
  if (words.length < minWords || words.length > 4) return null;
  const names: string[] = [];
  for (const [i, word] of words.entries()) {
    if (i > 0 && PARTICLES.has(word)) continue;
    // An initial is masked with its line but not looked for elsewhere ("J." would hit every "J.").
    if (INITIAL.test(word)) continue;
    if (word.length < 2 || (!TITLE_WORD.test(word) && !CAPS_WORD.test(word))) return null;
    if (NOT_NAME_WORDS.has(word.toLowerCase())) return null;
    names.push(word);
  }
  return names.length > 0 ? names : null;
}

/**
 * True when `word` occurs in lower case as a word of running text. Inside an e-mail address, a URL
 * or a handle ("jane.doe@", "/in/jane-doe") it does not count: names are written that way too.
 */
function occursLowerCase(text: string, word: string): boolean {
  const lower = escapeRegExp(word.toLowerCase());
  return new RegExp(`(?<![\\p{L}\\p{N}_.@/-])${lower}(?![\\p{L}\\p{N}_@/-]|\\.[\\p{L}\\p{N}])`, 'u').test(text);
}

/** The header line that is a name: its text before any separator and its name words; null when none is. */
function headerName(text: string): { head: string; words: string[] } | null {
  for (const line of firstLines(text, 3)) {
    if (SKIP_LINE.test(line)) continue;
    const words = nameWordsOf(line, 2);
    if (words && !words.some((w) => occursLowerCase(text, w))) return { head: line.split(HEADER_SEPARATOR)[0]!.trim(), words };
  }
  return null;
}

/** The words of a file name that could be a name: "Jane_Doe-CV (2).pdf" → ["Jane", "Doe"]. */
export function nameHintsOfFileName(fileName: string): string[] {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  return stem
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .split(/[^\p{L}'’]+/u)
    .filter((w) => w.length >= 2 && !FILE_WORDS.has(w.toLowerCase()) && !NOT_NAME_WORDS.has(w.toLowerCase()));
}

/** The person-name words a text shows (see the file header for where they are looked for). */
export function detectNames(text: string, hints: PersonalDataHints = {}): string[] {
  const found = new Set<string>(headerName(text)?.words ?? []);
  for (const m of text.matchAll(/(?:^|\n)[ \t]*(?:full[ \t]+)?name[ \t]*[:：][ \t]*([^\n]{1,80})/giu)) {
    for (const w of nameWordsOf(m[1]!, 1) ?? []) found.add(w);
  }
  if (hints.nameHints?.length) {
    const wanted = new Set(hints.nameHints.map((h) => h.toLowerCase()));
    for (const word of firstLines(text, 3)
      .join(' ')
      .split(/[^\p{L}\p{M}'’]+/u)) {
      if (/^\p{Lu}/u.test(word) && wanted.has(word.toLowerCase())) found.add(word);
    }
  }
  return [...found];
}

/** The rewrite rules that mask the names of one text (built per text: the names differ). */
export function nameRules(text: string, hints: PersonalDataHints = {}): RewriteRule[] {
  const rules: RewriteRule[] = [];
  // The header name goes whole, initials and particles included.
  const header = headerName(text);
  if (header) rules.push({ pattern: new RegExp(escapeRegExp(header.head), 'g'), replace: () => MASK_TOKENS.name, literal: MASK_TOKENS.name });
  const names = detectNames(text, hints).sort((a, b) => b.length - a.length);
  if (names.length > 0) {
    rules.push({
      pattern: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${names.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}_])`, 'giu'),
      replace: () => MASK_TOKENS.name,
      literal: MASK_TOKENS.name,
    });
  }
  return rules;
}

const STREET_TYPES = [
  'Street',
  'St',
  'Road',
  'Rd',
  'Avenue',
  'Ave',
  'Lane',
  'Ln',
  'Drive',
  'Dr',
  'Court',
  'Ct',
  'Boulevard',
  'Blvd',
  'Way',
  'Place',
  'Pl',
  'Terrace',
  'Close',
  'Square',
  'Sq',
  'Parkway',
  'Pkwy',
  'Highway',
  'Hwy',
  'Circle',
  'Crescent',
  'Row',
  'Walk',
  'Trail',
  'Plaza',
  'Grove',
  'Gardens',
  'Mews',
  'Strasse',
  'Straße',
];
const streetType = STREET_TYPES.flatMap((t) => [t, t.toUpperCase(), t.toLowerCase()]).join('|');
const streetWord = `[\\p{L}\\d][\\p{L}\\d'’.-]*`;
const town = `\\p{Lu}[\\p{L}'’.-]*(?:[ ]\\p{Lu}[\\p{L}'’.-]*){0,2}`;
/** House number, street words, street type, unit, town, state and ZIP (all after the type optional). */
const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\p{N}])\\d{1,6}[A-Za-z]?(?:-\\d{1,4})?,?[ ]+(?:${streetWord}[ ]+){0,4}(?:${streetType})\\.?(?![\\p{L}\\p{N}])` +
    `(?:,?[ ]*(?:Apt|Apartment|Suite|Ste|Unit|Flat|Floor|#)\\.?[ ]*#?[\\w-]+)?` +
    `(?:,[ ]*${town})?(?:,?[ ]+\\p{Lu}{2}[ ]+\\d{5}(?:-\\d{4})?)?`,
  'gu',
);

/** The rules that mask street addresses, P.O. boxes and "Address:" lines. */
export const addressRules: RewriteRule[] = [
  {
    pattern: /(?<=(?:^|\n)[ \t]*(?:home[ \t]+|postal[ \t]+|street[ \t]+)?address[ \t]*[:：][ \t]*)[^\n]{1,120}/giu,
    replace: () => MASK_TOKENS.address,
    literal: MASK_TOKENS.address,
  },
  { pattern: /\bP\.?[ ]?O\.?[ ]?Box[ ]+\d{1,6}\b/gi, replace: () => MASK_TOKENS.address, literal: MASK_TOKENS.address },
  { pattern: STREET_ADDRESS, replace: () => MASK_TOKENS.address, literal: MASK_TOKENS.address },
];

/** Masked words of a file name show as this. */
export const HIDDEN_WORD = '•••';

/**
 * A file name or path with every word that could identify a person hidden: words are kept only when
 * they are known not to be names (job and heading words, "resume", "copy", "updated"…), digits,
 * separators and the extension stay. "Teacher/amelia-whitfield_copy.pdf" → "Teacher/•••_copy.pdf".
 */
export function blindFileName(name: string): string {
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  const body = name.slice(0, name.length - extension.length);
  const masked = body.replace(/[\p{L}\p{M}'’]+/gu, (word) => {
    const lower = word.toLowerCase();
    return FILE_WORDS.has(lower) || NOT_NAME_WORDS.has(lower) ? word : HIDDEN_WORD;
  });
  // "•••-•••" says no more than "•••".
  const collapsed = masked.replace(new RegExp(`${HIDDEN_WORD}(?:[ ._-]+${HIDDEN_WORD})+`, 'g'), HIDDEN_WORD);
  return `${collapsed}${extension}`;
}
