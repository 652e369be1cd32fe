/**
 * The CLI router: `resume-studio <command> [options]`. Each command lives in main/cli/commands/
 * and runs over the same core as the app. Plain Node.
 */
import type { CliIO, Command } from './command';
import { evalCommand } from './commands/eval';
import { exportModelCommand, modelCardCommand } from './commands/export-model';
import { runsCommand } from './commands/runs';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { labelCommand } from './commands/label';
import { predictCommand } from './commands/predict';
import { restoreCommand } from './commands/restore';
import { serveCommand } from './commands/serve';
import { trainCommand } from './commands/train';

/** Every sub-command, in the order `--help` lists them. */
export const commands: Command[] = [
  importCommand,
  labelCommand,
  exportCommand,
  trainCommand,
  evalCommand,
  predictCommand,
  runsCommand,
  exportModelCommand,
  modelCardCommand,
  serveCommand,
  infoCommand,
  restoreCommand,
];

/** Usage text for `--help` or a bad command. */
export function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Resume Studio: import resumes, train a job-category classifier and predict, all offline.',
    '',
    'Usage: resume-studio <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `resume-studio <command> --help` for a command's options.",
  ].join('\n');
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? 0 : 1;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`error: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.summary}\n\nUsage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
