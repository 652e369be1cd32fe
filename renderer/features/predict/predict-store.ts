/**
 * What the Predict page shows, kept outside the page so a drop anywhere in the window (the page may
 * not be mounted yet) and navigating away and back keep it: the latest cards, and the current
 * batch with its rows, progress and cancel. A few files become cards; many files or a folder a
 * batch. Files go to the backend one request each ({ name, bytes }), two at a time, so progress
 * moves per file and Cancel takes effect between files. In blind mode a file's own name is never
 * shown: "Resume 3.pdf" until the backend answers with the name masked, and turning blind mode on
 * or off loads the cards again (their text is masked or shown by the backend).
 */
import { useSyncExternalStore } from 'react';
import type { AddToDatasetResult, PredictBatch, PredictedItem } from '../../../preload/contract';
import { defaultMaxBytes, tooLargeReason } from '../../../preload/contracts/file-limits';
import type { StudioClient } from '../../api/client';
import { toRpcCallError } from '../../api/rpc-call-error';
import { toPayload } from './file-payload';

/** One card: a file or text being predicted, its answer, or why the call failed. */
export interface CardState {
  key: number;
  /** The name shown: the file's, or in blind mode the backend's masked one (a placeholder until it answers). */
  name: string;
  /** The file's own name, shown again when blind mode is turned off. */
  localName: string;
  item: PredictedItem | null;
  error: string | null;
  isAdded: boolean;
}

/** One row of a batch. */
export interface BatchRowState {
  key: number;
  /** As CardState.name. */
  name: string;
  localName: string;
  item: PredictedItem | null;
  error: string | null;
  /** The label "Add to dataset" will use: the predicted one unless corrected. */
  label: string | null;
  isAdded: boolean;
}

/** The current batch. */
export interface BatchState {
  id: number | null;
  total: number;
  done: number;
  failed: number;
  state: PredictBatch['state'] | 'starting' | 'failed';
  rows: BatchRowState[];
  error: string | null;
  /** When this window started it (Date.now()), for the time left in the status line. */
  startedAtMs: number;
  /** Files refused before sending (over the size limit): counted as done and unreadable, unknown to the backend's batch. */
  refused: number;
}

/** Everything the page renders from. */
export interface PredictState {
  cards: CardState[];
  batch: BatchState | null;
}

/** Fewer files than this become cards; this many or more (or any folder) a batch table. */
export const batchFromFiles = 5;
/** Files in flight at once: one parsing while the previous one is predicted. */
const concurrency = 2;
/** Cards kept on the page, newest first. */
const maxCards = 12;

let state: PredictState = { cards: [], batch: null };
let nextKey = 1;
let isCancelling = false;
let isBlind = false;

/** What a file is called on screen before the backend answers: its name, or in blind mode a placeholder with its extension. */
const shownName = (key: number, localName: string) => (isBlind ? `Resume ${key}${/\.[A-Za-z0-9]{1,5}$/.exec(localName)?.[0] ?? ''}` : localName);
const listeners = new Set<() => void>();

function update(next: PredictState): void {
  state = next;
  for (const listener of [...listeners]) listener();
}
const updateBatch = (change: (batch: BatchState) => BatchState) => state.batch && update({ ...state, batch: change(state.batch) });
const updateRow = (key: number, change: Partial<BatchRowState>) =>
  updateBatch((batch) => ({ ...batch, rows: batch.rows.map((row) => (row.key === key ? { ...row, ...change } : row)) }));
const updateCard = (key: number, change: Partial<CardState>) =>
  update({ ...state, cards: state.cards.map((card) => (card.key === key ? { ...card, ...change } : card)) });

