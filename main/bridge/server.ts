/**
 * The HTTP bridge for browser mode and e2e tests: the same dispatcher as Electron IPC, over
 * `POST /rpc/:method` and a server-sent event stream, plus the built renderer as static files.
 * Binds 127.0.0.1 only, checks the Host header and a per-start random token. Plain Node.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { maxRequestBytes, type RpcResult } from '../../preload/contract';
import type { Dispatcher } from '../core/dispatcher';
import type { EventBus } from '../core/event-bus';

/** What the bridge serves. */
export interface BridgeOptions {
  dispatcher: Dispatcher;
  events: EventBus;
  /** Folder of the built renderer (index.html); omitted in API-only tests. */
  rendererDir?: string;
  /** Fixed token for tests; a random one is generated otherwise. */
  token?: string;
  bodyLimitBytes?: number;
}

/** A bridge before it listens; `inject` works without a socket. */
export interface Bridge {
  app: FastifyInstance;
  token: string;
  /** Listens on 127.0.0.1 (port 0 = ephemeral) and returns the URL carrying the token. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

const tokenHeader = 'x-studio-token';

/** Constant-time token comparison, so response timing leaks nothing about the token. */
function tokenMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/** Builds the bridge's Fastify app with its security hooks and routes. */
export function createBridge(options: BridgeOptions): Bridge {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  // forceCloseConnections: an open event stream must not hold up shutdown.
  const app = Fastify({ bodyLimit: options.bodyLimitBytes ?? maxRequestBytes, logger: false, forceCloseConnections: true });
  let allowedHosts = new Set<string>();

  // DNS-rebinding defence: a page on another origin that resolves to 127.0.0.1 sends its own Host.
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: `Host "${host}" is not allowed.` } });
    // Decide by the route the router matched, never by the raw URL: the router decodes %XX, so
    // "/%72pc/…" reaches /rpc/:method while request.url does not start with "/rpc/". Only the
    // static files (GET/HEAD, not the event stream) are public; everything else needs the token.
    const isPublic = (request.method === 'GET' || request.method === 'HEAD') && request.routeOptions.url !== '/events';
    if (isPublic) return;
    const given = request.headers[tokenHeader] ?? (request.query as Record<string, unknown>)?.token;
    if (!tokenMatches(given, token)) return reply.code(401).send({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong session token.' } });
  });

  app.post<{ Params: { method: string } }>('/rpc/:method', async (request): Promise<RpcResult<unknown>> => {
    return options.dispatcher.dispatch(request.params.method, request.body ?? {});
  });

  app.get('/events', (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    const unsubscribe = options.events.subscribe((event) => reply.raw.write(`data: ${JSON.stringify(event)}\n\n`));
    request.raw.on('close', unsubscribe);
  });

  if (options.rendererDir && fs.existsSync(options.rendererDir)) {
    app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });
  }

  return {
    app,
    token,
    async listen(port = 0) {
      await app.listen({ host: '127.0.0.1', port });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
      return `http://127.0.0.1:${actualPort}/?token=${token}`;
    },
    close: () => app.close(),
  };
}
