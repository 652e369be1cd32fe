/**
 * Blind mode's text helpers for what the backend sends to a view: resume text with personal data
 * masked (highlights moved onto the masked text), file names and paths with their name words hidden.
 * The masking itself is ml/'s cleaner (ml/text/personal-data.ts says what it catches). Pure.
 */
import { blindFileName, maskedSpan, maskPersonalData, nameHintsOfFileName } from '../../ml/index';

/** A file name or path as a blind view shows it. */
export function hideName(name: string): string {
  return blindFileName(name);
}

/** A path or null, as a blind view shows it. */
export function hideNullableName(name: string | null): string | null {
  return name === null ? null : blindFileName(name);
}

/**
 * A text cut from a longer one loses its last, possibly partial word: half an e-mail address or a
 * phone number at the cut would no longer look like one to the masker, and would show.
 */
function dropPartialTail(text: string): string {
  return text.replace(/\S+$/u, '');
}

/** Resume text as a blind view shows it; `fileName` helps find the person's name; `isCut` when the text is the start of a longer one. */
export function hideText(text: string, fileName: string | null, options: { isCut?: boolean } = {}): string {
  const source = options.isCut ? dropPartialTail(text) : text;
  return maskPersonalData(source, { nameHints: fileName ? nameHintsOfFileName(fileName) : [] }).text;
}

/**
 * Masks a text and moves highlight spans ([start, end) into the text as given) onto the masked
 * text, in order. A span over masked characters becomes null: it would point at a mask, or at what
 * was there.
 */
export function hideTextWithSpans(
  text: string,
  fileName: string | null,
  spans: readonly (readonly [number, number])[],
  options: { isCut?: boolean } = {},
): { text: string; spans: ([number, number] | null)[] } {
  const source = options.isCut ? dropPartialTail(text) : text;
  const masked = maskPersonalData(source, { nameHints: fileName ? nameHintsOfFileName(fileName) : [] });
  return { text: masked.text, spans: spans.map(([start, end]) => (end > source.length ? null : maskedSpan(masked, start, end))) };
}

/** Spans grouped per term, moved by `hideTextWithSpans`: returns the masked text and each term's surviving spans. */
export function hideTermSpans(
  text: string,
  fileName: string | null,
  terms: readonly (readonly (readonly [number, number])[])[],
  options: { isCut?: boolean } = {},
): { text: string; terms: [number, number][][] } {
  const moved = hideTextWithSpans(text, fileName, terms.flat(), options);
  let at = 0;
  return {
    text: moved.text,
    terms: terms.map((spans) =>
      spans.flatMap(() => {
        const span = moved.spans[at++];
        return span ? [span] : [];
      }),
    ),
  };
}

/** A history step's sentence with any quoted file name hidden (`Kept "jane-doe.pdf" and excluded…`). */
export function hideQuotedNames(sentence: string): string {
  return sentence.replace(/"([^"]+)"/g, (_, name: string) => `"${blindFileName(name)}"`);
}
