import crypto from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultApiPort } from '../../../preload/contract';
import { createApiApp } from '../../api/api-app';
import { describeListenError } from '../../api/api-service';
import { resolveDataDir } from '../../core/data-dir';
import { appVersion } from '../../core/version';
import { createApiRepo } from '../../store/api-repo';
import { openDatabase } from '../../store/database';
import { prepareDataDir } from '../../store/data-dir-checks';
import type { Command } from '../command';
import { defaultServeThreads, maxDefaultServeThreads } from '../../predict/predictor';
import { openPrediction } from '../open-prediction';

/** The environment variables `serve` reads. */
export const serveEnv = {
  token: 'RESUME_STUDIO_API_TOKEN',
  allowedHosts: 'RESUME_STUDIO_ALLOWED_HOSTS',
  trustedProxies: 'RESUME_STUDIO_TRUSTED_PROXIES',
} as const;

/** A list option given as repeated flags and a comma-separated environment variable. */
const listOf = (flags: string[] | undefined, env: string | undefined): string[] =>
  [...(flags ?? []), ...(env?.split(',') ?? [])].map((v) => v.trim()).filter(Boolean);

/** The token a data directory's Settings show, so `serve --data-dir` accepts what the app would. */
async function studioToken(dataDir: string): Promise<string> {
  prepareDataDir(path.resolve(dataDir));
  const db = await openDatabase(path.join(path.resolve(dataDir), 'studio.sqlite'));
  try {
    return createApiRepo(db).get().token;
  } finally {
    db.close();
  }
}

/** A trusted-proxy entry Fastify accepts: an address, a CIDR range, or a named range. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/** Resolves once the process is asked to stop. */
const stopRequested = () => new Promise<string>((resolve) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, () => resolve(signal))));

/** `resume-studio serve`: the prediction API, headless (no window, no Electron); holds no state beyond its model. */
export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the prediction API over HTTP (POST /v1/predict, /v1/predict/batch; GET /v1/model, /v1/health, /v1/openapi.json)',
  usage:
    'resume-studio serve [--data-dir DIR | --model model.json] [--port 8765] [--host 127.0.0.1] [--token T] [--allow-host NAME]… [--rate-limit 600] [--trust-proxy ADDR]… [--review-threshold 0.8] [--threads N]\n' +
    `  --threads: prediction threads, default one per core up to ${maxDefaultServeThreads} (here ${defaultServeThreads()}); a batch is shared out over them.\n` +
    `  The token comes from --token, else $${serveEnv.token}, else the data directory's Settings (with --data-dir), else a new one printed at start.\n` +
    `  Extra Host names (a load balancer's) come from --allow-host or $${serveEnv.allowedHosts} (comma-separated; "*" turns the check off).\n` +
    `  --rate-limit: requests a minute per client address (0 = off). Behind a proxy or load balancer, name it with --trust-proxy or\n` +
    `  $${serveEnv.trustedProxies} (addresses, CIDR ranges, or loopback / linklocal / uniquelocal): its X-Forwarded-For then names the client.`,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        'data-dir': { type: 'string' },
        model: { type: 'string' },
        port: { type: 'string', default: String(defaultApiPort) },
        host: { type: 'string', default: '127.0.0.1' },
        token: { type: 'string' },
        'allow-host': { type: 'string', multiple: true },
        'rate-limit': { type: 'string', default: '600' },
        'trust-proxy': { type: 'string', multiple: true },
        'review-threshold': { type: 'string' },
        threads: { type: 'string' },
      },
    });
    const port = Number(values.port);
    const rateLimit = Number(values['rate-limit']);
    const threads = values.threads === undefined ? defaultServeThreads() : Number(values.threads);
    const threshold = values['review-threshold'] === undefined ? undefined : Number(values['review-threshold']);
    if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(rateLimit) || rateLimit < 0 || !Number.isInteger(threads) || threads < 1) {
      io.stderr('error: --port must be 0-65535, --rate-limit a count per minute (0 = off), --threads at least 1');
      return 2;
    }
    if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
      io.stderr('error: --review-threshold must be a number between 0 and 1');
      return 2;
    }
    const given = values.token ?? process.env[serveEnv.token];
    if (given !== undefined && given.length < 16) {
      io.stderr('error: the API token must be at least 16 characters long');
      return 2;
    }
    const token = given ?? (values.model ? null : await studioToken(resolveDataDir(values['data-dir']))) ?? crypto.randomBytes(32).toString('base64url');
    const allowedHosts = listOf(values['allow-host'], process.env[serveEnv.allowedHosts]);
    const trustedProxies = listOf(values['trust-proxy'], process.env[serveEnv.trustedProxies]);
    const badProxy = trustedProxies.find((p) => !isProxyAddress(p));
    if (badProxy !== undefined) {
      io.stderr(`error: --trust-proxy "${badProxy}" is not an IP address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`);
      return 2;
    }

    const opened = await openPrediction({ modelFile: values.model, dataDir: values['data-dir'], reviewThreshold: threshold, predictor: { threads } });
    const api = await createApiApp({
      engine: opened.engine,
      token: () => token,
      isBlind: opened.isBlind,
      allowedHosts,
      trustedProxies,
      rateLimit: rateLimit === 0 ? null : { max: rateLimit, timeWindowMs: 60_000 },
      version: appVersion,
    });
    try {
      let url: string;
      try {
        url = await api.listen(port, values.host);
      } catch (error) {
        io.stderr(`error: ${describeListenError(error, port)}`);
        return 1;
      }
      const status = opened.engine.status();
      io.stdout(`Resume Studio prediction API on ${url} (bound to ${values.host})`);
      io.stdout(
        status.model
          ? `model: ${status.model.name} (${status.model.id}), ${status.model.classes.length} categories, from ${opened.origin}`
          : `no model yet: ${status.reason}`,
      );
      io.stdout(`prediction threads: ${threads}`);
      if (opened.isBlind())
        io.stdout("blind mode: on (the data directory's setting): personal data is masked before the model, file names in answers and errors");
      io.stdout(
        `rate limit: ${rateLimit === 0 ? 'off' : `${rateLimit} requests a minute per client`}, client = ${trustedProxies.length ? `X-Forwarded-For behind ${trustedProxies.join(', ')}` : 'the connecting address (no trusted proxy)'}`,
      );
      if (given === undefined && values.model) io.stdout(`token: ${token} (generated for this start; set ${serveEnv.token} to choose one)`);
      else io.stdout(`token: ${given === undefined ? "the data directory's (Settings → Prediction API)" : 'as given'}`);
      const signal = await stopRequested();
      io.stderr(`${signal}: stopping`);
      return 0;
    } finally {
      await api.close();
      await opened.close();
    }
  },
};
