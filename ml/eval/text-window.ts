/**
 * The window view of a resume, for measuring how a model does on short, title-less text (a one-page
 * resume, a pasted summary, an API caller's paragraph): N consecutive words taken at a seeded random
 * place after the first eight words, so the title line is not in it. Same rule as the scikit-learn
 * reference's make_windows.py (words split on white space, joined by one space); its generator is
 * Python's, so only its window files give the very same windows.
 */
import type { Rng } from '../random';

/** Words skipped at the start of a text before a window may begin (a title line is rarely longer). */
export const WINDOW_SKIPPED_WORDS = 8;

/** One window of `words` words of `text` after its first eight, or null when the text has too few words. */
export function textWindow(text: string, words: number, rng: Rng): string | null {
  const rest = text.split(/\s+/).filter(Boolean).slice(WINDOW_SKIPPED_WORDS);
  if (rest.length < words) return null;
  const start = rng.int(rest.length - words + 1);
  return rest.slice(start, start + words).join(' ');
}
