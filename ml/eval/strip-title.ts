/**
 * The title-stripped view of a resume, for measuring how much a model leans on titles: the text
 * without its first line. Same rule as the scikit-learn reference's make_splits.py, so both score the
 * same documents: leading blank space skipped, then everything up to the first newline dropped; a
 * text on one line loses its first eight words instead.
 */

/** The text without its first line (see the file header). */
export function stripFirstLine(text: string): string {
  const trimmed = text.trimStart();
  const newline = trimmed.indexOf('\n');
  if (newline >= 0) return trimmed.slice(newline + 1);
  return trimmed.split(/\s+/).filter(Boolean).slice(8).join(' ');
}
