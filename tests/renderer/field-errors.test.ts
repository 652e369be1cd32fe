import { describe, expect, it } from 'vitest';
import { fieldErrorsFromMessage } from '../../renderer/features/settings/field-errors';

const fields = ['testFraction', 'seed', 'defaultEngine'] as const;

describe('fieldErrorsFromMessage', () => {
  it("splits the dispatcher's bad_input message into per-field messages", () => {
    const message = 'Invalid input for settings.set: testFraction: Too big: expected number to be <=0.5; seed: Invalid input: expected number, received null';
    expect(fieldErrorsFromMessage(message, fields)).toEqual({
      testFraction: 'Too big: expected number to be <=0.5',
      seed: 'Invalid input: expected number, received null',
    });
  });

  it('ignores parts that name no known field', () => {
    expect(fieldErrorsFromMessage('Invalid input for settings.set: input: Unrecognized key: "colour"', fields)).toEqual({});
  });

  it('keeps the first message when a field is named twice', () => {
    expect(fieldErrorsFromMessage('Invalid input for settings.set: seed: first; seed: second', fields)).toEqual({ seed: 'first' });
  });

  it('returns nothing for a message without field parts', () => {
    expect(fieldErrorsFromMessage('The database is locked.', fields)).toEqual({});
  });
});
