/**
 * Composes one invented resume as a list of blocks (name, headline, contact, headings, paragraphs,
 * roles, bullets) that the PDF, DOCX and TXT writers lay out. Seeded: the same person and seed
 * always give the same resume. Dev-only.
 */
import { createRng, type Rng } from '../../ml/random';
import { sampleCategories, streets, towns } from './content';

/** One piece of a resume's layout. */
export type ResumeBlock =
  | { kind: 'name'; text: string }
  | { kind: 'headline'; text: string }
  | { kind: 'contact'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'role'; text: string; dates: string }
  | { kind: 'bullet'; text: string };

/** An invented person. */
export interface SamplePerson {
  first: string;
  last: string;
  /** Unique per person: the phone number's last two digits (555-0100…0199 is reserved for fiction). */
  index: number;
}

/** What to compose. */
export interface ComposeOptions {
  category: string;
  person: SamplePerson;
  seed: number;
  /** Chance that a skill comes from another category, so categories overlap as real ones do. */
  crossTalk: number;
}

/** The year the sample's resumes are written in (fixed: a re-run must give the same bytes). */
const currentYear = 2025;
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pick = <T>(items: readonly T[], rng: Rng): T => items[rng.int(items.length)]!;

/** `count` different items, in a seeded order. */
function pickDistinct<T>(items: readonly T[], count: number, rng: Rng): T[] {
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) out.push(pool.splice(rng.int(pool.length), 1)[0]!);
  return out;
}

/** ASCII letters for an e-mail address: "Tomás" → "tomas". */
const emailPart = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Fills `{term}`, `{n:LO-HI}` and `{years}` in a template. */
function fill(template: string, terms: () => string, rng: Rng, years: number): string {
  return template
    .replace(/\{term\}/g, terms)
    .replace(/\{n:(\d+)-(\d+)\}/g, (_, lo: string, hi: string) => String(Number(lo) + rng.int(Number(hi) - Number(lo) + 1)))
    .replace(/\{years\}/g, String(years));
}

/** The resume of `person` as a `category` professional. */
export function composeResume(options: ComposeOptions): ResumeBlock[] {
  const rng = createRng(options.seed);
  const category = sampleCategories[options.category];
  if (!category) throw new Error(`No sample category "${options.category}"`);
  const others = Object.keys(sampleCategories).filter((name) => name !== options.category);
  const ownTerm = () => pick(category.terms, rng);
  const skill = () => (rng.next() < options.crossTalk ? pick(sampleCategories[pick(others, rng)]!.terms, rng) : ownTerm());
  const { first, last, index } = options.person;
  const town = pick(towns, rng);
  const years = 3 + rng.int(14);

  const contact = [`${town}`, `${emailPart(first)}.${emailPart(last)}@example.com`, `(555) 555-01${String(index % 100).padStart(2, '0')}`];
  if (rng.next() < 0.25) contact[0] = `${10 + rng.int(290)} ${pick(streets, rng)}, ${town}`;
  if (rng.next() < 0.3) contact.push(`https://example.com/in/${emailPart(first)}-${emailPart(last)}`);

  const blocks: ResumeBlock[] = [
    { kind: 'name', text: `${first} ${last}` },
    { kind: 'headline', text: pick(category.titles, rng) },
    { kind: 'contact', text: contact.join(' · ') },
    { kind: 'heading', text: 'Summary' },
    { kind: 'paragraph', text: `${fill(pick(category.summaries, rng), ownTerm, rng, years)} ${pick(category.strengths, rng)}` },
    { kind: 'heading', text: 'Experience' },
  ];

  const bullets = pickDistinct(category.bullets, category.bullets.length, rng);
  const roles = 2 + rng.int(2);
  let endYear = currentYear;
  let yearsLeft = years;
  for (let role = 0; role < roles && bullets.length > 0; role++) {
    const length = role === roles - 1 ? Math.max(1, yearsLeft) : 1 + rng.int(Math.max(1, Math.min(5, yearsLeft - 1)));
    const startYear = endYear - length;
    const end = role === 0 ? 'Present' : `${pick(months, rng)} ${endYear}`;
    const title = pick(category.titles, rng);
    blocks.push({ kind: 'role', text: `${title}, ${pick(category.employers, rng)}, ${pick(towns, rng)}`, dates: `${pick(months, rng)} ${startYear} – ${end}` });
    for (const bullet of bullets.splice(0, (role === 0 ? 3 : 2) + rng.int(2))) blocks.push({ kind: 'bullet', text: fill(bullet, ownTerm, rng, years) });
    endYear = startYear - rng.int(2);
    yearsLeft = Math.max(1, yearsLeft - length);
  }

  const graduated = endYear - rng.int(2);
  blocks.push(
    { kind: 'heading', text: 'Education' },
    { kind: 'paragraph', text: `${pick(category.degrees, rng)}, University of ${pick(towns, rng)}, ${graduated}` },
  );
  const skills = new Set<string>();
  for (let tries = 0; skills.size < 6 + rng.int(4) && tries < 50; tries++) skills.add(skill());
  blocks.push({ kind: 'heading', text: 'Skills' }, { kind: 'paragraph', text: [...skills].join(', ') });
  if (rng.next() < 0.6) {
    blocks.push({ kind: 'heading', text: 'Certifications' });
    for (const certificate of pickDistinct(category.certificates, 1 + rng.int(2), rng)) blocks.push({ kind: 'bullet', text: certificate });
  }
  return blocks;
}

/** The resume as plain text, as a person would type it: headings in capitals, bullets as "•". */
export function resumeText(blocks: readonly ResumeBlock[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading') lines.push('', block.text.toUpperCase());
    else if (block.kind === 'role') lines.push(`${block.text} (${block.dates})`);
    else if (block.kind === 'bullet') lines.push(`• ${block.text}`);
    else lines.push(block.text);
  }
  return `${lines.join('\n')}\n`;
}
