/** Handlers of the `labelling.*` methods, over the labelling service. Plain Node. */
import type { labellingMethods } from '../../preload/contract';
import type { HandlersFor } from '../rpc/dispatcher';
import type { LabellingService } from './labelling-service';

/** The labelling domain's handler group. */
export function createLabellingHandlers(deps: { labelling: LabellingService }): HandlersFor<typeof labellingMethods> {
  const { labelling } = deps;
  return {
    'labelling.status': () => labelling.status(),
    'labelling.next': (input) => labelling.next(input),
    'labelling.answer': (input) => labelling.answer(input),
    'labelling.acceptConfident': (input) => labelling.acceptConfident(input),
    'labelling.refresh': () => labelling.refresh(),
  };
}