/** The state, re-rendering on each change. */
export function usePredictState(): PredictState {
  return useSyncExternalStore(
    (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    () => state,
  );
}

/** The current batch, outside React (the status line's feed reads it). */
export function currentBatch(): BatchState | null {
  return state.batch;
}

/** The predicted label of an item, or null. */
const predictedLabel = (item: PredictedItem | null) => (item?.status === 'predicted' ? item.prediction.label : null);

/**
 * Predicts one file; a file over the importer's size limit is refused here, before its bytes are
 * read and sent, with the importer's own sentence (a 30 MB file otherwise uploaded for half a
 * minute to be refused with a bare HTTP 413).
 */
async function predictFile(client: StudioClient, file: File, batchId: number | null): Promise<PredictedItem> {
  if (file.size > defaultMaxBytes) return { status: 'too_large', batchId, name: file.name, reason: tooLargeReason(file.size) };
  return client.call('predict.file', { ...(await toPayload(file)), ...(batchId === null ? {} : { batchId }) });
}

/** Predicts one card's file or text. */
async function runCard(key: number, call: () => Promise<PredictedItem>): Promise<void> {
  try {
    const item = await call();
    // The backend's name is the file's own, or masked in blind mode.
    updateCard(key, { item, name: item.name });
  } catch (error) {
    updateCard(key, { error: toRpcCallError(error).message });
  }
}

/** Predicts pasted text as a card. */
export function predictText(client: StudioClient, text: string): Promise<void> {
  const key = nextKey++;
  update({
    ...state,
    cards: [{ key, name: 'Pasted text', localName: 'Pasted text', item: null, error: null, isAdded: false }, ...state.cards].slice(0, maxCards),
  });
  return runCard(key, () => client.call('predict.text', { text }));
}

/** Predicts dropped or picked files: cards for a few, a batch for many or a folder. */
export async function predictFiles(client: StudioClient, files: File[], fromFolder = false): Promise<void> {
  if (files.length === 0) return;
  if (files.length < batchFromFiles && !fromFolder) {
    const cards = files.map((file) => {
      const key = nextKey++;
      return { key, name: shownName(key, file.name), localName: file.name, item: null, error: null, isAdded: false };
    });
    update({ ...state, cards: [...cards.reverse(), ...state.cards].slice(0, maxCards) });
    await Promise.all(files.map((file, i) => runCard(cards[files.length - 1 - i]!.key, () => predictFile(client, file, null))));
    return;
  }
  await runBatch(client, files);
}

/** Runs a batch: starts it, sends each file, counts them; stops sending when cancelled. */
async function runBatch(client: StudioClient, files: File[]): Promise<void> {
  isCancelling = false;
  const rows = files.map((file) => {
    const key = nextKey++;
    return { key, name: shownName(key, file.name), localName: file.name, item: null, error: null, label: null, isAdded: false };
  });
  update({ ...state, batch: { id: null, total: files.length, done: 0, failed: 0, state: 'starting', rows, error: null, startedAtMs: Date.now(), refused: 0 } });
  // Files over the size limit are refused here and never sent, so the backend's batch counts the others.
  const sendable = files.filter((file) => file.size <= defaultMaxBytes).length;
  files.forEach((file, i) => {
    if (file.size > defaultMaxBytes)
      updateRow(rows[i]!.key, { item: { status: 'too_large', batchId: null, name: file.name, reason: tooLargeReason(file.size) } });
  });
  const refused = files.length - sendable;
  updateBatch((b) => ({ ...b, refused, done: refused, failed: refused }));
  if (sendable === 0) {
    updateBatch((b) => ({ ...b, state: 'finished' }));
    return;
  }
  let batch: PredictBatch;
  try {
    batch = await client.call('predict.batchStart', { total: sendable });
  } catch (error) {
    updateBatch((b) => ({ ...b, state: 'failed', error: toRpcCallError(error).message }));
    return;
  }
  updateBatch((b) => ({ ...b, id: batch.id, state: 'running' }));
  const toSend = files.flatMap((file, index) => (file.size <= defaultMaxBytes ? [index] : []));
  let next = 0;
  const worker = async () => {
    while (next < toSend.length && !isCancelling) {
      const index = toSend[next++]!;
      const row = rows[index]!;
      try {
        const item = await client.call('predict.file', { ...(await toPayload(files[index]!)), batchId: batch.id });
        updateRow(row.key, { item, name: item.name, label: predictedLabel(item) });
      } catch (error) {
        const failure = toRpcCallError(error);
        // A file refused because the batch was cancelled meanwhile is simply not done.
        if (failure.code !== 'cancelled') updateRow(row.key, { error: failure.message });
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Follows the backend's count of the current batch (done, failed, state). */
export function applyBatchProgress(progress: PredictBatch): void {
  updateBatch((batch) =>
    batch.id === progress.id ? { ...batch, done: progress.done + batch.refused, failed: progress.failed + batch.refused, state: progress.state } : batch,
  );
}

/** Stops the current batch: no further file is sent, and the backend refuses any still on its way. */
export async function cancelBatch(client: StudioClient): Promise<void> {
  const id = state.batch?.id;
  isCancelling = true;
  if (id === null || id === undefined) return;
  try {
    applyBatchProgress(await client.call('predict.batchCancel', { batchId: id }));
  } catch (error) {
    updateBatch((batch) => ({ ...batch, error: toRpcCallError(error).message }));
  }
}

/** Corrects the label a batch row will be added with. */
export function setRowLabel(key: number, label: string): void {
  updateRow(key, { label });
}

/** Adds predicted batch rows or cards to the dataset with their labels; marks them added. */
export async function addToDataset(client: StudioClient, entries: { key: number; predictionId: number; category: string }[]): Promise<AddToDatasetResult> {
  const result = await client.call('predict.addToDataset', { items: entries.map(({ predictionId, category }) => ({ predictionId, category })) });
  const keys = new Set(entries.map((e) => e.key));
  update({ ...state, cards: state.cards.map((card) => (keys.has(card.key) ? { ...card, isAdded: true } : card)) });
  updateBatch((batch) => ({ ...batch, rows: batch.rows.map((row) => (keys.has(row.key) ? { ...row, isAdded: true } : row)) }));
  return result;
}

/** Shows a stored prediction (a batch row) as a card, with its text and highlighted words. */
export function openAsCard(client: StudioClient, predictionId: number, name: string): Promise<void> {
  const key = nextKey++;
  update({ ...state, cards: [{ key, name, localName: name, item: null, error: null, isAdded: false }, ...state.cards].slice(0, maxCards) });
  return runCard(key, () => client.call('predict.get', { id: predictionId }));
}

/** Clears the cards or the batch (the stored predictions stay in the database). */
export function clearResults(which: 'cards' | 'batch'): void {
  update(which === 'cards' ? { ...state, cards: [] } : { ...state, batch: null });
}

/** A batch row's item with its names replaced (the row keeps no text to mask). */
function renamed(item: PredictedItem | null, name: string): PredictedItem | null {
  if (!item) return null;
  return item.status === 'predicted' ? { ...item, name, prediction: { ...item.prediction, name } } : { ...item, name };
}

/**
 * Follows the blind-mode setting: every shown name is replaced (the file's own, or a placeholder),
 * and the cards' predictions are loaded again so their text comes masked, or not, from the backend.
 */
export function setBlindMode(client: StudioClient, blind: boolean): void {
  if (blind === isBlind) return;
  isBlind = blind;
  const cards = state.cards.map((card) => ({ ...card, name: card.localName === 'Pasted text' ? card.localName : shownName(card.key, card.localName) }));
  update({
    cards: cards.map((card) => (card.item?.status === 'predicted' ? card : { ...card, item: renamed(card.item, card.name) })),
    batch: state.batch && {
      ...state.batch,
      rows: state.batch.rows.map((row) => {
        const name = shownName(row.key, row.localName);
        return { ...row, name, item: renamed(row.item, name) };
      }),
    },
  });
  for (const card of cards)
    if (card.item?.status === 'predicted') void runCard(card.key, () => client.call('predict.get', { id: (card.item as { id: number }).id }));
}
