/**
 * The near-duplicate search itself (shingle Jaccard, ml/eval/dedup) over the stored texts, read
 * through the documents repository on a connection of its own. Runs inside the near-duplicate
 * worker; plain Node.
 */
import Database from 'better-sqlite3';
import { findDuplicateGroups } from '../../ml/eval/dedup';
import { iterateDocumentTexts } from '../store/documents-repo';

/** What the search is asked. */
export interface NearDuplicateInput {
  databasePath: string;
  nearThreshold: number;
}

/** `[documentId, representativeId]` for every document but the first (lowest id) of its group. */
export function searchNearDuplicates({ databasePath, nearThreshold }: NearDuplicateInput): [number, number][] {
  const db = new Database(databasePath, { readonly: true });
  let ids: number[];
  let texts: string[];
  try {
    ids = [];
    texts = [];
    for (const row of iterateDocumentTexts(db)) {
      ids.push(row.id);
      texts.push(row.text);
    }
  } finally {
    db.close();
  }
  const groups = findDuplicateGroups(texts, { nearThreshold });
  const representative = new Map<number, number>();
  const pairs: [number, number][] = [];
  ids.forEach((id, i) => {
    const group = groups.groupOf[i]!;
    const first = representative.get(group);
    if (first === undefined) representative.set(group, id);
    else pairs.push([id, first]);
  });
  return pairs;
}
