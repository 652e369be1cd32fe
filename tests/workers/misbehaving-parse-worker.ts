/**
 * Test-only worker entry: the real parse task, except that special file names make the worker hang,
 * exit, throw outside any handler or run out of memory. This is how the pool's recovery is tested
 * without any such hook in the production worker. Started through main/workers/spawn.ts.
 */
import { parseTask, prepareParsers, setUpParseThread, type ParseWorkerApi } from '../../main/parsing/parse-task';
import { serveWorker } from '../../main/workers/serve-worker';
import { misbehave } from './misbehaviour';

setUpParseThread();
serveWorker<ParseWorkerApi>(
  {
    parse(input) {
      misbehave(input.fileName);
      return parseTask(input);
    },
  },
  { prepare: prepareParsers },
);
