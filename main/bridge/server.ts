/**
 * The HTTP bridge for browser mode and e2e tests: the same dispatcher as Electron IPC, over
 * `POST /rpc/:method` and a server-sent event stream, plus the built renderer as static files.
 * Binds 127.0.0.1 only, checks the Host header and a per-start random token (in a header, or in
 * the session cookie the page gets for the token in its first URL). Plain Node.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { binaryContentType, binaryInputHeader, fromBinaryRequest } from '../../preload/binary-input';
import { maxRequestBytes, type RpcResult } from '../../preload/contract';
import type { Dispatcher } from '../rpc/dispatcher';
import type { EventBus } from '../rpc/event-bus';

/** What the bridge serves. */
export interface BridgeOptions {
  dispatcher: Dispatcher;
  events: EventBus;
  /** Folder of the built renderer (index.html); omitted in API-only tests. */
  rendererDir?: string;
  /** Fixed token for tests; a random one is generated otherwise. */
  token?: string;
  bodyLimitBytes?: number;
  /** Socket deadlines; the defaults suit a local UI, tests shorten them. */
  timeouts?: Partial<BridgeTimeouts>;
}

/** How long the bridge waits for a slow or silent client before dropping its socket. */
export interface BridgeTimeouts {
  /** Whole request head (a slowloris client trickles header bytes to hold a socket). */
  headersMs: number;
  /** Whole request, head and body; a 32 MB body over loopback takes well under a second. */
  requestMs: number;
  /** An idle keep-alive socket between requests. */
  keepAliveMs: number;
  /** A socket on which nothing at all moves (not applied to the authenticated event stream). */
  idleMs: number;
  /** How often Node checks the two deadlines above the idle one; they cannot fire sooner. */
  checkIntervalMs: number;
}

/** Defaults: generous for a local UI, short enough that held sockets are freed in seconds. */
export const defaultBridgeTimeouts: BridgeTimeouts = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000, idleMs: 60_000, checkIntervalMs: 1_000 };

