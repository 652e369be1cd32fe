/**
 * "Label with suggestions": one unlabelled resume at a time with the model's suggestion, asked in
 * the order that teaches the model most (or random, or most confident first); the model refreshes
 * in the background every few answers and the page shows how it is doing from the answers
 * themselves. "Accept the confident ones" finishes the pile. Every answer is undoable (Ctrl+Z).
 */
import { useCallback, useRef, useState } from 'react';
import type { LabelChange, QueueOrder } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useRpc } from '../../api/use-rpc';
import { useShowError } from '../../app/error-toasts';
import { ChoiceGroup, type Choice } from '../../components/choice-group';
import { PageHeader } from '../../components/page-header';
import { ReviewThresholdControl } from '../../components/review-threshold-control';
import { formatCount } from '../../format/numbers';
import { hashForResumes } from '../curation/curation-url';
import { useLabelHistory } from '../curation/use-label-history';
import { AcceptConfidentDialog } from './accept-confident-dialog';
import { LabellingStats } from './labelling-stats';
import { QueueCard } from './queue-card';
import { useLabellingQueue } from './use-labelling-queue';

const orders: Choice<QueueOrder>[] = [
  { value: 'uncertain', label: 'Least sure first', hint: 'teaches the model most' },
  { value: 'random', label: 'Random' },
  { value: 'confident', label: 'Most confident first', hint: 'quick to accept' },
];

/** The page. */
export function LabellingPage() {
  const client = useStudio();
  const showError = useShowError();
  const [order, setOrder] = useState<QueueOrder>('uncertain');
  const queue = useLabellingQueue(order);
  const categories = useRpc('categories.list', {}, { refreshOn: ['dataset.changed'] });
  const [announcement, setAnnouncement] = useState('');
  const [isDialogOpen, setDialogOpen] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const card = useRef<{ focus(): void }>(null);
  const { restart } = queue;
  const onHistory = useCallback(
    (what: string) => {
      setAnnouncement(what);
      // An undo may give a resume back to the pile: ask again from the top.
      restart();
    },
    [restart],
  );
  useLabelHistory(onHistory);
  const status = queue.status;

  const answered = (change: LabelChange | null) => {
    if (change?.step) setAnnouncement(change.step.description);
    card.current?.focus();
  };
  const shown = queue.current;
  const label = (category: string) => shown && void queue.answer(shown.documentId, { category }).then(answered);
  const exclude = () => shown && void queue.answer(shown.documentId, { exclude: true }).then(answered);
  const refresh = () => void client.call('labelling.refresh', {}).catch((error: unknown) => showError(error, 'Could not refresh the suggestions'));
  const acceptConfident = () => {
    setBusy(true);
    client.call('labelling.acceptConfident', {}).then(
      (result) => {
        setBusy(false);
        setDialogOpen(false);
        setAnnouncement(result.change?.step?.description ?? 'Nothing to accept');
        restart();
      },
      (error: unknown) => {
        setBusy(false);
        showError(error, 'Could not accept the confident ones');
      },
    );
  };

  const actions = (
    <>
      <a className="button" href={hashForResumes({ filter: { unlabelled: true } })}>
        Browse unlabelled
      </a>
      <button type="button" className="button" onClick={refresh} disabled={!status?.model || status.isRefreshing}>
        Refresh now
      </button>
      <button type="button" className="button primary" onClick={() => setDialogOpen(true)} disabled={!status?.model || status.confident === 0}>
        Accept the confident ones{status?.model ? ` (${formatCount(status.confident)})` : ''}
      </button>
    </>
  );
  return (
    <>
      <PageHeader
        title="Label with suggestions"
        description="The model suggests a category for each unlabelled resume and asks first about the ones it is least sure of; it learns from every few answers."
        actions={actions}
      />
      {status ? <LabellingStats status={status} /> : null}
      {status?.reviewThreshold ? <ReviewThresholdControl threshold={status.reviewThreshold} /> : null}
      {status?.problem ? (
        <p className="card labelling-problem" role="note">
          {status.problem}
        </p>
      ) : null}
      <ChoiceGroup<QueueOrder> legend="Order" name="queue-order" value={order} choices={orders} onChange={setOrder} />
      {queue.current ? (
        <QueueCard ref={card} item={queue.current} categories={categories.data ?? []} onLabel={label} onExclude={exclude} />
      ) : queue.isLoading ? (
        <p className="muted" role="status">
          {status?.state === 'training' || status?.isRefreshing ? 'Training the first model…' : 'Loading the next resumes…'}
        </p>
      ) : (
        <p className="card" role="status" data-testid="queue-empty">
          {status?.unlabelled === 0 ? 'Every resume is labelled.' : 'No resume to ask about right now.'}
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="labelling-announcement">
        {announcement}
      </p>
      {isDialogOpen && status ? (
        <AcceptConfidentDialog status={status} isBusy={isBusy} onAccept={acceptConfident} onClose={() => setDialogOpen(false)} />
      ) : null}
    </>
  );
}
