/** Everything about one finished run: headline cards, per-class bars, the clickable confusion matrix with its resumes, calibration, learning curve, likely mislabels. */
import { lazy, Suspense, useState } from 'react';
import type { RunDetail } from '../../../preload/contract';
import { CalibrationCard } from './calibration-card';
import { CellDocuments } from './cell-documents';
import { ConfusionMatrix, type CellChoice } from './confusion-matrix';
import { HeadlineCards } from './headline-cards';
import { LearningCurveCard } from './learning-curve-card';
import { MislabelledCard } from './mislabelled-card';
import { formatCount, formatCountOf, formatFixed } from '../../format/numbers';

const PerClassChart = lazy(() => import('./per-class-chart').then((m) => ({ default: m.PerClassChart })));

/** One run's evaluation. */
export function RunView({ run }: { run: RunDetail }) {
  const [cell, setCell] = useState<{ runId: number; choice: CellChoice } | null>(null);
  const report = run.holdout;
  if (!report) return <p>Run {run.id} has no evaluation stored.</p>;
  const chosen = cell?.runId === run.id ? cell.choice : null;
  return (
    <>
      <p className="muted run-caption">
        Run {run.id}: {run.engine} engine, {formatCountOf(run.documents ?? 0, 'resume')} in {formatCountOf(run.classes ?? 0, 'category', 'categories')},{' '}
        {formatCount(run.split?.testDocuments ?? 0)} held out
        {run.cv ? `; ${run.cv.folds}-fold cross-validation macro-F1 ${formatFixed(run.cv.meanMacroF1, 3)}` : ''}.
      </p>
      <HeadlineCards report={report} />
      <section className="card" aria-labelledby="matrix-title">
        <h2 id="matrix-title">Which categories it confuses</h2>
        <p className="muted">Rows: the true category; columns: the prediction. Choose a cell to see its resumes (arrow keys move between cells).</p>
        <ConfusionMatrix
          classes={report.classes}
          confusion={report.confusion}
          caption={`Confusion matrix of run ${run.id} on ${report.testRows} held-out resumes`}
          selected={chosen}
          onSelect={(choice) => setCell({ runId: run.id, choice })}
        />
      </section>
      {chosen ? (
        <CellDocuments
          runId={run.id}
          source="holdout"
          trueCategory={report.classes[chosen.trueIndex]!}
          predictedCategory={report.classes[chosen.predictedIndex]!}
          categories={report.classes}
        />
      ) : null}
      <section className="card" aria-labelledby="per-class-title">
        <h2 id="per-class-title">Precision, recall and F1 per category</h2>
        <Suspense fallback={<div className="chart-placeholder" />}>
          <PerClassChart perClass={report.perClass} />
        </Suspense>
      </section>
      {run.calibration ? <CalibrationCard calibration={run.calibration} /> : null}
      <LearningCurveCard runId={run.id} stored={run.learningCurve} />
      <MislabelledCard runId={run.id} categories={report.classes} hasCv={run.cv !== null} />
    </>
  );
}
