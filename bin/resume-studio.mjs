#!/usr/bin/env node
// The `resume-studio` command. Runs the built CLI (out/main/cli.js) when present; from a fresh
// clone without a build it runs the TypeScript sources through tsx (a dev dependency).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const built = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (existsSync(built) && !process.env.RESUME_STUDIO_FROM_SOURCE) {
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../main/cli/main.ts', import.meta.url).href);
}
