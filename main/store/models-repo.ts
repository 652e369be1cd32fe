/**
 * The only module that reads or writes the `models` table: stored models, which one is active, and
 * each model's versioned JSON. Plain Node; used by the training, models and prediction domains.
 * Prediction reads the active model through `activeModel` (or `readActiveModel` on its own
 * read-only connection in a worker) and swaps when `models.activated` is emitted.
 */
import type { ActiveModel, ModelSummary } from '../../preload/contract';
import type { Db } from './database';

/** A model about to be stored. */
export interface NewModel {
  runId: number | null;
  origin: ModelSummary['origin'];
  name: string;
  format: string;
  modelJson: string;
  engine: string;
  classes: string[];
  documents: number;
  dataHash: string;
  macroF1: number | null;
}

interface ModelRow {
  id: number;
  training_run_id: number | null;
  name: string;
  origin: ModelSummary['origin'];
  engine: string;
  classes_json: string;
  document_count: number;
  data_hash: string;
  macro_f1: number | null;
  is_active: number;
  created_at: string;
}

const summaryColumns = 'id, training_run_id, name, origin, engine, classes_json, document_count, data_hash, macro_f1, is_active, created_at';

function toSummary(row: ModelRow): ModelSummary {
  return {
    id: row.id,
    name: row.name,
    runId: row.training_run_id,
    origin: row.origin,
    engine: row.engine,
    classes: JSON.parse(row.classes_json) as string[],
    documents: row.document_count,
    dataHash: row.data_hash,
    macroF1: row.macro_f1,
    isActive: row.is_active === 1,
    createdAt: row.created_at,
  };
}

/**
 * The active model with its JSON, or null. Needs only a read-only connection, so a prediction
 * worker that opens the database itself reads through it too.
 */
export function readActiveModel(db: Db): ActiveModel | null {
  const row = db.prepare<[], ModelRow & { model_json: string }>(`SELECT ${summaryColumns}, model_json FROM models WHERE is_active = 1`).get();
  return row ? { ...toSummary(row), modelJson: row.model_json } : null;
}

/** Creates the models repository over an open (writable) database. */
export function createModelsRepo(db: Db) {
  const selectAll = db.prepare<[], ModelRow>(`SELECT ${summaryColumns} FROM models ORDER BY id DESC`);
  const selectOne = db.prepare<[number], ModelRow>(`SELECT ${summaryColumns} FROM models WHERE id = ?`);
  const selectByRun = db.prepare<[number], ModelRow>(`SELECT ${summaryColumns} FROM models WHERE training_run_id = ? ORDER BY id DESC LIMIT 1`);
  const selectJson = db.prepare<[number], { model_json: string }>('SELECT model_json FROM models WHERE id = ?');
  const selectActiveId = db.prepare<[], { id: number }>('SELECT id FROM models WHERE is_active = 1');
  const clearActive = db.prepare('UPDATE models SET is_active = 0 WHERE is_active = 1');
  const setActive = db.prepare('UPDATE models SET is_active = 1 WHERE id = ?');
  const insert = db.prepare(
    `INSERT INTO models (training_run_id, name, format, model_json, origin, engine, classes_json, document_count, data_hash, macro_f1)
     VALUES (@runId, @name, @format, @modelJson, @origin, @engine, @classesJson, @documents, @dataHash, @macroF1)`,
  );
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM models');

  const activate = db.transaction((id: number): boolean => {
    if (!selectOne.get(id)) return false;
    clearActive.run();
    setActive.run(id);
    return true;
  });

  return {
    /** Every stored model, newest first. */
    list(): ModelSummary[] {
      return selectAll.all().map(toSummary);
    },
    /** One model's summary, or undefined. */
    get(id: number): ModelSummary | undefined {
      const row = selectOne.get(id);
      return row && toSummary(row);
    },
    /** The model a run produced, or undefined. */
    byRun(runId: number): ModelSummary | undefined {
      const row = selectByRun.get(runId);
      return row && toSummary(row);
    },
    /** A model's versioned JSON, or undefined. */
    json(id: number): string | undefined {
      return selectJson.get(id)?.model_json;
    },
    /** The active model with its JSON, or null. */
    active(): ActiveModel | null {
      return readActiveModel(db);
    },
    /** The active model's id, or null (cheap: no JSON read). */
    activeId(): number | null {
      return selectActiveId.get()?.id ?? null;
    },
    /** Stores a model (inside the caller's transaction when there is one) and returns its id; it is not activated. */
    insert(model: NewModel): number {
      const { classes, ...fields } = model;
      return Number(insert.run({ ...fields, classesJson: JSON.stringify(classes) }).lastInsertRowid);
    },
    /** Makes `id` the one active model (in one transaction); false when there is no such model. */
    activate(id: number): boolean {
      return activate(id);
    },
    /** How many models are stored. */
    count(): number {
      return count.get()!.n;
    },
  };
}

/** The models repository's type. */
export type ModelsRepo = ReturnType<typeof createModelsRepo>;
