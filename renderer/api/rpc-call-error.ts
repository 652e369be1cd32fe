/** The error `call` throws when the backend answers `{ ok: false }`, keeping its code. */
import type { RpcError } from '../../preload/contract';

/** A backend error with its contract code (`bad_input`, `not_found`, …) and message. */
export class RpcCallError extends Error {
  override readonly name = 'RpcCallError';

  constructor(
    readonly method: string,
    readonly code: RpcError['code'],
    message: string,
  ) {
    super(message);
  }
}

/** Turns anything thrown into an RpcCallError, so UI code handles one shape. */
export function toRpcCallError(error: unknown, method = 'unknown'): RpcCallError {
  if (error instanceof RpcCallError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new RpcCallError(method, 'failed', message);
}
