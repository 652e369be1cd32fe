/** Process entry of the CLI (bundled to out/main/cli.js): real stdout/stderr and exit code. */
import { runCli } from './index';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (line) => process.stderr.write(`${line}\n`),
});
