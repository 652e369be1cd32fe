import { z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../main/rpc/app-error';
import { createDispatcher } from '../../../main/rpc/dispatcher';

const toyContract = {
  'toy.double': { input: z.object({ n: z.number().int() }).strict(), output: undefined as unknown as number },
  'toy.fail': { input: z.object({}).strict(), output: undefined as unknown as never },
};

describe('createDispatcher', () => {
  const double = vi.fn(({ n }: { n: number }) => n * 2);
  const dispatcher = createDispatcher(toyContract, {
    'toy.double': double,
    'toy.fail': () => {
      throw new AppError('not_found', 'No such resume.');
    },
  });

  it('runs the handler with validated input', async () => {
    expect(await dispatcher.dispatch('toy.double', { n: 21 })).toEqual({ ok: true, value: 42 });
  });
  it('rejects invalid input without calling the handler', async () => {
    double.mockClear();
    const result = await dispatcher.dispatch('toy.double', { n: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(!result.ok && result.error.message).toMatch(/Invalid input for toy.double: n:/);
    expect(double).not.toHaveBeenCalled();
  });
  it('rejects unknown keys (strict schemas)', async () => {
    expect(await dispatcher.dispatch('toy.double', { n: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
  it('reports an unknown method, including prototype names', async () => {
    expect(await dispatcher.dispatch('toy.nope', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(await dispatcher.dispatch('constructor', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });
  it('turns a thrown error into data', async () => {
    expect(await dispatcher.dispatch('toy.fail', {})).toEqual({ ok: false, error: { code: 'not_found', message: 'No such resume.' } });
  });
});
