/**
 * Test-only worker entry: the real parse task, except that special file names make the worker hang,
 * exit, throw outside any handler or run out of memory. This is how the pool's recovery is tested
 * without any such hook in the production worker. Started in source mode through main/workers/spawn.ts.
 */
import { parseTask, prepareParsers, setUpParseThread, type ParseInput } from '../../main/import/parse-task';
import { serveTask } from '../../main/workers/serve-task';
import { misbehave } from './misbehaviour';

setUpParseThread();
serveTask(
  (input: ParseInput) => {
    misbehave(input.fileName);
    return parseTask(input);
  },
  { prepare: prepareParsers },
);
