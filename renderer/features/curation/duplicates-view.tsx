/**
 * Near-duplicate groups side by side: each member's name, label, length and the start of its text,
 * with the exact copies an import skipped. "Keep this one" excludes the other members (undoable),
 * which resolves the group.
 */
import { useState } from 'react';
import type { DuplicateGroup } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useRpc } from '../../api/use-rpc';
import { useShowError } from '../../app/error-toasts';
import { InlineError } from '../../components/inline-error';
import { formatCount, formatCountOf } from '../../format/numbers';
import { CurationHeader } from './curation-header';
import { hashForResumes } from './curation-url';
import { useLabelHistory } from './use-label-history';

const pageSize = 20;

/** The duplicates view. */
export function DuplicatesView() {
  const client = useStudio();
  const showError = useShowError();
  const [limit, setLimit] = useState(pageSize);
  const [announcement, setAnnouncement] = useState('');
  const groups = useRpc('documents.duplicateGroups', { limit }, { refreshOn: ['documents.changed', 'dataset.changed'] });
  const { history, undo, redo } = useLabelHistory(setAnnouncement);
  const keep = (id: number) =>
    client.call('documents.keepOne', { keepId: id }).then(
      (change) => setAnnouncement(change.step?.description ?? 'Nothing changed'),
      (error: unknown) => showError(error, 'Could not keep this resume'),
    );
  const total = groups.data?.total;
  return (
    <div className="curation-view duplicates-view">
      <CurationHeader
        title="Duplicates"
        counts={total === undefined ? 'Counting…' : `${formatCountOf(total, 'near-duplicate group')} with more than one resume still used for training`}
        history={history}
        onUndo={undo}
        onRedo={redo}
      />
      {groups.error ? <InlineError title="Could not load the duplicate groups" error={groups.error} onRetry={groups.reload} /> : null}
      {total === 0 ? <p className="muted">No near-duplicates left: each group keeps one resume for training.</p> : null}
      <ol className="duplicate-groups" aria-label="Duplicate groups">
        {groups.data?.groups.map((group) => (
          <GroupCard key={group.representativeId} group={group} onKeep={keep} />
        ))}
      </ol>
      {total !== undefined && (groups.data?.groups.length ?? 0) < total ? (
        <button type="button" className="button" onClick={() => setLimit((l) => Math.min(200, l + pageSize))}>
          Show more groups
        </button>
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </div>
  );
}

function GroupCard({ group, onKeep }: { group: DuplicateGroup; onKeep(id: number): void }) {
  const first = group.members[0];
  return (
    <li className="card duplicate-group" data-testid="duplicate-group" aria-label={`Group of ${first?.fileName ?? ''}`}>
      <p className="muted">
        {group.members.length} similar resumes, {group.includedCount} used for training
      </p>
      <div className="duplicate-members">
        {group.members.map((member) => (
          <section key={member.id} className={`duplicate-member${member.isExcluded ? ' excluded' : ''}`} aria-label={member.fileName}>
            <h3 title={member.fileName}>
              <a href={hashForResumes({ documentId: member.id, filter: { duplicates: true } })}>{member.fileName}</a>
            </h3>
            <p className="muted">
              {member.category ?? 'unlabelled'} · {formatCount(member.charCount)} characters{member.isExcluded ? ' · excluded' : ''}
            </p>
            <p className="duplicate-excerpt">{member.excerpt}</p>
            {member.exactCopies.length > 0 ? (
              <details>
                <summary>{member.exactCopies.length} exact copies skipped at import</summary>
                <ul>
                  {member.exactCopies.map((copy, i) => (
                    <li key={i}>
                      {copy.path} <span className="muted">({copy.category ?? 'unlabelled'})</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            <button type="button" className="button" onClick={() => onKeep(member.id)}>
              Keep this one<span className="visually-hidden"> ({member.fileName})</span>
            </button>
          </section>
        ))}
      </div>
    </li>
  );
}
