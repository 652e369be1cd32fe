/**
 * "Label with suggestions": the queue, its answers and the background refreshes of the labelling
 * model. The queue always answers from the latest model (only the very first model is waited for);
 * refreshes run in the resident labelling thread after every `refreshEvery` label changes, one at a
 * time. Each answer is a labelling action of the curation service (undoable) recorded with what the
 * model suggested; "accept the confident ones" labels the rest above the review threshold as
 * model-labelled in one step. Plain Node; used by the labelling handlers and the CLI.
 */
import type { AcceptConfidentResult, LabelChange, LabellingStatus, MethodInput, QueueItem, QueueOrder, QueuePage } from '../../preload/contract';
import { hashString } from '../../ml/index';
import { resumes, type LabelsService, type ModelLabel } from '../curation/labels-service';
import type { Predictor } from '../predict/predictor';
import { AppError } from '../rpc/app-error';
import type { EventBus } from '../rpc/event-bus';
import type { DocumentsRepo } from '../store/documents-repo';
import type { LabellingRepo } from '../store/labelling-repo';
import type { SettingsRepo } from '../store/settings-repo';
import { createWriteQueue, type WriteQueue } from '../store/write-queue';
import { currentModelOf, thresholdOf, type CurrentModel, type Suggestion } from './labelling-model-state';
import type { LabellingRefresher } from './labelling-refresher';
import { labellingStatusOf } from './labelling-status';

/** Fewest resumes people labelled a category needs before the model suggests it. */
export const LABELLING_MIN_PER_CATEGORY = 2;
/** Label changes after which the model is refitted. */
export const REFRESH_EVERY = 10;
/** One answer, as the contract takes it: a category or exclusion, and the suggestion it was given to when the caller knows it. */
type AnswerInput = MethodInput<'labelling.answer'>;

/** Answers the accepted share is counted over. */
export const ANSWER_WINDOW = 50;
/** Documents each queue order lists per refresh (far more than the answers between two refreshes). */
const QUEUE_DEPTH = 200;
/** Answers the diversity rule remembers. */
const RECENT_ANSWERS = 25;

/** What the service uses. */
export interface LabellingServiceDeps {
  databasePath: string;
  documents: DocumentsRepo;
  labels: LabelsService;
  answers: LabellingRepo;
  settings: SettingsRepo;
  events: EventBus;
  refresher: LabellingRefresher;
  /** Explains suggestions (the words that drove them) with the latest model, in its own thread. */
  suggester: Predictor;
  /** Unlabelled, not excluded document ids, in id order. */
  unlabelledIds: () => number[];
  /** Refit by itself after label changes once the queue was used (off for one-shot CLI commands). */
  autoRefresh: boolean;
  /** The core's write queue: an answer waits its turn behind a long action on the curation thread instead of blocking in SQLite. */
  writes?: WriteQueue;
  /** Labels many resumes with the model's labels as one undoable step (default: the labels service, in place). */
  labelByModel?: (labels: ModelLabel[], description: string) => Promise<LabelChange>;
}

