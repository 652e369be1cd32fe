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

declare const resumeTextBrand: unique symbol;
/**
 * Text that comes from a resume or its file: its contents, its file name or path, or a sentence
 * that quotes one. Any string is one (no casts), but an output type that holds one makes its method
 * text-bearing: blind mode must give it a redactor, or main/privacy/blind-views.ts does not compile.
 */
export type ResumeText = string & { readonly [resumeTextBrand]?: 'resume text' };

/** True when `T` holds a ResumeText anywhere (in a union: when any member does). */
export type ContainsResumeText<T> = 0 extends 1 & T
  ? false
  : T extends ResumeText
    ? typeof resumeTextBrand extends keyof T
      ? true
      : false
    : T extends readonly (infer E)[]
      ? ContainsResumeText<E>
      : T extends object
        ? true extends { [K in keyof T]-?: ContainsResumeText<T[K]> }[keyof T]
          ? true
          : false
        : false;
