/**
 * Evaluation of stored runs: the documents behind a confusion-matrix cell, why the run's model
 * leaned toward a category for one document, the likely mislabelled documents, and two runs side by
 * side. Reads only what runs stored plus the documents' current names and labels. Plain Node.
 */
import { deserializeModel, explainPrediction, type TextClassifier } from '../../ml/index';
import type {
  ClassDelta,
  DocumentExplanation,
  EvaluatedDocument,
  FlippedDocument,
  MetricsReport,
  MislabelCandidate,
  PredictionSource,
  RunComparison,
} from '../../preload/contract';
import { AppError } from '../rpc/app-error';
import { evaluateOnShared } from './compare-runs';
import type { DocumentsRepo } from '../store/documents-repo';
import type { ModelsRepo } from '../store/models-repo';
import type { PredictionRecord, TrainingRepo } from '../store/training-repo';

/** What the evaluation service reads. */
export interface EvaluationDeps {
  runs: TrainingRepo;
  models: ModelsRepo;
  documents: DocumentsRepo;
}

/** Creates the evaluation service. */
export function createEvaluationService(deps: EvaluationDeps) {
  const { runs, models, documents } = deps;
  // Loading a model parses megabytes of JSON: keep the last one, as clicking through a cell's documents reuses it.
  let cached: { modelId: number; pipeline: TextClassifier } | null = null;

  const mustRun = (runId: number) => {
    const run = runs.get(runId);
    if (!run) throw new AppError('not_found', `There is no training run ${runId}.`);
    return run;
  };
  const withDocuments = <T extends PredictionRecord>(records: T[]): (T & Omit<EvaluatedDocument, keyof PredictionRecord>)[] => {
    const briefs = new Map(documents.briefs(records.map((r) => r.documentId)).map((b) => [b.id, b]));
    return records.map((r) => {
      const brief = briefs.get(r.documentId);
      return {
        ...r,
        fileName: brief?.fileName ?? `document ${r.documentId} (deleted)`,
        currentCategory: brief?.category ?? null,
        isExcluded: brief?.isExcluded ?? false,
      };
    });
  };
  /** The richest source both the question and the run have: every document's out-of-fold prediction when CV ran. */
  const bestSource = (runId: number): PredictionSource => (runs.sources(runId).includes('cv') ? 'cv' : 'holdout');
  const pipelineOf = (runId: number): TextClassifier => {
    const model = models.byRun(runId);
    if (!model) throw new AppError('not_found', `Run ${runId} has no stored model to explain with.`);
    if (cached?.modelId !== model.id) cached = { modelId: model.id, pipeline: deserializeModel(models.json(model.id)!).pipeline };
    return cached.pipeline;
  };

  return {
    /** The documents of one confusion-matrix cell, most confident first. */
    cell(runId: number, source: PredictionSource, trueCategory: string, predictedCategory: string): EvaluatedDocument[] {
      mustRun(runId);
      return withDocuments(runs.cell(runId, source, trueCategory, predictedCategory));
    },
    /** The terms that pushed the run's model toward the category the run predicted for a document, located in its text. */
    explain(runId: number, documentId: number, maxChars: number): DocumentExplanation {
      mustRun(runId);
      const prediction = runs.prediction(runId, documentId);
      if (!prediction) throw new AppError('not_found', `Run ${runId} has no prediction for document ${documentId}.`);
      const doc = documents.get(documentId);
      if (!doc) throw new AppError('not_found', `Document ${documentId} no longer exists.`);
      const explanation = explainPrediction(pipelineOf(runId), doc.text, { top: 12, classLabel: prediction.predictedCategory });
      const text = doc.text.slice(0, maxChars);
      return {
        documentId,
        fileName: doc.fileName,
        text,
        isTruncated: doc.text.length > maxChars,
        predictedCategory: prediction.predictedCategory,
        confidence: prediction.confidence,
        terms: explanation.toward.map((c) => ({
          // As the model names it ("h:nurse"); the page words it (readableTerm), as Predict and the CLI do.
          term: c.term,
          contribution: c.contribution,
          spans: c.spans.filter((s) => s.end <= text.length).map((s): [number, number] => [s.start, s.end]),
        })),
      };
    },
    /** Misclassified documents ranked by how much more the out-of-fold model believes another label. */
    mislabelled(runId: number, limit: number): MislabelCandidate[] {
      mustRun(runId);
      return withDocuments(runs.mislabelled(runId, bestSource(runId), limit));
    },
    /** Two runs side by side on the resumes both predicted out of fold: headline and per-class deltas, both matrices, and the resumes whose prediction flipped. */
    compare(baseRunId: number, runId: number): RunComparison {
      const base = mustRun(baseRunId);
      const run = mustRun(runId);
      const source: PredictionSource = bestSource(baseRunId) === 'cv' && bestSource(runId) === 'cv' ? 'cv' : 'holdout';
      const basePredictions = runs.predictions(baseRunId, source);
      const predictions = runs.predictions(runId, source);
      const { shared, classes, baseReport, report, isTooSmall } = evaluateOnShared(basePredictions, predictions);
      const flippedRecords = shared
        .filter((s) => s.base.predictedCategory !== s.run.predictedCategory)
        .map((s) => ({ ...s.run, basePredicted: s.base.predictedCategory }));
      const flipped: FlippedDocument[] = withDocuments(flippedRecords).map((p) => ({
        documentId: p.documentId,
        fileName: p.fileName,
        trueCategory: p.trueCategory,
        basePredicted: p.basePredicted,
        predicted: p.predictedCategory,
        isFixed: p.predictedCategory === p.trueCategory ? true : p.basePredicted === p.trueCategory ? false : null,
      }));
      const hasShared = shared.length > 0;
      const headline = (label: string, pick: (m: MetricsReport) => number) => ({
        label,
        base: hasShared ? pick(baseReport) : null,
        value: hasShared ? pick(report) : null,
      });
      const perClass: ClassDelta[] = classes.map((label, i) => {
        const b = baseReport.perClass[i]!;
        const a = report.perClass[i]!;
        const has = (c: { support: number }) => hasShared && c.support > 0;
        return {
          label,
          shared: a.support,
          baseF1: has(b) ? b.f1 : null,
          f1: has(a) ? a.f1 : null,
          basePrecision: has(b) ? b.precision : null,
          precision: has(a) ? a.precision : null,
          baseRecall: has(b) ? b.recall : null,
          recall: has(a) ? a.recall : null,
        };
      });
      return {
        base,
        run,
        source,
        headline: [
          headline('Accuracy', (m) => m.accuracy),
          headline('Macro-F1', (m) => m.macro.f1),
          headline('Weighted-F1', (m) => m.weighted.f1),
          headline('Log loss', (m) => m.logLoss),
          headline('ECE', (m) => m.ece),
        ],
        perClass,
        commonDocuments: shared.length,
        baseDocuments: basePredictions.length,
        runDocuments: predictions.length,
        isTooSmall,
        flipped,
        baseConfusion: hasShared ? baseReport.confusion : null,
        confusion: hasShared ? report.confusion : null,
        baseClasses: classes,
        classes,
      };
    },
  };
}

/** The evaluation service's type. */
export type EvaluationService = ReturnType<typeof createEvaluationService>;
