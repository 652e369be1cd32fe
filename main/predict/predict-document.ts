/**
 * One resume's text → the prediction every surface returns (app card, batch row, public API, CLI
 * --json). The single place where a text is judged usable before a model sees it; runs wherever the
 * model is loaded (the prediction worker, or in-process in the CLI). Pure TypeScript over ml/.
 */
import type { ModelInfo, ModelMetrics, ModelRef, Prediction } from '../../preload/contract';
import {
  deserializeModel,
  isBlindNormalize,
  maskPersonalData,
  nameHintsOfFileName,
  usableText,
  type EvaluationReport,
  type TextClassifier,
} from '../../ml/index';
import { predictCheckedText, type ModelVerdict } from './predict';

/** A model ready to predict, with what callers show about it. */
export interface LoadedModel {
  ref: ModelRef;
  info: ModelInfo;
  pipeline: TextClassifier;
}

/** Identity and provenance of a model's JSON, as its source knows them. */
export interface ModelSourceEntry {
  id: string;
  name: string;
  trainedAt: string | null;
  json: string;
}

/** What predicting one text gave: a prediction, or a sentence saying why there is none. */
export type DocumentOutcome = { ok: true; prediction: Prediction } | { ok: false; status: 'no_text'; reason: string };

/** How to predict: the threshold below which a prediction needs review, and how much to explain. */
export interface PredictDocumentOptions {
  reviewThreshold: number;
  /** Alternatives listed (default 3). */
  top?: number;
  /** Terms of evidence (default 8). */
  terms?: number;
  /** Blind mode: personal data is removed from the text before the model sees it (the file name helps find the name). */
  blind?: boolean;
}

/** The headline metrics of an evaluation report. */
function headlineMetrics(report: EvaluationReport | null): ModelMetrics | null {
  if (!report) return null;
  return {
    accuracy: report.accuracy,
    macroF1: report.macro.f1,
    weightedF1: report.weighted.f1,
    logLoss: report.logLoss,
    ece: report.ece,
    testRows: report.testRows,
  };
}

/** Loads a model's JSON; a damaged or foreign file throws with a sentence naming `entry.name`. */
export function loadModel(entry: ModelSourceEntry): LoadedModel {
  // Every failure is already a sentence naming the model (ml/ model-file errors).
  const { pipeline, metrics } = deserializeModel(entry.json, `The model "${entry.name}"`);
  const ref = { id: entry.id, name: entry.name };
  return {
    ref,
    pipeline,
    info: {
      ...ref,
      engine: pipeline.params.engine,
      classes: [...pipeline.classes],
      trainedAt: entry.trainedAt,
      documents: pipeline.training?.docs ?? 0,
      metrics: headlineMetrics(metrics),
      trainedBlind: isBlindNormalize(pipeline.vectorizer.params.normalize),
    },
  };
}

/**
 * Whether a text can be classified at all: ml/'s check that it holds enough real words (not decoded
 * noise). The one place every surface (app, API, CLI) refuses a text, with ml/'s sentence; ml/ also
 * caps the analysed length, reported as `truncated`.
 */
export function checkPredictableText(text: string): { ok: true } | { ok: false; reason: string } {
  const verdict = usableText(text);
  return verdict.usable ? { ok: true } : { ok: false, reason: `${verdict.reason![0]!.toUpperCase()}${verdict.reason!.slice(1)}` };
}

/**
 * Predicts on the text with its personal data masked; the evidence's spans are mapped back onto the
 * text as given, so every caller (app, API, CLI) gets offsets into the text it sent.
 */
function predictBlind(model: LoadedModel, text: string, name: string | null, options: PredictDocumentOptions): ModelVerdict | { reason: string } {
  const masked = maskPersonalData(text, { nameHints: name ? nameHintsOfFileName(name) : [] });
  // Masking can leave too few words (a resume that is mostly contact details): that text's own
  // outcome, never an error that would fail the whole batch it came in.
  const check = checkPredictableText(masked.text);
  if (!check.ok) return { reason: `Once its personal data is masked (blind mode), ${check.reason[0]!.toLowerCase()}${check.reason.slice(1)}` };
  const p = predictCheckedText(model.pipeline, masked.text, { top: options.top ?? 3, terms: options.terms ?? 8 });
  const { starts, ends } = masked.offsets;
  const evidence = p.evidence.map((e) => ({ ...e, spans: e.spans.map((s) => ({ start: starts[s.start]!, end: ends[s.end - 1]! })) }));
  return { ...p, evidence };
}

/** Predicts one text's category with `model`, marking it for review below `reviewThreshold`. */
export function predictDocument(model: LoadedModel, text: string, name: string | null, options: PredictDocumentOptions): DocumentOutcome {
  const check = checkPredictableText(text);
  if (!check.ok) return { ok: false, status: 'no_text', reason: check.reason };
  // Blind: the masked text is checked again (masking can leave too few words); else checked above.
  const p = options.blind
    ? predictBlind(model, text, name, options)
    : predictCheckedText(model.pipeline, text, { top: options.top ?? 3, terms: options.terms ?? 8 });
  if ('reason' in p) return { ok: false, status: 'no_text', reason: p.reason };
  return {
    ok: true,
    prediction: {
      name,
      label: p.label,
      probability: p.probability,
      needsReview: p.probability < options.reviewThreshold,
      reviewThreshold: options.reviewThreshold,
      top: p.top,
      evidence: p.evidence,
      truncated: p.truncated,
      model: model.ref,
    },
  };
}
