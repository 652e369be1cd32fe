/** The text cleaner: configurable steps, each counted in a report of what it did to one document. */
import { MASK_TOKENS } from './mask-tokens';
import { mojibakeRule } from './mojibake';
import { addressRules, nameRules, type PersonalDataHints } from './personal-data';
import { identityOffsets, rewriteFast, rewriteTracked, type OffsetMap, type RewriteRule } from './rewrite';

/** Which cleaning steps run. */
export interface NormalizeOptions {
  repairMojibake: boolean;
  unicodeNfc: boolean;
  stripHtml: boolean;
  maskUrls: boolean;
  maskEmails: boolean;
  maskPhones: boolean;
  maskDigitRuns: boolean;
  /** Street addresses (blind mode; see personal-data.ts for what is caught). */
  maskAddresses: boolean;
  /** Person names (blind mode; see personal-data.ts for what is caught). */
  maskNames: boolean;
  collapseWhitespace: boolean;
}

/**
 * The defaults: everything on except the blind-mode masks of names and addresses, which are
 * heuristics a model is trained with only when the user asks (a model's saved settings keep them).
 */
export const defaultNormalizeOptions: NormalizeOptions = {
  repairMojibake: true,
  unicodeNfc: true,
  stripHtml: true,
  maskUrls: true,
  maskEmails: true,
  maskPhones: true,
  maskDigitRuns: true,
  maskAddresses: false,
  maskNames: false,
  collapseWhitespace: true,
};

/** What the cleaner did to one document: per step, how many spans it rewrote. */
export interface NormalizeReport {
  charsBefore: number;
  charsAfter: number;
  steps: { step: keyof NormalizeOptions; changes: number }[];
}

export { MASK_TOKENS } from './mask-tokens';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  bull: '•',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  copy: '©',
  reg: '®',
  trade: '™',
  middot: '·',
};

const decodeEntity = (match: string, dec?: string, hex?: string, name?: string): string => {
  const code = dec !== undefined ? Number(dec) : hex !== undefined ? parseInt(hex, 16) : -1;
  if (code >= 0) return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : match;
  return NAMED_ENTITIES[(name ?? '').toLowerCase()] ?? match;
};

const maskPhone = (match: string): string => {
  const digits = match.replace(/\D/g, '').length;
  // Fewer than 9 digits is a date range or a count, more than 15 is not a phone number (E.164).
  return digits >= 9 && digits <= 15 ? ` ${MASK_TOKENS.phone} ` : match;
};

interface Step {
  step: keyof NormalizeOptions;
  /** The step's rules, or a function that builds them for one text (names differ per resume). */
  rules: RewriteRule[] | ((text: string, hints: PersonalDataHints) => RewriteRule[]);
  /** A cheap test: when false the step cannot change the text and is skipped. */
  applies: (text: string) => boolean;
  /** The same transformation on the whole text at once, for the fast path. */
  whole?: (text: string) => string;
}

