// A separate process that is training in a data folder (tests/main/training/training-lock.test.ts):
// it claims a run exactly as the training service does, says "training <run id>", and holds it
// until "exit" on stdin, when it ends the run as cancelled.
import readline from 'node:readline';
import { defaultSettings } from '../../../preload/contract';
import { currentProcess, lockHolderState } from '../../../main/import/process-identity';
import { openDatabase } from '../../../main/store/database';
import { createModelsRepo } from '../../../main/store/models-repo';
import { createTrainingRepo } from '../../../main/store/training-repo';
import { resolveParams } from '../../../main/training/plan';

const db = await openDatabase(process.argv[2]!);
const runs = createTrainingRepo(db, createModelsRepo(db));
const claim = runs.createExclusive(resolveParams({}, defaultSettings), currentProcess(), (owner) => lockHolderState(owner) === 'running');
if ('heldBy' in claim) process.stdout.write(`refused ${claim.heldBy.pid}\n`);
else process.stdout.write(`training ${claim.runId}\n`);
for await (const line of readline.createInterface({ input: process.stdin })) {
  if (line === 'exit') break;
}
if ('runId' in claim) runs.end(claim.runId, 'cancelled', 'Cancelled.');
db.close();
