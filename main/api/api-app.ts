/**
 * The public prediction API: its own Fastify app, separate from the UI bridge, over the prediction
 * engine only (never `import.*`, which reads any path on this machine). Used by `resume-studio
 * serve` and by the app's Settings toggle. Each security decision carries its reason; they follow
 * the bridge's (main/bridge/server.ts) but for programs, not a browser page. Plain Node.
 */
import crypto from 'node:crypto';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { BridgeTimeouts } from '../bridge/server';
import type { PredictionEngine } from '../predict/prediction-engine';
import { withBlindPredictions } from '../privacy/blind-predictions';
import { publicRoutes, sendError } from './api-reply';
import type { ApiErrorBody } from './api-schemas';
import { registerApiRoutes } from './api-routes';

/** What the API serves and how strictly. */
export interface ApiAppOptions {
  engine: PredictionEngine;
  /** Blind mode (the data directory's setting, read per request): file names in answers and errors are masked. Default off. */
  isBlind?: () => boolean;
  /** The bearer token clients must send; read per request, so regenerating it takes effect at once. */
  token: () => string;
  /** Host header values allowed besides loopback and the bound address ("name" for any port, "name:port" for one); ["*"] turns the check off. */
  allowedHosts?: readonly string[];
  /** Largest JSON body; default 10 MB (a batch of 1000 long resumes). */
  bodyLimitBytes?: number;
  /** Largest uploaded file; default 20 MB, the import's limit for one resume. */
  maxFileBytes?: number;
  /** Requests per client address and window; null turns the limit off. Default 600 per minute. */
  rateLimit?: { max: number; timeWindowMs: number } | null;
  /**
   * Proxies (addresses, CIDR ranges, or "loopback" / "linklocal" / "uniquelocal") whose
   * X-Forwarded-For names the client. Default none: the client is the socket's address, whatever
   * a request claims.
   */
  trustedProxies?: readonly string[];
  /** The version reported in the OpenAPI document. */
  version: string;
  /** Socket deadlines (the bridge's, with the same meanings); tests shorten them. */
  timeouts?: Partial<BridgeTimeouts>;
}

/**
 * Defaults as the README states them. Node checks the head and request deadlines only every
 * `checkIntervalMs` (its own default is 30 s), so without a short interval a trickling client held
 * its socket for 30-50 s where 10 s were promised.
 */
export const defaultApiTimeouts: BridgeTimeouts = { headersMs: 10_000, requestMs: 60_000, keepAliveMs: 5_000, idleMs: 60_000, checkIntervalMs: 1_000 };

