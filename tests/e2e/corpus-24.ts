/**
 * The real corpus's shape, generated: 24 categories named as in the public livecareer collection
 * and about 2,200 resumes, written as JSONL (a table imports far faster than thousands of PDFs).
 * Each category is one of the generator's eight occupations plus words of its own, so the 24 are
 * learnable yet overlap as real neighbouring categories do. No real resume text is used.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng, generateResumeSample, SAMPLE_CATEGORIES } from '../../ml/index';
import { longStepMs } from './deadlines';

const root = path.resolve(import.meta.dirname, '../..');

/** The 24 category names, as the livecareer collection's folders are named. */
export const CORPUS_24_CATEGORIES = [
  'ACCOUNTANT',
  'ADVOCATE',
  'AGRICULTURE',
  'APPAREL',
  'ARTS',
  'AUTOMOBILE',
  'AVIATION',
  'BANKING',
  'BPO',
  'BUSINESS-DEVELOPMENT',
  'CHEF',
  'CONSTRUCTION',
  'CONSULTANT',
  'DESIGNER',
  'DIGITAL-MEDIA',
  'ENGINEERING',
  'FINANCE',
  'FITNESS',
  'HEALTHCARE',
  'HR',
  'INFORMATION-TECHNOLOGY',
  'PUBLIC-RELATIONS',
  'SALES',
  'TEACHER',
] as const;

/** Words that set each category apart from the others built on the same occupation. */
const OWN_WORDS: Record<(typeof CORPUS_24_CATEGORIES)[number], string[]> = {
  ACCOUNTANT: ['ledger', 'reconciliation', 'audit', 'payable'],
  ADVOCATE: ['litigation', 'counsel', 'court', 'brief'],
  AGRICULTURE: ['crop', 'harvest', 'irrigation', 'livestock'],
  APPAREL: ['garment', 'fabric', 'merchandising', 'boutique'],
  ARTS: ['gallery', 'painting', 'exhibition', 'sculpture'],
  AUTOMOBILE: ['vehicle', 'dealership', 'engine', 'diagnostics'],
  AVIATION: ['aircraft', 'flight', 'hangar', 'avionics'],
  BANKING: ['branch', 'teller', 'deposit', 'loan'],
  BPO: ['call', 'outsourcing', 'queue', 'ticket'],
  'BUSINESS-DEVELOPMENT': ['partnership', 'pipeline', 'prospect', 'growth'],
  CHEF: ['kitchen', 'menu', 'cuisine', 'pastry'],
  CONSTRUCTION: ['site', 'concrete', 'contractor', 'scaffold'],
  CONSULTANT: ['engagement', 'advisory', 'stakeholder', 'roadmap'],
  DESIGNER: ['layout', 'typography', 'mockup', 'branding'],
  'DIGITAL-MEDIA': ['video', 'content', 'social', 'editing'],
  ENGINEERING: ['cad', 'prototype', 'tolerance', 'assembly'],
  FINANCE: ['forecast', 'valuation', 'portfolio', 'treasury'],
  FITNESS: ['trainer', 'workout', 'gym', 'nutrition'],
  HEALTHCARE: ['clinic', 'patient', 'medical', 'records'],
  HR: ['recruiting', 'onboarding', 'payroll', 'benefits'],
  'INFORMATION-TECHNOLOGY': ['network', 'helpdesk', 'server', 'infrastructure'],
  'PUBLIC-RELATIONS': ['press', 'media', 'campaign', 'publicity'],
  SALES: ['quota', 'territory', 'closing', 'accounts'],
  TEACHER: ['classroom', 'curriculum', 'lesson', 'students'],
};

/** A generated corpus of the real one's shape: rows of { text, category }. */
export function corpus24(options: { perCategory?: number; seed?: number } = {}): { text: string; category: string }[] {
  const perCategory = options.perCategory ?? 92;
  const seed = options.seed ?? 24;
  const base = generateResumeSample({ seed, perClass: perCategory * 3, nearDuplicateRate: 0.02, labelNoise: 0 });
  const rng = createRng(seed + 1);
  const next = new Map<string, number>();
  return base.map((row) => {
    // The three categories built on one occupation take its resumes in turn.
    const occupation = SAMPLE_CATEGORIES.indexOf(row.category);
    const turn = next.get(row.category) ?? 0;
    next.set(row.category, turn + 1);
    const category = CORPUS_24_CATEGORIES[occupation * 3 + (turn % 3)]!;
    // A few words of its own, some borrowed from a sibling category: neighbours get confused.
    const own = Array.from({ length: 3 }, () => {
      const from = rng.next() < 0.3 ? CORPUS_24_CATEGORIES[occupation * 3 + rng.int(3)]! : category;
      return OWN_WORDS[from][rng.int(4)];
    }).join(' ');
    // As in hand-labelled corpora, a few resumes carry another category's label.
    const label = rng.next() < 0.04 ? CORPUS_24_CATEGORIES[rng.int(CORPUS_24_CATEGORIES.length)]! : category;
    return { text: `${row.text}\n${own}`, category: label };
  });
}

/** Writes the corpus as JSONL; returns the number of rows. */
export function writeCorpus24(file: string, options: { perCategory?: number; seed?: number } = {}): number {
  const rows = corpus24(options);
  fs.writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return rows.length;
}

/**
 * A data directory holding the corpus imported and one run trained, through the CLI (the same core
 * as the Import dialog and the Train button); tests start backends on copies of it (curation-data's
 * backendOnCopy). `train: false` stops after the import.
 */
export function prepareCorpus24(options: { train?: boolean } = {}): { dataDir: string; rows: number; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-corpus24-'));
  const file = path.join(dir, 'resumes.jsonl');
  const rows = writeCorpus24(file);
  const dataDir = path.join(dir, 'prepared');
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(root, 'bin/resume-studio.mjs'), ...args, '--data-dir', dataDir], { stdio: 'pipe', timeout: longStepMs });
  cli('import', file);
  if (options.train !== false) cli('train');
  return { dataDir, rows, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
