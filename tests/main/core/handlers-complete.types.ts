// Type-level test, checked by `npm run typecheck`: a contract method without a handler, or a
// handler returning the wrong type, must not compile. If HandlersFor ever stopped enforcing
// completeness, the @ts-expect-error lines below would become unused and fail type-checking.
import { z } from 'zod';
import type { createApiHandlers } from '../../../main/api/api-handlers';
import type { createAppHandlers } from '../../../main/core/app-handlers';
import type { wireCuration } from '../../../main/curation/curation-wiring';
import type { createDatasetHandlers } from '../../../main/curation/dataset-handlers';
import type { createImportHandlers } from '../../../main/import/import-handlers';
import type { createLabellingHandlers } from '../../../main/labelling/labelling-handlers';
import type { createEvaluationHandlers } from '../../../main/evaluation/evaluation-handlers';
import type { createModelsHandlers } from '../../../main/models/models-handlers';
import type { createPredictHandlers } from '../../../main/predict/predict-handlers';
import type { HandlersFor } from '../../../main/rpc/dispatcher';
import type { createSettingsHandlers } from '../../../main/settings/settings-handlers';
import type { createTrainingHandlers } from '../../../main/training/training-handlers';
import type { contract } from '../../../preload/contract';

export const twoMethods = {
  'a.get': { input: z.object({}), output: undefined as unknown as string },
  'b.get': { input: z.object({}), output: undefined as unknown as number },
};

// @ts-expect-error 'b.get' has no handler
export const missing: HandlersFor<typeof twoMethods> = { 'a.get': () => 'x' };

export const wrongType: HandlersFor<typeof twoMethods> = {
  'a.get': () => 'x',
  // @ts-expect-error returns a string where the contract says number
  'b.get': () => 'not a number',
};

export const complete: HandlersFor<typeof twoMethods> = { 'a.get': () => 'x', 'b.get': async () => 1 };

// The real contract: dropping any method from the real handler map fails the same way.
type RealHandlers = HandlersFor<typeof contract>;
// @ts-expect-error an empty map is missing every handler of the real contract
export const none: RealHandlers = {};

// The composition root spreads one handler group per domain into that map: leaving a group out
// (here: import) must fail to compile too.
type Group<F extends (...args: never[]) => unknown> = ReturnType<F>;
declare const app: Group<typeof createAppHandlers>;
declare const settings: Group<typeof createSettingsHandlers>;
declare const dataset: Group<typeof createDatasetHandlers>;
declare const imports: Group<typeof createImportHandlers>;
declare const documents: ReturnType<typeof wireCuration>['handlers'];
declare const models: Group<typeof createModelsHandlers>;
declare const training: Group<typeof createTrainingHandlers>;
declare const evaluation: Group<typeof createEvaluationHandlers>;
declare const predict: Group<typeof createPredictHandlers>;
declare const api: Group<typeof createApiHandlers>;
declare const labelling: Group<typeof createLabellingHandlers>;
export const allGroups: RealHandlers = {
  ...app,
  ...settings,
  ...dataset,
  ...imports,
  ...documents,
  ...labelling,
  ...models,
  ...training,
  ...evaluation,
  ...predict,
  ...api,
};
// @ts-expect-error the import domain's handler group is missing
export const withoutImport: RealHandlers = {
  ...app,
  ...settings,
  ...dataset,
  ...documents,
  ...labelling,
  ...models,
  ...training,
  ...evaluation,
  ...predict,
  ...api,
};
// @ts-expect-error the predict domain's handler group is missing
export const withoutPredict: RealHandlers = {
  ...app,
  ...settings,
  ...dataset,
  ...imports,
  ...documents,
  ...labelling,
  ...models,
  ...training,
  ...evaluation,
  ...api,
};
// @ts-expect-error the labelling domain's handler group is missing
export const withoutLabelling: RealHandlers = {
  ...app,
  ...settings,
  ...dataset,
  ...imports,
  ...documents,
  ...models,
  ...training,
  ...evaluation,
  ...predict,
  ...api,
};
