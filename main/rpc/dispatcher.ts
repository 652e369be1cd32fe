/**
 * The one dispatcher: looks a method up in a contract, validates its input with the method's zod
 * schema and runs the handler. Electron IPC, the HTTP bridge and tests all call `dispatch`.
 */
import type { z } from 'zod';
import type { RpcResult } from '../../preload/contract';
import { toRpcError } from './app-error';

/** Any contract: method name → { zod input schema, phantom output type }. */
export type AnyContract = Record<string, { input: z.ZodType; output: unknown }>;

/** A handler for every method of C; a missing one or a wrong return type is a compile error. */
export type HandlersFor<C extends AnyContract> = {
  [M in keyof C]: (input: z.output<C[M]['input']>) => Promise<C[M]['output']> | C[M]['output'];
};

/** What both transports call. */
export interface Dispatcher {
  dispatch(method: string, input: unknown): Promise<RpcResult<unknown>>;
  has(method: string): boolean;
}

/** Builds a dispatcher over a contract and its complete handler map. */
export function createDispatcher<C extends AnyContract>(contract: C, handlers: HandlersFor<C>): Dispatcher {
  const has = (method: string) => Object.prototype.hasOwnProperty.call(contract, method);
  return {
    has,
    async dispatch(method, input) {
      if (!has(method)) return { ok: false, error: { code: 'unknown_method', message: `Unknown method "${method}".` } };
      const parsed = contract[method]!.input.safeParse(input ?? {});
      if (!parsed.success) {
        const details = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
        return { ok: false, error: { code: 'bad_input', message: `Invalid input for ${method}: ${details}` } };
      }
      try {
        // The schema just validated parsed.data for exactly this method.
        const handler = handlers[method as keyof C] as (input: unknown) => unknown;
        const value = await handler(parsed.data);
        return { ok: true, value };
      } catch (error) {
        return { ok: false, error: toRpcError(error) };
      }
    },
  };
}
