// The training thread readied before the Train button is pressed: the real training worker, taken
// only under the heap limit it was started with, replaced by a plan under another, let go when idle.
import { afterEach, describe, expect, it } from 'vitest';
import { createReadyTrainingThread } from '../../../main/training/ready-thread';
import { eventually } from '../../helpers/eventually';

let holder: ReturnType<typeof createReadyTrainingThread> | null = null;
afterEach(async () => {
  await holder?.close();
  holder = null;
});

describe('the readied training thread', () => {
  it('loads ahead of the run and is taken once, under the heap limit it was started with', async () => {
    holder = createReadyTrainingThread();
    holder.prepare(512);
    holder.prepare(512); // a second plan under the same limit keeps the thread
    await holder.loaded();
    expect(holder.take(1024)).toBeNull();
    const group = holder.take(512)!;
    try {
      expect(group.stats()).toMatchObject({ threadsStarted: 1, threadsRunning: 1 });
      expect(holder.take(512)).toBeNull();
      expect(holder.isHolding()).toBe(false);
    } finally {
      await group.close();
    }
  });

  it('a plan under another heap limit replaces the thread', async () => {
    holder = createReadyTrainingThread();
    holder.prepare(512);
    holder.prepare(1024);
    expect(holder.take(512)).toBeNull();
    const group = holder.take(1024)!;
    await group.close();
    expect(group.stats().threadsStarted).toBe(1);
  });

  it('is let go after its idle time', async () => {
    holder = createReadyTrainingThread(100);
    holder.prepare(512);
    expect(holder.isHolding()).toBe(true);
    await eventually(() => expect(holder!.isHolding()).toBe(false));
    expect(holder.take(512)).toBeNull();
  });
});
