/**
 * Blind mode for every view: while the setting is on, the answers of the methods below (every
 * method whose output type holds a ResumeText, which the compiler checks) and the events that carry
 * resume text are masked before they leave the backend, for both transports and the CLI alike.
 * Plain Node.
 */
import type {
  CategoryResult,
  ContainsResumeText,
  Contract,
  DocumentRow,
  LabelChange,
  LabelHistory,
  MethodName,
  MethodOutput,
  PredictedItem,
  QueueItem,
  StudioEvent,
} from '../../preload/contract';
import { blindCleaningOf } from '../curation/cleaning';
import type { HandlersFor } from '../rpc/dispatcher';
import type { EventBus } from '../rpc/event-bus';
import type { DocumentsRepo } from '../store/documents-repo';
import { hideName, hideNullableName, hideQuotedNames, hideTermSpans, hideText } from './blind-text';

/** What blind views read: the setting, and documents (the cleaning view recomputes from the stored text). */
export interface BlindViewDeps {
  isBlind: () => boolean;
  documents: Pick<DocumentsRepo, 'get'>;
}

type Redactor<M extends MethodName> = (output: Awaited<ReturnType<HandlersFor<Contract>[M]>>, input: Parameters<HandlersFor<Contract>[M]>[0]) => typeof output;
/** The methods whose answers hold resume text (a ResumeText in the contract's output type). */
export type TextBearingMethod = { [M in MethodName]: true extends ContainsResumeText<MethodOutput<M>> ? M : never }[MethodName];
/** A redactor for every text-bearing method, and for no other: a method added with resume text in its answer does not compile without one. */
export type Redactors = { [M in TextBearingMethod]: Redactor<M> } & { [M in Exclude<MethodName, TextBearingMethod>]?: never };

const row = <R extends Pick<DocumentRow, 'fileName'>>(r: R): R => ({ ...r, fileName: hideName(r.fileName) });
const history = (h: LabelHistory): LabelHistory => ({
  undo: h.undo && { ...h.undo, description: hideQuotedNames(h.undo.description) },
  redo: h.redo && { ...h.redo, description: hideQuotedNames(h.redo.description) },
});
const change = (c: LabelChange): LabelChange => ({
  ...c,
  step: c.step && { ...c.step, description: hideQuotedNames(c.step.description) },
  history: history(c.history),
});

const categoryResult = (result: CategoryResult): CategoryResult => ({ ...result, change: result.change && change(result.change) });

/** A predicted item: its name hidden, its text masked with the evidence moved onto the masked text. */
function predictedItem(item: PredictedItem): PredictedItem {
  const name = hideName(item.name);
  if (item.status !== 'predicted') return { ...item, name, reason: hideQuotedNames(item.reason.split(item.name).join(name)) };
  const prediction = { ...item.prediction, name: item.prediction.name === null ? null : hideName(item.prediction.name) };
  if (item.text === null) return { ...item, name, prediction };
  const moved = hideTermSpans(
    item.text,
    item.name,
    item.prediction.evidence.map((e) => e.spans.map((s): [number, number] => [s.start, s.end])),
  );
  const evidence = item.prediction.evidence.map((e, i) => ({ ...e, spans: moved.terms[i]!.map(([start, end]) => ({ start, end })) }));
  return { ...item, name, text: moved.text, prediction: { ...prediction, evidence } };
}

/** A queue item: its file name hidden, its text masked with the suggestion's evidence moved onto the masked text. */
function queueItem(item: QueueItem): QueueItem {
  const { suggestion } = item;
  if (!suggestion) return { ...item, fileName: hideName(item.fileName), text: hideText(item.text, item.fileName) };
  const moved = hideTermSpans(
    item.text,
    item.fileName,
    suggestion.evidence.map((e) => e.spans.map((s): [number, number] => [s.start, s.end])),
  );
  const evidence = suggestion.evidence.map((e, i) => ({ ...e, spans: moved.terms[i]!.map(([start, end]) => ({ start, end })) }));
  const name = suggestion.name === null ? null : hideName(suggestion.name);
  return { ...item, fileName: hideName(item.fileName), text: moved.text, suggestion: { ...suggestion, name, evidence } };
}

