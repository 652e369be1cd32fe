/**
 * The `predict.*` methods and events: a resume's job category with how sure the model is and why,
 * for one dropped file, pasted text or a batch. The prediction's zod schemas are also the public
 * API's response schemas (main/api/), so the app, the API and `resume-studio predict --json` answer
 * with one shape. Pure.
 */
import { z } from 'zod';
import { method, noInput, type ResumeText } from './define';
import { fileStatuses } from './import';

/** Longest text accepted for one prediction (pasted or sent to the API); a resume is far shorter. */
export const maxPredictTextChars = 1_000_000;
/** Longest file name kept with a prediction. */
export const maxFileNameChars = 255;

/** One term that pushed the prediction toward its label, with where it occurs in the text. */
export const evidenceSchema = z.object({
  term: z.string(),
  /** The term's share of the label's score (weight × feature value), rounded to 4 decimals. */
  contribution: z.number(),
  /** [start, end) character offsets into the text the prediction was made on. */
  spans: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
});
/** One term of evidence. */
export type Evidence = z.infer<typeof evidenceSchema>;

/** The model that made a prediction. */
export const modelRefSchema = z.object({ id: z.string(), name: z.string() });
/** Which model made a prediction. */
export type ModelRef = z.infer<typeof modelRefSchema>;

/** The prediction for one resume: the same object from the app, the public API and the CLI's --json. */
export const predictionSchema = z.object({
  /** The file name, or null for text sent without one. */
  name: z.string().nullable(),
  label: z.string(),
  probability: z.number(),
  /** True when the probability is below the review threshold. */
  needsReview: z.boolean(),
  reviewThreshold: z.number(),
  /** The most probable categories, most probable first. */
  top: z.array(z.object({ label: z.string(), probability: z.number() })),
  /** The terms that drove the prediction, strongest first. */
  evidence: z.array(evidenceSchema),
  /** True when the text was longer than the analysed length and only its beginning was used. */
  truncated: z.boolean(),
  model: modelRefSchema,
});
/** One prediction (its name is the file's, which blind mode masks). */
export type Prediction = Omit<z.infer<typeof predictionSchema>, 'name'> & { name: ResumeText | null };

/** Statuses of a file that could not be predicted: the import's closed set, minus its own outcomes. */
export const unreadableStatuses = fileStatuses.filter(
  (s): s is Exclude<(typeof fileStatuses)[number], 'imported' | 'duplicate'> => s !== 'imported' && s !== 'duplicate',
);
/** Why a file got no prediction. */
export type UnreadableStatus = (typeof unreadableStatuses)[number];

/**
 * One dropped file or pasted text, as the app shows it: its prediction (stored under `id`), or why
 * there is none. `text` is left out (null) for files of a batch, where the table needs none of it.
 */
export type PredictedItem =
  | { status: 'predicted'; id: number; batchId: number | null; name: ResumeText; text: ResumeText | null; prediction: Prediction }
  | { status: UnreadableStatus; batchId: number | null; name: ResumeText; reason: ResumeText };

/** Headline metrics of a model, from its held-out evaluation. */
export interface ModelMetrics {
  accuracy: number;
  macroF1: number;
  weightedF1: number;
  logLoss: number;
  ece: number;
  testRows: number;
}

/** What the public API's `GET /v1/model` and the Predict page say about the model in use. */
export interface ModelInfo {
  id: string;
  name: string;
  engine: string;
  classes: string[];
  /** When it was trained (ISO), if known. */
  trainedAt: string | null;
  /** Documents it was trained on. */
  documents: number;
  metrics: ModelMetrics | null;
  /** True when it was trained blind: names, e-mails, phone numbers, street addresses and URLs were removed before training (and are at prediction). */
  trainedBlind: boolean;
}

/** The confidence below which a prediction is marked "needs review", and how it was chosen. */
export interface ReviewThreshold {
  value: number;
  /** The value chosen from the model's validation predictions (or the fallback). */
  suggested: number;
  /** True when the user set `value` in Settings. */
  isCustom: boolean;
  /** How `suggested` was chosen, as a sentence. */
  basis: string;
}

/** Whether the app can predict, with which model and threshold; `reason` says why not. */
export interface PredictStatus {
  model: ModelInfo | null;
  reviewThreshold: ReviewThreshold | null;
  reason: string | null;
}

/** A batch of files predicted together (a multi-file drop or a folder). */
export interface PredictBatch {
  id: number;
  total: number;
  done: number;
  failed: number;
  state: 'running' | 'cancelled' | 'finished';
}

/** What adding predictions to the dataset did. */
export interface AddToDatasetResult {
  added: number;
  /** Already in the dataset with the same text (not added twice). */
  duplicates: number;
  /** The import job that records the addition (its report lists every file). */
  importJobId: number;
}

const fileNameInput = z.string().trim().min(1).max(maxFileNameChars);
const batchIdInput = z.number().int().positive();

/** The predict domain's methods. */
export const predictMethods = {
  'predict.status': method<PredictStatus>()(noInput),
  /** A dropped or picked file, as its name and base64 bytes (never a path). */
  // The bytes as binary where the transport carries it (Electron IPC, the bridge's octet-stream
  // form), as base64 in JSON otherwise.
  'predict.file': method<PredictedItem>()(
    z.object({ name: fileNameInput, bytes: z.union([z.instanceof(Uint8Array), z.base64()]), batchId: batchIdInput.optional() }).strict(),
  ),
  'predict.text': method<PredictedItem>()(z.object({ text: z.string().min(1).max(maxPredictTextChars), name: fileNameInput.optional() }).strict()),
  'predict.batchStart': method<PredictBatch>()(z.object({ total: z.number().int().min(1).max(100_000) }).strict()),
  'predict.batchCancel': method<PredictBatch>()(z.object({ batchId: batchIdInput }).strict()),
  /** A stored prediction with its text, e.g. to open a batch row as a card. */
  'predict.get': method<PredictedItem>()(z.object({ id: z.number().int().positive() }).strict()),
  /** Stores predicted resumes as labelled documents; `category` may correct the predicted label. */
  'predict.addToDataset': method<AddToDatasetResult>()(
    z
      .object({
        items: z
          .array(z.object({ predictionId: z.number().int().positive(), category: z.string().trim().min(1).max(200) }).strict())
          .min(1)
          .max(100_000),
      })
      .strict(),
  ),
} as const;

/** The predict domain's events. */
export interface PredictEvents {
  /** The model in use or the review threshold changed. */
  'predict.statusChanged': PredictStatus;
  /** A batch moved on (a file done, cancelled or finished). */
  'predict.batchProgressed': PredictBatch;
}
