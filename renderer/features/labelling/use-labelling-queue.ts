/**
 * The queue on the page: the resume shown and the next two, fetched ahead from `labelling.next`
 * (which answers from the latest model, never waiting for a refresh), answered one at a time. A new
 * model replaces what is queued behind the resume on screen; an undo starts the queue again, so the
 * resume it gave back can be asked again.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabelChange, LabellingStatus, QueueItem, QueueOrder, QueuePage } from '../../../preload/contract';
import { useStudio } from '../../api/studio-context';
import { useStudioEvent } from '../../api/use-studio-event';
import { useShowError } from '../../app/error-toasts';

/** Resumes held: the one shown and the ones fetched behind it. */
const held = 3;

/** What the page renders from and does. */
export interface LabellingQueue {
  current: QueueItem | null;
  status: LabellingStatus | undefined;
  /** True until the first page of this order (or restart) has come. */
  isLoading: boolean;
  /** Answers the resume on screen (its id, as the card shows it); a resume already answered is ignored until the queue restarts. */
  answer(documentId: number, answer: { category: string } | { exclude: true }): Promise<LabelChange | null>;
  /** Forgets what is queued and asks again (after an undo, or "accept the confident ones"). */
  restart(): void;
}

/** The queue in `order`. */
export function useLabellingQueue(order: QueueOrder): LabellingQueue {
  const client = useStudio();
  const showError = useShowError();
  const [restarts, setRestarts] = useState(0);
  const requestKey = `${order}:${restarts}`;
  // The items belong to the request they were fetched for; a page of an older one is dropped.
  const [queue, setQueue] = useState<{ key: string; items: QueueItem[] }>({ key: '', items: [] });
  const [status, setStatus] = useState<LabellingStatus>();
  const latest = useRef({ queue, requestKey, version: 0 });
  // Resumes answered since the queue (re)started: a page asked for before an answer was stored may
  // still hold its resume, which must not come back on screen (seen under load).
  const answered = useRef(new Set<number>());
  useEffect(() => {
    latest.current.queue = queue;
    latest.current.requestKey = requestKey;
  });

  /** Takes a page in: the first model coming with it makes way for suggested resumes. */
  const take = useCallback((key: string, page: QueuePage, replace: boolean) => {
    setStatus(page.status);
    const version = page.status.model?.version ?? 0;
    const isNewModel = version > latest.current.version;
    latest.current.version = Math.max(latest.current.version, version);
    setQueue((current) => {
      if (current.key !== key && !replace) return current;
      const kept = replace ? [] : isNewModel ? current.items.filter((i) => i.suggestion !== null) : current.items;
      const ids = new Set(kept.map((i) => i.documentId));
      const fresh = page.items.filter((i) => !ids.has(i.documentId) && !answered.current.has(i.documentId));
      return { key, items: [...kept, ...fresh].slice(0, held) };
    });
  }, []);

  useEffect(() => {
    let isCurrent = true;
    client.call('labelling.next', { order, limit: held, skip: [] }).then(
      (page) => isCurrent && take(requestKey, page, true),
      (error: unknown) => isCurrent && showError(error, 'Could not load the resumes to label'),
    );
    return () => {
      isCurrent = false;
    };
  }, [client, order, requestKey, showError, take]);

  /** Tops the queue up behind `keep`. */
  const fill = useCallback(
    (keep: QueueItem[]) => {
      const key = latest.current.requestKey;
      if (keep.length >= held) return;
      client.call('labelling.next', { order, limit: held - keep.length, skip: keep.map((i) => i.documentId) }).then(
        (page) => take(key, page, false),
        (error: unknown) => showError(error, 'Could not load the next resumes'),
      );
    },
    [client, order, showError, take],
  );

  useStudioEvent('labelling.changed', (next) => {
    setStatus(next);
    const version = next.model?.version ?? 0;
    if (version <= latest.current.version) return;
    latest.current.version = version;
    // The resume on screen stays (unless it has no suggestion yet); the rest come from the new model.
    const [current] = latest.current.queue.items;
    const keep = current?.suggestion ? [current] : [];
    setQueue((q) => ({ key: q.key, items: keep }));
    fill(keep);
  });

  const answer = useCallback(
    async (documentId: number, given: { category: string } | { exclude: true }): Promise<LabelChange | null> => {
      // By the id on the card, not the head of `latest` (a copy of the state refreshed after each
      // render): a key pressed right after a render must answer the resume on screen.
      if (answered.current.has(documentId)) return null;
      answered.current.add(documentId);
      // The suggestion on the card is the one answered: the accepted share counts against it.
      const item = latest.current.queue.items.find((i) => i.documentId === documentId);
      const shown =
        item?.suggestion && 'category' in given
          ? { category: item.suggestion.label, probability: item.suggestion.probability, modelVersion: item.modelVersion }
          : undefined;
      const without = (items: QueueItem[]) => items.filter((i) => i.documentId !== documentId);
      latest.current.queue = { ...latest.current.queue, items: without(latest.current.queue.items) };
      setQueue((q) => ({ key: q.key, items: without(q.items) }));
      try {
        return await client.call('labelling.answer', { documentId, ...given, ...(shown ? { shown } : {}) });
      } catch (error) {
        answered.current.delete(documentId);
        showError(error, 'Could not label the resume');
        return null;
      } finally {
        // Once the answer is stored, so the resume just answered cannot come back in the page.
        fill(latest.current.queue.items);
      }
    },
    [client, fill, showError],
  );

  const restart = useCallback(() => {
    // An undo may give answered resumes back to the pile.
    answered.current.clear();
    setRestarts((n) => n + 1);
  }, []);
  const items = queue.key === requestKey ? queue.items : [];
  return { current: items[0] ?? null, status, isLoading: queue.key !== requestKey, answer, restart };
}
