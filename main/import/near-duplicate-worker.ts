/**
 * Worker entry: finds near-duplicate documents (shingle Jaccard, ml/eval/dedup) off the main
 * thread. Reads the texts from the database itself (read-only) so nothing large is copied, and
 * posts back `[documentId, representativeId]` pairs. Thin adapter; no logic here.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { findDuplicateGroups } from '../../ml/eval/dedup';
import { iterateDocumentTexts } from '../store/documents-repo';

/** What the worker is started with. */
export interface NearDuplicateWorkerData {
  databasePath: string;
  nearThreshold: number;
}

/** The worker's one reply. */
export type NearDuplicateReply = { ok: true; pairs: [number, number][] } | { ok: false; error: { name: string; message: string } };

const { databasePath, nearThreshold } = workerData as NearDuplicateWorkerData;
let reply: NearDuplicateReply;
try {
  const db = new Database(databasePath, { readonly: true });
  const rows = [...iterateDocumentTexts(db)];
  db.close();
  const groups = findDuplicateGroups(
    rows.map((r) => r.text),
    { nearThreshold },
  );
  const representative = new Map<number, number>();
  const pairs: [number, number][] = [];
  rows.forEach((row, i) => {
    const group = groups.groupOf[i]!;
    const first = representative.get(group);
    if (first === undefined) representative.set(group, row.id);
    else pairs.push([row.id, first]);
  });
  reply = { ok: true, pairs };
} catch (error) {
  reply = { ok: false, error: { name: (error as Error).name, message: (error as Error).message } };
}
parentPort!.postMessage(reply);
