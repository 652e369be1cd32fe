/**
 * How large one resume file may be, and the sentence that refuses a larger one: the importer, the
 * parse worker and the Predict page (which checks a dropped file before sending it) say the same.
 * Plain values, no zod, so the renderer may import them. Pure.
 */

/** Formats a byte count for sentences: "20 MB", "512 KB". */
export function formatBytes(sizeBytes: number): string {
  if (sizeBytes >= 1024 * 1024) return `${Math.round((sizeBytes / (1024 * 1024)) * 10) / 10} MB`;
  if (sizeBytes >= 1024) return `${Math.round(sizeBytes / 1024)} KB`;
  return `${sizeBytes} bytes`;
}

/** Files larger than this are refused unread, unless the caller sets `maxBytes`. */
export const defaultMaxBytes = 20 * 1024 * 1024;

/** The too_large sentence, shared by the extractor, the importer's pre-check and the Predict page's. */
export function tooLargeReason(sizeBytes: number, maxBytes = defaultMaxBytes): string {
  return `The file is ${formatBytes(sizeBytes)}, over the ${formatBytes(maxBytes)} limit for one resume; split it or export a smaller copy.`;
}
