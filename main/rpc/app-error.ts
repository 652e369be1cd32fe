import type { RpcError } from '../../preload/contract';

/** An expected failure with a code the UI can act on; its message is written for the user. */
export class AppError extends Error {
  constructor(
    readonly code: RpcError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Turns anything thrown into the data shape that crosses a transport. */
export function toRpcError(error: unknown): RpcError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof Error && error.name === 'AbortError') return { code: 'cancelled', message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'failed', message };
}
