/** Process entry of the CLI (bundled to out/main/cli.js): real stdout/stderr and exit code. */
import { runCli } from './index';

// `resume-studio import … 2>&1 | head -1` closes the pipe early: that is the reader's choice, not a
// crash. Exiting on the spot would leave a job 'running' and its lock held, so the command is asked
// to stop the way Ctrl+C stops it; later output is dropped.
const outputClosed = new AbortController();
let outputFailed = false;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    // Any other write failure (a full disk behind a redirect) stops the same way but exits with 1.
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') outputFailed = true;
    outputClosed.abort();
  });
}
const writer = (stream: NodeJS.WriteStream) => (line: string) => {
  if (!outputClosed.signal.aborted) stream.write(`${line}\n`);
};

const code = await runCli(process.argv.slice(2), { stdout: writer(process.stdout), stderr: writer(process.stderr), outputClosed: outputClosed.signal });
process.exitCode = outputFailed ? 1 : code;
