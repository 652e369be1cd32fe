/**
 * `train --data FOLDER` reads a folder the way the importer does (PDF, DOCX, DOC, HTML, text…, one
 * folder per category) by importing it into a temporary data directory with the real parsers and
 * reading the labelled documents back. Exact duplicate texts are imported once, as in the app.
 * Plain Node; used by the train command.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../../core/core';
import { DatasetError, type LabelledDataset } from '../../datasets/index';
import { createDocumentsRepo, iterateLabelledDocuments } from '../../store/documents-repo';

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Imports `folder` into a throw-away data directory and returns its labelled texts, in the folder's order. */
export async function readFolderThroughImporter(folder: string): Promise<LabelledDataset> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-train-'));
  try {
    const core = await createCore({ dataDir, transport: 'cli' });
    try {
      await core.call('import.start', { path: path.resolve(folder) });
      const job = (await core.imports.waitForIdle())!;
      if (job.state !== 'finished') throw new DatasetError(folder, `the import ${job.state}${job.error ? `: ${job.error}` : ''}`);
      const texts: string[] = [];
      const labels: string[] = [];
      const ids: number[] = [];
      for (const doc of iterateLabelledDocuments(core.db)) {
        texts.push(doc.text);
        labels.push(doc.category);
        ids.push(doc.id);
      }
      // Messages name a left-out document by its file inside the folder.
      const names = new Map(
        createDocumentsRepo(core.db)
          .briefs(ids)
          .map((b) => [b.id, b.fileName]),
      );
      const found = ids.map((id) => path.join(folder, names.get(id) ?? `document ${id}`));
      // In the folder's order, not the import's: its ids follow which parse finished first, and the
      // split and the model follow the documents' order, so the same folder gave a different model
      // from run to run (a test's accuracy on its own 45 resumes ranged 0.85-0.94).
      const order = Array.from(ids.keys()).sort((a, b) => compare(labels[a]!, labels[b]!) || compare(found[a]!, found[b]!) || compare(texts[a]!, texts[b]!));
      const origins = order.map((i) => found[i]!);
      const notImported = Object.entries(job.counts)
        .filter(([status, n]) => status !== 'imported' && n)
        .map(([status, n]) => `${n} ${status}`);
      const warnings = notImported.length ? [`not used: ${notImported.join(', ')} (run \`resume-studio import\` on the folder for the reasons)`] : [];
      return { source: folder, kind: 'folder', texts: order.map((i) => texts[i]!), labels: order.map((i) => labels[i]!), origins, warnings };
    } finally {
      await core.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
