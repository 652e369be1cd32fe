/**
 * How a model's term reads to a person, the same in the app, the CLI and every report: headline
 * terms (`h:nurse`, the resume's first words, weighted apart) read "nurse (in the title)", and the
 * engineered features (`eng:log_length`, ml/features/engineered.ts) say what they measure. Plain
 * values, no zod, so the renderer may import them. Pure.
 */

const engineered: Record<string, string> = {
  years_experience: 'years of experience',
  log_length: 'length of the resume',
};

/** A term as people read it. */
export function readableTerm(term: string): string {
  if (term.startsWith('h:')) return `${term.slice(2)} (in the title)`;
  if (term.startsWith('eng:')) {
    const name = term.slice(4);
    return `(${engineered[name] ?? (name.startsWith('section_') ? `a ${name.slice(8)} section` : name.replace(/_/g, ' '))})`;
  }
  return term;
}
