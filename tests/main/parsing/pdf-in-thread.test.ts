// The pieces that make PDF text cheaper (main/parsing/extract/pdf-in-thread.ts and the pdfjs-dist
// patch): the patch is applied to the installed package, the synchronous inflate gives the bytes
// DecompressionStream gives and leaves other formats to it, and the direct port delivers later
// and keeps a sent chunk's items.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { directWorkerPort, useSynchronousInflate } from '../../../main/parsing/extract/pdf-in-thread';

async function decompress(format: 'deflate' | 'gzip', bytes: Uint8Array): Promise<Uint8Array> {
  const { readable, writable } = new DecompressionStream(format);
  const writer = writable.getWriter();
  await writer.ready;
  void writer.write(bytes as Uint8Array<ArrayBuffer>).then(() => writer.close());
  const chunks: Uint8Array[] = [];
  for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

describe('pdf.js in the parse thread', () => {
  it('the installed pdfjs-dist carries the patch (npm install runs patch-package)', () => {
    const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    const worker = readFileSync(path.join(root, 'legacy/build/pdf.worker.mjs'), 'utf8');
    expect(worker).toContain('let hexStr = "";');
    expect(worker).not.toContain('return Util.transform(textState.ctm, Util.transform(textState.textMatrix, tsm));');
    expect(worker).not.toMatch(/\n\s+args\.length = 0;\n\s+operation\.args = args;/);
  });

  it('inflates deflate streams synchronously to the same bytes, and leaves gzip to the native stream', async () => {
    const original = new Uint8Array(Buffer.from('Registered nurse, ICU, triage. '.repeat(200)));
    const native = await decompress('deflate', deflateSync(original));
    useSynchronousInflate();
    useSynchronousInflate(); // twice is the same as once
    expect((globalThis.DecompressionStream as unknown as { synchronousDeflate?: boolean }).synchronousDeflate).toBe(true);
    expect(await decompress('deflate', deflateSync(original))).toEqual(native);
    expect(await decompress('gzip', gzipSync(original))).toEqual(original);
    await expect(decompress('deflate', new Uint8Array([1, 2, 3, 4]))).rejects.toThrow();
  });

  it('the direct port delivers on a later microtask, to every listener, and a chunk keeps the items it was sent with', async () => {
    let serverPort: { postMessage(m: unknown): void; addEventListener(n: string, l: (e: { data: unknown }) => void): void } | null = null;
    const port = directWorkerPort({ WorkerMessageHandler: { initializeFromPort: (p: never) => (serverPort = p) } });
    expect(serverPort).toBe(port);
    const seen: unknown[] = [];
    port.addEventListener('message', (event) => seen.push(event.data));
    const chunk = { items: [{ str: 'nurse' }], styles: {} };
    port.postMessage({ stream: 5, chunk } as { chunk: unknown });
    chunk.items = []; // what pdf.js's text sink does right after sending
    expect(seen).toEqual([]);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([{ stream: 5, chunk: { items: [{ str: 'nurse' }], styles: {} } }]);
  });
});
