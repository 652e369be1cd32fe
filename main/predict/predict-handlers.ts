/** Handlers of the `predict.*` methods: thin calls into the prediction service. Plain Node. */
import type { predictMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import type { PredictService } from './predict-service';

/** The predict domain's handler group. */
export function createPredictHandlers(deps: { predict: PredictService }): HandlersFor<typeof predictMethods> {
  const { predict } = deps;
  return {
    'predict.status': () => predict.status(),
    'predict.file': (input) => predict.predictFile(input),
    'predict.text': (input) => predict.predictText(input),
    'predict.batchStart': (input) => predict.startBatch(input.total),
    'predict.batchCancel': (input) => predict.cancelBatch(input.batchId),
    'predict.get': (input) => predict.get(input.id),
    'predict.addToDataset': (input) => predict.addToDataset(input.items),
  };
}
