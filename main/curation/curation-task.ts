/**
 * The curation thread's work: the resume table's queries, searches, labelling actions and category
 * operations run here, through the same handlers as on the main thread, on a connection of their
 * own. A search over 100,000 resumes or a relabel of 60,000 then never holds the main thread (the
 * window's and the HTTP bridge's event loop), and each action stays one transaction: all or
 * nothing. The events an action raises are collected and returned with its answer; the main thread
 * announces them. Plain Node; served by curation-worker.ts.
 */
import type { StudioEvent } from '../../preload/contract';
import { createEventBus } from '../rpc/event-bus';
import { openConnection, type Db } from '../store/database';
import { createDatasetRepo } from '../store/dataset-repo';
import { createDocumentsRepo } from '../store/documents-repo';
import { createModelsRepo } from '../store/models-repo';
import { createTrainingRepo } from '../store/training-repo';
import type { CurationAnswer, CurationCall } from './curation-calls';
import { wireCuration, type Curation } from './curation-wiring';

interface OpenCuration {
  databasePath: string;
  db: Db;
  curation: Curation;
  /** The events the current call raised, in order. */
  raised: StudioEvent[];
  /** Blind mode as the main thread's settings said for the current call. */
  blind: { isOn: boolean };
}

// One connection for the thread's life: its prepared statements and the table's id lists are kept
// between calls (the id lists are dropped when anything is written, here or by another connection).
let open: OpenCuration | null = null;

function openCuration(databasePath: string): OpenCuration {
  if (open?.databasePath === databasePath) return open;
  open?.db.close();
  const db = openConnection(databasePath);
  const documents = createDocumentsRepo(db);
  const models = createModelsRepo(db);
  const dataset = createDatasetRepo(db, documents, undefined, { runs: createTrainingRepo(db, models), models });
  const events = createEventBus();
  const raised: StudioEvent[] = [];
  events.subscribe((event) => raised.push(event));
  const blind = { isOn: false };
  const curation = wireCuration({ db, documents, events, datasetSummary: () => dataset.summary(), isBlind: () => blind.isOn });
  return (open = { databasePath, db, curation, raised, blind });
}

/** Runs one call on this thread's connection; a refusal (AppError) keeps its code across the thread. */
export async function runCurationCall(call: CurationCall): Promise<CurationAnswer> {
  const state = openCuration(call.databasePath);
  state.blind.isOn = call.isBlind;
  state.raised.length = 0;
  const value =
    call.method === 'labels.labelByModel'
      ? state.curation.labels.labelByModel(call.input.labels, call.input.description)
      : await (state.curation.handlers[call.method] as (input: unknown) => unknown)(call.input);
  return { value, events: [...state.raised] };
}
