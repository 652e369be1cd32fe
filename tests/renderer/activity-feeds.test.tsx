// @vitest-environment jsdom
// Training runs and prediction batches show in the status line's activity indicator like imports:
// progress, time left, Cancel and a click that opens their page; they leave it when they end. The
// real feeds, registry, indicator and predict store over a scripted backend.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventMap, EventName, PredictBatch, RunSummary } from '../../preload/contract';
import { createStudioClient, type StudioClient } from '../../renderer/api/client';
import { createConnectionStore } from '../../renderer/api/connection-store';
import { StudioProvider } from '../../renderer/api/studio-context';
import { ActivityProvider } from '../../renderer/features/activity/activity-context';
import { ActivityIndicator } from '../../renderer/features/activity/activity-indicator';
import { useBatchActivityFeed } from '../../renderer/features/predict/use-batch-activity';
import { clearResults, predictFiles } from '../../renderer/features/predict/predict-store';
import { useTrainingActivityFeed } from '../../renderer/features/training/use-training-activity';
import { trainingProgress } from '../helpers/training-progress';

/** A backend that answers from `answers` and pushes events on demand. */
function scriptedBackend(answers: Record<string, (input: unknown) => unknown>) {
  const listeners = new Set<(event: { name: EventName; payload: unknown }) => void>();
  const calls: [string, unknown][] = [];
  const client: StudioClient = createStudioClient(
    {
      invoke: async (method, input) => {
        calls.push([method, input]);
        const answer = answers[method];
        if (!answer) return { ok: false, error: { code: 'unknown_method', message: method } };
        return { ok: true, value: (await answer(input)) as never };
      },
      onEvent: (listener) => {
        listeners.add(listener as never);
        return () => listeners.delete(listener as never);
      },
    },
    'http',
    createConnectionStore('connected'),
  );
  const emit = <E extends EventName>(name: E, payload: EventMap[E]) => act(() => listeners.forEach((listener) => listener({ name, payload })));
  return { client, calls, emit };
}

function Feeds() {
  useTrainingActivityFeed();
  useBatchActivityFeed();
  return <ActivityIndicator />;
}

function renderIndicator(client: StudioClient) {
  return render(
    <StudioProvider client={client}>
      <ActivityProvider>
        <Feeds />
      </ActivityProvider>
    </StudioProvider>,
  );
}

const progress = (runId: number, fraction: number, etaMs: number | null) => trainingProgress(runId, fraction, { etaMs });
const flush = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

beforeEach(() => {
  window.location.hash = '#/dataset';
});
afterEach(() => {
  cleanup();
  clearResults('batch');
  vi.useRealTimers();
});

describe('training in the activity indicator', () => {
  it('shows a run’s percentage and time left, cancels it, opens the Train page and leaves when the run ends', async () => {
    const backend = scriptedBackend({ 'training.current': () => null, 'training.cancel': () => ({ isCancelled: true }) });
    renderIndicator(backend.client);
    await flush();
    expect(screen.queryByTestId('activity')).toBeNull();

    backend.emit('training.progressed', progress(4, 0.425, 90_000));
    const open = screen.getByRole('button', { name: /^Training: 42% · 1 min 30 s left\. Show progress$/ });
    fireEvent.click(open);
    expect(window.location.hash).toBe('#/train');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(backend.calls).toContainEqual(['training.cancel', {}]);

    backend.emit('training.finished', { run: { id: 4, state: 'cancelled' } as RunSummary });
    expect(screen.queryByTestId('activity')).toBeNull();
  });

  it('a window opened mid-run shows the run at once, from training.current', async () => {
    const backend = scriptedBackend({ 'training.current': () => ({ run: { id: 7, state: 'running' } as RunSummary, progress: progress(7, 0.1, null) }) });
    renderIndicator(backend.client);
    await flush();
    expect(screen.getByRole('button', { name: /^Training: 10%\. Show progress$/ })).toBeTruthy();
  });
});

describe('batch prediction in the activity indicator', () => {
  it('shows files done of the batch with time left at the pace so far, cancels from the status line and leaves when the batch ends', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T10:00:00Z'));
    const started: PredictBatch = { id: 9, total: 6, done: 0, failed: 0, state: 'running' };
    const backend = scriptedBackend({
      'training.current': () => null,
      'predict.batchStart': () => started,
      // Files stay in flight: the batch is still running while the test looks at it.
      'predict.file': () => new Promise(() => undefined),
      'predict.batchCancel': () => ({ ...started, done: 2, state: 'cancelled' }),
    });
    renderIndicator(backend.client);
    await flush();
    const files = Array.from({ length: 6 }, (_, i) => new File([`resume ${i}`], `cv-${i}.txt`, { type: 'text/plain' }));
    void predictFiles(backend.client, files);
    await flush();
    backend.emit('predict.batchProgressed', started);
    expect(screen.getByRole('button', { name: /^Predicting: 0 \/ 6 files\. Show progress$/ })).toBeTruthy();

    // Two files in 20 s: four more take 40 s.
    vi.setSystemTime(new Date('2026-11-30T10:00:20Z'));
    backend.emit('predict.batchProgressed', { ...started, done: 2 });
    fireEvent.click(screen.getByRole('button', { name: /^Predicting: 2 \/ 6 files · 40 s left\. Show progress$/ }));
    expect(window.location.hash).toBe('#/predict');

    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await flush();
    expect(backend.calls).toContainEqual(['predict.batchCancel', { batchId: 9 }]);
    backend.emit('predict.batchProgressed', { ...started, done: 2, state: 'cancelled' });
    expect(screen.queryByTestId('activity')).toBeNull();
  });
});
