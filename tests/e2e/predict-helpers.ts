/** Shared steps of the Predict e2e tests: an active model in the backend, and files dropped with a real DataTransfer. */
import { expect, type Page } from '@playwright/test';
import { sampleModelJson } from '../fixtures/sample-model';
import type { Backend } from './backend';

/** Calls one contract method on the backend the way the UI does (token header, no Origin). */
export async function rpc<T>(backend: Backend, method: string, input: unknown): Promise<T> {
  const response = await fetch(`${backend.origin}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-studio-token': backend.token },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** Imports the sample model (trained at test time on generated resumes) and makes it the active model. */
export async function activateSampleModel(backend: Backend): Promise<void> {
  const model = await rpc<{ id: number }>(backend, 'models.import', { fileName: 'sample-model.json', json: sampleModelJson() });
  await rpc(backend, 'models.activate', { id: model.id });
}

/** A file to drop: its name, bytes and type. */
export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
  type?: string;
}

/**
 * Drops `files` on the element matching `selector` (default: the page body, i.e. anywhere in the
 * window) the way a user's drag does: dragenter, dragover, then drop, with a DataTransfer holding
 * real File objects. Returns the page time at which the drop was dispatched.
 */
export async function dropFiles(page: Page, files: DroppedFile[], selector = 'body'): Promise<number> {
  const payload = files.map((f) => ({ name: f.name, type: f.type ?? '', base64: Buffer.from(f.bytes).toString('base64') }));
  return page.evaluate(
    ({ payload, selector }) => {
      const transfer = new DataTransfer();
      for (const f of payload) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const target = document.querySelector(selector)!;
      const at = performance.now();
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      return at;
    },
    { payload, selector },
  );
}

/** Waits for the Predict page with an active model. */
export async function expectModelReady(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Predict' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Model in use' })).toBeVisible();
}

/**
 * Drops one file on `selector` and resolves with the milliseconds until its card shows a category,
 * timed inside the page (a MutationObserver), so the test runner's polling adds nothing.
 */
export async function dropAndTimeCard(page: Page, file: DroppedFile, selector: string): Promise<number> {
  const base64 = Buffer.from(file.bytes).toString('base64');
  return page.evaluate(
    ({ name, type, base64, selector }) =>
      new Promise<number>((resolve, reject) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type }));
        // No named functions in here: tsx (which runs the benchmark) would wrap them in a helper the page lacks.
        const timer = setTimeout(() => reject(new Error(`no card for ${name} within 60 s`)), 60_000);
        const at = performance.now();
        const observer = new MutationObserver(() => {
          const cards = [...document.querySelectorAll('[data-testid="prediction-card"]')];
          if (!cards.some((card) => card.querySelector('h3')?.textContent === name && card.querySelector('[data-testid="predicted-category"]'))) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(performance.now() - at);
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        const target = document.querySelector(selector)!;
        for (const eventType of ['dragenter', 'dragover', 'drop'])
          target.dispatchEvent(new DragEvent(eventType, { bubbles: true, cancelable: true, dataTransfer: transfer }));
      }),
    { name: file.name, type: file.type ?? '', base64, selector },
  );
}
