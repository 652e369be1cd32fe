/**
 * Starts the real browser-mode backend (`node out/main/web.js`) on a fresh data directory, with
 * no-network.cjs preloaded in all its threads: stopping it fails when it tried to reach any host
 * but this machine.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A running backend and how to reach it. */
export interface Backend {
  /** The printed URL, carrying the session token. */
  url: string;
  origin: string;
  /** Outgoing network attempts the backend made so far (none is allowed). */
  networkAttempts(): string[];
  token: string;
  dataDir: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');
const startTimeoutMs = 60_000;

/** Spawns the bridge on an ephemeral port and resolves once it prints its URL. */
export async function startBackend(dataDir?: string): Promise<Backend> {
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-e2e-'));
  // Outside the data directory: a test may delete that before the backend stops.
  const networkLog = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'resume-studio-net-')), 'attempts.log');
  const child = spawn(
    process.execPath,
    ['--require', path.join(root, 'tests/e2e/no-network.cjs'), path.join(root, 'out/main/web.js'), '--data-dir', dir, '--port', '0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, RESUME_STUDIO_NETWORK_LOG: networkLog },
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Backend did not print its URL within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Backend exited with code ${code} before it was ready:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const networkAttempts = () => (fs.existsSync(networkLog) ? fs.readFileSync(networkLog, 'utf8').split('\n').filter(Boolean) : []);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    const attempts = networkAttempts();
    fs.rmSync(path.dirname(networkLog), { recursive: true, force: true });
    if (attempts.length > 0) throw new Error(`The backend tried to reach the network (nothing may leave the machine):\n${attempts.join('\n')}`);
  };
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', dataDir: dir, process: child, networkAttempts, stop };
}