/** A bridge before it listens; `inject` works without a socket. */
export interface Bridge {
  app: FastifyInstance;
  token: string;
  /** Listens on 127.0.0.1 (port 0 = ephemeral) and returns the URL carrying the token. */
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

const tokenHeader = 'x-studio-token';

/**
 * The cookie the URL's token is exchanged for. Cookies ignore ports, so the name carries the port:
 * two servers on one machine (two data folders) do not overwrite each other's session.
 */
export function sessionCookieName(port: number): string {
  return `studio_session_${port}`;
}

/** One cookie's value from a Cookie header, or undefined. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) return part.slice(separator + 1).trim();
  }
  return undefined;
}

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
  const timeouts = { ...defaultBridgeTimeouts, ...options.timeouts };
  // forceCloseConnections: an open event stream must not hold up shutdown. Without the deadlines a
  // client that sends its head one byte at a time, or nothing at all, holds a socket for minutes.
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes ?? maxRequestBytes,
    logger: false,
    forceCloseConnections: true,
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
  });
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  let cookieName = sessionCookieName(0);

  // DNS-rebinding defence: a page on another origin that resolves to 127.0.0.1 sends its own Host.
  app.addHook('onRequest', async (request, reply) => {
    const host = request.headers.host ?? '';
    if (!allowedHosts.has(host)) return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: `Host "${host}" is not allowed.` } });
    // A page on another origin can still reach 127.0.0.1 by its right Host (a form post, or fetch
    // with a leaked token); browsers always name that page in Origin. No Origin = not a browser's
    // cross-origin request (curl, the CLI, a same-origin GET); "null" (file://, sandboxed frames) is
    // foreign.
    const origin = request.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) {
      return reply.code(403).send({ ok: false, error: { code: 'forbidden', message: `Origin "${origin}" is not allowed.` } });
    }
    // Decide by the route the router matched, never by the raw URL: the router decodes %XX, so
    // "/%72pc/…" reaches /rpc/:method while request.url does not start with "/rpc/". Only the
    // static files (GET/HEAD, not the event stream) are public; everything else needs the token.
    const route = request.routeOptions.url;
    const isPublic = (request.method === 'GET' || request.method === 'HEAD') && route !== '/events' && route !== '/session';
    const queryToken = (request.query as Record<string, unknown> | undefined)?.token;
    if (isPublic) {
      // The printed URL's token is exchanged once for an HttpOnly, SameSite=Strict cookie, and the
      // address bar loses it (303 to the same page without it): a reload, a new tab or a bookmark
      // then work for as long as this server runs, page scripts never see the token, and other
      // sites' requests do not carry it. A wrong token just gets the page, which says what to do.
      if (typeof queryToken === 'string' && tokenMatches(queryToken, token)) {
        const url = new URL(request.url, 'http://localhost');
        url.searchParams.delete('token');
        reply.header('set-cookie', `${cookieName}=${token}; Path=/; HttpOnly; SameSite=Strict`);
        reply.header('cache-control', 'no-store');
        return reply.redirect(`${url.pathname}${url.search}`, 303);
      }
      return;
    }
    // Programs send the token in a header, which a URL cannot carry into logs, history or a
    // Referer; the page sends its cookie. Only the event stream still takes it from the query
    // string, for clients that have neither (EventSource cannot set headers).
    const isEventStream = request.method === 'GET' && route === '/events';
    const given = request.headers[tokenHeader] ?? cookieValue(request.headers.cookie, cookieName) ?? (isEventStream ? queryToken : undefined);
    if (!tokenMatches(given, token)) return reply.code(401).send({ ok: false, error: { code: 'forbidden', message: 'Missing or wrong session token.' } });
  });

  // Lets the page tell "no session" (401: open the printed URL) from "server gone" (no answer).
  app.get('/session', async () => ({ ok: true, value: { authenticated: true } }) satisfies RpcResult<{ authenticated: true }>);

  // A method's bytes (a dropped file) may come as the body itself, the rest of its input in a header
  // (preload/binary-input.ts). Not a CORS-safelisted type, so no page of another origin can send it
  // without a preflight, which this server never answers; and the token is required as for JSON.
  app.addContentTypeParser(binaryContentType, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post<{ Params: { method: string } }>('/rpc/:method', async (request): Promise<RpcResult<unknown>> => {
    if (!(request.body instanceof Uint8Array)) return options.dispatcher.dispatch(request.params.method, request.body ?? {});
    const header = request.headers[binaryInputHeader];
    const input = fromBinaryRequest(typeof header === 'string' ? header : undefined, request.body);
    if (!input) return { ok: false, error: { code: 'bad_input', message: `The ${binaryInputHeader} header is not a JSON object.` } };
    return options.dispatcher.dispatch(request.params.method, input);
  });

  app.get('/events', (request, reply) => {
    reply.hijack();
    // The stream is idle between events by design; it is authenticated, so the idle deadline for
    // anonymous sockets does not apply to it.
    request.raw.socket.setTimeout(0);
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    reply.raw.write(': connected\n\n');
    const unsubscribe = options.events.subscribe((event) => reply.raw.write(`data: ${JSON.stringify(event)}\n\n`));
    request.raw.on('close', unsubscribe);
  });

  if (options.rendererDir && fs.existsSync(options.rendererDir)) {
    // preCompressed: the build writes .br / .gz beside each asset (electron.vite.config.ts). The
    // index must be an array: with a string, @fastify/static 10 finds no compressed index for "/".
    app.register(fastifyStatic, { root: options.rendererDir, index: ['index.html'], preCompressed: true });
  }

  return {
    app,
    token,
    async listen(port = 0) {
      await app.listen({ host: '127.0.0.1', port });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      allowedHosts = new Set([`127.0.0.1:${actualPort}`, `localhost:${actualPort}`]);
      allowedOrigins = new Set([...allowedHosts].map((host) => `http://${host}`));
      cookieName = sessionCookieName(actualPort);
      return `http://127.0.0.1:${actualPort}/?token=${token}`;
    },
    close: () => app.close(),
  };
}
