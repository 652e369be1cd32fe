/**
 * Regex rewriting with an optional offset map back to the original text. The cleaner runs the same
 * rules in both modes, so the tracked text (used for explanations) equals the fast one (training).
 */

/** One rewrite: every match of `pattern` (global) is replaced by `replace(match, ...groups)`. */
export interface RewriteRule {
  pattern: RegExp;
  replace: (match: string, ...groups: (string | undefined)[]) => string;
  /** Set when `replace` always returns this string (it must contain no `$`): enables a faster path. */
  literal?: string;
}

/** Per normalized character, the original [start, end) it came from. */
export interface OffsetMap {
  starts: Int32Array;
  ends: Int32Array;
}

/** An identity offset map for a text. */
export function identityOffsets(length: number): OffsetMap {
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    starts[i] = i;
    ends[i] = i + 1;
  }
  return { starts, ends };
}

/** Applies a rule without tracking offsets; returns the new text and how many matches changed. */
export function rewriteFast(text: string, rule: RewriteRule): { text: string; changes: number } {
  let changes = 0;
  const out = text.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
    const groups = rest.slice(0, -2) as (string | undefined)[];
    const replaced = rule.replace(match, ...groups);
    if (replaced !== match) changes++;
    return replaced;
  });
  return { text: out, changes };
}

/** Applies a rule and carries the offset map: replaced characters map to the whole original match. */
export function rewriteTracked(text: string, offsets: OffsetMap, rule: RewriteRule): { text: string; offsets: OffsetMap; changes: number } {
  const pattern = new RegExp(rule.pattern.source, rule.pattern.flags.includes('g') ? rule.pattern.flags : `${rule.pattern.flags}g`);
  // First the replacements, then one pass that fills typed arrays of the final length (no per-character push).
  const edits: { index: number; end: number; replaced: string }[] = [];
  let length = text.length;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const replaced = rule.replace(m[0], ...m.slice(1));
    if (replaced === m[0]) continue;
    edits.push({ index: m.index, end: m.index + m[0].length, replaced });
    length += replaced.length - m[0].length;
  }
  // Most rules change nothing in most texts: keep the map as it is rather than copy it.
  if (edits.length === 0) return { text, offsets, changes: 0 };
  const starts = new Int32Array(length);
  const ends = new Int32Array(length);
  const parts: string[] = [];
  let at = 0;
  let cursor = 0;
  const copy = (from: number, to: number) => {
    parts.push(text.slice(from, to));
    starts.set(offsets.starts.subarray(from, to), at);
    ends.set(offsets.ends.subarray(from, to), at);
    at += to - from;
  };
  for (const edit of edits) {
    copy(cursor, edit.index);
    parts.push(edit.replaced);
    starts.fill(offsets.starts[edit.index]!, at, at + edit.replaced.length);
    ends.fill(offsets.ends[edit.end - 1]!, at, at + edit.replaced.length);
    at += edit.replaced.length;
    cursor = edit.end;
  }
  copy(cursor, text.length);
  return { text: parts.join(''), offsets: { starts, ends }, changes: edits.length };
}
