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
          term: c.term.replace(/^h:/, ''),
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
    /** Two runs side by side: headline and per-class deltas, and the documents whose prediction flipped. */
    compare(baseRunId: number, runId: number): RunComparison {
      const base = mustRun(baseRunId);
      const run = mustRun(runId);
      const source: PredictionSource = bestSource(baseRunId) === 'cv' && bestSource(runId) === 'cv' ? 'cv' : 'holdout';
      const before = new Map(runs.predictions(baseRunId, source).map((p) => [p.documentId, p]));
      const after = runs.predictions(runId, source);
      let common = 0;
      const flippedRecords: (PredictionRecord & { basePredicted: string })[] = [];
      for (const p of after) {
        const b = before.get(p.documentId);
        if (!b) continue;
        common++;
        if (b.predictedCategory !== p.predictedCategory) flippedRecords.push({ ...p, basePredicted: b.predictedCategory });
      }
      const flipped: FlippedDocument[] = withDocuments(flippedRecords).map((p) => ({
        documentId: p.documentId,
        fileName: p.fileName,
        trueCategory: p.trueCategory,
        basePredicted: p.basePredicted,
        predicted: p.predictedCategory,
        isFixed: p.predictedCategory === p.trueCategory ? true : p.basePredicted === p.trueCategory ? false : null,
      }));
      const headline = (label: string, pick: (m: MetricsReport) => number) => ({
        label,
        base: base.holdout ? pick(base.holdout) : null,
        value: run.holdout ? pick(run.holdout) : null,
      });
      const labels = [...new Set([...(base.holdout?.classes ?? []), ...(run.holdout?.classes ?? [])])].sort();
      const perClass: ClassDelta[] = labels.map((label) => {
        const b = base.holdout?.perClass.find((c) => c.label === label);
        const a = run.holdout?.perClass.find((c) => c.label === label);
        return {
          label,
          baseF1: b?.f1 ?? null,
          f1: a?.f1 ?? null,
          basePrecision: b?.precision ?? null,
          precision: a?.precision ?? null,
          baseRecall: b?.recall ?? null,
          recall: a?.recall ?? null,
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
        commonDocuments: common,
        flipped,
        baseConfusion: base.holdout?.confusion ?? null,
        confusion: run.holdout?.confusion ?? null,
        baseClasses: base.holdout?.classes ?? [],
        classes: run.holdout?.classes ?? [],
      };
    },
  };
}

/** The evaluation service's type. */
export type EvaluationService = ReturnType<typeof createEvaluationService>;
