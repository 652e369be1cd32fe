/**
 * Engineered features beyond the bag of words, computed on the raw text: years of experience from
 * date ranges, document length, and section headings present. (The fourth, headline terms, lives in the
 * vectorizer as "h:" terms.) Values are scaled to [0, 1] and multiplied by `weight`, so they sit on
 * the same scale as an l2-normalized TF-IDF row.
 */

/** Which engineered columns to append, and their scale. */
export interface EngineeredOptions {
  yearsOfExperience: boolean;
  length: boolean;
  sections: boolean;
  /** Multiplier applied to every engineered value. */
  weight: number;
}

/** Defaults: see the bench's ablation for what each one buys. */
export const defaultEngineeredOptions: EngineeredOptions = { yearsOfExperience: true, length: true, sections: true, weight: 0.1 };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Anchored on the mandatory start year so the regex engine skips quickly to digits; the optional
// start month is read from the few characters before the match (a leading optional group made the
// scan 10x slower).
const RANGE = /((?:19|20)\d\d)\s*(?:-|–|—|to|until|till)\s*(?:(?:([a-z]{3,9})\.?\s+|(\d{1,2})[/.-])?((?:19|20)\d\d)|(present|current|now|date|today))/gi;
const MONTH_BEFORE = /(?:([a-z]{3,9})\.?\s+|(\d{1,2})[/.-])$/i;
const YEAR = /\b(?:19|20)\d\d\b/g;

const SECTIONS: [name: string, words: string[]][] = [
  ['summary', ['summary', 'objective', 'profile']],
  ['experience', ['experience', 'employment', 'work history']],
  ['education', ['education', 'qualification', 'qualifications']],
  ['skills', ['skills', 'skill', 'competencies', 'technologies']],
  ['certifications', ['certifications', 'certification', 'licenses', 'licences']],
  ['projects', ['projects', 'project', 'portfolio']],
];
const SECTION_OF = new Map(SECTIONS.flatMap(([, words], i) => words.map((w) => [w, i] as const)));
// A heading: one of the words at the start of a line (after bullets or spaces), in any case.
const HEADING = new RegExp(`^[\\s•*#-]*(${[...SECTION_OF.keys()].join('|')})\\b`, 'gim');

const monthIndex = (month: string | undefined, numeric: string | undefined): number => {
  if (month) {
    const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
    return m < 0 ? 0 : m;
  }
  const n = Number(numeric);
  return numeric && n >= 1 && n <= 12 ? n - 1 : 0;
};

/**
 * Years of experience: the union of all date ranges ("2010 – 2015", "Jan 2012 to Present",
 * "03/2014 - 06/2016"), in years. "Present" means the latest year the text mentions, so the value
 * does not depend on today's date. Capped at 50.
 */
export function yearsOfExperience(text: string): number {
  let latest = 0;
  for (const m of text.matchAll(YEAR)) latest = Math.max(latest, Number(m[0]));
  const intervals: [number, number][] = [];
  for (const m of text.matchAll(RANGE)) {
    const before = MONTH_BEFORE.exec(text.slice(Math.max(0, m.index - 12), m.index));
    const start = Number(m[1]) + monthIndex(before?.[1], before?.[2]) / 12;
    const end = m[5] ? latest + 11 / 12 : Number(m[4]) + monthIndex(m[2], m[3]) / 12;
    if (end >= start && end - start <= 50) intervals.push([start, end]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let current: [number, number] | null = null;
  for (const iv of intervals) {
    if (current && iv[0] <= current[1]) current[1] = Math.max(current[1], iv[1]);
    else {
      if (current) total += current[1] - current[0];
      current = [iv[0], iv[1]];
    }
  }
  if (current) total += current[1] - current[0];
  return Math.min(50, total);
}

/** Column names of the enabled engineered features, in order. */
export function engineeredNames(options: EngineeredOptions): string[] {
  return [
    ...(options.yearsOfExperience ? ['eng:years_experience'] : []),
    ...(options.length ? ['eng:log_length'] : []),
    ...(options.sections ? SECTIONS.map(([name]) => `eng:section_${name}`) : []),
  ];
}

/** The engineered values of one text (same order as engineeredNames). */
export function engineeredValues(text: string, options: EngineeredOptions): number[] {
  const out: number[] = [];
  if (options.yearsOfExperience) out.push((Math.log1p(yearsOfExperience(text)) / Math.log(51)) * options.weight);
  // Characters, log-scaled against 100k (the longest resumes in the corpora are ~15–60k).
  if (options.length) out.push(Math.min(1, Math.log1p(text.length) / Math.log1p(100_000)) * options.weight);
  if (options.sections) {
    const found = new Array<number>(SECTIONS.length).fill(0);
    for (const m of text.matchAll(HEADING)) found[SECTION_OF.get(m[1]!.toLowerCase())!] = options.weight;
    out.push(...found);
  }
  return out;
}
