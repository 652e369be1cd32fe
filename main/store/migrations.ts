/**
 * The ordered schema migrations. Migration N brings the database to `user_version` N. Append only:
 * never edit a migration that has shipped. Columns are snake_case; repositories map them.
 */

/** One schema step; `up` runs inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string;
}

/** Every migration, in order. */
export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    up: `
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      );
      CREATE TABLE categories (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE import_jobs (
        id INTEGER PRIMARY KEY,
        root_path TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('folder', 'csv', 'jsonl', 'files')),
        state TEXT NOT NULL CHECK (state IN ('running', 'interrupted', 'cancelled', 'finished', 'failed')),
        total_files INTEGER NOT NULL DEFAULT 0,
        done_files INTEGER NOT NULL DEFAULT 0,
        options_json TEXT NOT NULL DEFAULT '{}',
        error TEXT,
        started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        finished_at TEXT
      );
      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        import_job_id INTEGER REFERENCES import_jobs(id) ON DELETE SET NULL,
        source_path TEXT,
        file_name TEXT NOT NULL,
        format TEXT,
        size_bytes INTEGER,
        content_hash TEXT,
        text_hash TEXT,
        text TEXT NOT NULL,
        category_id INTEGER REFERENCES categories(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE UNIQUE INDEX documents_text_hash ON documents(text_hash);
      CREATE INDEX documents_content_hash ON documents(content_hash);
      CREATE INDEX documents_category ON documents(category_id);
      CREATE TABLE training_runs (
        id INTEGER PRIMARY KEY,
        engine TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'cancelled', 'finished', 'failed')),
        params_json TEXT NOT NULL DEFAULT '{}',
        metrics_json TEXT,
        error TEXT,
        started_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        finished_at TEXT
      );
      CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        training_run_id INTEGER REFERENCES training_runs(id) ON DELETE SET NULL,
        name TEXT NOT NULL,
        format TEXT NOT NULL,
        model_json TEXT NOT NULL,
        is_active INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE predictions (
        id INTEGER PRIMARY KEY,
        model_id INTEGER REFERENCES models(id) ON DELETE CASCADE,
        file_name TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        predicted_category TEXT NOT NULL,
        probabilities_json TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
    `,
  },
  {
    version: 2,
    name: 'import items and near-duplicate flags',
    up: `
      CREATE TABLE import_items (
        id INTEGER PRIMARY KEY,
        import_job_id INTEGER NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
        rel_path TEXT NOT NULL,
        display_name TEXT NOT NULL,
        category TEXT,
        format TEXT,
        size_bytes INTEGER,
        content_hash TEXT,
        status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'empty', 'no_text', 'encrypted', 'damaged',
          'too_large', 'unsupported', 'suspicious_archive', 'timeout', 'io_error')),
        reason TEXT NOT NULL,
        document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        UNIQUE (import_job_id, rel_path)
      );
      CREATE INDEX import_items_status ON import_items(import_job_id, status);
      ALTER TABLE documents ADD COLUMN near_duplicate_of INTEGER REFERENCES documents(id) ON DELETE SET NULL;
      ALTER TABLE documents ADD COLUMN char_count INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 3,
    name: 'import lock',
    // One row at most: the process importing into this data folder, with its start time so a
    // reused process id is not mistaken for it.
    up: `
      CREATE TABLE import_lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        pid INTEGER NOT NULL,
        start_time TEXT,
        host_name TEXT NOT NULL,
        acquired_at TEXT NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'documents can be excluded from training',
    // Training (issue 10) leaves excluded documents out; curation (issue 12) sets the flag. The
    // partial index keeps "list what is excluded" cheap without indexing the common case.
    up: `
      ALTER TABLE documents ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0 CHECK (excluded IN (0, 1));
      CREATE INDEX documents_excluded ON documents(id) WHERE excluded = 1;
    `,
  },
  {
    version: 5,
    name: 'labelling history for undo and redo',
    // One row per labelling action; its documents' label and exclusion before and after, and the
    // category rows it created, renamed or deleted, so undo / redo work after a restart. Names, not
    // category ids, are kept: undoing a merge or a delete recreates the category the action removed.
    up: `
      CREATE TABLE label_history (
        id INTEGER PRIMARY KEY,
        description TEXT NOT NULL,
        is_undone INTEGER NOT NULL DEFAULT 0 CHECK (is_undone IN (0, 1)),
        done_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE TABLE label_history_documents (
        history_id INTEGER NOT NULL REFERENCES label_history(id) ON DELETE CASCADE,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        before_category TEXT,
        after_category TEXT,
        before_excluded INTEGER NOT NULL CHECK (before_excluded IN (0, 1)),
        after_excluded INTEGER NOT NULL CHECK (after_excluded IN (0, 1)),
        PRIMARY KEY (history_id, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX label_history_documents_document ON label_history_documents(document_id);
      CREATE TABLE label_history_categories (
        history_id INTEGER NOT NULL REFERENCES label_history(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        op TEXT NOT NULL CHECK (op IN ('created', 'renamed', 'deleted')),
        name TEXT NOT NULL,
        new_name TEXT,
        PRIMARY KEY (history_id, seq)
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 6,
    name: 'full-text search over documents',
    // An external-content FTS5 index (the text is stored once, in documents), kept in step by
    // triggers so every writer — import batches, other processes — updates it without knowing.
    // unicode61 with diacritics removed: "jose" finds "José". The partial index serves the
    // duplicates filter and the duplicate groups ("which documents point at this one").
    up: `
      CREATE VIRTUAL TABLE documents_fts USING fts5(
        file_name, text, content = 'documents', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      INSERT INTO documents_fts (documents_fts) VALUES ('rebuild');
      CREATE TRIGGER documents_fts_inserted AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, file_name, text) VALUES (new.id, new.file_name, new.text);
      END;
      CREATE TRIGGER documents_fts_deleted AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, file_name, text) VALUES ('delete', old.id, old.file_name, old.text);
      END;
      CREATE TRIGGER documents_fts_updated AFTER UPDATE OF file_name, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, file_name, text) VALUES ('delete', old.id, old.file_name, old.text);
        INSERT INTO documents_fts (rowid, file_name, text) VALUES (new.id, new.file_name, new.text);
      END;
      CREATE INDEX documents_near_duplicate_of ON documents(near_duplicate_of) WHERE near_duplicate_of IS NOT NULL;
      CREATE INDEX documents_import_job ON documents(import_job_id);
    `,
  },
  {
    version: 7,
    name: 'near-duplicate index',
    // Each document's MinHash band keys (8 per document), so a near-duplicate pass compares only the
    // documents an import added with the ones already indexed, through the key index, instead of
    // holding every text in memory. The one-row state keeps why the last pass failed, for the
    // data-health summary, until a pass succeeds.
    up: `
      CREATE TABLE near_duplicate_bands (
        band_key INTEGER NOT NULL,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX near_duplicate_bands_document ON near_duplicate_bands(document_id);
      CREATE TABLE near_duplicate_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        problem TEXT,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
    `,
  },
  {
    version: 8,
    name: 'training runs, their per-document predictions and the active model',
    // The state CHECK of training_runs cannot change without rebuilding the table (and models points
    // at it), so an interrupted run is a failed one with interrupted = 1; the repository maps it to
    // its own state. Per-document predictions are rows, not JSON, so a confusion cell or a
    // comparison reads only what it shows. document_id has no foreign key: a run's history stays as
    // it was even if curation deletes a document later. At most one model is active (partial index).
    up: `
      ALTER TABLE training_runs ADD COLUMN interrupted INTEGER NOT NULL DEFAULT 0 CHECK (interrupted IN (0, 1));
      ALTER TABLE training_runs ADD COLUMN owner_pid INTEGER;
      ALTER TABLE training_runs ADD COLUMN owner_start_time TEXT;
      ALTER TABLE training_runs ADD COLUMN dataset_hash TEXT;
      ALTER TABLE training_runs ADD COLUMN document_count INTEGER;
      ALTER TABLE training_runs ADD COLUMN class_count INTEGER;
      ALTER TABLE training_runs ADD COLUMN timings_json TEXT;
      ALTER TABLE training_runs ADD COLUMN epochs_json TEXT;
      ALTER TABLE training_runs ADD COLUMN learning_curve_json TEXT;
      CREATE TABLE training_run_predictions (
        run_id INTEGER NOT NULL REFERENCES training_runs(id) ON DELETE CASCADE,
        source TEXT NOT NULL CHECK (source IN ('holdout', 'cv')),
        document_id INTEGER NOT NULL,
        true_category TEXT NOT NULL,
        predicted_category TEXT NOT NULL,
        confidence REAL NOT NULL,
        true_probability REAL NOT NULL,
        PRIMARY KEY (run_id, source, document_id)
      ) WITHOUT ROWID;
      CREATE INDEX training_run_predictions_cell ON training_run_predictions(run_id, source, true_category, predicted_category);
      ALTER TABLE models ADD COLUMN origin TEXT NOT NULL DEFAULT 'trained' CHECK (origin IN ('trained', 'imported'));
      ALTER TABLE models ADD COLUMN engine TEXT NOT NULL DEFAULT '';
      ALTER TABLE models ADD COLUMN classes_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE models ADD COLUMN document_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE models ADD COLUMN data_hash TEXT NOT NULL DEFAULT '';
      ALTER TABLE models ADD COLUMN macro_f1 REAL;
      CREATE UNIQUE INDEX models_one_active ON models(is_active) WHERE is_active = 1;
      CREATE INDEX models_run ON models(training_run_id);
    `,
  },
  {
    version: 9,
    name: 'prediction batches, stored predictions with their text, and the prediction API',
    // A prediction keeps its text (so "add to dataset" needs nothing re-sent) and the document it
    // became. Unreadable files of a batch get no row: there is no prediction to keep. The API row
    // holds the app's bearer token in clear: Settings must show it for copying, and the database
    // is as private as the resumes it already holds.
    up: `
      CREATE TABLE prediction_batches (
        id INTEGER PRIMARY KEY,
        total INTEGER NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('running', 'cancelled', 'finished')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      ALTER TABLE predictions ADD COLUMN batch_id INTEGER REFERENCES prediction_batches(id) ON DELETE CASCADE;
      ALTER TABLE predictions ADD COLUMN format TEXT;
      ALTER TABLE predictions ADD COLUMN size_bytes INTEGER;
      ALTER TABLE predictions ADD COLUMN content_hash TEXT;
      ALTER TABLE predictions ADD COLUMN text TEXT NOT NULL DEFAULT '';
      ALTER TABLE predictions ADD COLUMN prediction_json TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE predictions ADD COLUMN document_id INTEGER REFERENCES documents(id) ON DELETE SET NULL;
      CREATE INDEX predictions_batch ON predictions(batch_id);
      CREATE TABLE api_server (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        is_enabled INTEGER NOT NULL DEFAULT 0 CHECK (is_enabled IN (0, 1)),
        port INTEGER NOT NULL,
        token TEXT NOT NULL
      );
    `,
  },
  {
    version: 10,
    name: 'a covering index for the resume table',
    // documents.category_id, excluded, char_count and near_duplicate_of sit after the text in each
    // row, so reading them walks the text's overflow pages: 10-20x slower on 50,000 resumes. This
    // index holds every column the table filters, sorts and bulk actions read, with id first so a
    // lookup by id is a seek (measured: a search of 9,556 hits 4 ms instead of 19 ms of CPU).
    up: `
      CREATE INDEX documents_curation ON documents(id, category_id, excluded, char_count, import_job_id, near_duplicate_of, file_name);
    `,
  },
  {
    version: 11,
    name: 'model-labelled documents and the labelling answers',
    // "Accept the confident ones" labels resumes with the model's suggestion: model_labelled marks
    // them until a person confirms or relabels them (training uses them; evaluation sets leave them
    // out). The history keeps the flag before and after, so undo restores it. The covering index of
    // migration 10 is rebuilt with the flag, so filtering on it never reads a row's text pages.
    // labelling_answers: each answer of the "Label with suggestions" queue, whether it took the
    // suggestion (the accepted share); an answer goes with its history step (deleted with it).
    up: `
      ALTER TABLE documents ADD COLUMN model_labelled INTEGER NOT NULL DEFAULT 0 CHECK (model_labelled IN (0, 1));
      DROP INDEX documents_curation;
      CREATE INDEX documents_curation ON documents(id, category_id, excluded, char_count, import_job_id, near_duplicate_of, file_name, model_labelled);
      ALTER TABLE label_history_documents ADD COLUMN before_model_labelled INTEGER NOT NULL DEFAULT 0 CHECK (before_model_labelled IN (0, 1));
      ALTER TABLE label_history_documents ADD COLUMN after_model_labelled INTEGER NOT NULL DEFAULT 0 CHECK (after_model_labelled IN (0, 1));
      CREATE TABLE labelling_answers (
        id INTEGER PRIMARY KEY,
        document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        history_id INTEGER REFERENCES label_history(id) ON DELETE CASCADE,
        suggested_category TEXT NOT NULL,
        suggested_probability REAL NOT NULL,
        answer_category TEXT,
        is_accepted INTEGER NOT NULL CHECK (is_accepted IN (0, 1)),
        model_version INTEGER NOT NULL,
        answered_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now'))
      );
      CREATE INDEX labelling_answers_history ON labelling_answers(history_id);
    `,
  },
  {
    version: 12,
    name: 'documents counted by category and state from one index',
    // The Train page's plan counts the labelled, not excluded resumes per category at every open and
    // every press: with only category_id indexed, SQLite scanned the covering index and sorted every
    // row into groups (140-150 ms on 200,000 resumes, on the thread the window waits on). Ordered by
    // category, then the two flags, each category is one range of this index (5-10 ms); it also
    // serves everything documents_category did.
    up: `
      DROP INDEX documents_category;
      CREATE INDEX documents_category_state ON documents(category_id, excluded, model_labelled);
    `,
  },
];
