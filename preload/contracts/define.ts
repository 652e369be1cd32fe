/**
 * What every domain contract file is written with: `method()` and the shared wire types. Pure:
 * no node:*, no DOM, no electron. Imported by preload/contracts/*.ts and re-exported by the contract.
 */
import { z } from 'zod';

/** Declares a method: its zod input schema now, its output type as a type argument. */
export function method<Output>() {
  return <Input extends z.ZodType>(input: Input) => ({ input, output: undefined as unknown as Output });
}

/** The input of a method that takes none (unknown keys are refused). */
export const noInput = z.object({}).strict();

/** Errors cross both transports as data, never as thrown exceptions. */
export interface RpcError {
  code: 'bad_input' | 'unknown_method' | 'not_found' | 'conflict' | 'failed' | 'cancelled' | 'forbidden';
  message: string;
}

/** A method's answer on the wire: its value, or an error as data. */
export type RpcResult<T> = { ok: true; value: T } | { ok: false; error: RpcError };