const STEPS: Step[] = [
  { step: 'repairMojibake', rules: [mojibakeRule], applies: (t) => /[\u00c2-\u00f4]/.test(t) },
  // Normalizing each non-ASCII run with the ASCII starter before it equals NFC of the whole text.
  {
    step: 'unicodeNfc',
    rules: [{ pattern: /[^\u0080-\uffff]?[\u0080-\uffff]+/g, replace: (m) => m.normalize('NFC') }],
    applies: (t) => /[\u0080-\uffff]/.test(t),
    whole: (t) => t.normalize('NFC'),
  },
  {
    step: 'stripHtml',
    rules: [
      { pattern: /<!--[\s\S]*?-->|<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]{0,500})?\/?>/g, replace: () => ' ' },
      { pattern: /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g, replace: decodeEntity },
    ],
    applies: (t) => t.includes('<') || t.includes('&'),
  },
  {
    step: 'maskUrls',
    rules: [
      { pattern: /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+/gi, replace: () => ` ${MASK_TOKENS.url} `, literal: ` ${MASK_TOKENS.url} ` },
      // A bare domain with a path ("linkedin.com/in/jane-doe"); without a path "asp.net" or "socket.io" are words.
      {
        pattern: /\b(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|co|info|biz|app|ai|edu|gov|uk|de|fr|nl|ca|au|in)\/[^\s<>"'()[\]]*/gi,
        replace: () => ` ${MASK_TOKENS.url} `,
        literal: ` ${MASK_TOKENS.url} `,
      },
    ],
    applies: (t) => /https?:|www\.|\.[a-z]{2,4}\//i.test(t),
  },
  {
    step: 'maskEmails',
    rules: [
      {
        pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
        replace: () => ` ${MASK_TOKENS.email} `,
        literal: ` ${MASK_TOKENS.email} `,
      },
    ],
    applies: (t) => t.includes('@'),
  },
  {
    step: 'maskPhones',
    rules: [
      {
        // After a country code the first group may be one digit ("+33 1 23 45 67 89"), later ones up to 8 ("+49 30 901820");
        // a group that reads as a year ends the match.
        pattern: /(?<![\w+])(?:\+\d{1,3}[ .-]?(?:\(\d{1,5}\)[ .-]?)?\d{1,5}|(?:\(\d{2,5}\)[ .-]?)?\d{2,5})(?:[ .-](?!(?:19|20)\d\d(?!\d))\d{2,8}){1,4}(?!\w)/g,
        replace: maskPhone,
      },
    ],
    applies: (t) => /\d/.test(t),
  },
  {
    step: 'maskDigitRuns',
    rules: [{ pattern: /\d{7,}/g, replace: () => ` ${MASK_TOKENS.number} `, literal: ` ${MASK_TOKENS.number} ` }],
    applies: (t) => /\d{7}/.test(t),
  },
  { step: 'maskAddresses', rules: addressRules, applies: (t) => /\d|address/i.test(t) },
  { step: 'maskNames', rules: nameRules, applies: () => true },
  {
    step: 'collapseWhitespace',
    rules: [
      { pattern: /\s{2,}|[^\S ]/g, replace: () => ' ', literal: ' ' },
      { pattern: /^ | $/g, replace: () => '', literal: '' },
    ],
    applies: () => true,
  },
];

function enabledSteps(options: Partial<NormalizeOptions>): Step[] {
  const merged = { ...defaultNormalizeOptions, ...options };
  return STEPS.filter((s) => merged[s.step]);
}

const rulesOf = (step: Step, text: string, hints: PersonalDataHints): RewriteRule[] =>
  typeof step.rules === 'function' ? step.rules(text, hints) : step.rules;

/** Cleans a text for tokenizing (fast path, no offsets); `hints` help the name step (a file name). */
export function normalizeText(text: string, options: Partial<NormalizeOptions> = {}, hints: PersonalDataHints = {}): string {
  let out = text;
  for (const step of enabledSteps(options)) {
    if (!step.applies(out)) continue;
    if (step.whole) {
      out = step.whole(out);
      continue;
    }
    // Constant replacements go through String.replace with a string: no callback per match.
    for (const rule of rulesOf(step, out, hints)) out = rule.literal !== undefined ? out.replace(rule.pattern, rule.literal) : rewriteFast(out, rule).text;
  }
  return out;
}

/**
 * normalizeText for a tokenizer: the same cleaning except collapsing whitespace, which cannot change
 * the tokens (every whitespace character separates tokens, one or many, and the collapse is the
 * last step) but was a tenth of reading a corpus. Only for text that is tokenized and then dropped:
 * offsets into it are not offsets into normalizeText's output.
 */
export function normalizeForTokens(text: string, options: Partial<NormalizeOptions> = {}): string {
  return normalizeText(text, { ...options, collapseWhitespace: false });
}

/** Cleans a text and reports, per step, how many spans changed. */
export function normalizeWithReport(
  text: string,
  options: Partial<NormalizeOptions> = {},
  hints: PersonalDataHints = {},
): { text: string; report: NormalizeReport } {
  let out = text;
  const steps: NormalizeReport['steps'] = [];
  for (const step of enabledSteps(options)) {
    let changes = 0;
    if (step.applies(out)) {
      for (const rule of rulesOf(step, out, hints)) {
        const r = rewriteFast(out, rule);
        out = r.text;
        changes += r.changes;
      }
    }
    steps.push({ step: step.step, changes });
  }
  return { text: out, report: { charsBefore: text.length, charsAfter: out.length, steps } };
}

/** Cleans a text and maps every cleaned character back to its original span (for highlighting). */
export function normalizeTracked(text: string, options: Partial<NormalizeOptions> = {}, hints: PersonalDataHints = {}): { text: string; offsets: OffsetMap } {
  let out = text;
  let offsets = identityOffsets(text.length);
  for (const step of enabledSteps(options)) {
    if (!step.applies(out)) continue;
    for (const rule of rulesOf(step, out, hints)) {
      const r = rewriteTracked(out, offsets, rule);
      out = r.text;
      offsets = r.offsets;
    }
  }
  return { text: out, offsets };
}
