// The suggestion queue's keys: Enter accepts, 1–9 pick a category, letters type one, X excludes;
// with a modifier a key is left to the window (Ctrl+Z undoes there).
import { describe, expect, it } from 'vitest';
import { queueAction } from '../../renderer/features/labelling/labelling-keys';

const press = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }> = {}) =>
  queueAction({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers });

describe('queueAction', () => {
  it('maps the queue keys to their actions', () => {
    expect(press('Enter')).toEqual({ kind: 'accept' });
    expect(press('3')).toEqual({ kind: 'label', index: 2 });
    expect(press('x')).toEqual({ kind: 'exclude' });
    expect(press('X')).toEqual({ kind: 'exclude' });
    expect(press('n')).toEqual({ kind: 'typeAhead', text: 'n' });
    expect(press('é')).toEqual({ kind: 'typeAhead', text: 'é' });
  });

  it('leaves modified keys (Ctrl+Z undo), 0 and other keys alone', () => {
    expect(press('z', { ctrlKey: true })).toBeNull();
    expect(press('Enter', { metaKey: true })).toBeNull();
    expect(press('0')).toBeNull();
    expect(press('Tab')).toBeNull();
  });
});
