/**
 * How a method's input that holds bytes (a dropped file) crosses the HTTP bridge as binary rather
 * than base64 in JSON: the bytes are the body (application/octet-stream) and the rest of the input
 * rides in one header, as URI-encoded JSON (header values are ASCII; file names are not). Electron
 * IPC needs none of this: it carries a Uint8Array as it is. Pure, no zod: the renderer's HTTP
 * transport and the bridge both import it.
 */

/** The content type of a binary request. */
export const binaryContentType = 'application/octet-stream';
/** The header that carries the input's other fields. */
export const binaryInputHeader = 'x-studio-input';

/** An input whose `bytes` is a Uint8Array, split into the body and the header value; null for any other input. */
export function toBinaryRequest(input: unknown): { body: Uint8Array; header: string } | null {
  if (typeof input !== 'object' || input === null || !('bytes' in input) || !(input.bytes instanceof Uint8Array)) return null;
  const { bytes, ...rest } = input as { bytes: Uint8Array } & Record<string, unknown>;
  return { body: bytes, header: encodeURIComponent(JSON.stringify(rest)) };
}

/** The input a binary request carried: its header's fields and the body as `bytes`; null when the header is not an object. */
export function fromBinaryRequest(header: string | undefined, body: Uint8Array): Record<string, unknown> | null {
  try {
    const rest: unknown = JSON.parse(decodeURIComponent(header ?? '{}'));
    if (typeof rest !== 'object' || rest === null || Array.isArray(rest)) return null;
    return { ...(rest as Record<string, unknown>), bytes: body };
  } catch {
    return null;
  }
}
