/**
 * Blind mode for prediction outside the app's views: the public API (in the app and `serve
 * --data-dir`) and the CLI's `predict`. Their answers echo a file name the client chose, and file
 * names are often the candidate's name. While blind mode is on, every engine answer that holds
 * resume text (a ResumeText in its type, which the compiler checks as blind-views.ts does for the
 * contract's methods) comes back masked. Plain Node.
 */
import type { ContainsResumeText, Prediction } from '../../preload/contract';
import type { FileAnswer, PredictionEngine, TextAnswer } from '../predict/prediction-engine';
import { hideName, hideQuotedNames, hideText } from './blind-text';

type EngineMethod = keyof PredictionEngine;
type EngineAnswer<K extends EngineMethod> = Awaited<ReturnType<PredictionEngine[K]>>;
/** The engine's methods whose answers hold resume text. */
export type TextBearingEngineMethod = { [K in EngineMethod]: true extends ContainsResumeText<EngineAnswer<K>> ? K : never }[EngineMethod];
/** A redactor for every text-bearing engine method and for no other: an answer that gains resume text does not compile without one. */
export type EngineRedactors = { [K in TextBearingEngineMethod]: (answer: EngineAnswer<K>, args: Parameters<PredictionEngine[K]>) => EngineAnswer<K> } & {
  [K in Exclude<EngineMethod, TextBearingEngineMethod>]?: never;
};

/** A name as blind mode shows it (null stays null). */
const shownName = (name: string | null) => (name === null ? null : hideName(name));

/** A sentence that may quote the file name, with the name hidden wherever it appears. */
export function hideNameIn(sentence: string, name: string | null): string {
  const replaced = name ? sentence.split(name).join(hideName(name)) : sentence;
  return hideQuotedNames(replaced);
}

const prediction = (p: Prediction): Prediction => ({ ...p, name: shownName(p.name) });

const textAnswer = (answer: TextAnswer, name: string | null): TextAnswer =>
  answer.ok ? { ...answer, prediction: prediction(answer.prediction) } : { ...answer, reason: hideNameIn(answer.reason, name) };

const fileAnswer = (answer: FileAnswer, name: string): FileAnswer =>
  answer.ok
    ? { ...answer, prediction: prediction(answer.prediction), text: hideText(answer.text, name) }
    : { ...answer, reason: hideNameIn(answer.reason, name) };

const redactors: EngineRedactors = {
  predictTexts: (answers, [items]) => answers.map((answer, i) => textAnswer(answer, items[i]?.name ?? null)),
  predictBytes: (answer, [, name]) => fileAnswer(answer, name),
  predictPath: (answer, [, name]) => fileAnswer(answer, name),
};

/** The engine with every text-bearing answer masked while `isBlind()`; the model itself sees masked text through the engine's own option. */
export function withBlindPredictions(engine: PredictionEngine, isBlind: () => boolean): PredictionEngine {
  return {
    ...engine,
    predictTexts: async (...args) => {
      const answers = await engine.predictTexts(...args);
      return isBlind() ? redactors.predictTexts(answers, args) : answers;
    },
    predictBytes: async (...args) => {
      const answer = await engine.predictBytes(...args);
      return isBlind() ? redactors.predictBytes(answer, args) : answer;
    },
    predictPath: async (...args) => {
      const answer = await engine.predictPath(...args);
      return isBlind() ? redactors.predictPath(answer, args) : answer;
    },
  };
}

/** A file name or path for a line the CLI prints: hidden while blind mode is on. */
export function shownFileName(name: string, isBlind: boolean): string {
  return isBlind ? hideName(name) : name;
}
