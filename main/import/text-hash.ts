import { createHash } from 'node:crypto';

/**
 * Hash of a text after Unicode NFC, lower-casing and whitespace folding: two files whose words
 * are the same (a PDF and the DOCX it was exported from, a re-saved copy) share it.
 */
export function textHash(text: string): string {
  const normalized = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s\u200b\u00a0]+/g, ' ')
    .trim();
  return createHash('sha256').update(normalized).digest('hex');
}
