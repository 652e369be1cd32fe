/**
 * The model card of a stored model, as JSON for tools and Markdown for people: what it was trained
 * on (data hash, counts, split), with which parameters, how well it did per class, its confusion
 * matrix and the limits a user should know. Plain TypeScript; built from stored data only.
 */
import type { MetricsReport, ModelSummary, RunDetail } from '../../preload/contract';

/** The format name of a model card's JSON. */
export const MODEL_CARD_FORMAT = 'resume-studio.model-card';
/** Bumped when a field changes meaning. */
export const MODEL_CARD_VERSION = 1;

/** A model card's JSON document. */
export interface ModelCard {
  format: typeof MODEL_CARD_FORMAT;
  version: number;
  model: { id: number; name: string; origin: ModelSummary['origin']; engine: string; createdAt: string; classes: string[] };
  data: { hash: string; documents: number; classes: number };
  split: {
    testFraction: number | null;
    seed: number | null;
    folds: number | null;
    trainDocuments: number | null;
    testDocuments: number | null;
    method: string;
  };
  parameters: Record<string, unknown>;
  metrics: MetricsReport | null;
  crossValidation: { folds: number; meanAccuracy: number; meanMacroF1: number } | null;
  calibration: { temperature: number; eceBefore: number; eceAfter: number; temperatureFit: string | null } | null;
  /** Whether personal data was removed from the texts before training (blind mode). */
  privacy: { trainedBlind: boolean; statement: string };
  knownLimits: string[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const num = (x: number) => x.toFixed(3);

/** The limits a reader of the metrics should keep in mind, derived from the numbers. */
function knownLimits(model: ModelSummary, metrics: MetricsReport | null): string[] {
  const limits = [
    `It only knows these ${model.classes.length} categories; a resume from any other field is still assigned one of them.`,
    'It reads words, not layout: scanned resumes without a text layer cannot be classified.',
  ];
  if (!metrics) return [...limits, 'No evaluation is stored with this model, so its accuracy is unknown.'];
  const small = metrics.perClass.filter((c) => c.support > 0 && c.support < 10).map((c) => c.label);
  if (small.length) limits.push(`Fewer than 10 test documents for ${small.join(', ')}: their scores are uncertain.`);
  const weak = metrics.perClass.filter((c) => c.support > 0 && c.f1 < 0.5).map((c) => `${c.label} (F1 ${num(c.f1)})`);
  if (weak.length) limits.push(`Weak on ${weak.join(', ')}.`);
  limits.push(`Measured on ${metrics.testRows} held-out documents from the same collection; resumes from elsewhere may score lower.`);
  return limits;
}

/** What the card says about personal data in the model. */
function privacyStatement(trainedBlind: boolean): string {
  return trainedBlind
    ? 'Trained blind: names, e-mails, phone numbers, street addresses and URLs were removed from the texts before training, so its vocabulary holds none of the ones found; predictions with it remove them too.'
    : 'Not trained blind: its vocabulary may hold words of names, e-mail addresses or URLs that occur in several training resumes.';
}

/** Builds the card from a model and (when it was trained here) its run; `trainedBlind` comes from the model's JSON. */
export function buildModelCard(
  model: ModelSummary,
  run: RunDetail | undefined,
  storedMetrics: MetricsReport | null,
  facts: { trainedBlind: boolean },
): ModelCard {
  const metrics = run?.holdout ?? storedMetrics;
  return {
    format: MODEL_CARD_FORMAT,
    version: MODEL_CARD_VERSION,
    model: { id: model.id, name: model.name, origin: model.origin, engine: model.engine, createdAt: model.createdAt, classes: model.classes },
    data: { hash: model.dataHash, documents: model.documents, classes: model.classes.length },
    split: {
      testFraction: run?.params.testFraction ?? null,
      seed: run?.params.seed ?? null,
      folds: run?.params.folds ?? null,
      trainDocuments: run?.split?.trainDocuments ?? null,
      testDocuments: run?.split?.testDocuments ?? null,
      method: 'stratified holdout with exact and near duplicates kept on one side; the saved model is then fitted on every document',
    },
    parameters: run ? { ...run.params } : {},
    metrics,
    crossValidation: run?.cv ? { folds: run.cv.folds, meanAccuracy: run.cv.meanAccuracy, meanMacroF1: run.cv.meanMacroF1 } : null,
    calibration: run?.calibration
      ? {
          temperature: run.calibration.temperature,
          eceBefore: run.calibration.eceBefore,
          eceAfter: run.calibration.eceAfter,
          temperatureFit: run.calibration.temperatureFit ?? null,
        }
      : null,
    privacy: { trainedBlind: facts.trainedBlind, statement: privacyStatement(facts.trainedBlind) },
    knownLimits: knownLimits(model, metrics),
  };
}

/** Escapes a table cell. */
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The card as Markdown. */
export function modelCardMarkdown(card: ModelCard): string {
  const lines = [
    `# Model card: ${card.model.name}`,
    '',
    `- Engine: ${card.model.engine}; ${card.model.origin === 'trained' ? 'trained in Resume Studio' : 'imported from a file'} on ${card.model.createdAt}`,
    `- Data: ${card.data.documents} documents, ${card.data.classes} categories, data hash \`${card.data.hash}\``,
    `- Split: ${card.split.method}` +
      (card.split.testFraction !== null ? `; test fraction ${card.split.testFraction}, seed ${card.split.seed}` : '') +
      (card.split.trainDocuments !== null ? ` (${card.split.trainDocuments} train / ${card.split.testDocuments} test)` : ''),
    `- Parameters: ${
      Object.keys(card.parameters).length
        ? Object.entries(card.parameters)
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ')
        : 'not recorded'
    }`,
    `- Privacy: ${card.privacy.statement}`,
    '',
  ];
  const m = card.metrics;
  if (m) {
    lines.push(
      '## Metrics (held-out documents)',
      '',
      `Accuracy ${pct(m.accuracy)}, macro-F1 ${num(m.macro.f1)}, weighted-F1 ${num(m.weighted.f1)}, log loss ${num(m.logLoss)}, ECE ${num(m.ece)}.`,
      '',
    );
    if (card.crossValidation)
      lines.push(
        `${card.crossValidation.folds}-fold cross-validation: accuracy ${pct(card.crossValidation.meanAccuracy)}, macro-F1 ${num(card.crossValidation.meanMacroF1)}.`,
        '',
      );
    if (card.calibration)
      lines.push(
        `Calibration (T = ${num(card.calibration.temperature)}): ECE ${num(card.calibration.eceBefore)} → ${num(card.calibration.eceAfter)}.` +
          (card.calibration.temperatureFit ? ` ${card.calibration.temperatureFit}` : ''),
        '',
      );
    lines.push('| category | precision | recall | F1 | support |', '|---|---|---|---|---|');
    for (const c of m.perClass) lines.push(`| ${cell(c.label)} | ${num(c.precision)} | ${num(c.recall)} | ${num(c.f1)} | ${c.support} |`);
    lines.push('', '## Confusion matrix (rows: true, columns: predicted)', '', `| true \\ predicted | ${m.classes.map(cell).join(' | ')} |`);
    lines.push(`|---|${m.classes.map(() => '---').join('|')}|`);
    m.confusion.forEach((row, t) => lines.push(`| ${cell(m.classes[t]!)} | ${row.join(' | ')} |`));
    lines.push('');
  }
  lines.push('## Known limits', '', ...card.knownLimits.map((l) => `- ${l}`), '');
  return lines.join('\n');
}
