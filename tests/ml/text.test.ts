import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText, normalizeTracked, normalizeWithReport } from '../../ml/text/normalize';
import { stemWord } from '../../ml/text/stem';
import { tokenize, tokenizeWithOffsets } from '../../ml/text/tokenize';

describe('normalize', () => {
  it('repairs UTF-8 read as Latin-1 / cp1252', () => {
    expect(normalizeText('â\u0080¢ Python â€“ cafÃ©')).toBe('• Python – café');
  });
  it('removes the "Â" left of a no-break space that a reader turned into a space, and repairs text encoded twice', () => {
    const onlyRepair = { repairMojibake: true, unicodeNfc: false, stripHtml: false, collapseWhitespace: false };
    expect(normalizeText('SkillsÂ Â Java\nNurseÂ\nÂ\u200bcare', onlyRepair)).toBe('Skills  Java\nNurse\n\u200bcare');
    expect(normalizeText('Ã‚Â\u00a0Ã‚Â©', onlyRepair)).toBe('\u00a0©');
    // A real upper-case word keeps its Â.
    expect(normalizeText('ROMÂ NIA PÂTÉ', onlyRepair)).toBe('ROMÂ NIA PÂTÉ');
  });
  it('applies NFC, strips tags and decodes entities', () => {
    expect(normalizeText('Cafe\u0301 <b>R&amp;D</b> &#233;&#x41;')).toBe('Café R&D éA');
  });
  it('masks e-mails, URLs, phone numbers and long digit runs but keeps date ranges', () => {
    const t = normalizeText('jo@x.org https://x.io/a +1 (555) 123-4567 id 12345678 2010-2015');
    expect(t).toBe('__email__ __url__ __phone__ id __num__ 2010-2015');
  });
  it('reports what each step did and can turn steps off', () => {
    const { report } = normalizeWithReport('a  b <i>c</i> d@e.com');
    const changes = Object.fromEntries(report.steps.map((s) => [s.step, s.changes]));
    expect(changes).toMatchObject({ stripHtml: 2, maskEmails: 1, repairMojibake: 0 });
    expect(normalizeText('d@e.com', { maskEmails: false })).toBe('d@e.com');
  });
  it('the tracked cleaner gives the same text and maps characters back to the original', () => {
    const original = 'Hi <b>C++</b> dev â€¢ mail a@b.co';
    const { text, offsets } = normalizeTracked(original);
    expect(text).toBe(normalizeText(original));
    const at = text.indexOf('C++');
    expect(original.slice(offsets.starts[at]!, offsets.ends[at + 2]!)).toBe('C++');
  });
  it('property: tracked and fast cleaning agree on any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (s) => normalizeTracked(s).text === normalizeText(s)));
  });
});

describe('tokenize', () => {
  it('keeps tech terms whole', () => {
    expect(tokenize('Skills: C++, C#, .NET, Node.js, CI/CD, ASP.NET and sales/marketing.')).toEqual([
      'skills',
      'c++',
      'c#',
      '.net',
      'node.js',
      'ci/cd',
      'asp.net',
      'sales',
      'marketing',
    ]);
  });
  it('splits run-on sentences, drops stopwords, numbers and one-letter words', () => {
    expect(tokenize('Experience.Managed the team of 12 in 2019 a b')).toEqual(['experience', 'managed', 'team']);
  });
  it('keeps mask tokens and stems only when asked', () => {
    expect(tokenize('__email__ managing developers')).toEqual(['__email__', 'managing', 'developers']);
    expect(tokenize('managing developers', { stem: true })).toEqual(['manag', 'developer']);
  });
  it('offsets point at the token in the input', () => {
    const text = 'Senior C# developer';
    for (const t of tokenizeWithOffsets(text)) expect(text.slice(t.start, t.end).toLowerCase()).toBe(t.token);
  });
  it('property: no empty tokens, tokens are lower-case and never contain whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 120 }), (s) => {
        const tokens = tokenize(normalizeText(s));
        return tokens.every((t) => t.length > 0 && !/\s/.test(t) && t === t.toLowerCase());
      }),
    );
  });
});

describe('stemWord', () => {
  it('conflates inflections and leaves tech terms alone', () => {
    expect(['manage', 'managed', 'managing', 'management'].map(stemWord)).toEqual(['manag', 'manag', 'manag', 'manag']);
    expect(stemWord('node.js')).toBe('node.js');
    expect(stemWord('skills')).toBe('skill');
  });
});
