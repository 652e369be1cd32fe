/** Relabel or exclude one resume in place, through the one `documents.*` set of methods (curation's). */
import { useState } from 'react';
import { toRpcCallError } from '../../api/rpc-call-error';
import type { EvaluatedDocument } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';

/** Props of DocumentActions: a resume as a run's lists show it (its predicted category is offered first). */
export interface DocumentActionsProps {
  document: Pick<EvaluatedDocument, 'documentId' | 'fileName' | 'currentCategory' | 'isExcluded' | 'predictedCategory'>;
  categories: string[];
  onChanged(): void;
}

/** A category picker with Relabel, and Exclude / Include. */
export function DocumentActions({ document, categories, onChanged }: DocumentActionsProps) {
  const { documentId, fileName, currentCategory, isExcluded, predictedCategory: suggested } = document;
  const client = useStudio();
  const [category, setCategory] = useState(suggested);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const run = (action: Promise<unknown>, done: string) =>
    action.then(
      () => {
        setMessage({ text: done, isError: false });
        onChanged();
      },
      (error: unknown) => setMessage({ text: toRpcCallError(error).message, isError: true }),
    );
  const id = `relabel-${documentId}`;
  return (
    <div className="document-actions">
      <label htmlFor={id} className="visually-hidden">
        New category for {fileName}
      </label>
      <select id={id} value={category} onChange={(e) => setCategory(e.target.value)}>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button"
        disabled={category === currentCategory}
        onClick={() => void run(client.call('documents.setCategory', { ids: [documentId], category }), `${fileName} is now ${category}.`)}
      >
        Relabel
      </button>
      <button
        type="button"
        className="button"
        onClick={() =>
          void run(
            client.call('documents.setExcluded', { ids: [documentId], excluded: !isExcluded }),
            `${fileName} is ${isExcluded ? 'included again' : 'excluded from training'}.`,
          )
        }
      >
        {isExcluded ? 'Include' : 'Exclude'}
      </button>
      {message ? (
        <span role={message.isError ? 'alert' : 'status'} className={message.isError ? 'field-error' : 'muted'}>
          {message.text}
        </span>
      ) : null}
    </div>
  );
}
