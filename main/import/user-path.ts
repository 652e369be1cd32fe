/**
 * Paths as people type or paste them: surrounding quotes (from "Copy as path" on Windows or a shell
 * habit) are dropped and a leading `~` means the home folder, in the UI's path box and the CLI
 * alike. Plain Node.
 */
import os from 'node:os';
import nodePath from 'node:path';

/** The path without surrounding whitespace and one pair of matching quotes, with `~` expanded. */
export function expandUserPath(input: string, homeDir: string = os.homedir()): string {
  let text = input.trim();
  const quote = text[0];
  if (text.length >= 2 && (quote === '"' || quote === "'") && text.endsWith(quote)) text = text.slice(1, -1).trim();
  // Only `~` alone or followed by a separator: `~bob` (another user's home) is left as typed.
  if (text === '~') return homeDir;
  if (text.startsWith('~/') || text.startsWith('~\\')) return nodePath.join(homeDir, text.slice(2));
  return text;
}
