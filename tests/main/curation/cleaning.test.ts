// The resume pane's "what cleaning changed": segments on both sides, marked by kind of change.
import { describe, expect, it } from 'vitest';
import { cleaningOf } from '../../../main/curation/cleaning';
import { normalizeText } from '../../../ml/text/normalize';

const join = (segments: { text: string }[]) => segments.map((s) => s.text).join('');
const marked = (segments: { text: string; change: string | null }[]) => segments.filter((s) => s.change).map((s) => [s.change, s.text.trim()]);

describe('cleaningOf', () => {
  it('keeps both texts whole and marks masked contact details, removed markup and repaired characters', () => {
    const text = 'Jane Doe\n\nEmail: jane.doe@example.com  <b>Chef</b>\nCaf\u00c3\u00a9 &amp; bistro, see https://example.com/cv';
    const result = cleaningOf(7, text);
    expect(result.id).toBe(7);
    expect(join(result.extracted)).toBe(text);
    expect(join(result.cleaned)).toBe(normalizeText(text));
    expect(marked(result.extracted)).toEqual([
      ['masked', 'jane.doe@example.com'],
      ['removed', '<b>'],
      ['removed', '</b>'],
      ['repaired', '\u00c3\u00a9'],
      ['repaired', '&amp;'],
      ['masked', 'https://example.com/cv'],
    ]);
    expect(marked(result.cleaned).map(([kind, t]) => `${kind}:${t}`)).toEqual(['masked:__email__', 'repaired:é', 'repaired:&', 'masked:__url__']);
    expect(result.steps.find((s) => s.step === 'maskEmails')?.changes).toBe(1);
    expect(result.charsBefore).toBe(text.length);
  });

  it('leaves a clean text unmarked (folded whitespace is not a change worth showing)', () => {
    const result = cleaningOf(1, 'Head chef\n\n  with   ten years of kitchen work');
    expect(marked(result.extracted)).toEqual([]);
    expect(marked(result.cleaned)).toEqual([]);
    expect(join(result.cleaned)).toBe('Head chef with ten years of kitchen work');
  });

  it('handles an empty text', () => {
    expect(cleaningOf(2, '')).toMatchObject({ extracted: [], cleaned: [], charsBefore: 0, charsAfter: 0 });
  });
});