/** A built API before it listens. */
export interface ApiServer {
  app: FastifyInstance;
  /** Listens on `host` (default 127.0.0.1) and `port` (0 = ephemeral); resolves with the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

/** Constant-time comparison, so response timing tells nothing about the token. */
function tokenMatches(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** The bearer token of a request, or null. */
function bearerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/** Builds the API app with its security hooks, plugins and routes. */
export async function createApiApp(options: ApiAppOptions): Promise<ApiServer> {
  const timeouts = { ...defaultApiTimeouts, ...options.timeouts };
  const app = Fastify({
    bodyLimit: options.bodyLimitBytes ?? 10 * 1024 * 1024,
    logger: false,
    // Deadlines as in the bridge: a client trickling its head or saying nothing cannot hold a socket.
    connectionTimeout: timeouts.idleMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    requestTimeout: timeouts.requestMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkIntervalMs },
    forceCloseConnections: true,
    // The rate limit counts per request.ip. Behind a load balancer or reverse proxy every socket
    // comes from the proxy, so without this one client's flood and everyone else share one budget.
    // Only the listed proxies are believed: X-Forwarded-For is read from the right and the first
    // address that is not a trusted proxy is the client, so a header a client forges (to get a
    // fresh budget per request) names nothing but the addresses before its own.
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
  });
  let allowedNames = new Set<string>();
  const allowAnyHost = options.allowedHosts?.includes('*') ?? false;
  const explicitHosts = new Set((options.allowedHosts ?? []).map((h) => h.toLowerCase()));
  /** Loopback and the bound address match on any port (a container's port is often mapped to another); other names as listed. */
  const nameOf = (host: string) => /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(host)?.[1] ?? '';
  const isAllowedHost = (host: string): boolean => {
    const lower = host.toLowerCase();
    return explicitHosts.has(lower) || allowedNames.has(nameOf(lower));
  };

  // Validation through the same zod schemas the OpenAPI document is generated from (api-routes.ts
  // registers each JSON Schema with its zod original); parsed values replace the raw input.
  const zodBySchema = new WeakMap<object, z.ZodType>();
  app.setValidatorCompiler(({ schema }) => {
    const zod = zodBySchema.get(schema);
    if (!zod) return () => true;
    return (data: unknown) => {
      const parsed = zod.safeParse(data);
      if (parsed.success) return { value: parsed.data };
      return { error: new Error(parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')) };
    };
  });

  // Plain JSON.stringify: answers are small, and a serializer compiled from the schemas would drop
  // any field they do not list without a word.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  // Only JSON and file uploads are accepted; plain text would reach the routes as a bare string.
  app.removeContentTypeParser('text/plain');

  app.addHook('onRequest', async (request, reply) => {
    // DNS rebinding: a web page whose name resolves to this machine sends its own Host.
    const host = request.headers.host ?? '';
    if (!allowAnyHost && !isAllowedHost(host)) return sendError(reply, 403, { code: 'forbidden', message: `Host "${host}" is not allowed.` });
    // The API is for programs. A browser names the page that sends a cross-origin request in Origin;
    // refusing every Origin keeps any web page from using a token that leaked into it.
    if (request.headers.origin !== undefined) {
      return sendError(reply, 403, {
        code: 'forbidden',
        message: 'Requests from web pages (with an Origin header) are not accepted; call the API from a program.',
      });
    }
  });

  if (options.rateLimit !== null) {
    const limit = options.rateLimit ?? { max: 600, timeWindowMs: 60_000 };
    // Before the token check (both run per route, in this order), so guessing tokens is limited too.
    await app.register(fastifyRateLimit, {
      max: limit.max,
      timeWindow: limit.timeWindowMs,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: { code: 'rate_limited', message: `Too many requests: at most ${context.max} per ${context.after}; try again later.` },
      }),
    });
  }

  app.addHook('onRoute', (route) => {
    if (publicRoutes.has(route.url)) return;
    const checkToken = async (request: FastifyRequest, reply: FastifyReply) => {
      const given = bearerToken(request);
      if (given === null || !tokenMatches(given, options.token())) {
        reply.header('www-authenticate', 'Bearer realm="resume-studio"');
        return sendError(reply, 401, {
          code: 'unauthorized',
          message: given === null ? 'Send the API token as "Authorization: Bearer <token>".' : 'The API token is wrong.',
        });
      }
    };
    const existing = route.onRequest;
    route.onRequest = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), checkToken];
  });

  await app.register(fastifyMultipart, { limits: { fileSize: options.maxFileBytes ?? 20 * 1024 * 1024, files: 1, fields: 4, parts: 6 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Resume Studio prediction API',
        version: options.version,
        description: 'Predicts the job category of a resume, with probabilities and the words that drove it.',
      },
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearerAuth: [] }],
    },
  });

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error.validation || error.code === 'FST_ERR_VALIDATION')
      return sendError(reply, 400, { code: 'bad_request', message: `Invalid request: ${error.message}` });
    const status = error.statusCode ?? 500;
    if (status === 413) return sendError(reply, 413, { code: 'too_large', message: 'The request or its file is larger than this server accepts.' });
    if (status === 415)
      return sendError(reply, 415, { code: 'unsupported_media_type', message: 'Send JSON (application/json) or a file upload (multipart/form-data).' });
    if (status === 429) {
      const body = (error as unknown as Partial<ApiErrorBody>).error ?? { code: 'rate_limited', message: 'Too many requests; try again later.' };
      return sendError(reply, 429, body);
    }
    if (status >= 400 && status < 500) return sendError(reply, status, { code: 'bad_request', message: error.message });
    return sendError(reply, 500, { code: 'internal', message: 'The server failed to answer; try again, and report this problem if it keeps happening.' });
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, { code: 'not_found', message: `There is no ${request.method} ${request.url.split('?')[0]}.` }),
  );

  const isBlind = options.isBlind ?? (() => false);
  registerApiRoutes(app, {
    engine: withBlindPredictions(options.engine, isBlind),
    isBlind,
    register: (json, zod) => zodBySchema.set(json, zod),
  });

  return {
    app,
    async listen(port, host = '127.0.0.1') {
      await app.listen({ host, port });
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      // A wildcard bind address is never a Host a client sends, so it adds no name.
      const bound = host === '0.0.0.0' || host === '::' ? [] : [host.includes(':') ? `[${host}]` : host];
      allowedNames = new Set(['127.0.0.1', 'localhost', '[::1]', ...bound].map((n) => n.toLowerCase()));
      // Listed names without a port match on any port.
      for (const entry of explicitHosts) if (nameOf(entry) === entry) allowedNames.add(entry);
      const shownHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      return `http://${shownHost}:${actualPort}`;
    },
    close: () => app.close(),
  };
}
