/** The CLI run in this process, as the CLI tests drive it: its exit code and what it printed. */
import { runCli } from '../../main/cli/index';

/** Exit code and printed lines, each stream's lines kept apart. */
export async function runCliLines(argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
}

/** Exit code and what each stream printed, its lines joined by newlines. */
export async function runCliText(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { code, out, err } = await runCliLines(argv);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
