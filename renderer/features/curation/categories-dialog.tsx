/**
 * Category management: create, rename, merge, delete. Each operation first asks the backend for
 * its plan (a dry run) and says how many resumes move; only "Confirm" applies it (undoable).
 */
import { useState } from 'react';
import type { CategoryCount, CategoryPlan } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { ModalDialog } from '../../components/modal-dialog';
import { formatCount } from '../../format/numbers';
import { ErrorMessage } from '../../components/error-message';

type Operation =
  | { kind: 'create'; name: string }
  | { kind: 'rename'; from: string; to: string }
  | { kind: 'merge'; from: string; into: string }
  | { kind: 'delete'; name: string };

interface Pending {
  operation: Operation;
  plan: CategoryPlan;
}

/** Props of CategoriesDialog. */
export interface CategoriesDialogProps {
  categories: CategoryCount[];
  onClose(): void;
}

/** The categories dialog. */
export function CategoriesDialog({ categories, onClose }: CategoriesDialogProps) {
  const client = useStudio();
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ name: string; mode: 'rename' | 'merge'; value: string } | null>(null);
  const [newName, setNewName] = useState('');

  const call = (operation: Operation, dryRun: boolean) => {
    switch (operation.kind) {
      case 'create':
        return client.call('categories.create', { name: operation.name, dryRun });
      case 'rename':
        return client.call('categories.rename', { from: operation.from, to: operation.to, dryRun });
      case 'merge':
        return client.call('categories.merge', { from: [operation.from], into: operation.into, dryRun });
      case 'delete':
        return client.call('categories.delete', { name: operation.name, dryRun });
    }
  };
  const plan = (operation: Operation) => {
    setError(null);
    call(operation, true).then(
      (result) => setPending({ operation, plan: result.plan }),
      (reason: Error) => setError(reason.message),
    );
  };
  const confirm = () => {
    if (!pending) return;
    call(pending.operation, false).then(
      () => {
        setPending(null);
        setEditing(null);
        setNewName('');
      },
      (reason: Error) => setError(reason.message),
    );
  };

  return (
    <ModalDialog
      title="Categories"
      subtitle="Each change says how many resumes move before it applies, and can be undone (Ctrl+Z)."
      onClose={onClose}
      className="wide"
    >
      <form
        className="category-create"
        onSubmit={(event) => {
          event.preventDefault();
          if (newName.trim()) plan({ kind: 'create', name: newName.trim() });
        }}
      >
        <label htmlFor="new-category">New category</label>
        <input id="new-category" className="input" value={newName} onChange={(event) => setNewName(event.target.value)} />
        <button type="submit" className="button" disabled={!newName.trim()}>
          Create…
        </button>
      </form>
      <ErrorMessage message={error} />
      {pending ? (
        <div className="category-plan" role="status" data-testid="category-plan">
          <p>
            {pending.plan.description}. <strong>{formatCount(pending.plan.moved)}</strong> resumes move.
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => setPending(null)}>
              Cancel
            </button>
            <button type="button" className="button primary" data-autofocus onClick={confirm}>
              Confirm
            </button>
          </div>
        </div>
      ) : null}
      <table className="category-table">
        <caption className="visually-hidden">Categories and their resumes</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Resumes</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.category}>
              <th scope="row">{c.category}</th>
              <td className="numeric">{formatCount(c.documents)}</td>
              <td>
                {editing?.name === c.category ? (
                  <form
                    className="category-edit"
                    onSubmit={(event) => {
                      event.preventDefault();
                      const value = editing.value.trim();
                      if (!value) return;
                      plan(editing.mode === 'rename' ? { kind: 'rename', from: c.category, to: value } : { kind: 'merge', from: c.category, into: value });
                    }}
                  >
                    {editing.mode === 'rename' ? (
                      <input
                        className="input"
                        aria-label={`New name for ${c.category}`}
                        value={editing.value}
                        autoFocus
                        onChange={(event) => setEditing({ ...editing, value: event.target.value })}
                      />
                    ) : (
                      <select
                        className="input"
                        aria-label={`Merge ${c.category} into`}
                        value={editing.value}
                        onChange={(event) => setEditing({ ...editing, value: event.target.value })}
                      >
                        <option value="">Merge into…</option>
                        {categories
                          .filter((other) => other.category !== c.category)
                          .map((other) => (
                            <option key={other.category} value={other.category}>
                              {other.category}
                            </option>
                          ))}
                      </select>
                    )}
                    <button type="submit" className="button" disabled={!editing.value.trim()}>
                      {editing.mode === 'rename' ? 'Rename…' : 'Merge…'}
                    </button>
                    <button type="button" className="button" onClick={() => setEditing(null)}>
                      Cancel
                    </button>
                  </form>
                ) : (
                  <div className="button-row">
                    <button type="button" className="button" onClick={() => setEditing({ name: c.category, mode: 'rename', value: c.category })}>
                      Rename<span className="visually-hidden"> {c.category}</span>
                    </button>
                    <button type="button" className="button" onClick={() => setEditing({ name: c.category, mode: 'merge', value: '' })}>
                      Merge<span className="visually-hidden"> {c.category}</span>
                    </button>
                    <button type="button" className="button danger" onClick={() => plan({ kind: 'delete', name: c.category })}>
                      Delete<span className="visually-hidden"> {c.category}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
