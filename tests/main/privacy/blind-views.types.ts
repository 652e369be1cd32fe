// Type-level test, checked by `npm run typecheck`: blind mode covers a method by construction.
// Every method whose contract output holds a ResumeText needs a redactor, and no other method may
// have one; if that stopped being enforced, the @ts-expect-error lines would become unused and fail.
import type { EngineRedactors, TextBearingEngineMethod } from '../../../main/privacy/blind-predictions';
import type { Redactors, TextBearingMethod } from '../../../main/privacy/blind-views';
import type { ContainsResumeText, DocumentRow, ResumeText } from '../../../preload/contract';

type Expect<T extends true> = T;
/** The text-bearing methods include these (each holds resume text in its answer)… */
export type IncludesViews = Expect<
  'documents.get' | 'documents.list' | 'predict.file' | 'import.report' | 'categories.merge' extends TextBearingMethod ? true : false
>;
/** …and not these (counts and settings only). */
export type LeavesOthers = Expect<'dataset.summary' | 'settings.get' | 'training.plan' extends TextBearingMethod ? false : true>;
/** The detection sees a ResumeText in an array of rows, and not in a plain string. */
export type SeesRows = Expect<ContainsResumeText<{ rows: DocumentRow[] }>>;
export type NotPlain = Expect<ContainsResumeText<{ label: string; tags: string[] }> extends false ? true : false>;
/** Any string is a ResumeText, without a cast. */
export const plain: ResumeText = 'cv.pdf';

declare const complete: Redactors;
// @ts-expect-error a text-bearing method without its redactor does not compile
export const missingOne: Redactors = { ...complete, 'documents.get': undefined };
// @ts-expect-error a redactor for a method without resume text does not compile either
export const extraOne: Redactors = { ...complete, 'dataset.summary': (summary: unknown) => summary };

/** The prediction engine (public API, CLI): its answering methods are text-bearing (they echo a file name), its status methods are not. */
export type EngineAnswers = Expect<'predictTexts' | 'predictBytes' | 'predictPath' extends TextBearingEngineMethod ? true : false>;
export type EngineStatus = Expect<'status' | 'ready' | 'refresh' extends TextBearingEngineMethod ? false : true>;
declare const completeEngine: EngineRedactors;
// @ts-expect-error an engine answer with resume text and no redactor does not compile
export const missingEngineOne: EngineRedactors = { ...completeEngine, predictBytes: undefined };
