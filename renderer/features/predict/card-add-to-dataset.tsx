/** "Add to dataset" on a prediction card: the predicted label, or a corrected one, then one click. */
import { useState } from 'react';
import { useStudio } from '../../api/studio-context';
import { toRpcCallError } from '../../api/rpc-call-error';
import { LabelPicker } from './label-picker';
import { addToDataset } from './predict-store';

/** The label field and the button; says what happened, or why not. */
export function CardAddToDataset({
  cardKey,
  predictionId,
  predicted,
  categories,
  isAdded,
}: {
  cardKey: number;
  predictionId: number;
  predicted: string;
  categories: readonly string[];
  isAdded: boolean;
}) {
  const client = useStudio();
  const [label, setLabel] = useState(predicted);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setIsBusy] = useState(false);
  const add = async () => {
    setIsBusy(true);
    try {
      const result = await addToDataset(client, [{ key: cardKey, predictionId, category: label.trim() }]);
      setMessage(result.added ? `Added to the dataset as ${label.trim()}.` : 'Already in the dataset (same text); nothing added.');
    } catch (error) {
      setMessage(toRpcCallError(error).message);
    } finally {
      setIsBusy(false);
    }
  };
  return (
    <div className="card-add">
      <LabelPicker value={label} onChange={setLabel} categories={categories} label="Label for the dataset" disabled={isAdded || isBusy} />
      <button type="button" className="button" onClick={add} disabled={isAdded || isBusy || !label.trim()}>
        {isAdded ? 'Added' : 'Add to dataset'}
      </button>
      {message ? (
        <span className="muted" role="status">
          {message}
        </span>
      ) : null}
    </div>
  );
}
