/**
 * A seeded generator of synthetic labelled resumes: realistic sections and vocabulary, overlap
 * between categories, dates (for years of experience), mojibake / HTML / contact noise, and
 * near-duplicates. For tests and the benchmark: no real resume text ships with the project.
 */
import { createRng, type Rng } from '../random';
import { CATEGORY_SPECS, CITIES, COMPANIES, FRAMES, GENERIC_TITLES, MONTH_NAMES, SHARED_TERMS } from './vocabulary';

/** One labelled resume. */
export interface LabelledText {
  text: string;
  category: string;
}

/** Generator settings. */
export interface SampleOptions {
  seed: number;
  /** Resumes per category (before near-duplicates). */
  perClass: number;
  /** Category names to use (default: all built-in categories). */
  classes?: string[];
  /** Fraction of extra near-duplicate resumes (a copy with a few words changed). */
  nearDuplicateRate?: number;
  /** Probability that a term comes from another category (overlap in the wording). */
  crossTalk?: number;
  /** Fraction of resumes given a wrong label, as in real hand-labelled corpora (default 0.05). */
  labelNoise?: number;
}

/** The built-in category names. */
export const SAMPLE_CATEGORIES: readonly string[] = Object.keys(CATEGORY_SPECS);

const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.int(items.length)]!;

function mojibake(text: string): string {
  // UTF-8 bytes read as Latin-1: the corruption the updated-resume corpus is full of.
  return text.replace(/[•’–é]/g, (ch) => ({ '•': 'â\u0080¢', '’': 'â\u0080\u0099', '–': 'â\u0080\u0093', é: 'Ã©' })[ch] ?? ch);
}

function resume(category: string, rng: Rng, crossTalk: number): string {
  const spec = CATEGORY_SPECS[category]!;
  const others = SAMPLE_CATEGORIES.filter((c) => c !== category);
  const term = (): string => {
    const r = rng.next();
    if (r < crossTalk) return pick(CATEGORY_SPECS[pick(others, rng)]!.terms, rng);
    if (r < crossTalk + 0.35) return pick(SHARED_TERMS, rng);
    return pick(spec.terms, rng);
  };
  const sentence = () => pick(FRAMES, rng).replace(/\{t\}/g, term);
  const name = `Candidate ${1000 + rng.int(9000)}`;
  const headline = rng.next() < 0.35 ? pick(GENERIC_TITLES, rng) : pick(spec.titles, rng);
  const lines: string[] = [headline.toUpperCase(), name];
  if (rng.next() < 0.5) lines.push(`Email: candidate${rng.int(10000)}@example.com | Phone: +1 (555) ${100 + rng.int(900)}-${1000 + rng.int(9000)}`);
  lines.push('Summary', Array.from({ length: 2 + rng.int(3) }, sentence).join(' '));
  lines.push('Skills', Array.from({ length: 5 + rng.int(6) }, term).join(' • '));
  lines.push('Experience');
  let year = 2023 - rng.int(4);
  const jobs = 1 + rng.int(4);
  for (let j = 0; j < jobs; j++) {
    const length = 1 + rng.int(6);
    const end = j === 0 && rng.next() < 0.6 ? 'Present' : `${pick(MONTH_NAMES, rng)} ${year}`;
    const start = `${pick(MONTH_NAMES, rng)} ${year - length}`;
    lines.push(`${rng.next() < 0.5 ? pick(spec.titles, rng) : pick(GENERIC_TITLES, rng)} – ${pick(COMPANIES, rng)}, ${pick(CITIES, rng)}  ${start} to ${end}`);
    for (let b = 0; b < 2 + rng.int(4); b++) lines.push(`• ${sentence()}`);
    year -= length + rng.int(2);
  }
  lines.push('Education', `${pick(spec.degrees, rng)}, ${pick(CITIES, rng)} University, ${year - rng.int(3)}`);
  if (rng.next() < 0.3) lines.push('Certifications', `${term()} certificate`);
  let text = lines.join('\n');
  if (rng.next() < 0.1) text = mojibake(text);
  if (rng.next() < 0.05) text = `<p>${text.replace(/\n/g, '<br/>')}</p> &amp; more`;
  return text;
}

function nearDuplicate(text: string, rng: Rng): string {
  const words = text.split(' ');
  for (let i = 0; i < 3; i++) words[rng.int(words.length)] = pick(SHARED_TERMS, rng);
  return words.join(' ');
}

/** Generates `perClass` resumes per category (plus near-duplicates), in a seeded shuffled order. */
export function generateResumeSample(options: SampleOptions): LabelledText[] {
  const rng = createRng(options.seed);
  const classes = options.classes ?? SAMPLE_CATEGORIES;
  for (const c of classes) if (!CATEGORY_SPECS[c]) throw new Error(`Unknown sample category "${c}".`);
  const crossTalk = options.crossTalk ?? 0.3;
  const out: LabelledText[] = [];
  const labelNoise = options.labelNoise ?? 0.05;
  for (const category of classes) {
    for (let i = 0; i < options.perClass; i++) {
      const text = resume(category, rng, crossTalk);
      const label =
        classes.length > 1 && rng.next() < labelNoise
          ? pick(
              classes.filter((c) => c !== category),
              rng,
            )
          : category;
      out.push({ category: label, text });
    }
  }
  const dupes = Math.round(out.length * (options.nearDuplicateRate ?? 0.05));
  for (let i = 0; i < dupes; i++) {
    const source = out[rng.int(out.length)]!;
    out.push({ category: source.category, text: nearDuplicate(source.text, rng) });
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
