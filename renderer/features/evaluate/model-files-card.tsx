/** Export the run's model and its model card, or import a model file (validated, with a sentence for a bad one). */
import { useState, type ChangeEvent } from 'react';
import { toRpcCallError } from '../../api/rpc-call-error';
import { useStudio } from '../../api/studio-context';
import { formatCountOf } from '../../format/numbers';

/** Saves text as a file through the browser's download. */
function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  URL.revokeObjectURL(url);
}

/** The card. */
export function ModelFilesCard({ modelId }: { modelId: number | null }) {
  const client = useStudio();
  const [message, setMessage] = useState<{ text: string; isError: boolean; importedId?: number } | null>(null);
  const fail = (error: unknown) => setMessage({ text: toRpcCallError(error).message, isError: true });
  const exportModel = () =>
    modelId !== null && client.call('models.export', { id: modelId }).then((f) => download(f.fileName, f.json, 'application/json'), fail);
  const exportCard = (kind: 'md' | 'json') =>
    modelId !== null &&
    client
      .call('models.card', { id: modelId })
      .then(
        (card) => download(`${card.fileStem}.${kind}`, kind === 'md' ? card.markdown : card.json, kind === 'md' ? 'text/markdown' : 'application/json'),
        fail,
      );
  const importModel = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    file.text().then(
      (json) =>
        client.call('models.import', { fileName: file.name, json }).then(
          (model) =>
            setMessage({
              text: `${file.name} is a valid model (${formatCountOf(model.classes.length, 'category', 'categories')}, ${model.engine} engine); it was added.`,
              isError: false,
              importedId: model.id,
            }),
          fail,
        ),
      fail,
    );
  };
  const activate = (id: number) => client.call('models.activate', { id }).then(() => setMessage({ text: `Model ${id} is now active.`, isError: false }), fail);
  return (
    <section className="card" aria-labelledby="files-title">
      <h2 id="files-title">Model files</h2>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void exportModel()} disabled={modelId === null}>
          Export model (JSON)
        </button>
        <button type="button" className="button" onClick={() => void exportCard('md')} disabled={modelId === null}>
          Model card (Markdown)
        </button>
        <button type="button" className="button" onClick={() => void exportCard('json')} disabled={modelId === null}>
          Model card (JSON)
        </button>
        <label className="button file-button">
          Import a model file…
          <input type="file" accept=".json,application/json" className="visually-hidden" onChange={importModel} data-testid="import-model" />
        </label>
      </div>
      {message ? (
        <p role={message.isError ? 'alert' : 'status'} className={message.isError ? 'field-error' : undefined}>
          {message.text}{' '}
          {message.importedId !== undefined ? (
            <button type="button" className="link-button" onClick={() => void activate(message.importedId!)}>
              Make it active
            </button>
          ) : null}
        </p>
      ) : null}
    </section>
  );
}
