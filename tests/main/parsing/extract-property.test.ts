import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStatuses } from '../../../preload/contract';
import { type ExtractResult, extractText } from '../../../main/parsing/extract/index';
import { createParsePool, type ParsePool } from '../../../main/parsing/parse-pool';
import * as fixtures from '../../fixtures/resume-files';

/** One extraction may take this long before the property counts it as a hang. */
const perSampleBoundMs = 5_000;

/** Resolves with the result, or rejects if extraction throws or takes longer than the bound. */
async function extractWithinBound(bytes: Uint8Array, fileName: string): Promise<ExtractResult> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`extractText did not settle within ${perSampleBoundMs} ms for ${fileName} (${bytes.length} bytes)`)),
      perSampleBoundMs,
    );
  });
  try {
    return await Promise.race([extractText(bytes, fileName), hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** The closed-set contract every result must keep. */
function expectWellFormed(result: ExtractResult): void {
  expect(fileStatuses).toContain(result.status);
  expect(result.status).not.toBe('duplicate');
  if (result.status === 'imported') {
    expect(typeof result.text).toBe('string');
    expect(result.text.trim()).not.toBe('');
  } else {
    expect(result.reason).toMatch(/^[A-Z].*\.$/s);
  }
}

type Mutation = { kind: 'flip' | 'truncate' | 'insert' | 'delete' | 'overwrite'; position: number; byte: number; length: number };

const mutationArbitrary: fc.Arbitrary<Mutation[]> = fc.array(
  fc.record({
    kind: fc.constantFrom('flip', 'truncate', 'insert', 'delete', 'overwrite'),
    position: fc.nat(),
    byte: fc.integer({ min: 0, max: 255 }),
    length: fc.integer({ min: 1, max: 256 }),
  }),
  { minLength: 1, maxLength: 6 },
);

/** Applies byte-level damage: the kind real files suffer (bit rot, cut downloads, bad copies). */
function mutate(base: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let bytes = Uint8Array.from(base);
  for (const { kind, position, byte, length } of mutations) {
    const at = bytes.length === 0 ? 0 : position % bytes.length;
    if (kind === 'flip') bytes[at] = (bytes[at] ?? 0) ^ (1 << (byte % 8));
    else if (kind === 'truncate') bytes = bytes.subarray(0, at);
    else if (kind === 'insert') bytes = Uint8Array.from([...bytes.subarray(0, at), ...new Uint8Array(length).fill(byte), ...bytes.subarray(at)]);
    else if (kind === 'delete') bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + length)]);
    else bytes.fill(byte, at, at + length);
  }
  return bytes;
}

let pdfBytes: Uint8Array;
let docxBytes: Uint8Array;
let textSamples: Uint8Array[];

beforeAll(async () => {
  pdfBytes = await fixtures.makeTextPdfBytes({ pages: 2, useObjectStreams: false });
  docxBytes = await fixtures.makeDocxBytes();
  textSamples = [
    iconv.encode(fixtures.accentedResumeText, 'windows-1252'),
    iconv.encode(fixtures.accentedResumeText, 'utf-16le', { addBOM: true }),
    new Uint8Array(Buffer.from(`<html><body><p>${fixtures.accentedResumeText}</p></body></html>`)),
  ];
});

describe('extractText on hostile bytes (in process)', () => {
  it('arbitrary bytes under any name: never throws, never hangs, always a closed status', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom('cv.pdf', 'cv.docx', 'cv.txt', 'cv.md', 'cv.html', 'cv.doc', 'cv', 'cv.rtf'),
        async (bytes, name) => {
          expectWellFormed(await extractWithinBound(bytes, name));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('arbitrary bytes behind real magic numbers (ZIP, OLE2, RTF, BOMs)', async () => {
    const prefixes = [
      'PK\u0003\u0004',
      '\u00d0\u00cf\u0011\u00e0\u00a1\u00b1\u001a\u00e1',
      '{\\rtf1 ',
      '\u00ff\u00fe',
      '\u00fe\u00ff',
      '\u00ef\u00bb\u00bf',
    ].map((prefix) => Uint8Array.from(Buffer.from(prefix, 'latin1')));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...prefixes), fc.uint8Array({ maxLength: 2048 }), async (prefix, tail) => {
        expectWellFormed(await extractWithinBound(Uint8Array.from([...prefix, ...tail]), 'cv.bin'));
      }),
      { numRuns: 200 },
    );
  });

  it('mutated DOCX bytes: never throws, never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(mutationArbitrary, async (mutations) => {
        expectWellFormed(await extractWithinBound(mutate(docxBytes, mutations), 'cv.docx'));
      }),
      { numRuns: 300 },
    );
  });

  it('mutated legacy-encoded, UTF-16 and HTML text: never throws, never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: 2 }), mutationArbitrary, async (index, mutations) => {
        expectWellFormed(await extractWithinBound(mutate(textSamples[index] as Uint8Array, mutations), index === 2 ? 'cv.html' : 'cv.txt'));
      }),
      { numRuns: 200 },
    );
  });
});

// PDFs run in workers only: pdfjs leaves stray unhandled rejections on some damaged files (the
// worker absorbs them; in the test process they would be reported as errors), and a synchronous
// hang can only be caught from another thread.
describe('extractText on hostile bytes (in worker threads, where even a synchronous hang is caught)', () => {
  let dir: string;
  let pool: ParsePool;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'extract-property-'));
    pool = createParsePool({ size: 2, perFileTimeoutMs: perSampleBoundMs });
  });
  afterAll(async () => {
    await pool.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const expectParsedCleanly = (result: ExtractResult) => {
    expectWellFormed(result);
    expect(result.status).not.toBe('timeout');
    expect(result.status !== 'imported' && /parser crashed|ran out of memory/.test(result.reason)).toBe(false);
  };

  it('mutated PDFs (from disk) never time out or crash the parser', async () => {
    let sample = 0;
    await fc.assert(
      fc.asyncProperty(mutationArbitrary, async (mutations) => {
        const filePath = path.join(dir, `sample-${sample++}.pdf`);
        await fs.writeFile(filePath, mutate(pdfBytes, mutations));
        expectParsedCleanly(await pool.parse(filePath, path.basename(filePath)));
      }),
      { numRuns: 300 },
    );
    expect(pool.stats()).toMatchObject({ timeouts: 0, crashes: 0 });
  }, 120_000);

  it('arbitrary bytes after a PDF header, and mutated DOCX, in memory', async () => {
    const header = Uint8Array.from(Buffer.from('%PDF-1.7\n', 'latin1'));
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), mutationArbitrary, async (tail, mutations) => {
        expectParsedCleanly(await pool.parseBytes(Uint8Array.from([...header, ...tail]), 'cv.pdf'));
        expectParsedCleanly(await pool.parseBytes(mutate(docxBytes, mutations), 'cv.docx'));
      }),
      { numRuns: 150 },
    );
    expect(pool.stats()).toMatchObject({ timeouts: 0, crashes: 0 });
  }, 120_000);
});
