/** Blind mode's masking in ml/text: e-mails, phones, URLs, street addresses and names, for display and for training. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindNormalizeOptions, isBlindNormalize, maskedSpan, maskPersonalData } from '../../ml/text/blind';
import { normalizeText, normalizeTracked } from '../../ml/text/normalize';
import { blindFileName, detectNames, nameHintsOfFileName } from '../../ml/text/personal-data';
import { tokenize } from '../../ml/text/tokenize';
import { composeResume, resumeText } from '../../bin/sample-resumes/compose';
import { firstNames, lastNames, sampleCategories } from '../../bin/sample-resumes/content';

const mask = (text: string, fileName?: string) => maskPersonalData(text, { nameHints: fileName ? nameHintsOfFileName(fileName) : [] }).text;

describe('e-mails, phone numbers and URLs', () => {
  it('masks e-mail addresses', () => {
    expect(mask('Mail jane.doe+cv@mail.example.co.uk or J_DOE@EXAMPLE.COM.')).toBe('Mail  __email__  or  __email__ .');
  });

  it.each([
    ['(555) 555-0105', 'US with parentheses'],
    ['555-555-0105', 'US with dashes'],
    ['555.555.0105', 'US with dots'],
    ['+1 555 555 0105', 'US with country code'],
    ['+1-555-555-0105', 'country code and dashes'],
    ['+1 (555) 555-0105', 'country code and parentheses'],
    ['+44 20 7946 0958', 'UK'],
    ['+33 1 23 45 67 89', 'France with a one-digit area code'],
    ['01 23 45 67 89', 'France, national'],
    ['+49 30 901820', 'Germany'],
    ['5555550105', 'ten digits in a row'],
  ])('masks the phone number %s (%s)', (phone) => {
    const shown = mask(`Phone: ${phone} (mobile)`);
    expect(shown).not.toMatch(/\d{3}/);
    expect(shown).toMatch(/__(phone|num)__/);
  });

  it('keeps date ranges, years and counts that are not phone numbers', () => {
    const text = 'Jan 2019 – Mar 2021, 2010-2015, managed 12 people and 3,500 accounts in 2020.';
    expect(mask(text)).toBe(text);
  });

  it('masks URLs with a scheme, with www and bare profile links, but not tech names with a dot', () => {
    expect(mask('https://example.com/in/jane www.jane.dev linkedin.com/in/jane-doe github.com/jdoe')).not.toMatch(/jane|jdoe|example/);
    expect(mask('Node.js, ASP.NET, socket.io and vue.js')).toBe('Node.js, ASP.NET, socket.io and vue.js');
  });
});

describe('street addresses', () => {
  it.each([
    ['123 Main Street', ''],
    ['16 Mill Road, Riverside', ''],
    ['42B Baker St., Apt 4, Springfield, IL 62704', ''],
    ['7 Orchard Lane', ''],
    ['1600 Amphitheatre Parkway', ''],
    ['P.O. Box 77', ''],
  ])('masks %s', (address) => {
    const shown = mask(`Lives at ${address} since 2019.`);
    expect(shown).toContain('__address__');
    expect(shown).not.toMatch(/Main|Mill|Baker|Orchard|Amphitheatre|Box|Springfield|Riverside/);
    expect(shown).toMatch(/since 2019\.$/);
  });

  it('masks the rest of an "Address:" line', () => {
    expect(mask('Address: 12 rue de Rivoli, 75001 Paris\nSkills: Excel')).toBe('Address:__address__\nSkills: Excel');
  });

  it('leaves numbers that are not followed by a street type', () => {
    const text = 'Led 3 teams over 5 years; 12 direct reports.';
    expect(mask(text)).toBe(text);
  });
});

describe('names', () => {
  it('masks the header name and every later mention, in any case', () => {
    const text = 'Jane Doe\nData Analyst\n\nSUMMARY\nJane built dashboards. Contact DOE for details.';
    expect(detectNames(text)).toEqual(['Jane', 'Doe']);
    expect(mask(text)).toBe('__name__\nData Analyst\n\nSUMMARY\n__name__ built dashboards. Contact __name__ for details.');
  });

  it('reads a header with a title after a separator, particles, initials, honorifics and capitals', () => {
    expect(mask('Dr. Ludwig van Beethoven | Composer\nBonn')).toBe('__name__ | Composer\nBonn');
    expect(mask('MARÍA J. GARCÍA-LÓPEZ, CPA\nAccountant')).toBe('__name__, CPA\nAccountant');
    expect(mask('Siobhán O’Neil\nNurse')).toBe('__name__\nNurse');
  });

  it('skips a "Resume" line before the name', () => {
    expect(mask('RESUME\n\nAmir Haddad\nTeacher')).toBe('RESUME\n\n__name__\nTeacher');
  });

  it('finds "Name:" fields anywhere', () => {
    expect(mask('Profile\nFull name: Kenji Watanabe\nReferences available; Kenji can start at once.')).toBe(
      'Profile\nFull name: __name__ __name__\nReferences available; __name__ can start at once.',
    );
  });

  it('does not take a job title or vocabulary for a name', () => {
    const title = 'Senior Data Analyst\nBuilt dashboards.';
    expect(mask(title)).toBe(title);
    // Capitalised words that the text also uses in lower case are vocabulary, not a name.
    const words = 'Customer Success\nI lead customer success for enterprise accounts.';
    expect(mask(words)).toBe(words);
  });

  it('uses the file name as a hint when the header shows those words', () => {
    // "Priya Raman, MBA – Product" reads as a name anyway; a header starting with a title needs the hint.
    const text = 'Product Lead – Priya Raman\npriya led launches.';
    expect(mask(text)).toBe(text);
    expect(mask(text, 'priya-raman-cv.pdf')).toBe('Product Lead – __name__ __name__\n__name__ led launches.');
    expect(nameHintsOfFileName('Jane_Doe-Resume (2).docx')).toEqual(['Jane', 'Doe']);
    expect(nameHintsOfFileName('JaneDoeCV.pdf')).toEqual(['Jane', 'Doe']);
  });

  it('masks every name, e-mail, phone number and URL of every sample resume', () => {
    let people = 0;
    for (const category of Object.keys(sampleCategories)) {
      for (let index = 0; index < firstNames.length; index++) {
        const person = { first: firstNames[index % firstNames.length]!, last: lastNames[(index * 7) % lastNames.length]!, index };
        const text = resumeText(composeResume({ category, person, seed: 1000 + index, crossTalk: 0.12 }));
        const fileName = `${person.first}-${person.last}.txt`.toLowerCase();
        for (const shown of [mask(text, fileName), mask(text), normalizeText(text, blindNormalizeOptions)]) {
          expect(shown).not.toMatch(new RegExp(`\\b(${person.first}|${person.last})\\b`, 'i'));
          expect(shown).not.toMatch(/@|example\.com|https?:|555/);
        }
        people++;
      }
    }
    expect(people).toBe(Object.keys(sampleCategories).length * firstNames.length);
  });
});

describe('blind cleaning for training and the masked text for display', () => {
  it('blind cleaning options are recognised, the default ones are not', () => {
    expect(isBlindNormalize(blindNormalizeOptions)).toBe(true);
    expect(isBlindNormalize({})).toBe(false);
    expect(isBlindNormalize({ ...blindNormalizeOptions, maskEmails: false })).toBe(false);
  });

  it('the default cleaner leaves names and addresses; the blind one leaves no token of them', () => {
    const text = 'Jane Doe\n12 Elm Street\nJane wrote SQL.';
    expect(tokenize(normalizeText(text))).toEqual(expect.arrayContaining(['jane', 'doe', 'elm']));
    expect(tokenize(normalizeText(text, blindNormalizeOptions))).toEqual(['__name__', '__address__', '__name__', 'wrote', 'sql']);
  });

  it('display masking keeps line breaks and maps kept words back; a span over a mask maps to nothing', () => {
    const text = 'Jane Doe\nPython and SQL\njane@x.org';
    const masked = maskPersonalData(text);
    expect(masked.text).toBe('__name__\nPython and SQL\n __email__ ');
    const sql = text.indexOf('SQL');
    const at = maskedSpan(masked, sql, sql + 3)!;
    expect(masked.text.slice(at[0], at[1])).toBe('SQL');
    expect(maskedSpan(masked, 0, 4)).toBeNull();
  });

  it('property: tracked and fast blind cleaning agree, and no e-mail survives it', () => {
    // Addresses as people write them (fc.emailAddress also makes RFC oddities such as "/@a.aa").
    const email = fc
      .tuple(
        fc.stringMatching(/^[a-z0-9][a-z0-9._+-]{0,15}$/),
        fc.array(fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/), { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-z]{2,6}$/),
      )
      .map(([local, labels, tld]) => `${local}@${labels.join('.')}.${tld}`);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), email, (s, email) => {
        const text = `${s} ${email} ${s}`;
        const fast = normalizeText(text, blindNormalizeOptions);
        return normalizeTracked(text, blindNormalizeOptions).text === fast && !fast.includes(email);
      }),
    );
  });
});

describe('file names', () => {
  it('hides name words and keeps the folder words, separators, suffixes and extension', () => {
    expect(blindFileName('Teacher/amelia-whitfield_copy.pdf')).toBe('Teacher/•••_copy.pdf');
    expect(blindFileName('Software Engineer/mei-lachance-updated.txt')).toBe('Software Engineer/•••-updated.txt');
    expect(blindFileName('/home/x/resumes/Jane Doe CV 2024.docx')).toBe('/•••/•••/•••/••• CV 2024.docx');
  });
});
