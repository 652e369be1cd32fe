/**
 * Which files the bundled sample holds: six categories of invented resumes as PDF, DOCX and TXT,
 * plus the deliberate problems a new user learns from (an exact copy, a scan without text, a
 * resume filed under the wrong category, one saved twice with a small change). Dev-only; the
 * tests read `sampleProblems` to know where those are.
 */
import { composeResume, resumeText, type ResumeBlock, type SamplePerson } from './compose';
import { firstNames, lastNames, sampleCategories } from './content';
import { resumeDocx } from './docx';
import { resumePdf, scannedPdf } from './pdf';

/** Resumes per category, before the deliberate problems. */
export const resumesPerCategory = 15;
const formats = ['pdf', 'docx', 'txt'] as const;
const crossTalk = 0.12;

/** The person with number `index`: first and last names cycle at co-prime strides, so no two people share both. */
function person(index: number): SamplePerson {
  return { first: firstNames[index % firstNames.length]!, last: lastNames[(index * 7) % lastNames.length]!, index };
}

const slug = (p: SamplePerson) =>
  `${p.first}-${p.last}`
    .normalize('NFD')
    .replace(/[^A-Za-z-]/g, '')
    .toLowerCase();

async function encode(format: (typeof formats)[number], blocks: readonly ResumeBlock[]): Promise<Uint8Array> {
  const title = `Resume of ${blocks[0]?.text ?? ''}`;
  if (format === 'pdf') return resumePdf(blocks, title);
  if (format === 'docx') return resumeDocx(blocks, title);
  return new TextEncoder().encode(resumeText(blocks));
}

/** Where the deliberate problems are, relative to the sample folder (paths use "/"). */
export interface SampleProblems {
  /** Same bytes as `copyOf`: the importer reports it as `duplicate`. */
  duplicate: { relPath: string; copyOf: string };
  /** A picture of a page, no text layer: `no_text`. */
  scanned: { relPath: string };
  /** An `actualCategory` resume in the `filedUnder` folder: training flags it as likely mislabelled. */
  mislabelled: { relPath: string; filedUnder: string; actualCategory: string };
  /** `of` saved again with a new phone number and one skill changed: flagged as a near-duplicate. */
  nearDuplicate: { relPath: string; of: string };
}

/** Every file of the sample and where its problems are. */
export interface SamplePlan {
  files: Map<string, Uint8Array>;
  problems: SampleProblems;
}

/** Builds every file of the sample in memory, deterministically. */
export async function buildSample(): Promise<SamplePlan> {
  const files = new Map<string, Uint8Array>();
  const categories = Object.keys(sampleCategories).sort();
  let next = 0;
  const compose = (category: string, p: SamplePerson, talk = crossTalk) => composeResume({ category, person: p, seed: 1000 + p.index, crossTalk: talk });
  const add = async (folder: string, p: SamplePerson, blocks: readonly ResumeBlock[], format: (typeof formats)[number], suffix = '') => {
    const relPath = `${folder}/${slug(p)}${suffix}.${format}`;
    if (files.has(relPath)) throw new Error(`Two sample files would be called ${relPath}`);
    files.set(relPath, await encode(format, blocks));
    return relPath;
  };

  const firstOf = new Map<string, { relPath: string; person: SamplePerson; blocks: ResumeBlock[]; format: string }[]>();
  for (const category of categories) {
    const written: { relPath: string; person: SamplePerson; blocks: ResumeBlock[]; format: string }[] = [];
    // Sales keeps one place for the resume filed there by mistake.
    const count = category === 'Sales' ? resumesPerCategory - 1 : resumesPerCategory;
    for (let i = 0; i < count; i++) {
      const p = person(next++);
      const format = formats[p.index % formats.length]!;
      const blocks = compose(category, p);
      written.push({ relPath: await add(category, p, blocks, format), person: p, blocks, format });
    }
    firstOf.set(category, written);
  }

  // An accountant's resume with no overlap at all, filed under Sales.
  const misfiled = person(next++);
  const mislabelledPath = await add('Sales', misfiled, compose('Accountant', misfiled, 0), 'docx');

  // A teacher's PDF kept twice. "_copy" sorts after ".pdf", so the original is the one imported.
  const original = firstOf.get('Teacher')!.find((entry) => entry.format === 'pdf')!;
  const duplicatePath = original.relPath.replace(/\.pdf$/, '_copy.pdf');
  files.set(duplicatePath, files.get(original.relPath)!);

  // A nurse's resume that only exists on paper, scanned.
  const scannedPerson = person(next++);
  const scannedPath = `Nurse/${slug(scannedPerson)}-scan.pdf`;
  files.set(scannedPath, await scannedPdf(compose('Nurse', scannedPerson), `Scan of a resume`));

  // A developer's text resume saved again after changing the phone number and one skill.
  const source = firstOf.get('Software Engineer')!.find((entry) => entry.format === 'txt')!;
  const skillsAt = source.blocks.findIndex((block) => block.kind === 'heading' && block.text === 'Skills') + 1;
  const updated = source.blocks.map((block, at) => {
    if (block.kind === 'contact')
      return { ...block, text: block.text.replace(/555-01(\d\d)/, (_, digits: string) => `555-01${String((Number(digits) + 50) % 100).padStart(2, '0')}`) };
    // The last skill becomes another one.
    if (at === skillsAt) return { ...block, text: block.text.replace(/[^,]+$/, ' GraphQL') };
    return block;
  });
  const nearPath = await add('Software Engineer', source.person, updated, 'txt', '-updated');

  return {
    files,
    problems: {
      duplicate: { relPath: duplicatePath, copyOf: original.relPath },
      scanned: { relPath: scannedPath },
      mislabelled: { relPath: mislabelledPath, filedUnder: 'Sales', actualCategory: 'Accountant' },
      nearDuplicate: { relPath: nearPath, of: source.relPath },
    },
  };
}