const redactors: (deps: BlindViewDeps) => Redactors = (deps) => ({
  'documents.get': (d) => ({ ...d, fileName: hideName(d.fileName), sourcePath: hideNullableName(d.sourcePath), text: hideText(d.text, d.fileName) }),
  'documents.list': (page) => ({ ...page, rows: page.rows.map(row) }),
  'documents.cleaning': (cleaning, { id }) => {
    const doc = deps.documents.get(id);
    return doc ? blindCleaningOf(id, doc.text, doc.fileName) : cleaning;
  },
  'documents.duplicateGroups': (page) => ({
    ...page,
    groups: page.groups.map((g) => ({
      ...g,
      members: g.members.map((m) => ({
        ...row(m),
        excerpt: hideText(m.excerpt, m.fileName, { isCut: m.excerpt.length < m.charCount }),
        exactCopies: m.exactCopies.map((c) => ({ ...c, path: hideName(c.path) })),
      })),
    })),
  }),
  'documents.setCategory': change,
  'documents.setExcluded': change,
  'documents.confirmModelLabels': change,
  'documents.keepOne': change,
  'documents.undo': change,
  'documents.redo': change,
  'documents.history': history,
  // A category change answers with the label history, whose previous step may quote a file name.
  'categories.create': categoryResult,
  'categories.rename': categoryResult,
  'categories.merge': categoryResult,
  'categories.delete': categoryResult,
  'evaluation.cell': (docs) => docs.map(row),
  'evaluation.mislabelled': (docs) => docs.map(row),
  'evaluation.compare': (comparison) => ({ ...comparison, flipped: comparison.flipped.map(row) }),
  'evaluation.explain': (explanation) => {
    const moved = hideTermSpans(
      explanation.text,
      explanation.fileName,
      explanation.terms.map((t) => t.spans),
      { isCut: explanation.isTruncated },
    );
    return {
      ...explanation,
      fileName: hideName(explanation.fileName),
      text: moved.text,
      terms: explanation.terms.map((t, i) => ({ ...t, spans: moved.terms[i]! })),
    };
  },
  'predict.file': predictedItem,
  'predict.text': predictedItem,
  'predict.get': predictedItem,
  'labelling.next': (page) => ({ ...page, items: page.items.map(queueItem) }),
  'labelling.answer': change,
  'labelling.acceptConfident': (result) => ({ ...result, change: result.change && change(result.change) }),
  'import.report': (report) => ({
    ...report,
    items: report.items.map((i) => ({
      ...i,
      relPath: hideName(i.relPath),
      displayName: hideName(i.displayName),
      reason: hideQuotedNames(i.reason.split(i.displayName).join(hideName(i.displayName))),
    })),
  }),
  'import.preview': (preview) =>
    preview.tabular
      ? {
          ...preview,
          tabular: {
            ...preview.tabular,
            sampleRows: preview.tabular.sampleRows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, hideText(v, null)]))),
          },
        }
      : preview,
});

/** The handlers with every text-bearing answer masked while blind mode is on. */
export function withBlindViews(handlers: HandlersFor<Contract>, deps: BlindViewDeps): HandlersFor<Contract> {
  const wrapped: Record<string, unknown> = { ...handlers };
  for (const [method, redact] of Object.entries(redactors(deps)) as [MethodName, (output: unknown, input: unknown) => unknown][]) {
    const handler = handlers[method] as (input: unknown) => unknown;
    wrapped[method] = async (input: unknown) => {
      const output = await handler(input);
      return deps.isBlind() ? redact(output, input) : output;
    };
  }
  return wrapped as HandlersFor<Contract>;
}

/** The event bus as the transports see it: events that carry file names are masked while blind mode is on. */
export function withBlindEvents(events: EventBus, isBlind: () => boolean): EventBus {
  // The setting is read only for the events that need it (imports emit progress many times a second).
  const hide = (event: StudioEvent): StudioEvent =>
    event.name === 'documents.changed' && isBlind() ? { name: event.name, payload: { ...event.payload, history: history(event.payload.history) } } : event;
  return {
    emit: (name, payload) => events.emit(name, payload),
    subscribe: (listener) => events.subscribe((event) => listener(hide(event))),
  };
}
