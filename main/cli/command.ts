/**
 * The shape of one CLI sub-command. Imported by main/cli/index.ts (the router) and by each file in
 * main/cli/commands/. Plain Node only.
 */

/** Where a command writes; injected so tests can capture output without spawning a process. */
export interface CliIO {
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Aborts when a reader closed stdout or stderr early: long commands stop as on Ctrl+C and clean up. */
  outputClosed?: AbortSignal;
}

/** One sub-command: `resume-studio <name> ...argv`. `run` resolves to the process exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(argv: string[], io: CliIO): Promise<number>;
}
