/**
 * Browser mode on a damaged database: the printed URL opens a page that says what is wrong and
 * restores the newest intact backup; the damaged file stays on disk and the app then opens on the
 * backup's data. A real store damaged on purpose, the real backend process, real Chromium.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addDocuments, backUp, corruptInteriorPages } from '../helpers/damaged-database';
import { expectAccessible } from './axe';
import { startBackend } from './backend';
import { expect, test } from './fixtures';
import { statValue } from './import-helpers';

test('a damaged database gets the restore page; Restore brings the backup back and keeps the damaged file', async ({ page, problems }) => {
  void problems; // console errors fail the test
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-e2e-restore-'));
  const file = path.join(dataDir, 'studio.sqlite');
  await addDocuments(file, 3000);
  backUp(file, new Date('2026-10-01T12:00:00Z'));
  await addDocuments(file, 100, 3000);
  corruptInteriorPages(file);
  const damagedBytes = fs.readFileSync(file);
  const backend = await startBackend(dataDir);
  try {
    await page.goto(backend.url);
    await expect(page.getByRole('heading', { level: 1, name: 'The database is damaged' })).toBeVisible();
    await expect(page.getByText(/The database .*studio\.sqlite is damaged \(SQLite's integrity check says/)).toBeVisible();
    await expect(page.getByText(/The newest intact backup was made on .*2026/)).toBeVisible();
    await expectAccessible(page, 'the restore page');

    await page.getByRole('button', { name: 'Restore the backup' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'The backup is restored' })).toBeVisible();
    const kept = page.getByRole('listitem').filter({ hasText: /studio\.sqlite\.corrupt-/ });
    await expect(kept).toHaveCount(1);
    const keptPath = (await kept.textContent())!;
    expect(fs.readFileSync(keptPath).equals(damagedBytes)).toBe(true);

    await page.getByRole('button', { name: 'Open Resume Studio' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
    await expect(statValue(page, 'Documents')).toHaveText(/^3\s?000$/);
    // A reload (or a new tab) goes straight to the app now.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Dataset' })).toBeVisible();
  } finally {
    // The page first: a server stopping under an open event stream is a console error.
    await page.close();
    await backend.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
