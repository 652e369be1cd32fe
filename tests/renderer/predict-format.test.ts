import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell } from '../../preload/csv-cells';
import { batchCsv } from '../../renderer/features/predict/batch-csv';
import { isResumeFileName } from '../../renderer/features/predict/file-payload';
import { highlightSegments, readableTerm } from '../../renderer/features/predict/highlight-segments';
import { formatDecimal, formatPercent } from '../../renderer/format/numbers';

describe('highlightSegments', () => {
  const text = 'Registered nurse in the ICU, registered again';
  it('marks each evidence span, the strongest term winning where spans overlap', () => {
    const segments = highlightSegments(text, [
      { term: 'registered nurse', contribution: 0.9, spans: [{ start: 0, end: 16 }] },
      { term: 'nurse', contribution: 0.3, spans: [{ start: 11, end: 16 }] },
      {
        term: 'registered',
        contribution: 0.2,
        spans: [
          { start: 0, end: 10 },
          { start: 29, end: 39 },
        ],
      },
      { term: 'icu', contribution: 0.5, spans: [{ start: 24, end: 27 }] },
    ]);
    expect(segments.map((s) => [s.text, s.mark?.term ?? null, s.mark?.strength ?? null])).toEqual([
      ['Registered nurse', 'registered nurse', 3],
      [' in the ', null, null],
      ['ICU', 'icu', 2],
      [', ', null, null],
      ['registered', 'registered', 1],
      [' again', null, null],
    ]);
  });
  it('always gives back the whole text, whatever the spans (clipped, empty, overlapping)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 60 }),
        fc.array(
          fc.record({
            term: fc.string({ minLength: 1, maxLength: 5 }),
            contribution: fc.double({ min: 0, max: 2, noNaN: true }),
            spans: fc.array(fc.record({ start: fc.integer({ min: -5, max: 70 }), end: fc.integer({ min: -5, max: 70 }) }), { maxLength: 4 }),
          }),
          { maxLength: 5 },
        ),
        (t, evidence) => {
          expect(
            highlightSegments(t, evidence)
              .map((s) => s.text)
              .join(''),
          ).toBe(t);
        },
      ),
    );
  });
  it('names headline terms in words', () => {
    expect(readableTerm('h:nurse')).toBe('nurse (in the title)');
    expect(readableTerm('nurse')).toBe('nurse');
  });
});

describe('batch CSV', () => {
  const cellsOf = (file: string) =>
    batchCsv([{ file, category: 'Nurse', confidence: null, needsReview: null, topWords: [], status: 'predicted', reason: '' }]).split('\r\n')[1]!;
  it('neutralises cells a spreadsheet would run as formulas, exactly as the dataset export does', () => {
    for (const cell of ['=HYPERLINK("x")', '+1', '-2+3', '@SUM(A1)', "'=already", "''+twice"]) {
      const written = cellsOf(cell).split(',Nurse')[0]!;
      expect(written.replace(/^"|"$/g, '').replace(/""/g, '"')).toBe(neutraliseCsvCell(cell));
      expect(neutraliseCsvCell(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['Nurse', '0.93', 'a=b', "it's"]) expect(neutraliseCsvCell(cell)).toBe(cell);
  });
  it('quotes cells holding commas, quotes or line breaks (a lone \\n or \\r included)', () => {
    expect(cellsOf('a,b')).toMatch(/^"a,b",/);
    expect(cellsOf('say "hi"')).toMatch(/^"say ""hi""",/);
    expect(cellsOf('=1,2')).toMatch(/^"'=1,2",/);
    expect(batchCsv([{ file: 'a\nb', category: 'x', confidence: null, needsReview: null, topWords: [], status: 's', reason: '' }])).toContain('"a\nb"');
  });
  it('writes a header and one CRLF row per table row', () => {
    const csv = batchCsv([
      { file: '=cmd|x.pdf', category: 'Nurse', confidence: 0.93456, needsReview: false, topWords: ['nurse', 'icu'], status: 'predicted', reason: '' },
      {
        file: 'locked.pdf',
        category: 'encrypted',
        confidence: null,
        needsReview: null,
        topWords: [],
        status: 'encrypted',
        reason: 'The PDF is password-protected, so it was not read.',
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'file,category,confidence,needs_review,top_words,status,reason',
      "'=cmd|x.pdf,Nurse,0.9346,no,nurse; icu,predicted,",
      'locked.pdf,encrypted,,,,encrypted,"The PDF is password-protected, so it was not read."',
      '',
    ]);
  });
});

describe('dropped file payloads', () => {
  it('keeps resume files of a folder by extension', () => {
    expect(['a.PDF', 'b.docx', 'c.doc', 'd.txt', 'e.md', 'f.html', 'g.htm'].every(isResumeFileName)).toBe(true);
    expect(['photo.jpg', '.hidden', 'notes', 'data.csv'].some(isResumeFileName)).toBe(false);
  });
});

describe('number formats for predictions', () => {
  it('writes probabilities as percentages and weights as decimals', () => {
    expect(formatPercent(0.8731, 0)).toBe('87%');
    expect(formatPercent(0.8731, 1)).toBe('87.3%');
    expect(formatDecimal(0.12345)).toBe('0.123');
  });
});
