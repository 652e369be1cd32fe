/**
 * Worker entry of the near-duplicate search: a thin adapter that serves one chunk of the
 * incremental pass on the task protocol. It reads the texts itself, so nothing large crosses threads.
 */
import { serveTask } from '../workers/serve-task';
import { indexNearDuplicateChunk, type NearDuplicateInput } from './near-duplicate-search';

serveTask((input: NearDuplicateInput) => indexNearDuplicateChunk(input));
