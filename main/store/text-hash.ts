/**
 * The importer's duplicate key. Three text normalisations exist on purpose, each named for its job:
 * `cleanExtractedText` (extract/index.ts) tidies extracted text before it is stored; `duplicateKeyText`
 * (ml/eval/text-keys.ts, shared with evaluation's dedup) folds case and white space so copies of the same words match; ml/'s `normalizeText` rewrites
 * text for features (masks numbers, e-mails, URLs, repairs mojibake) and never touches what is stored.
 */
import { createHash } from 'node:crypto';
import { duplicateKeyText } from '../../ml/index';

/**
 * Hash of a text's duplicate key: two files whose words are the same (a PDF and the DOCX it was
 * exported from, a re-saved copy) share it.
 */
export function textHash(text: string): string {
  return createHash('sha256').update(duplicateKeyText(text)).digest('hex');
}