/** Creates the labelling service. */
export function createLabellingService(deps: LabellingServiceDeps) {
  const { documents, settings, events } = deps;
  let current: CurrentModel | null = null;
  let version = 0;
  let refreshing: Promise<void> | null = null;
  let changesSinceRefresh = 0;
  let isActive = false;
  let lastError: string | null = null;
  /** The suggestable categories when the last refresh started. */
  let refreshedFor: string | null = null;
  const recent: number[] = [];
  /** What the queue showed for each resume it handed out, so an answer is scored against what the person saw. */
  const shown = new Map<number, Suggestion & { version: number }>();
  const closing = new AbortController();

  const status = (): LabellingStatus =>
    labellingStatusOf({
      counts: documents.peopleLabelledCounts(),
      setAside: documents.trainingCounts(),
      unlabelledIds: deps.unlabelledIds(),
      current,
      customThreshold: settings.get().reviewThreshold,
      isRefreshing: refreshing !== null,
      lastError,
      answers: deps.answers.stats(ANSWER_WINDOW),
      minPerCategory: LABELLING_MIN_PER_CATEGORY,
      refreshEvery: REFRESH_EVERY,
    });
  const announce = () => events.emit('labelling.changed', status());
  /** Categories with enough labels of people's to be suggested, by name. */
  const suggestable = () =>
    documents
      .peopleLabelledCounts()
      .filter((c) => c.documents >= LABELLING_MIN_PER_CATEGORY)
      .map((c) => c.category);
  const canSuggest = () => suggestable().length >= 2;

  const runRefresh = async (): Promise<void> => {
    changesSinceRefresh = 0;
    refreshedFor = suggestable().join('\u0000');
    announce();
    try {
      const result = await deps.refresher.refresh(
        {
          databasePath: deps.databasePath,
          blind: settings.get().blindMode,
          minPerCategory: LABELLING_MIN_PER_CATEGORY,
          recent: [...recent],
          seed: settings.get().seed,
          queueDepth: QUEUE_DEPTH,
          measure: 'margin',
        },
        closing.signal,
      );
      if (result.model) {
        const next = currentModelOf(result.model, version + 1, result.timings.totalMs / 1000);
        // The explaining thread gets the model first, so what the queue shows next comes from it.
        await deps.suggester.setModel({
          id: `labelling:${next.info.version}`,
          name: `Labelling model ${next.info.version}`,
          trainedAt: next.info.refreshedAt,
          json: next.json,
        });
        version = next.info.version;
        current = next;
      }
      lastError = null;
    } catch (error) {
      if (closing.signal.aborted) return;
      lastError = `The suggestions could not be refreshed: ${(error as Error).message} The previous suggestions stay in use.`;
    }
  };

  /** Starts a refresh, or (one running) one more after it; resolves when the model reflects the labels of now. */
  const refreshNow = (): Promise<void> => {
    if (refreshing) return refreshing.then(() => refreshNow());
    const run = runRefresh().finally(() => {
      refreshing = null;
      if (!closing.signal.aborted) announce();
      maybeRefresh();
    });
    refreshing = run;
    return run;
  };
  /**
   * The background rule: the first model as soon as it can be fitted, then every REFRESH_EVERY
   * changes, and at once when a category reaches (or falls below) the labels it needs to be suggested.
   */
  const maybeRefresh = () => {
    if (!deps.autoRefresh || !isActive || refreshing || closing.signal.aborted) return;
    const categories = suggestable();
    if (categories.length < 2) return;
    // Compared with what the last refresh started from (not the model's classes, which leave out
    // resumes without usable text), so a refresh that cannot change anything is not repeated.
    const isStale = categories.join('\u0000') !== refreshedFor;
    if (isStale || changesSinceRefresh >= REFRESH_EVERY) void refreshNow();
  };
  const activate = () => {
    if (isActive) return;
    isActive = true;
    maybeRefresh();
  };

  const unsubscribe = events.subscribe((event) => {
    if (!isActive || closing.signal.aborted) return;
    // The review threshold is a setting: a new one changes how many are sure enough to accept.
    if (event.name === 'settings.changed') return announce();
    if (event.name === 'documents.changed') changesSinceRefresh += event.payload.changed;
    if (event.name === 'import.finished') changesSinceRefresh = Math.max(changesSinceRefresh, REFRESH_EVERY);
    if (event.name !== 'documents.changed' && event.name !== 'import.finished') return;
    maybeRefresh();
    announce();
  });

  /** The first model, waited for when there is none yet and one can be fitted. */
  const ensureModel = async (): Promise<CurrentModel | null> => {
    // A refresh already running brings the first model: wait for it rather than queue another.
    if (!current && refreshing) await refreshing;
    if (!current && canSuggest()) await refreshNow();
    return current;
  };

  /** Resumes of `order` still unlabelled and not already held by the page. */
  const pick = (model: CurrentModel, order: QueueOrder, limit: number, skip: ReadonlySet<number>): number[] => {
    const unlabelled = new Set(deps.unlabelledIds());
    const listed = Array.from(model.orders[order]);
    // Past the listed head (answers outran the refreshes), the rest in the model's order of suggestion.
    const rest = [...model.suggestions.keys()];
    const picked: number[] = [];
    for (const id of [...listed, ...rest]) {
      if (picked.length >= limit) break;
      if (unlabelled.has(id) && !skip.has(id) && !picked.includes(id)) picked.push(id);
    }
    return picked;
  };

  /** Before the first model: unlabelled resumes in a seeded random order, to label a few by hand. */
  const unsuggested = (limit: number, skip: ReadonlySet<number>): QueueItem[] => {
    const ids = deps.unlabelledIds().filter((id) => !skip.has(id));
    const order = ids
      .map((id) => ({ id, key: hashString(`${settings.get().seed}:${id}`) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id - b.id));
    return order.slice(0, limit).flatMap(({ id }) => {
      const doc = documents.get(id);
      return doc ? [{ documentId: id, fileName: doc.fileName, text: doc.text, suggestion: null, modelVersion: 0 }] : [];
    });
  };

  /** Stores one answer (in its turn on the write queue). */
  const answerNow = (input: AnswerInput): LabelChange => {
    activate();
    const id = input.documentId;
    recent.push(id);
    if (recent.length > RECENT_ANSWERS) recent.shift();
    if (input.exclude) return deps.labels.setExcluded({ ids: [id] }, true);
    const category = input.category!;
    // What the person answered to, when the window says so: a page fetched after it was shown may
    // have replaced this backend's record with another model's suggestion.
    const given = input.shown && { category: input.shown.category, probability: input.shown.probability, version: input.shown.modelVersion };
    const seen = given ?? shown.get(id) ?? (current?.suggestions.get(id) && { ...current.suggestions.get(id)!, version: current.info.version });
    shown.delete(id);
    return deps.labels.setCategory({ ids: [id] }, category, {
      onRecorded: (step) => {
        if (!seen) return;
        deps.answers.record({
          documentId: id,
          historyId: step.id,
          suggestedCategory: seen.category,
          suggestedProbability: seen.probability,
          answerCategory: category,
          modelVersion: seen.version,
        });
      },
    });
  };
  const writes = deps.writes ?? createWriteQueue();
  const labelByModel = deps.labelByModel ?? (async (labels: ModelLabel[], description: string) => deps.labels.labelByModel(labels, description));

  return {
    status(): LabellingStatus {
      activate();
      return status();
    },
    /** The next resumes to ask about, with their suggestions explained. */
    async next(input: { order: QueueOrder; limit: number; skip: number[] }): Promise<QueuePage> {
      activate();
      const model = await ensureModel();
      if (!model) return { items: unsuggested(input.limit, new Set(input.skip)), status: status() };
      const ids = pick(model, input.order, input.limit, new Set(input.skip));
      const threshold = thresholdOf(model, settings.get().reviewThreshold).value;
      const docs = ids.map((id) => documents.get(id)!);
      const outcomes = await deps.suggester.predict(
        docs.map((d) => ({ text: d.text, name: d.fileName })),
        { reviewThreshold: threshold, blind: settings.get().blindMode },
      );
      const items: QueueItem[] = [];
      outcomes.forEach((outcome, i) => {
        if (!outcome.ok) return;
        const doc = docs[i]!;
        shown.set(doc.id, { category: outcome.prediction.label, probability: outcome.prediction.probability, version: model.info.version });
        items.push({ documentId: doc.id, fileName: doc.fileName, text: doc.text, suggestion: outcome.prediction, modelVersion: model.info.version });
      });
      return { items, status: status() };
    },
    /** Answers one resume with a category (recorded against its suggestion) or excludes it. */
    answer(input: AnswerInput): Promise<LabelChange> {
      return writes.run(() => answerNow(input));
    },
    /** Labels every unlabelled resume whose suggestion reaches the review threshold, as model-labelled. */
    async acceptConfident(input: { dryRun?: boolean }): Promise<AcceptConfidentResult> {
      activate();
      const model = await ensureModel();
      if (!model) throw new AppError('conflict', status().problem ?? 'There is no labelling model yet.');
      const threshold = thresholdOf(model, settings.get().reviewThreshold).value;
      const labels = deps.unlabelledIds().flatMap((id) => {
        const suggestion = model.suggestions.get(id);
        return suggestion && suggestion.probability >= threshold ? [{ id, category: suggestion.category }] : [];
      });
      if (input.dryRun || labels.length === 0) return { accepted: labels.length, threshold, change: null };
      const percent = `${Math.round(threshold * 1000) / 10} %`;
      const change = await labelByModel(labels, `Accepted the model's suggestion for ${resumes(labels.length)} (${percent} sure or more)`);
      return { accepted: labels.length, threshold, change };
    },
    /** Refits now and answers with the status once the model reflects the current labels. */
    async refresh(): Promise<LabellingStatus> {
      activate();
      if (!canSuggest()) return status();
      await refreshNow();
      return status();
    },
    /** Resolves once no refresh runs. */
    async waitForIdle(): Promise<void> {
      while (refreshing) await refreshing;
    },
    async close(): Promise<void> {
      closing.abort();
      unsubscribe();
      await Promise.all([deps.refresher.close(), deps.suggester.close()]);
      await refreshing;
    },
  };
}

/** The labelling service's type. */
export type LabellingService = ReturnType<typeof createLabellingService>;
